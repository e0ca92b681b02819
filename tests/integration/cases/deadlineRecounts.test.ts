import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { caseWorld, recordId, type CaseWorld } from './fixtures';

// When a year's arrangement arrives, every open case is recounted and each due date that moved is
// audited (issue 27: "cases whose date changed are listed to the manager"). The calendar screen
// lists them, so the manager can tell the applicants concerned.
let w: CaseWorld;
afterEach(() => w.core.dispose());

const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };

test('a confirmed arrangement that moves a provisional due date lists the case, with the old and the new date, to managers and administrators only', async () => {
  // Received Mon 28 Dec 2026: the 10-working-day repair is due Tue 12 Jan 2027, provisionally.
  w = await caseWorld('2026-12-28T02:00:00Z');
  const visitId = await w.visit();
  const repair = await w.core.ok('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R2'), evidence }, w.clerk);
  assert.equal((await w.core.ok('repair.get', { id: repair.id }, w.manager)).dueOn, '2027-01-12');
  assert.deepEqual((await w.core.ok('calendar.recounts', {}, w.manager)).rows, [], 'nothing recounted yet');

  // The notice bridges New Year to Monday 4 January: one working day fewer in the span.
  const admin = (await w.core.loginAs('admin')).token;
  const admin2 = (await w.core.loginAs('admin')).token;
  const holidays = [...statutoryHolidays(2027).map((d) => d.date), '2027-01-04'];
  const { id } = await w.core.ok('calendar.propose', { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知', holidays, workdays: [] }, admin);
  await w.core.ok('calendar.confirm', { id }, admin2);

  const r = await w.core.ok('repair.get', { id: repair.id }, w.manager);
  assert.equal(r.dueOn, '2027-01-13');
  const { rows } = await w.core.ok('calendar.recounts', {}, w.manager);
  const listed = rows.find((x) => x.kind === 'repair' && x.caseNo === r.caseNo);
  assert.deepEqual(listed && { from: listed.from, to: listed.to, arrangedThrough: listed.arrangedThrough }, { from: '2027-01-12', to: '2027-01-13', arrangedThrough: 2027 });
  assert.ok(rows.every((x) => x.from !== x.to), 'only cases whose date moved');
  assert.deepEqual((await w.core.ok('calendar.recounts', {}, admin)).rows, rows);
  const clerk = await w.core.call('calendar.recounts', {}, w.clerk);
  assert.ok(!clerk.ok && clerk.error.code === 'FORBIDDEN');
});
