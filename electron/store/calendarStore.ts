import type { CalendarTable } from '../../shared/calendar/mergeCalendar';
import type { CalendarDay } from '../../shared/calendar/workingCalendar';
import type { Queryable } from '../db/database';

/** The stored calendar, or null when no year has been loaded yet. */
export async function readCalendar(db: Queryable): Promise<CalendarTable | null> {
  const span = await db.get<{ lo: number | null; hi: number | null; n: number }>('SELECT min(year) AS lo, max(year) AS hi, count(*) AS n FROM calendar_year');
  if (!span || span.lo === null || span.hi === null) return null;
  const days = await db.all<CalendarDay>('SELECT date, kind, name FROM calendar_day ORDER BY date');
  return { days, coverage: { fromYear: span.lo, toYear: span.hi } };
}

/** Replaces the stored table with `table` (already merged); one statement per table, JSON-bound. */
export async function writeCalendar(tx: Queryable, table: CalendarTable, source: string): Promise<void> {
  await tx.run('DELETE FROM calendar_day');
  await tx.run(
    `INSERT INTO calendar_day (date, kind, name) SELECT value->>'date', value->>'kind', value->>'name' FROM json_each(?)`,
    [JSON.stringify(table.days)],
    { bulk: 'calendarStore.writeCalendar' },
  );
  const years: number[] = [];
  for (let y = table.coverage.fromYear; y <= table.coverage.toYear; y += 1) years.push(y);
  await tx.run(
    `INSERT INTO calendar_year (year, source) SELECT value, ? FROM json_each(?) WHERE true
     ON CONFLICT(year) DO NOTHING`,
    [source, JSON.stringify(years)],
  );
}
