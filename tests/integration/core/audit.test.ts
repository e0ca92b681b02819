import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { verifyAuditChain } from '../../../electron/services/audit/auditService';
import { openTestCore, type TestCore } from '../../support/core';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.dispose());

test('the audit log and query log cannot be edited or deleted through SQL', async () => {
  const { token } = await core.loginAs('clerk');
  await core.ok('counter.lookup', { idNumber: '440524188001010014', name: '李四', applicant: { kind: 'self' }, purposeCode: 'self_check' }, token);
  await assert.rejects(core.ctx.db.run("UPDATE audit_event SET actor = 'x'"), /append-only/);
  await assert.rejects(core.ctx.db.run('DELETE FROM audit_event'), /append-only/);
  await assert.rejects(core.ctx.db.run('DELETE FROM query_log'), /append-only/);
  await assert.rejects(core.ctx.db.run("UPDATE visit SET purpose_code = 'x'"), /append-only/);
});

test('audit verify reports the first broken link after a row was altered underneath', async () => {
  for (let i = 0; i < 4; i++) await core.loginAs('clerk');
  const good = await verifyAuditChain(core.ctx);
  assert.equal(good.ok, true);
  assert.ok(good.checked >= 8);
  // Someone with the file drops the guard and edits event 3.
  await core.ctx.db.exec("DROP TRIGGER audit_event_no_update; UPDATE audit_event SET detail = '{\"role\":\"admin\"}' WHERE seq = 3;");
  const bad = await verifyAuditChain(core.ctx);
  assert.equal(bad.ok, false);
  assert.equal(bad.firstBroken?.seq, 3);
});
