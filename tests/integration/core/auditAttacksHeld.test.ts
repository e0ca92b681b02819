import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { openCore } from '../../../electron/core';
import { readAuditHeadFile, writeAuditCheckpoint } from '../../../electron/services/audit/auditCheckpoint';
import { acknowledgeAuditBreak, verifyAuditChain } from '../../../electron/services/audit/auditService';
import { contract, isMethodName, roleHas, type MethodName } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/domain/account';
import { fieldIssues } from '../../../shared/i18n/errorMessages';
import { dropGuards, reasons, restoreGuards, verifyNow } from '../../support/auditTamper';
import { openOfficeDatabaseRaw, openTestCore, TEST_UNLOCK } from '../../support/core';
import { openWorld, person } from '../report/world';

// Attacks that used to get through (issue 29, items 1, 2 and 4), each written as the attack.
// The attacker edits the office database underneath the console (they hold the file and its key),
// or types into the console what its forms never produce.

test('a tail cut back to the last database checkpoint stays detected across verifies and restarts until an administrator acknowledges it', async () => {
  const w = await openWorld();
  const people = [person(1, '张晓明'), person(2, '李华'), person(3, '王芳'), person(4, '赵强')];
  await w.seed(...people);
  await w.lookupSelf(people[0]!);
  const middle = (await writeAuditCheckpoint(w.core.ctx))!; // a database checkpoint, as every 100th event makes
  for (const p of people.slice(1)) await w.lookupSelf(p);
  const dir = w.core.dir;
  await w.core.close(); // signs the newer head, in the database and in audit-head.json
  const signedHead = ((await readAuditHeadFile(dir)) as { head_seq: number }).head_seq;
  assert.ok(signedHead > middle.head_seq);

  // The attack: cut the events and checkpoints back to the middle checkpoint.
  const db = await openOfficeDatabaseRaw(dir);
  await dropGuards(db);
  await db.run('DELETE FROM audit_event WHERE seq > ?', [middle.head_seq]);
  await db.run('DELETE FROM audit_checkpoint WHERE head_seq > ?', [middle.head_seq]);
  await restoreGuards(db);
  await db.close();

  // Reported by the first verify, by the second, and after the console started and stopped.
  for (let round = 1; round <= 3; round++) {
    const r = await verifyNow(dir); // opens and closes the core: the close used to write the old head
    assert.equal(r.ok, false, `round ${round}`);
    assert.match(reasons(r), new RegExp(`events ${middle.head_seq + 1}–${signedHead} are missing: the head-file checkpoint`));
    assert.equal(((await readAuditHeadFile(dir)) as { head_seq: number }).head_seq, signedHead, 'the head file still holds the newer head');
  }

  // An administrator looks, says why, and from then on checks measure from the new head.
  const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => new Date('2026-11-22T03:00:00Z'), repeatMaintenance: false });
  const ack = await acknowledgeAuditBreak(core.ctx, null, '备份恢复后核对：第 N 号之后的事件在旧库中，已另行存档');
  assert.ok(ack);
  assert.match(ack.problems.join('\n'), /are missing/);
  const event = await core.ctx.db.get<{ action: string; detail: string }>('SELECT action, detail FROM audit_event WHERE seq = ?', [ack.checkpoint.head_seq]);
  assert.equal(event?.action, 'audit.break_acknowledged');
  assert.match(event!.detail, /备份恢复后核对/);
  assert.equal(await acknowledgeAuditBreak(core.ctx, null, 'again'), null, 'nothing to acknowledge once intact');
  await core.close();
  const after = await verifyNow(dir);
  assert.equal(after.ok, true, reasons(after));
  assert.ok((after.acknowledged ?? []).some((a) => /has no audit event/.test(a.reason) && a.acknowledgedBy === ack.checkpoint.head_seq), 'what was acknowledged is still listed');

  // An edit after the acknowledgement is a new finding: it fails the check.
  const db2 = await openOfficeDatabaseRaw(dir);
  await dropGuards(db2);
  await db2.run("UPDATE audit_event SET target = 'later edit' WHERE seq = 2");
  await restoreGuards(db2);
  await db2.close();
  const later = await verifyNow(dir);
  assert.equal(later.ok, false);
  assert.equal(later.firstBroken?.seq, 2);
  rmSync(dir, { recursive: true, force: true });
});

