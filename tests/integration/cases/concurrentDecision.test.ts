import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import type { ApiResult } from '../../../shared/errors';
import { caseVersion } from '../../support/caseVersion';
import { caseWorld, recordId, type CaseWorld } from './fixtures';

// Issue 23: many windows work one office's data, so two managers may have the same case open. A
// step carries the case's version the manager's page showed; a case changed since is refused with
// CASE_CHANGED naming who changed it, what they did and when, and nothing is written.

let w: CaseWorld;
afterEach(() => w.core.dispose());

const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };

/** Everything a step on a case could touch: the cases, their histories, the records, the audit chain, the outbox. */
async function officeState(): Promise<string> {
  const db = w.core.ctx.db;
  const tables = ['objection', 'objection_event', 'repair', 'repair_event', 'record', 'list_entry', 'audit_event', 'outbox'];
  const rows = await Promise.all(tables.map((t) => db.all(`SELECT * FROM ${t} ORDER BY rowid`)));
  return JSON.stringify(rows);
}

function refusedAsChanged<T>(r: ApiResult<T>): NonNullable<Extract<ApiResult<T>, { ok: false }>['error']> {
  assert.ok(!r.ok, 'the stale step must be refused');
  assert.equal(r.error.code, 'CASE_CHANGED', JSON.stringify(r.error));
  return r.error;
}

test('race: two managers decide the same objection at once — one wins, the other is told who decided it and when', async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, w.manager);
  const wang = (await w.core.loginAs('manager', 'wang')).token;
  const li = (await w.core.loginAs('manager', 'li')).token;
  // Both open the case at their windows: the same case, the same version.
  const [seenByWang, seenByLi] = await Promise.all([w.core.ok('objection.get', { id: r.id }, wang), w.core.ok('objection.get', { id: r.id }, li)]);
  assert.equal(seenByWang.version, seenByLi.version);
  w.core.clock.now = new Date('2026-11-20T02:03:00Z');

  const [a, b] = await Promise.all([
    w.core.call('objection.act', { action: 'decide', id: r.id, version: seenByWang.version, outcome: 'upheld', reason: '经核实，原信息无误。' }, wang),
    w.core.call('objection.act', { action: 'decide', id: r.id, version: seenByLi.version, outcome: 'undeterminable', reason: '无法核实。' }, li),
  ]);
  assert.equal([a, b].filter((x) => x.ok).length, 1, JSON.stringify([a, b]));
  const [won, lost, winner, outcome] = a.ok ? [a, b, 'wang', 'upheld'] : [b, a, 'li', 'undeterminable'];
  assert.ok(won.ok);
  const error = refusedAsChanged(lost);
  assert.equal(error.details?.by, winner);
  assert.equal(error.details?.action, 'objection.decide');
  assert.equal(error.details?.version, won.value.version);

  // The sentence in both languages: who, what (the audit screen's name for it) and when, Beijing time.
  assert.equal(chinaDateTime(String(error.details?.at)), '2026-11-20 10:03');
  const zh = errorMessage(error, 'zh');
  const en = errorMessage(error, 'en');
  assert.match(zh, new RegExp(`${r.caseNo}.*${winner}.*2026-11-20 10:03（北京时间）.*异议：作出决定.*本次操作未执行`));
  assert.match(en, new RegExp(`${r.caseNo}.*objection decided.*by ${winner} at 2026-11-20 10:03 \\(Beijing time\\)\\. Nothing was done`, 'i'));

  // Exactly one decision: on the case, in its history, in the audit log and in the outbox.
  const now = await w.core.ok('objection.get', { id: r.id }, w.manager);
  assert.equal(now.outcome, outcome);
  assert.equal(now.events.filter((e) => e.action === 'decide').length, 1);
  const audits = await w.core.ctx.db.all<{ actor: string }>("SELECT actor FROM audit_event WHERE action = 'objection.decide' AND target = ?", [r.caseNo]);
  assert.deepEqual(audits.map((x) => x.actor), [winner]);
  const sent = await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'objection.decision' AND ref = ?", [r.caseNo]);
  assert.equal(sent?.n, 1);
});

test('a step on a case assigned since the page was opened is refused and changes nothing; the fresh version passes', async () => {
  w = await caseWorld('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.ok('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R1'), evidence }, w.clerk);
  const wang = await w.core.loginAs('manager', 'wang');
  const li = (await w.core.loginAs('manager', 'li')).token;
  const seen = await w.core.ok('repair.get', { id: r.id }, li);
  // Meanwhile at another window, wang takes the case.
  w.core.clock.now = new Date('2026-11-21T02:04:00Z');
  await w.core.ok('cases.assign', { kind: 'repair', ids: [r.id], assigneeId: wang.account.id }, wang.token);

  const before = await officeState();
  const stale = await w.core.call('repair.act', { action: 'approve', id: r.id, version: seen.version, reason: '已整改' }, li);
  const error = refusedAsChanged(stale);
  assert.equal(await officeState(), before, 'a refused step writes nothing');
  assert.equal(error.details?.by, 'wang');
  assert.match(errorMessage(error, 'zh'), /wang于 2026-11-21 10:04（北京时间）办理：“信用修复：分配承办人”/);
  assert.match(errorMessage(error, 'en'), /"Repair assigned" by wang at 2026-11-21 10:04 \(Beijing time\)/);

  // Looking again gives the version of the case as it is; the same step then goes through.
  const fresh = await w.core.ok('repair.get', { id: r.id }, li);
  assert.notEqual(fresh.version, seen.version);
  assert.equal(fresh.assignee, 'wang');
  const done = await w.core.ok('repair.act', { action: 'approve', id: r.id, version: fresh.version, reason: '已整改' }, li);
  assert.equal(done.state, 'approved');
  assert.ok(done.version > fresh.version);
});

test('every step of an objection checks the version: a stale stop-the-clock after a step elsewhere is refused', async () => {
  w = await caseWorld('2026-11-20T02:00:00Z', 'henan');
  const visitId = await w.visit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const seen = await w.core.ok('objection.get', { id: r.id }, w.manager);
  const other = (await w.core.loginAs('manager', 'li')).token;
  await w.core.ok('objection.act', { action: 'verify', id: r.id, version: seen.version, route: 'own' }, other);
  const before = await officeState();
  refusedAsChanged(await w.core.call('objection.act', { action: 'pause', id: r.id, version: seen.version, pauseReason: 'testing', reason: '送检' }, w.manager));
  assert.equal(await officeState(), before);
});

test('a step without the version it was decided on is refused at the boundary and changes nothing', async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const before = await officeState();
  const bare = await w.core.call('objection.act', { action: 'verify', id: r.id, route: 'own' } as never, w.manager);
  assert.ok(!bare.ok && bare.error.code === 'VALIDATION', JSON.stringify(bare));
  assert.equal(await officeState(), before);
});
