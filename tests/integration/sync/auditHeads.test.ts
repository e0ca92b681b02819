// Signed audit checkpoints travel to the platform in every export; the reference platform reports
// an office whose audit head went backwards (its local history was cut and re-signed).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATABASE_FILE, openCore } from '../../../electron/core';
import { AUDIT_HEAD_FILE } from '../../../electron/services/audit/auditCheckpoint';
import { writeExport } from '../../../electron/services/sync';
import { auditIn, verifyAuditChain } from '../../../electron/services/audit/auditService';
import { auditHash, type AuditEventRow } from '../../../electron/store/auditStore';
import { dropGuards, restoreGuards } from '../../support/auditTamper';
import { ingest, status } from '../../../tools/central/platform';
import { openOfficeDatabaseRaw, TEST_PASSWORD, TEST_UNLOCK } from '../../support/core';
import { syncWorld, type SyncWorld } from './world';
import { saveDownload } from '../../support/fileUpload';

/** A few logins, then the first export, which the platform ingests: what it holds from then on. */
async function firstExportIngested(w: SyncWorld, logins: number) {
  for (let i = 0; i < logins; i++) await w.core.loginAs('clerk');
  const first = w.file('export-1.cdbundle');
  saveDownload(await w.core.ok('sync.exportWrite', {}, w.operator), first);
  return ingest(w.central, first, w.core.clock.now);
}

/** The office core was closed by the test; only the platform and the directories are left. */
async function disposeClosed(w: SyncWorld): Promise<void> {
  await w.central.close();
  rmSync(w.core.dir, { recursive: true, force: true });
  rmSync(w.dir, { recursive: true, force: true });
}

test('every export carries a signed audit checkpoint; a head that went backwards is reported by the platform', async () => {
  const w = await syncWorld();
  try {
    const { core } = w;
    const got = await firstExportIngested(w, 3);
    assert.ok((got.counts['audit-checkpoints'] ?? 0) >= 1, 'the export carries a checkpoint');
    assert.deepEqual(got.auditWarnings, []);
    const head = (await core.ctx.db.get<{ seq: number }>('SELECT max(head_seq) AS seq FROM audit_checkpoint'))!.seq;

    // Someone with the database key cuts the newest events, and every local trace of the head.
    await core.close();
    const db = await openOfficeDatabaseRaw(core.dir);
    await db.exec(`DROP TRIGGER audit_event_no_delete; DROP TRIGGER audit_checkpoint_no_delete;
      DELETE FROM audit_event WHERE seq > ${head - 4}; DELETE FROM audit_checkpoint;
      CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
      CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;`);
    await db.close();
    rmSync(join(core.dir, AUDIT_HEAD_FILE));
    const again = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now });
    try {
      const written = await writeExport(again.ctx, null);
      const r = await ingest(w.central, written.path, core.clock.now);
      assert.ok(r.auditWarnings.some((m) => /went backwards/.test(m)), r.auditWarnings.join('\n'));
      assert.ok((await status(w.central)).some((l) => /AUDIT WARNING 370306-02 .*went backwards/.test(l)));
    } finally {
      await again.close();
    }
  } finally {
    await disposeClosed(w);
  }
});

