import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { importCalendarYears } from '../../../electron/services/calendarService';
import { calendarChanged } from '../../../electron/services/calendarEntryService';
import { at, caseWorld, recordId, type CaseWorld } from './fixtures';

// The official calendar is the State Council's annual notice (usually November): a deadline in a
// year not yet loaded cannot be counted, but it must never vanish, nor blank the deadlines that can
// be counted, and it must become due by itself once the year arrives (domain-rules "Objections":
// escalate a missed deadline). Default profile: annotate on receipt, forward 2 WD, decide 3/7 WD.
let w: CaseWorld;
afterEach(() => w.core.dispose());

const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
// 2027 (国办发明电〔2026〕… as it might read): New Year 1 Jan; Spring Festival 5–11 Feb, make-up Sat 13 Feb.
const ARRANGEMENT_2027 = { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知', holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-13'] };

async function intakeBoth() {
  const visitId = await w.visit();
  const objection = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const repairRecord = await recordId(w.core, 'S1-R2');
  const repair = await w.core.ok('repair.intake', { visitId, recordId: repairRecord, evidence }, w.clerk);
  return { objection, repair };
}

test('deadline beyond the loaded calendar: the countable ones are shown, only the others pending; a confirmed 2027 arrangement makes them due and overdue escalates', async () => {
  // Received Mon 28 Dec 2026: forward by Wed 30 Dec (2 WD); the 7-WD provider decision falls in 2027.
  w = await caseWorld('2026-12-28T02:00:00Z');
  const { objection, repair } = await intakeBoth();
  let c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
  assert.equal(c.deadlines.annotateBy, '2026-12-28');
  assert.equal(c.deadlines.forwardBy, '2026-12-30', 'one uncovered date does not blank the others');
  assert.equal(c.deadlines.decideBy, null);
  assert.ok(c.deadlines.pending?.includes('decideBy'));
  assert.ok(!c.deadlines.pending?.includes('forwardBy'));
  assert.equal(c.deadlines.calendarGap?.slice(0, 4), '2027');
  let r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  assert.equal(r.dueOn, null);
  assert.equal(r.calendarGap?.slice(0, 4), '2027');

  // From 1 November the console warns administrators and managers, not clerks.
  const admin = (await w.core.loginAs('admin')).token;
  const admin2 = (await w.core.loginAs('admin')).token;
  assert.equal((await w.core.ok('calendar.status', {}, admin)).warn, true);
  assert.equal((await w.core.ok('calendar.status', {}, w.manager)).warn, true);
  assert.equal((await w.core.ok('calendar.status', {}, w.clerk)).warn, false);

  // An administrator enters the State Council's arrangement; the same person cannot confirm it.
  const refusedClerk = await w.core.call('calendar.propose', ARRANGEMENT_2027, w.clerk);
  assert.ok(!refusedClerk.ok && refusedClerk.error.code === 'FORBIDDEN');
  const badWorkday = await w.core.call('calendar.propose', { ...ARRANGEMENT_2027, workdays: ['2027-02-15'] }, admin);
  assert.ok(!badWorkday.ok && badWorkday.error.code === 'VALIDATION', 'a make-up working day is a weekend day');
  const { id } = await w.core.ok('calendar.propose', ARRANGEMENT_2027, admin);
  const self = await w.core.call('calendar.confirm', { id }, admin);
  assert.ok(!self.ok && self.error.code === 'FORBIDDEN');
  c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
  assert.equal(c.deadlines.decideBy, null, 'an unconfirmed entry counts for nothing');

  const status = await w.core.ok('calendar.confirm', { id }, admin2);
  assert.equal(status.coverage.toYear, 2027);
  assert.equal(status.warn, false);
  const audit = await w.core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'calendar.%' ORDER BY seq");
  assert.deepEqual(audit.map((a) => a.action), ['calendar.proposed', 'calendar.confirmed']);

  // Recomputed for every open case, with no one acting on it.
  c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
  // 7 WD from Mon 28 Dec: 29, 30, 31 Dec, (1 Jan holiday), 4, 5, 6, 7 Jan.
  assert.equal(c.deadlines.decideBy, '2026-12-31', 'route not chosen yet: the earlier of own (3 WD) and provider (7 WD)');
  assert.deepEqual(c.deadlines.pending, []);
  assert.equal(c.deadlines.calendarGap, null);
  r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  // 10 WD from Mon 28 Dec: 29, 30, 31, 4, 5, 6, 7, 8, 11, 12 Jan.
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
