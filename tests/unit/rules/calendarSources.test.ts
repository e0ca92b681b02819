import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarSourceRuns } from '../../../shared/calendar/calendarSources';

// The calendar screen and `creditdesk calendar show` say where the loaded years came from in runs.
test('loaded years are told in runs of one source: built in, a platform bundle, a confirmed manual entry', () => {
  const years = [
    ...Array.from({ length: 23 }, (_, i) => ({ year: 2004 + i, source: 'chinese-days' })),
    { year: 2028, source: 'bundle 7' },
    { year: 2027, source: 'manual:3' },
    { year: 2029, source: 'bundle 7' },
    { year: 2030, source: 'bundle 9' },
  ];
  assert.deepEqual(calendarSourceRuns(years), [
    { fromYear: 2004, toYear: 2026, kind: 'builtin', ref: null },
    { fromYear: 2027, toYear: 2027, kind: 'manual', ref: '3' },
    { fromYear: 2028, toYear: 2029, kind: 'bundle', ref: '7' },
    { fromYear: 2030, toYear: 2030, kind: 'bundle', ref: '9' },
  ]);
  assert.deepEqual(calendarSourceRuns([{ year: 2027, source: 'bundle' }, { year: 2028, source: 'something else' }]), [
    { fromYear: 2027, toYear: 2027, kind: 'bundle', ref: null },
    { fromYear: 2028, toYear: 2028, kind: 'other', ref: 'something else' },
  ]);
});
