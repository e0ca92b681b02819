import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { dropGuards, reasons, restoreGuards, verifyNow } from '../../support/auditTamper';
import { openOfficeDatabaseRaw } from '../../support/core';
import { openWorld, person } from '../report/world';

// The attacker edits the office database with SQLite underneath the console (they hold the file
// and the database key, e.g. a copied data directory and a passphrase seen over a shoulder), but
// not the audit key's use through the console. Each attack must show in `audit verify`.

/** Three visits for Alice and one for Bob, then the console closes (a checkpoint is signed). */
async function officeWithHistory() {
  const w = await openWorld();
  const alice = person(1, '张晓明');
  const bob = person(2, '李华');
  await w.seed(alice, bob);
  for (const b of [alice, bob, alice, alice]) await w.lookupSelf(b);
  const dir = w.core.dir;
  await w.core.close();
  return { dir, alice, bob };
}

test('an untouched office verifies, with its newest signed checkpoint', async () => {
  const { dir } = await officeWithHistory();
  const r = await verifyNow(dir);
  assert.equal(r.ok, true, reasons(r));
  assert.ok(r.checkpoint && r.checkpoint.headSeq === r.checked, 'the checkpoint written on close covers every event');
  rmSync(dir, { recursive: true, force: true });
});

test("the re-chain: deleting a subject's query-log rows and events and recomputing the chain with SHA-256 is detected", async () => {
  const { dir, alice } = await officeWithHistory();
  const db = await openOfficeDatabaseRaw(dir);
  await dropGuards(db);
  const visits = (await db.all<{ id: number }>('SELECT id FROM visit WHERE id_number = ?', [alice.subject.idNumber])).map((v) => v.id);
  const qids = (await db.all<{ id: number }>('SELECT id FROM query_log WHERE id_number = ?', [alice.subject.idNumber])).map((q) => q.id);
  await db.run(`DELETE FROM audit_event WHERE target = ? OR target IN (${[...visits.map((v) => `'visit:${v}'`), ...qids.map((q) => `'query_log:${q}'`)].join(',')})`, [alice.subject.idNumber]);
  await db.run(`DELETE FROM query_log WHERE id_number = ?`, [alice.subject.idNumber]);
  await db.run(`DELETE FROM visit WHERE id_number = ?`, [alice.subject.idNumber]);
  // Renumber and recompute every link the way the old, unkeyed chain did; drop the checkpoints too.
  const rows = await db.all<{ seq: number; at: string; actor_id: number | null; actor: string | null; action: string; target: string | null; detail: string }>(
    'SELECT * FROM audit_event ORDER BY seq',
  );
  await db.exec('DELETE FROM audit_event; DELETE FROM audit_checkpoint;');
  let prev = '0'.repeat(64);
  for (const [i, r] of rows.entries()) {
    const seq = i + 1;
    const hash = createHash('sha256').update(prev).update('\n').update(JSON.stringify([seq, r.at, r.actor_id, r.actor, r.action, r.target, r.detail])).digest('hex');
    await db.run('INSERT INTO audit_event (seq, at, actor_id, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      seq, r.at, r.actor_id, r.actor, r.action, r.target, r.detail, prev, hash,
    ]);
    prev = hash;
  }
  await restoreGuards(db);
  await db.close();

  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.equal(r.firstBroken?.seq, 1, 'the very first recomputed link fails its MAC');
  assert.match(reasons(r), /MAC/);
  // The head file beside the database still holds the signed head of before.
  assert.match(reasons(r), /head-file checkpoint/);
  rmSync(dir, { recursive: true, force: true });
});

test('deleting the newest events is detected by the signed checkpoint, even with the database checkpoints gone', async () => {
  const { dir } = await officeWithHistory();
  const db = await openOfficeDatabaseRaw(dir);
  const head = (await db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_event'))!.seq;
  await dropGuards(db);
  await db.run('DELETE FROM audit_event WHERE seq > ?', [head - 3]);
  await restoreGuards(db);
  await db.close();
  let r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.match(reasons(r), new RegExp(`events ${head - 2}–${head} are missing: the database checkpoint`));

  const db2 = await openOfficeDatabaseRaw(dir);
  await dropGuards(db2);
  await db2.run('DELETE FROM audit_checkpoint');
  await restoreGuards(db2);
  await db2.close();
  r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.match(reasons(r), new RegExp(`events ${head - 2}–${head} are missing: the head-file checkpoint`));
  rmSync(dir, { recursive: true, force: true });
});

test('a dropped append-only trigger is reported by name', async () => {
  const { dir } = await officeWithHistory();
  const db = await openOfficeDatabaseRaw(dir);
  await db.exec('DROP TRIGGER query_log_no_delete; DROP TRIGGER visit_no_update;');
  await db.close();
  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.match(reasons(r), /trigger query_log_no_delete was dropped/);
  assert.match(reasons(r), /trigger visit_no_update was dropped/);
  rmSync(dir, { recursive: true, force: true });
});

test('a deleted query-log row, a deleted visit, an altered visit and a row slipped in underneath are each reported', async () => {
  const { dir, bob } = await officeWithHistory();
  const db = await openOfficeDatabaseRaw(dir);
  await dropGuards(db);
  const bobQuery = (await db.get<{ id: number; visit_id: number }>('SELECT id, visit_id FROM query_log WHERE id_number = ?', [bob.subject.idNumber]))!;
  await db.run('DELETE FROM query_log WHERE id = ?', [bobQuery.id]);
  await db.run('DELETE FROM visit WHERE id = ?', [bobQuery.visit_id]);
  await db.run("UPDATE visit SET purpose_code = 'other' WHERE id = 1");
  await db.run(
    // A new id past the deleted one: otherwise SQLite hands the slipped-in row the deleted row's id.
    `INSERT INTO query_log (id, at, visit_id, clerk_id, subject_id, id_number, office_code, purpose_code, outcome)
     SELECT ${bobQuery.id + 100}, at, visit_id, clerk_id, subject_id, id_number, office_code, purpose_code, outcome FROM query_log WHERE id = 1`,
  );
  await restoreGuards(db);
  await db.close();
  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  const text = reasons(r);
  assert.match(text, new RegExp(`query_log row ${bobQuery.id} \\(recorded by event \\d+\\) was deleted`));
  assert.match(text, new RegExp(`visit row ${bobQuery.visit_id} \\(recorded by event \\d+\\) was deleted`));
  assert.match(text, /visit row 1 was altered/);
  assert.match(text, /query_log row \d+ has no audit event/);
  rmSync(dir, { recursive: true, force: true });
});

test('two events swapped in place break the chain at the first of them', async () => {
  const { dir } = await officeWithHistory();
  const db = await openOfficeDatabaseRaw(dir);
  await dropGuards(db);
  await db.exec(`UPDATE audit_event SET seq = -1 WHERE seq = 3; UPDATE audit_event SET seq = 3 WHERE seq = 4; UPDATE audit_event SET seq = 4 WHERE seq = -1;`);
  await restoreGuards(db);
  await db.close();
  const r = await verifyNow(dir);
  assert.equal(r.ok, false);
  assert.equal(r.firstBroken?.seq, 3);
  rmSync(dir, { recursive: true, force: true });
});
