import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import chineseDays from 'chinese-days';
import { BUILTIN_COVERAGE, builtinCalendarDays, builtinWorkingCalendar } from '../../../shared/calendar/builtinCalendar';
import { addMonthsClamped, chinaDate } from '../../../shared/calendar/dates';
import { mergeCalendar } from '../../../shared/calendar/mergeCalendar';
import {
  addCalendarDays,
  addWorkingDays,
  CalendarNotCoveredError,
  isWorkingDay,
  WorkingCalendar,
  workingDaysBetween,
} from '../../../shared/calendar/workingDays';

const cal = builtinWorkingCalendar();

describe('built-in official calendar (chinese-days)', () => {
  it('agrees with chinese-days on every day of 2025 and 2026', () => {
    // The package's functions read a date in the machine's zone (in Los Angeles they call Saturday
    // 2025-01-04 a working day, and setting TZ in-process does not undo what they cached). As an
    // oracle they are asked in a child process in China's zone, whatever zone the suite runs in.
    // Our calendar reads the package's data file and needs no zone.
    const days: string[] = [];
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) days.push(d);
    const oracle = spawnSync(process.execPath, ['--input-type=module', '-e', `import cd from 'chinese-days'; console.log(JSON.stringify(${JSON.stringify(days)}.map((d) => cd.isWorkday(d))))`], {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    assert.equal(oracle.status, 0, oracle.stderr);
    const workdays = JSON.parse(oracle.stdout) as boolean[];
    days.forEach((d, i) => assert.equal(isWorkingDay(cal, d), workdays[i], d));
  });

  it('knows the National Day 2025 arrangement: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked', () => {
    assert.equal(isWorkingDay(cal, '2025-09-28'), true);
    assert.equal(isWorkingDay(cal, '2025-10-11'), true);
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addCalendarDays(d, 1)) assert.equal(isWorkingDay(cal, d), false, d);
  });

  it('exports a plain table for the calendar_day store and refuses years it does not know', () => {
    const rows = builtinCalendarDays(2026, 2026);
    assert.ok(rows.every((r) => r.date.startsWith('2026-')));
    assert.deepEqual(rows.find((r) => r.date === '2026-02-28'), { date: '2026-02-28', kind: 'workday', name: '春节' });
    assert.deepEqual(BUILTIN_COVERAGE, { fromYear: 2004, toYear: 2026 });
    assert.throws(() => builtinCalendarDays(2026, 2027), RangeError);
    // The package itself would call 2027-10-01 a working day; we must not.
    assert.equal(chineseDays.isWorkday('2027-10-01'), true);
  });
});