test('a guard rewritten never to fire (WHEN 0) but still saying RAISE(ABORT is reported, though DELETE then works', async () => {
  const w = await openWorld();
  const alice = person(1, '张晓明');
  await w.seed(alice);
  await w.lookupSelf(alice);
  const dir = w.core.dir;
  await w.core.close();

  const db = await openOfficeDatabaseRaw(dir);
  await db.exec(`DROP TRIGGER query_log_no_delete;
    CREATE TRIGGER query_log_no_delete BEFORE DELETE ON query_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'query_log is append-only'); END;`);
  await db.run('DELETE FROM query_log'); // the neutered guard lets it through
  await db.exec('CREATE TRIGGER extra_cleanup AFTER INSERT ON query_log BEGIN DELETE FROM visit WHERE 0; END;');
  await db.close();
  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.match(reasons(r), /the trigger query_log_no_delete was changed/);
  assert.match(reasons(r), /the trigger extra_cleanup was added/);
  assert.match(reasons(r), /query_log row 1 \(recorded by event \d+\) was deleted/);
  rmSync(dir, { recursive: true, force: true });
});

test('every broken link is reported, so an early bad event cannot hide a later edit', async () => {
  const w = await openWorld();
  const people = [person(1, '张晓明'), person(2, '李华'), person(3, '王芳')];
  await w.seed(...people);
  for (const p of people) await w.lookupSelf(p);
  const dir = w.core.dir;
  await w.core.close();
  const db = await openOfficeDatabaseRaw(dir);
  const head = (await db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_event'))!.seq;
  await dropGuards(db);
  await db.run("UPDATE audit_event SET target = 'edited early' WHERE seq = 2");
  await db.run("UPDATE audit_event SET target = 'edited late' WHERE seq = ?", [head - 1]);
  await restoreGuards(db);
  await db.close();
  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  const broken = (r.problems ?? []).filter((p) => /MAC/.test(p.reason)).map((p) => p.seq);
  assert.deepEqual(broken, [2, head - 1]);
  assert.equal(r.checked, head - 2, 'every other event checks out');
  rmSync(dir, { recursive: true, force: true });
});

test('a lone surrogate typed into report verification is refused at the boundary; the chain stays intact', async () => {
  const core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  const clerk = (await core.loginAs('clerk')).token;
  const before = (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n;
  const r = await core.call('report.verify', { reportNo: 'R2026\ud800', code: 'ABCD' }, clerk);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.code, 'VALIDATION');
  assert.deepEqual(fieldIssues(r.error, 'zh'), [{ path: 'reportNo', message: '含有无法识别的字符（不成对的代理码元），请删除后重新输入。' }]);
  assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n, before, 'nothing was recorded');
  // A well-formed pair (𠮷, U+20BB7) is text like any other.
  const fine = await core.call('report.verify', { reportNo: 'R2026𠮷', code: 'ABCD' }, clerk);
  assert.ok(fine.ok || fine.error.code !== 'VALIDATION', 'a surrogate pair passes the boundary');
  const v = await verifyAuditChain(core.ctx);
  assert.equal(v.ok, true, (v.problems ?? []).map((p) => p.reason).join('\n'));
  await core.dispose();
});

/** The top-level fields a method's input schema names (the first alternative of a union). */
function fieldsOf(method: MethodName): string[] {
  const schema = contract[method].input as unknown as { shape?: Record<string, unknown>; options?: { shape?: Record<string, unknown> }[] };
  return Object.keys(schema.shape ?? schema.options?.[0]?.shape ?? {});
}

test('property: through every method and every field of the contract, text with a lone surrogate is refused, naming the field', async () => {
  const core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  const tokens = new Map<Role, string>();
  for (const role of ROLES) tokens.set(role, (await core.loginAs(role)).token);
  const methods = Object.keys(contract).filter(isMethodName);
  const cases = methods.flatMap((m) => fieldsOf(m).map((field) => ({ method: m, field })));
  assert.ok(cases.length > 100, `the contract's fields were found (${cases.length})`);
  const lone = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...cases), fc.string({ maxLength: 20 }), lone, fc.string({ maxLength: 20 }), async ({ method, field }, head, bad, tail) => {
      const access = contract[method].access;
      const role = ROLES.find((r) => access === 'public' || access === 'session' || roleHas(r, access))!;
      const r = await core.call(method, { [field]: `${head}${bad}${tail}` } as never, tokens.get(role));
      assert.equal(r.ok, false, `${method}.${field}`);
      if (r.ok) return;
      // A method refused before its input is read (a role check, or a password change first) says so; the rest name the field.
      if (r.error.code === 'VALIDATION') assert.deepEqual(fieldIssues(r.error, 'en').map((i) => i.path), [field], `${method}.${field}`);
      else assert.match(r.error.code, /FORBIDDEN|PASSWORD_CHANGE_REQUIRED|UNAUTHENTICATED/, `${method}.${field}: ${r.error.code}`);
    }),
    { numRuns: 300, seed: 29 },
  );
  await core.dispose();
});
