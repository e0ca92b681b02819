import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { builtinCalendarDays, builtinWorkingCalendar } from '../../../shared/calendar/builtinCalendar';
import { addCalendarDays } from '../../../shared/calendar/dates';
import { STATUTORY_RULES_TO, statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { CalendarNotCoveredError, WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { deadlineText, provisionalYearOf } from '../../../shared/cases/provisionalDeadline';
import { objectionDeadlines, repairProcessingDeadline } from '../../../shared/rules/deadlines';
import { SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';

// domain-rules.md, "When the year's holiday arrangement is not yet known": the statutory holidays
// (2024 revision of the Regulations on National Holidays) are computable for any year; only the
// make-up days (调休) wait for the State Council's arrangement. Checked against the years whose
// arrangement is known, so the computation is proven on real notices.

test('the statutory holidays of 2025 and 2026, computed, are all holidays or weekends in the published arrangements', () => {
  const published = builtinWorkingCalendar();
  for (const year of [2025, 2026]) {
    const days = statutoryHolidays(year);
    assert.equal(days.length, 13, `${year}: 1 + 4 + 1 + 2 + 1 + 1 + 3 days`);
    for (const d of days) assert.equal(published.isWorkingDay(d.date), false, `${d.date} ${d.name}`);
  }
  // The lunar and solar-term dates, spelled out for 2027 (Spring Festival 6 Feb, Qingming 5 Apr,
  // Dragon Boat 9 Jun, Mid-Autumn 15 Sep).
  assert.deepEqual(
    statutoryHolidays(2027).map((d) => d.date),
    ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'],
  );
  // 2028: Mid-Autumn falls on 3 October, inside National Day: one day, listed once.
  assert.equal(statutoryHolidays(2028).filter((d) => d.date === '2028-10-03').length, 1);
  assert.throws(() => statutoryHolidays(STATUTORY_RULES_TO + 1), RangeError);
});

test('an office calendar counts the years after its arrangements provisionally; a plain one still refuses to guess', () => {
  const days = builtinCalendarDays(2025, 2026);
  const plain = new WorkingCalendar(days, { fromYear: 2025, toYear: 2026 });
  assert.throws(() => plain.isWorkingDay('2027-01-04'), CalendarNotCoveredError);
  const office = plain.withProvisionalYears();
  assert.equal(office.isWorkingDay('2027-01-01'), false, 'New Year is statutory');
  assert.equal(office.isWorkingDay('2027-01-04'), true);
  assert.equal(office.isWorkingDay('2027-02-08'), false, 'the third day of the Spring Festival');
  assert.equal(office.isProvisional('2027-01-04'), true);
  assert.equal(office.isProvisional('2026-12-31'), false);
  assert.throws(() => office.isWorkingDay(`${STATUTORY_RULES_TO + 1}-01-02`), CalendarNotCoveredError, 'past the lunar tables not even a provisional count');
});

test('a provisional date says so in both languages; a final one is just the date', () => {
  assert.equal(provisionalYearOf('2027-01-12', 2026), 2027);
  assert.equal(provisionalYearOf('2026-12-31', 2026), null);
  assert.equal(deadlineText('2027-01-12', 2026, 'zh'), '预计 2027-01-12（以国务院 2027 年放假安排为准）');
  assert.match(deadlineText('2027-01-12', 2026, 'en'), /^2027-01-12, provisional \(until the State Council's 2027 holiday arrangement is loaded\)$/);
  assert.equal(deadlineText('2027-01-12', 2027, 'zh'), '2027-01-12');
});

// 2026 played as the unknown year: an office whose arrangements end with 2025 counts 2026
// provisionally; the real 2026 notice then decides. Where the counted span holds no day the notice
// changed (a make-up workday, or a holiday moved off its statutory date), both agree.
const through2025 = new WorkingCalendar(builtinCalendarDays(2004, 2025), { fromYear: 2004, toYear: 2025 }, { provisional: true });
const real = builtinWorkingCalendar();
const statutory2026 = new Set(statutoryHolidays(2026).map((d) => d.date));
/** Days of 2026 the arrangement decided: make-up workdays, and holidays the law did not name (bridges, compensation). */
const arranged2026 = new Set(builtinCalendarDays(2026, 2026).filter((d) => d.kind === 'workday' || !statutory2026.has(d.date)).map((d) => d.date));

test('property: a provisional deadline equals the final one whenever the counted span holds none of the year’s 调休', () => {
  // Received from December 2025 to October 2026, so that the real notice can count every deadline.
  const received = fc.integer({ min: 0, max: 334 }).map((n) => addCalendarDays('2025-12-01', n));
  fc.assert(
    fc.property(received, fc.constantFrom(...SHIPPED_PROFILE_IDS), fc.constantFrom<'own' | 'provider'>('own', 'provider'), (receivedOn, profileId, source) => {
      const profile = shippedProfile(profileId)!;
      const provisional = objectionDeadlines({ receivedOn, source }, profile, through2025);
      const final = objectionDeadlines({ receivedOn, source }, profile, real);
      assert.ok(provisional.ok && final.ok);
      for (const key of ['annotateBy', 'forwardBy', 'providerVerifyBy', 'decideBy', 'latestExtendedDecideBy'] as const) {
        const p: string | null = provisional.value[key];
        const f: string | null = final.value[key];
        if (p === null || f === null) {
          assert.equal(p, f, `${profileId} ${receivedOn} ${key}`);
          continue;
        }
        const end = p > f ? p : f;
        let touched = false;
        for (let d = receivedOn; d <= end; d = addCalendarDays(d, 1)) if (arranged2026.has(d)) touched = true;
        if (!touched) assert.equal(p, f, `${profileId} ${receivedOn} ${key}`);
        if (p >= '2026-01-01') assert.ok(provisional.value.provisional.includes(key), `${key} ${p} is marked provisional`);
      }
      const repairP = repairProcessingDeadline(receivedOn, profile, through2025);
      assert.ok(repairP.ok, 'a repair deadline is never blank');
    }),
    { numRuns: 400, seed: 27 },
  );
});