describe('working-day arithmetic', () => {
  it('counts across National Day 2025 including the make-up weekend days', () => {
    const from = '2025-09-26'; // Friday
    const expected = ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13'];
    expected.forEach((date, i) => assert.equal(addWorkingDays(cal, from, i + 1), date, `${i + 1} WD`));
    assert.equal(addWorkingDays(cal, from, 20), '2025-10-30');
  });

  it('counts across Spring Festival 2026 (Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked)', () => {
    const from = '2026-02-13'; // Friday
    assert.equal(addWorkingDays(cal, from, 1), '2026-02-14');
    assert.equal(addWorkingDays(cal, from, 2), '2026-02-24');
    assert.equal(addWorkingDays(cal, from, 5), '2026-02-27');
    assert.equal(addWorkingDays(cal, from, 6), '2026-02-28');
    assert.equal(addWorkingDays(cal, from, 7), '2026-03-02');
  });

  it('does not count the start day, and n = 0 is the start day', () => {
    assert.equal(addWorkingDays(cal, '2025-09-29', 1), '2025-09-30');
    assert.equal(addWorkingDays(cal, '2025-10-04', 0), '2025-10-04');
  });

  it('workingDaysBetween is the inverse of addWorkingDays', () => {
    assert.equal(workingDaysBetween(cal, '2025-09-26', '2025-10-13'), 7);
    assert.equal(workingDaysBetween(cal, '2025-10-13', '2025-09-26'), -7);
    assert.equal(workingDaysBetween(cal, '2025-10-01', '2025-10-08'), 0);
  });

  it('leaves paused days out of the count', () => {
    // Without the pause: 3 WD from Mon 2025-11-03 is Thu 11-06.
    assert.equal(addWorkingDays(cal, '2025-11-03', 3), '2025-11-06');
    const pauses = [{ from: '2025-11-04', to: '2025-11-05' }];
    assert.equal(addWorkingDays(cal, '2025-11-03', 3, { pauses }), '2025-11-10');
    assert.equal(addWorkingDays(cal, '2025-11-03', 3, { dayKind: 'calendar', pauses }), '2025-11-08');
    assert.throws(() => addWorkingDays(cal, '2025-11-03', 3, { pauses: [{ from: '2025-11-05', to: '2025-11-04' }] }), RangeError);
  });

  it('flags a day in a year the calendar does not cover instead of guessing', () => {
    assert.throws(() => isWorkingDay(cal, '2027-01-04'), CalendarNotCoveredError);
    assert.throws(
      () => addWorkingDays(cal, '2026-12-24', 10),
      (e: unknown) => e instanceof CalendarNotCoveredError && e.code === 'CALENDAR_NOT_COVERED' && e.date === '2027-01-01',
    );
    assert.throws(() => isWorkingDay(cal, '2003-06-02'), CalendarNotCoveredError);
  });

  it('takes later years from a supplied table (a platform bundle)', () => {
    const bundle2027 = [
      { date: '2027-01-01', kind: 'holiday' as const },
      { date: '2027-02-06', kind: 'workday' as const },
    ];
    const extended = new WorkingCalendar([...builtinCalendarDays(2025, 2026), ...bundle2027], { fromYear: 2025, toYear: 2027 });
    assert.equal(addWorkingDays(extended, '2026-12-31', 1), '2027-01-04');
    assert.equal(isWorkingDay(extended, '2027-02-06'), true);
    assert.throws(() => new WorkingCalendar(bundle2027, { fromYear: 2026, toYear: 2026 }), RangeError);
    assert.throws(
      () => new WorkingCalendar([{ date: '2027-01-01', kind: 'holiday' }, { date: '2027-01-01', kind: 'workday' }], { fromYear: 2027, toYear: 2027 }),
      RangeError,
    );
  });
});

describe('dates', () => {
  it('clamps month arithmetic to the end of the month', () => {
    assert.equal(addMonthsClamped('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonthsClamped('2027-08-31', 6), '2028-02-29');
    assert.equal(addMonthsClamped('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonthsClamped('2026-01-15', 36), '2029-01-15');
  });

  it('reads an instant as a China date and is independent of the machine time zone', () => {
    assert.equal(chinaDate(new Date('2026-11-20T16:30:00Z')), '2026-11-21');
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Honolulu', 'Asia/Tokyo', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(chinaDate(new Date('2026-11-20T16:30:00Z')), '2026-11-21', tz);
        assert.equal(addWorkingDays(cal, '2025-09-26', 4), '2025-10-09', tz);
        assert.equal(addCalendarDays('2026-03-28', 2), '2026-03-30', tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('mergeCalendar', () => {
  const stored = { days: builtinCalendarDays(2025, 2026), coverage: { fromYear: 2025, toYear: 2026 } };

  it('adds a following year and replaces an amended year wholesale', () => {
    const next = { days: [{ date: '2027-01-01', kind: 'holiday' as const }], coverage: { fromYear: 2027, toYear: 2027 } };
    const merged = mergeCalendar(stored, next);
    assert.deepEqual(merged.coverage, { fromYear: 2025, toYear: 2027 });
    assert.equal(merged.days.length, stored.days.length + 1);
    const amended = mergeCalendar(merged, { days: [{ date: '2026-10-09', kind: 'holiday' }], coverage: { fromYear: 2026, toYear: 2026 } });
    assert.deepEqual(amended.days.filter((d) => d.date.startsWith('2026')), [{ date: '2026-10-09', kind: 'holiday' }]);
    const calendar = new WorkingCalendar(amended.days, amended.coverage);
    assert.equal(isWorkingDay(calendar, '2026-10-09'), false);
    assert.equal(isWorkingDay(calendar, '2026-10-01'), true, 'the 2026 rows were replaced');
  });

  it('refuses an update that would leave an uncovered year in between', () => {
    assert.throws(() => mergeCalendar(stored, { days: [], coverage: { fromYear: 2028, toYear: 2028 } }), RangeError);
  });
});