test('the padded rewrite: events deleted, the chain re-keyed with the office key and padded past the old head is reported by the platform', async () => {
  const w = await syncWorld();
  try {
    const { core } = w;
    assert.deepEqual((await firstExportIngested(w, 4)).auditWarnings, []);
    const seen = (await core.ctx.db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_event'))!.seq;
    const auditKey = core.ctx.keys.audit;
    await core.close();

    // The insider: delete one login's events, re-chain every event after it with the audit key
    // itself, drop the signed heads, then pad the chain past the head the platform saw.
    const db = await openOfficeDatabaseRaw(core.dir);
    await dropGuards(db);
    const victim = (await db.get<{ seq: number }>("SELECT min(seq) AS seq FROM audit_event WHERE action = 'auth.login' AND seq > 3"))!.seq;
    await db.run('DELETE FROM audit_event WHERE seq = ?', [victim]);
    const rows = await db.all<AuditEventRow>('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq', [victim]);
    let prev = (await db.get<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = ?', [victim - 1]))!.hash;
    for (const r of rows) {
      const row = { ...r, seq: r.seq - 1 };
      const hash = auditHash(auditKey, prev, row);
      await db.run('UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?', [row.seq, prev, hash, r.seq]);
      prev = hash;
    }
    await db.run('DELETE FROM audit_checkpoint');
    await restoreGuards(db);
    await db.close();
    rmSync(join(core.dir, AUDIT_HEAD_FILE));
    const again = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now, repeatMaintenance: false });
    try {
      // Harmless events past the old head, then an export with a freshly signed checkpoint.
      for (let i = 0; i < 8; i++) await again.ctx.db.transaction((tx) => auditIn(tx, again.ctx, null, { action: 'audit.exported', target: null, detail: { padding: i } }));
      assert.ok((await again.ctx.db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_event'))!.seq > seen, 'the head moved forward');
      assert.equal((await verifyAuditChain(again.ctx)).ok, true, 'locally, the re-keyed chain verifies');
      const written = await writeExport(again.ctx, null);
      const r = await ingest(w.central, written.path, core.clock.now);
      assert.ok(r.auditWarnings.some((m) => /was rewritten: event \d+, already held, now has another MAC|does not extend event/.test(m)), r.auditWarnings.join('\n') || 'no warning');
      assert.ok((await status(w.central)).some((l) => /AUDIT WARNING 370306-02 .*rewritten/.test(l)));
    } finally {
      await again.close();
    }
  } finally {
    await disposeClosed(w);
  }
});

test('attack: an older copy of the database and head file put back in place needs no key and verifies as intact; the audit screen shows the last exported head, which differs from the platform\'s, and the next export is refused', async () => {
  const w = await syncWorld();
  try {
    const { token: auditor, account: { username: auditorName } } = await w.core.loginAs('auditor');
    assert.equal(await w.core.ok('audit.exportedHead', {}, auditor), null, 'nothing exported yet');
    await firstExportIngested(w, 2);
    const first = (await w.core.ok('audit.exportedHead', {}, auditor))!;
    const checkpoint = (await w.core.ctx.db.get<{ head_seq: number; head_hash: string; at: string }>('SELECT head_seq, head_hash, at FROM audit_checkpoint ORDER BY id DESC LIMIT 1'))!;
    assert.deepEqual(first, {
      exportSequence: 1, exportedAt: first.exportedAt, acknowledgedAt: null,
      headSeq: checkpoint.head_seq, headHashPrefix: checkpoint.head_hash.slice(0, 16), checkpointAt: checkpoint.at,
    });
    // The platform's status names the same head.
    assert.ok((await status(w.central)).some((l) => l.includes(`audit head held: event ${first.headSeq}, MAC ${first.headHashPrefix}…`)));

    // The "backup": a plain copy of two files, taken with no key at all.
    const { core } = w;
    await core.close();
    const old = w.file('old-copy');
    mkdirSync(old);
    for (const f of [DATABASE_FILE, AUDIT_HEAD_FILE]) copyFileSync(join(core.dir, f), join(old, f));

    // The office works on and exports again; the platform now holds a later head.
    let office = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now, repeatMaintenance: false });
    try {
      for (let i = 0; i < 3; i++) await office.dispatch('auth.login', { username: auditorName, password: TEST_PASSWORD }, {});
      const second = await writeExport(office.ctx, null);
      await ingest(w.central, second.path, core.clock.now);
    } finally {
      await office.close();
    }
    const held = (await status(w.central)).find((l) => l.includes('audit head held'))!;
    assert.doesNotMatch(held, new RegExp(`event ${first.headSeq},`));

    // The copy goes back in place (still no key), and the office opens on it.
    for (const f of [DATABASE_FILE, AUDIT_HEAD_FILE]) copyFileSync(join(old, f), join(core.dir, f));
    for (const f of [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(core.dir, f), { force: true });
    office = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now, repeatMaintenance: false });
    try {
      // Locally nothing is wrong: that is the limit docs/security.md states.
      assert.equal((await verifyAuditChain(office.ctx)).ok, true);
      // What the auditor sees on the audit screen: export 1's head, not the platform's.
      const login = await office.dispatch('auth.login', { username: auditorName, password: TEST_PASSWORD }, {});
      assert.ok(login.ok);
      const { token } = login.value as { token: string };
      const shown = await office.dispatch('audit.exportedHead', {}, { token });
      assert.ok(shown.ok);
      assert.deepEqual(shown.value, first);
      assert.ok(!held.includes(`event ${first.headSeq},`), `the auditor compares: the office says event ${first.headSeq}, the platform "${held}"`);
      // The platform notices at the next export: the restored office numbers it 2 again.
      const replayed = await writeExport(office.ctx, null);
      await assert.rejects(ingest(w.central, replayed.path, core.clock.now), (e: Error & { code?: string }) => e.code === 'BUNDLE_EQUIVOCATION');
    } finally {
      await office.close();
    }
  } finally {
    await disposeClosed(w);
  }
});
