import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { errorMessage, fieldIssues } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';
import { ARRANGEMENT_2027 } from '../../support/arrangementNotices';

// Issue 27: the calendar screen shows each refusal of an entered arrangement at its field, in the
// console's language, naming the day or year at fault (not "this value is not accepted").
let core: TestCore;
let admin: string;
before(async () => {
  core = await openTestCore({ now: '2026-12-10T02:00:00Z' });
  admin = (await core.loginAs('admin')).token;
});
after(() => core.dispose());

const proposal = { year: 2027, notice: '国办发明电〔2026〕9号', ...ARRANGEMENT_2027 };

async function refusal(input: typeof proposal) {
  const r = await core.call('calendar.propose', input, admin);
  assert.ok(!r.ok, 'refused');
  return { field: fieldIssues(r.error, 'zh')[0]?.path, zh: errorMessage(r.error, 'zh'), en: errorMessage(r.error, 'en') };
}

test('each refusal of an entered arrangement names its field and what is wrong, in Chinese and in English', async () => {
  assert.deepEqual(await refusal({ ...proposal, holidays: proposal.holidays.filter((d) => d !== '2027-04-05') }), {
    field: 'holidays',
    zh: '“放假日期”：2027-04-05（清明节）是法定节假日，安排中必须列为放假。',
    en: 'Holidays: 2027-04-05 (Qingming Festival) is a statutory holiday: list it among the holidays.',
  });
  assert.deepEqual(await refusal({ ...proposal, workdays: ['2027-02-15'] }), {
    field: 'workdays',
    zh: '“调休上班日期”：2027-02-15 本来就是工作日：调休上班日只能是周六或周日。',
    en: 'Make-up working days: 2027-02-15 is a weekday: a make-up working day is a Saturday or Sunday.',
  });
  assert.deepEqual(await refusal({ ...proposal, holidays: [...proposal.holidays, '2026-12-31'] }), {
    field: 'holidays',
    zh: '“放假日期”：2026-12-31 不在 2027 年内。',
    en: 'Holidays: 2026-12-31 is not in 2027.',
  });
  assert.deepEqual(await refusal({ ...proposal, holidays: [...proposal.holidays, '2027-02-20'] }), {
    field: 'days',
    zh: '“放假安排”：2027-02-20 既列为放假又列为上班，请核对。',
    en: 'Arrangement: 2027-02-20 is listed both as a holiday and as a working day; check the list.',
  });
  assert.deepEqual(await refusal({ ...proposal, year: 2028 }), {
    field: 'year',
    zh: '“年份”：只能录入已载入日历之后的一年（2027 年）；更早的年份由平台数据包提供。',
    en: 'Year: Only the year after the loaded calendar (2027) can be entered by hand; earlier years come from the platform.',
  });
  // A year ago no 2027 notice could exist yet.
  core.clock.now = new Date('2025-12-10T02:00:00Z');
  try {
    assert.deepEqual(await refusal(proposal), {
      field: 'year',
      zh: '“年份”：现在还不可能有 2027 年的放假安排通知（最晚只到 2026 年）。',
      en: 'Year: No notice for 2027 can have been published yet (2026 at the latest).',
    });
  } finally {
    core.clock.now = new Date('2026-12-10T02:00:00Z');
  }
});

test('only administrators and managers reach the calendar; a clerk is refused before anything is read', async () => {
  const clerk = (await core.loginAs('clerk')).token;
  const r = await core.call('calendar.propose', proposal, clerk);
  assert.ok(!r.ok && r.error.code === 'FORBIDDEN' && r.error.details?.needs === 'calendar.manage');
  const manager = (await core.loginAs('manager')).token;
  const byManager = await core.call('calendar.propose', proposal, manager);
  assert.ok(!byManager.ok && byManager.error.code === 'FORBIDDEN', 'a manager confirms; only an administrator proposes');
});
