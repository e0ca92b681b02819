import { BUILTIN_COVERAGE, builtinCalendarDays } from '../../../shared/calendar/builtinCalendar';
import { mergeCalendar, type CalendarTable } from '../../../shared/calendar/mergeCalendar';
import { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import type { Database } from '../../db/database';
import { readCalendar, writeCalendar } from '../../store/calendarStore';
import type { CoreContext } from '../context';

// The office counts deadlines on the calendar kept in the database (calendar_day), seeded from the
// chinese-days package when the core starts and extended by platform bundles; a later year is
// counted provisionally on its statutory holidays (docs/cases.md), never as an ordinary week.

const cache = new WeakMap<Database, WorkingCalendar>();

const builtinTable = (): CalendarTable => ({ days: builtinCalendarDays(BUILTIN_COVERAGE.fromYear, BUILTIN_COVERAGE.toYear), coverage: BUILTIN_COVERAGE });

/** At start (openCore): an office with no stored calendar gets the built-in years. Reads never write. */
export async function seedCalendar(ctx: Pick<CoreContext, 'db'>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if ((await readCalendar(tx)) === null) await writeCalendar(tx, builtinTable(), 'chinese-days');
  });
}

export async function officeCalendar(ctx: CoreContext): Promise<WorkingCalendar> {
  const hit = cache.get(ctx.db);
  if (hit) return hit;
  // Seeded at start; should the table be gone, the built-in years still count, and nothing is written.
  const table = (await readCalendar(ctx.db)) ?? builtinTable();
  // Years after the loaded ones are counted provisionally (weekends and statutory holidays), so
  // that no deadline goes blank at the turn of the year; each such date says so where it is shown.
  const calendar = new WorkingCalendar(table.days, table.coverage, { provisional: true });
  cache.set(ctx.db, calendar);
  return calendar;
}

/** Drops the cached calendar after a sync bundle rewrote calendar_day in its own transaction. */
export function forgetCalendar(ctx: CoreContext): void {
  cache.delete(ctx.db);
}

/**
 * Merges years from a platform bundle (or a corrected notice) into the stored calendar; the
 * bundle's years replace the stored ones entirely (mergeCalendar). Throws RangeError on a gap or a
 * malformed table, leaving the stored calendar untouched.
 */
export async function importCalendarYears(ctx: CoreContext, update: CalendarTable, source: string): Promise<void> {
  await officeCalendar(ctx);
  await ctx.db.transaction(async (tx) => {
    const merged = mergeCalendar(await readCalendar(tx), update);
    new WorkingCalendar(merged.days, merged.coverage);
    await writeCalendar(tx, merged, source);
  });
  cache.delete(ctx.db);
}
