import type { CalendarDay } from '../../shared/calendar/workingCalendar';
import type { CaseKind } from '../../shared/cases/caseTypes';
import type { Queryable } from '../db/database';
import { CASE_TABLE } from './caseStore';

export interface CalendarEntryRow {
  id: number;
  year: number;
  days: string;
  notice: string;
  proposed_by: number;
  proposed_at: string;
  status: 'pending' | 'confirmed' | 'withdrawn';
  confirmed_by: number | null;
  confirmed_at: string | null;
}

export async function insertCalendarEntry(
  tx: Queryable,
  e: { year: number; days: CalendarDay[]; notice: string; proposedBy: number; proposedAt: string },
): Promise<number> {
  // A newer proposal for the same year replaces the pending one.
  await tx.run(`UPDATE calendar_entry SET status = 'withdrawn' WHERE year = ? AND status = 'pending'`, [e.year]);
  const r = await tx.run(
    `INSERT INTO calendar_entry (year, days, notice, proposed_by, proposed_at, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
    [e.year, JSON.stringify(e.days), e.notice, e.proposedBy, e.proposedAt],
  );
  return r.lastID;
}

export function calendarEntry(db: Queryable, id: number): Promise<CalendarEntryRow | undefined> {
  return db.get<CalendarEntryRow>('SELECT * FROM calendar_entry WHERE id = ?', [id]);
}

export function pendingCalendarEntries(db: Queryable): Promise<(CalendarEntryRow & { proposer: string })[]> {
  return db.all(
    `SELECT e.*, a.display_name AS proposer FROM calendar_entry e JOIN account a ON a.id = e.proposed_by WHERE e.status = 'pending' ORDER BY e.year, e.id`,
  );
}

/** Marks a pending entry confirmed; false when it was no longer pending (confirmed or replaced meanwhile). */
export async function confirmCalendarEntry(tx: Queryable, id: number, by: number, at: string): Promise<boolean> {
  const rows = await tx.all(
    `UPDATE calendar_entry SET status = 'confirmed', confirmed_by = ?, confirmed_at = ? WHERE id = ? AND status = 'pending' RETURNING id`,
    [by, at, id],
  );
  return rows.length === 1;
}

/** Which source each loaded year came from (chinese-days, a bundle, or manual:<entry id>). */
export function calendarYearSources(db: Queryable): Promise<{ year: number; source: string }[]> {
  return db.all('SELECT year, source FROM calendar_year ORDER BY year');
}

/** Records that a platform bundle now supplies these years (its days already replaced the manual ones). */
export async function setCalendarYearSource(tx: Queryable, years: readonly number[], source: string): Promise<void> {
  await tx.run(`UPDATE calendar_year SET source = ? WHERE year IN (SELECT value FROM json_each(?))`, [source, JSON.stringify(years)]);
}

/** Ids of the open cases of a kind, whose deadlines follow the calendar. */
export async function openCaseIds(db: Queryable, kind: CaseKind): Promise<number[]> {
  const rows = await db.all<{ id: number }>(`SELECT id FROM ${CASE_TABLE[kind].table} WHERE is_open = 1 ORDER BY id`);
  return rows.map((r) => r.id);
}
