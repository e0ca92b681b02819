import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { importCalendarYears } from '../../../electron/services/office/calendarService';
import { statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { calendarChanged } from '../../../electron/services/office/calendarEntryService';
import { at, caseWorld, recordId, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

// The official calendar is the State Council's annual notice (usually November): a deadline in a
// year not yet loaded is counted provisionally from weekends and the statutory holidays (domain-rules
// "When the year's holiday arrangement is not yet known"), said to be provisional wherever it shows,
// and recounted once the year is entered; a missed deadline escalates whatever the calendar knows.
// Default profile: annotate on receipt, forward 2 WD, decide 3/7 WD.
let w: CaseWorld;
afterEach(() => w.core.dispose());

const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
// 2027 (国办发明电〔2026〕… as it might read): every statutory holiday, Spring Festival bridged to
// Thu 11 Feb, make-up Sat 13 Feb.
const ARRANGEMENT_2027 = {
  year: 2027,
  notice: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [...statutoryHolidays(2027).map((d) => d.date), '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-13'],
};

async function intakeBoth() {
  const visitId = await w.visit();
  const objection = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const repairRecord = await recordId(w.core, 'S1-R2');
  const repair = await w.core.ok('repair.intake', { visitId, recordId: repairRecord, evidence }, w.clerk);
  return { objection, repair };
}

/** The deadline rows a receipt printed, as stored (every copy is rendered from them). */
async function receiptDueRows(receiptNo: string): Promise<[string, string][]> {
  const row = await w.core.ctx.db.get<{ content: string }>('SELECT content FROM receipt WHERE receipt_no = ?', [receiptNo]);
  return (JSON.parse(row!.content) as { dueDates: [string, string][] }).dueDates;
}

test('deadlines counted into a year without its arrangement are given provisionally, printed as such, and become final when the year is entered', async () => {
  // Received Mon 28 Dec 2026: forward by Wed 30 Dec (2 WD), own decision Thu 31 Dec (3 WD); the
  // 10-WD repair runs into 2027, counted on weekends and the statutory New Year's Day.
  w = await caseWorld('2026-12-28T02:00:00Z');
  const { objection, repair } = await intakeBoth();
  let c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
  assert.equal(c.deadlines.annotateBy, '2026-12-28');
  assert.equal(c.deadlines.forwardBy, '2026-12-30');
  assert.equal(c.deadlines.decideBy, '2026-12-31', 'route not chosen yet: the earlier of own (3 WD) and provider (7 WD, 2027-01-07 provisionally)');
  assert.deepEqual(c.deadlines.pending, []);
  assert.equal(c.deadlines.arrangedThrough, 2026);
  // Each deadline printed as counted: both fall in 2026 and are final.
  assert.deepEqual(await receiptDueRows(objection.receipt.receiptNo), [['转送提供单位时限', '2026-12-30'], ['异议处理时限', '2026-12-31']]);

  // 10 WD from Mon 28 Dec: 29, 30, 31, (1 Jan statutory), 4, 5, 6, 7, 8, 11, 12 Jan.
  let r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  assert.equal(r.dueOn, '2027-01-12');
  assert.equal(r.calendarGap, '2027-01-12');
  assert.deepEqual(await receiptDueRows(repair.receipt.receiptNo), [['办理时限', '预计 2027-01-12（以国务院 2027 年放假安排为准）']]);
  const queue = await w.core.ok('cases.queue', { kind: 'repair' }, w.manager);
  assert.deepEqual(
    queue.rows.filter((x) => x.id === repair.id).map((x) => [x.dueOn, x.dueProvisional, x.daysLeft]),
    [['2027-01-12', true, 10]],
    'the queue shows the date, says it is provisional, and counts the days left',
  );

  // From 1 November the console warns administrators and managers, not clerks.
  const admin = (await w.core.loginAs('admin')).token;
  const admin2 = (await w.core.loginAs('admin')).token;
  const warned = await w.core.ok('calendar.status', {}, admin);
  assert.equal(warned.warn, true);
  assert.deepEqual(warned.missingYears, [2027]);
  assert.equal((await w.core.ok('calendar.status', {}, w.manager)).warn, true);
  assert.equal((await w.core.ok('calendar.status', {}, w.clerk)).warn, false);

  // An administrator enters the State Council's arrangement; the same person cannot confirm it.
  const refusedClerk = await w.core.call('calendar.propose', ARRANGEMENT_2027, w.clerk);
  assert.ok(!refusedClerk.ok && refusedClerk.error.code === 'FORBIDDEN');
  const badWorkday = await w.core.call('calendar.propose', { ...ARRANGEMENT_2027, workdays: ['2027-02-15'] }, admin);
  assert.ok(!badWorkday.ok && badWorkday.error.code === 'VALIDATION', 'a make-up working day is a weekend day');
  const noQingming = await w.core.call('calendar.propose', { ...ARRANGEMENT_2027, holidays: ARRANGEMENT_2027.holidays.filter((d) => d !== '2027-04-05') }, admin);
  assert.ok(!noQingming.ok && noQingming.error.details?.reason === 'statutory_holiday_missing' && noQingming.error.details.date === '2027-04-05', 'Qingming (Mon 5 Apr) is never worked');
  const { id } = await w.core.ok('calendar.propose', ARRANGEMENT_2027, admin);
  const self = await w.core.call('calendar.confirm', { id }, admin);
  assert.ok(!self.ok && self.error.code === 'FORBIDDEN');
  r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  assert.equal(r.calendarGap, '2027-01-12', 'an unconfirmed entry counts for nothing');

  const status = await w.core.ok('calendar.confirm', { id }, admin2);
  assert.equal(status.coverage.toYear, 2027);
  assert.equal(status.warn, false);
  // 2028 is the year after the loaded one, but on 28 December 2026 no notice for it can exist.
  const tooLate = await w.core.call('calendar.propose', { ...ARRANGEMENT_2027, year: 2028, holidays: statutoryHolidays(2028).map((d) => d.date), workdays: [] }, admin);
  assert.ok(!tooLate.ok && tooLate.error.details?.reason === 'year_unknowable', 'never past next year');
  const audit = await w.core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'calendar.%' ORDER BY seq");
  assert.deepEqual(audit.map((a) => a.action), ['calendar.proposed', 'calendar.confirmed']);

  // Recounted for every open case, with no one acting on it: the same date, now final.
  c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
  assert.equal(c.deadlines.calendarGap, null);
  assert.equal(c.deadlines.arrangedThrough, 2027);
  r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  assert.equal(r.dueOn, '2027-01-12');
  assert.equal(r.calendarGap, null);

  // Once late, the background sweep escalates it.
  await w.travel(at('2027-01-14'));
  await w.core.ok('cases.sweep', {}, w.manager);
  const page = await w.core.ok('cases.queue', { kind: 'repair' }, w.manager);
  const row = page.rows.find((x) => x.id === repair.id)!;
  assert.equal(row.overdue, true);
  assert.equal(row.escalated, true);
});

test('a Shandong case due 31 December escalates in January with no 2027 arrangement; how late it is shows; the warning follows the year', async () => {
  // Shandong art. 39: own data decided within 3 WD. Received Mon 28 Dec 2026: due Thu 31 Dec.
  w = await caseWorld('2026-12-28T02:00:00Z', 'shandong');
  const visitId = await w.visit();
  const o = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  await w.core.ok('objection.act', { action: 'verify', id: o.id, version: await caseVersion(w.core, 'objection', o.id), route: 'own' }, w.manager);
  assert.equal((await w.core.ok('objection.get', { id: o.id }, w.manager)).deadlines.dueOn, '2026-12-31');

  await w.travel(at('2027-01-05'));
  const january = await w.core.ok('calendar.status', {}, (await w.core.loginAs('admin')).token);
  assert.deepEqual(january.missingYears, [2027], 'the current year is missing: warned in January too');
  assert.equal(january.warn, true);

  await w.travel(at('2027-01-11'));
  await w.core.ok('cases.sweep', {}, w.manager);
  const row = (await w.core.ok('cases.queue', { kind: 'objection' }, w.manager)).rows.find((x) => x.id === o.id)!;
  assert.equal(row.dueOn, '2026-12-31');
  assert.equal(row.dueProvisional, false, 'a date in 2026 is final');
  assert.equal(row.overdue, true);
  assert.equal(row.escalated, true);
  // Working days after 31 Dec, counted provisionally: 4, 5, 6, 7, 8, 11 January (1 January is statutory).
  assert.equal(row.daysLate, 6);
});

test('the warning starts on 1 November for next year, and not before', async () => {
  w = await caseWorld('2026-10-31T02:00:00Z');
  const admin = (await w.core.loginAs('admin')).token;
  assert.deepEqual((await w.core.ok('calendar.status', {}, admin)).missingYears, []);
  await w.travel(at('2026-11-01'));
  const status = await w.core.ok('calendar.status', {}, (await w.core.loginAs('admin')).token);
  assert.deepEqual(status.missingYears, [2027]);
  assert.equal(status.warn, true);
});

test('the platform’s calendar replaces a year entered by hand, and the open deadlines follow it', async () => {
  w = await caseWorld('2026-12-28T02:00:00Z');
  const { repair } = await intakeBoth();
  const admin = (await w.core.loginAs('admin')).token;
  const { id } = await w.core.ok('calendar.propose', ARRANGEMENT_2027, admin);
  await w.core.ok('calendar.confirm', { id }, w.manager);
  assert.equal((await w.core.ok('repair.get', { id: repair.id }, w.manager)).dueOn, '2027-01-12');
  // The platform's 2027 (as a bundle would bring it) has 4 and 5 January as holidays too.
  await importCalendarYears(
    w.core.ctx,
    { days: [{ date: '2027-01-01', kind: 'holiday' }, { date: '2027-01-04', kind: 'holiday' }, { date: '2027-01-05', kind: 'holiday' }], coverage: { fromYear: 2027, toYear: 2027 } },
    'bundle',
  );
  await calendarChanged(w.core.ctx);
  assert.equal((await w.core.ok('repair.get', { id: repair.id }, w.manager)).dueOn, '2027-01-14');
  const stored = await w.core.ctx.db.all<{ date: string }>("SELECT date FROM calendar_day WHERE date LIKE '2027-%' ORDER BY date");
  assert.deepEqual(stored.map((d) => d.date), ['2027-01-01', '2027-01-04', '2027-01-05'], 'the manual days are gone');
});
