import { dueSoonSql, overdueSql } from './caseTimingSql';
import type { DashboardDay } from '../../shared/contract/dashboard';
import type { Queryable } from '../db/database';

// Dashboard counts. Visits, reports and reprints are read from day_tally (migration 21), kept by
// triggers as those rows are written; the rest is a count over an index range (migration 16): a
// day's decisions a range of objection_decided, so the cost follows the rows in the window, not the
// size of the tables. Days are China calendar days, given as
// [date, first instant, next day's first instant] so the range compares ISO strings directly.

export type DayWindow = [date: string, fromIso: string, toIso: string];

/** A day's figures as SQL returns them: the contract's DashboardDay with the row's own column names. */
export type DayCountsRow = Omit<DashboardDay, 'date' | 'decidedOnTime'> & { day: string; decided_on_time: number };

// A case decided on or before its deadline (the extended one when an extension was approved); a
// case whose deadline could not be counted is not held against the office.
const OBJECTION_ON_TIME = `date(decided_at, '+8 hours') <= coalesce(CASE WHEN extended_total_days IS NOT NULL THEN latest_extended_by END, decide_by, '9999-12-31')`;
const REPAIR_ON_TIME = `date(decided_at, '+8 hours') <= coalesce(due_on, '9999-12-31')`;

/** Counts per day; `clerkId` narrows to one clerk's own work (their visits, reports, intakes). */
export function dayCounts(db: Queryable, days: readonly DayWindow[], clerkId: number | null): Promise<DayCountsRow[]> {
  const mine = clerkId !== null;
  const clerk = (col: string) => (mine ? `${col} = ?2 AND ` : '');
  return db.all<DayCountsRow>(
    `WITH d AS (SELECT value->>0 AS day, value->>1 AS lo, value->>2 AS hi FROM json_each(?1)),
          t AS (SELECT day, sum(visits) AS visits, sum(reports) AS reports, sum(reprints) AS reprints
                  FROM day_tally WHERE ${clerk('clerk_id')}day IN (SELECT day FROM d) GROUP BY day)
     SELECT d.day AS day, coalesce(t.visits, 0) AS visits, coalesce(t.reports, 0) AS reports, coalesce(t.reprints, 0) AS reprints,
       (SELECT count(*) FROM objection WHERE ${clerk('created_by')}received_on = d.day) AS objections,
       (SELECT count(*) FROM repair WHERE ${clerk('created_by')}received_on = d.day) AS repairs,
       ${mine ? '0' : '(SELECT count(*) FROM objection WHERE decided_at >= lo AND decided_at < hi) + (SELECT count(*) FROM repair WHERE decided_at >= lo AND decided_at < hi)'} AS decided,
       ${mine ? '0' : `(SELECT count(*) FROM objection WHERE decided_at >= lo AND decided_at < hi AND ${OBJECTION_ON_TIME}) + (SELECT count(*) FROM repair WHERE decided_at >= lo AND decided_at < hi AND ${REPAIR_ON_TIME})`} AS decided_on_time
     FROM d LEFT JOIN t ON t.day = d.day ORDER BY d.day`,
    mine ? [JSON.stringify(days), clerkId] : [JSON.stringify(days)],
  );
}

/** One window's (null: the office's own console) work today, as SQL returns it. */
export interface WindowDayRow {
  window_number: number | null;
  lookups: number;
  reports: number;
  intakes: number;
}

/**
 * One day's work per window (issue 23), from window_day_tally (migration 33): windows in order,
 * then the office's own console (kept as window 0).
 */
export function windowDayCounts(db: Queryable, day: string): Promise<WindowDayRow[]> {
  return db.all<WindowDayRow>(
    `SELECT nullif(window_number, 0) AS window_number, lookups, reports, intakes FROM window_day_tally
      WHERE day = ? AND lookups + reports + intakes > 0 ORDER BY window_number = 0, window_number`,
    [day],
  );
}

export interface OpenCaseCounts {
  open: number;
  due_today: number;
  due_this_week: number;
  overdue: number;
}

/**
 * Open objection and repair cases by deadline; `assigneeId` narrows to one person's cases. A case
 * whose clock is stopped is not overdue (same rule as the queue).
 */
export async function openCaseCounts(db: Queryable, today: string, weekEnd: string, assigneeId: number | null): Promise<OpenCaseCounts> {
  // Separate counts, each a range of an index on (is_open, …, due_key): one SUM over all open rows
  // would read every open case from the table.
  const who = assigneeId === null ? '' : 'assignee_id = ?3 AND ';
  const both = (where: (kind: 'objection' | 'repair') => string) =>
    `(SELECT count(*) FROM objection WHERE ${who}${where('objection')}) + (SELECT count(*) FROM repair WHERE ${who}${where('repair')})`;
  // Due today and this week are "due soon" up to today and to the week's end (caseTiming): a
  // stopped clock or a late case counts in neither, as in the queue's filters and the workload.
  const row = await db.get<OpenCaseCounts>(
    `SELECT ${both(() => 'is_open = 1')} AS open,
            ${both((k) => dueSoonSql(k, '', '?1', '?1'))} AS due_today,
            ${both((k) => dueSoonSql(k, '', '?1', '?2'))} AS due_this_week,
            ${both((k) => overdueSql(k, '', '?1'))} AS overdue`,
    assigneeId === null ? [today, weekEnd] : [today, weekEnd, assigneeId],
  );
  return row ?? { open: 0, due_today: 0, due_this_week: 0, overdue: 0 };
}
