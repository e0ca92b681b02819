import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { SHIPPED_PROFILE_IDS as PROFILE_IDS } from '../../../shared/rules/loadProfile';
import { statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { at, caseWorld, recordId, type CaseWorld } from './fixtures';

// The year's end in every rule profile, at the instants the issue names: 1 November (next year
// missing), 28 December (deadlines running into it), 5 and 20 January (the current year missing),
// and after the arrangement is entered. At each: the receipt prints every deadline counted, a date
// past the loaded calendar says it is provisional, the case page and the queue never go blank,
// administrators and managers are warned, and a missed deadline escalates whatever the calendar knows.
let w: CaseWorld;
afterEach(() => w.core.dispose());

const INSTANTS = ['2026-11-01', '2026-12-28', '2027-01-05', '2027-01-20'] as const;
const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
const ARRANGEMENT_2027 = { year: 2027, notice: '国办发明电〔2026〕9号', holidays: statutoryHolidays(2027).map((d) => d.date), workdays: [] };
const DATE = /\d{4}-\d{2}-\d{2}/;
const year = (date: string) => Number(date.slice(0, 4));

async function receiptRows(receiptNo: string): Promise<[string, string][]> {
  const row = await w.core.ctx.db.get<{ content: string }>('SELECT content FROM receipt WHERE receipt_no = ?', [receiptNo]);
  return (JSON.parse(row!.content) as { dueDates: [string, string][] }).dueDates;
}

/** Every row of a receipt carries its date; one past 2026 (the last year loaded) is marked provisional. */
function assertReceipt(rows: [string, string][], where: string): void {
  assert.ok(rows.length > 0, `${where}: the receipt prints the deadlines counted`);
  for (const [label, text] of rows) {
    assert.ok(!text.includes('待定'), `${where}: ${label} is never 待定 (${text})`);
    const date = DATE.exec(text)?.[0];
    assert.ok(date, `${where}: ${label} prints a date (${text})`);
    assert.equal(text.includes('预计') && text.includes('以国务院 2027 年放假安排为准'), year(date) > 2026, `${where}: ${label} is provisional exactly when it falls in 2027 (${text})`);
  }
}

for (const profile of PROFILE_IDS) {
  for (const day of INSTANTS) {
    test(`${profile}, received ${day}: receipts, case page, queue, warnings and the sweep before and after 2027 is entered`, async () => {
      w = await caseWorld(at(day).toISOString(), profile);
      const where = `${profile} ${day}`;
      const visitId = await w.visit();
      const objection = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
      assertReceipt(await receiptRows(objection.receipt.receiptNo), `${where} objection`);
      const repair = await w.core.call('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R2'), evidence }, w.clerk);
      // A profile may refuse repair of this record outright; whatever it accepts is counted and printed.
      if (repair.ok) assertReceipt(await receiptRows(repair.value.receipt.receiptNo), `${where} repair`);
      else assert.ok(['NOT_ELIGIBLE', 'PROFILE_FORBIDS'].includes(repair.error.code), `${where}: repair refused for a reason (${repair.error.code})`);

      const c = await w.core.ok('objection.get', { id: objection.id }, w.manager);
      assert.ok(c.deadlines.dueOn ?? c.deadlines.decideBy, `${where}: the case page shows when it is due`);
      const rows = (await w.core.ok('cases.queue', { kind: 'objection' }, w.manager)).rows.filter((x) => x.id === objection.id);
      assert.equal(rows.length, 1);
      assert.ok(rows[0]!.dueOn, `${where}: the queue row shows a date`);
      assert.equal(rows[0]!.dueProvisional, year(rows[0]!.dueOn!) > 2026, `${where}: provisional exactly when due in 2027`);

      const admin = (await w.core.loginAs('admin')).token;
      const status = await w.core.ok('calendar.status', {}, admin);
      assert.deepEqual(status.missingYears, [2027], `${where}: 2027 is warned about (next year from 1 November, the current year in January)`);
      assert.equal(status.warn, true);
      assert.equal((await w.core.ok('calendar.status', {}, w.manager)).warn, true);
      assert.equal((await w.core.ok('calendar.status', {}, w.clerk)).warn, false);

      // Three months on, nothing entered: the case is late, and escalated, on its provisional date.
      await w.travel(at('2027-04-20'));
      await w.core.ok('cases.sweep', {}, w.manager);
      const late = (await w.core.ok('cases.queue', { kind: 'objection' }, w.manager)).rows.find((x) => x.id === objection.id)!;
      assert.equal(late.overdue, true, `${where}: overdue`);
      assert.equal(late.escalated, true, `${where}: escalated without the 2027 arrangement`);
      assert.ok(late.daysLate !== null && late.daysLate > 0, `${where}: how late it is shows`);

      // The arrangement arrives: every date is final, the warning is gone.
      const adminNow = (await w.core.loginAs('admin')).token;
      const { id } = await w.core.ok('calendar.propose', ARRANGEMENT_2027, adminNow);
      await w.core.ok('calendar.confirm', { id }, w.manager);
      const after = (await w.core.ok('cases.queue', { kind: 'objection' }, w.manager)).rows.find((x) => x.id === objection.id)!;
      assert.equal(after.dueProvisional, false, `${where}: final once 2027 is loaded`);
      assert.equal((await w.core.ok('objection.get', { id: objection.id }, w.manager)).deadlines.calendarGap, null);
      assert.equal((await w.core.ok('calendar.status', {}, adminNow)).warn, false);
    });
  }
}
