import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_COVERAGE, builtinWorkingCalendar } from '../../../shared/calendar/builtinCalendar';
import { addCalendarDays, fromDayNumber, toDayNumber } from '../../../shared/calendar/dates';
import { addWorkingDays, workingDaysBetween } from '../../../shared/calendar/workingDays';

// Property tests (fast-check) of the working-day calendar the objection and repair deadlines use
// (State Council holiday notices, as loaded; Civil Code art. 201: the start day is not counted).
const calendar = builtinWorkingCalendar();
const table = calendar.toTable();
const from = toDayNumber(`${BUILTIN_COVERAGE.fromYear}-01-01`);
// Leave room for the longest count inside the covered years.
const to = toDayNumber(`${BUILTIN_COVERAGE.toYear}-12-31`) - 120;
const startDay = fc.integer({ min: from, max: to }).map(fromDayNumber);
const count = fc.integer({ min: 0, max: 60 });

test('property: adding n working days and counting back gives n', () => {
  fc.assert(fc.property(startDay, count, (start, n) => workingDaysBetween(calendar, start, addWorkingDays(calendar, start, n)) === n), { numRuns: 2000 });
});

test('property: a deadline of n ≥ 1 working days never lands on a holiday or an ordinary weekend', () => {
  fc.assert(
    fc.property(startDay, fc.integer({ min: 1, max: 60 }), (start, n) => calendar.isWorkingDay(addWorkingDays(calendar, start, n))),
    { numRuns: 2000 },
  );
  const holidays = new Set(table.filter((d) => d.kind === 'holiday').map((d) => d.date));
  fc.assert(fc.property(startDay, fc.integer({ min: 1, max: 60 }), (start, n) => !holidays.has(addWorkingDays(calendar, start, n))), { numRuns: 2000 });
});

test('property: a weekend make-up working day (调休) counts as one working day', () => {
  const makeUps = table.filter((d) => d.kind === 'workday').map((d) => d.date);
  assert.ok(makeUps.length > 10);
  fc.assert(
    fc.property(fc.constantFrom(...makeUps), (day) => {
      const dayBefore = addCalendarDays(day, -1);
      // One working day from the day before is the make-up day itself, although it is a weekend.
      return addWorkingDays(calendar, dayBefore, 1) === day && workingDaysBetween(calendar, dayBefore, day) === 1;
    }),
  );
});
