import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openOfficeDatabaseRaw, openTestCore, TEST_ENV } from '../../support/core';
import { nodeScript } from '../../support/nodeScript';

const root = join(import.meta.dirname, '..', '..', '..');

function creditdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [...nodeScript(join(root, 'tools', 'creditdesk.ts')), ...args], { encoding: 'utf8', env: { ...process.env, ...TEST_ENV } });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('creditdesk audit verify: intact chain exits 0; an altered row exits 1 naming the event until acknowledged with a reason; bad arguments exit 2', async () => {
  const core = await openTestCore();
  for (let i = 0; i < 3; i++) await core.loginAs('clerk');
  await core.close();

  const ok = creditdesk('audit', 'verify', '--data-dir', core.dir);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /audit chain intact: 6 events checked/);

  const db = await openOfficeDatabaseRaw(core.dir);
  await db.exec("DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'someone-else' WHERE seq = 4;");
  await db.close();
  const broken = creditdesk('audit', 'verify', '--data-dir', core.dir);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /AUDIT_CHAIN_BROKEN: the audit log was altered at event 4/);
  assert.match(broken.out, /the trigger audit_event_no_update was dropped/);

  // The break stays until an administrator acknowledges it, with a reason; then it is listed, not failing.
  assert.equal(creditdesk('audit', 'verify', '--data-dir', core.dir).code, 1, 'still reported the second time');
  const noReason = creditdesk('audit', 'acknowledge', '--data-dir', core.dir);
  assert.equal(noReason.code, 2);
  assert.match(noReason.out, /--reason TEXT is required/);
  const ack = creditdesk('audit', 'acknowledge', '--data-dir', core.dir, '--reason', '已核实：测试中人为修改');
  assert.equal(ack.code, 0, ack.out);
  assert.match(ack.out, /acknowledged 2 problem\(s\)/);
  const after = creditdesk('audit', 'verify', '--data-dir', core.dir);
  assert.equal(after.code, 0, after.out);
  assert.match(after.out, /2 earlier finding\(s\) acknowledged by an administrator/);
  assert.match(creditdesk('audit', 'acknowledge', '--data-dir', core.dir, '--reason', 'nothing left').out, /there is no break to acknowledge/);

  assert.equal(creditdesk('audit', 'verify').code, 2);
  assert.equal(creditdesk('audit', 'verify', '--data-dir', join(core.dir, 'missing')).code, 2);
  assert.equal(creditdesk('audit', 'verify', '--data-dir', core.dir, '--frobnicate').code, 2);
  assert.equal(creditdesk('no-such-command').code, 2);
  rmSync(core.dir, { recursive: true, force: true });
});
