// Issue 26: an export's bundle is compressed, encrypted and flushed outside the write transaction,
// between a short one that plans it and a short one that records it. A process killed between the
// steps must lose no row and export none twice (docs/bundle-format.md §9, §14): the export is
// killed after its plan and after its file, and the next export, ingested by the platform, carries
// every row of the office exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openCore } from '../../../electron/core';
import { exportWrite } from '../../../electron/services/sync';
import { exportBounds, exportFileName, exportsDir, gatherExport, pendingExportCounts } from '../../../electron/sync/office/exportBundle';
import { ingest } from '../../../tools/central/platform';
import { TEST_UNLOCK } from '../../support/core';
import { nodeScript } from '../../support/nodeScript';
import { OFFICE, syncWorld } from './world';
import { caseVersion } from '../../support/caseVersion';

/** Runs exportKillChild.ts on the office in `dir` and SIGKILLs it at `at`; resolves once it is gone. */
function killExportAt(dir: string, now: string, at: 'planned' | 'written'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeScript(join(import.meta.dirname, 'exportKillChild.ts')), dir], { env: { ...process.env, CRASH_NOW: now }, stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'recorded') reject(new Error('the export was recorded before it could be killed'));
        else if (line === `phase ${at}`) {
          killed = true;
          child.kill('SIGKILL');
        } else if (line.startsWith('phase ')) child.stdin.write('g');
      }
    });
    child.on('exit', () => (killed ? resolve() : reject(new Error('the export child exited on its own'))));
  });
}

const counted = (db: { get<T>(sql: string): Promise<T | undefined> }, table: string) => db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).then((r) => r!.n);

test('an export killed after its plan, and one killed after its file was written, lose no row and export none twice', { timeout: 120_000 }, async () => {
  const w = await syncWorld({ subjects: 30, seed: 'export-kill' });
  const dir = w.core.dir;
  try {
    assert.equal((await w.importFile(await w.publish(true))).result, 'applied');
    const clerk = (await w.core.loginAs('clerk')).token;
    const manager = (await w.core.loginAs('manager')).token;
    const people = await w.core.ctx.db.all<{ id_number: string; name: string }>('SELECT id_number, name FROM subject ORDER BY id LIMIT 5');
    const lookup = (p: { id_number: string; name: string }, purposeCode = 'self_check') =>
      w.core.ok('counter.lookup', { idNumber: p.id_number, name: p.name, applicant: { kind: 'self' }, purposeCode }, clerk);
    for (const p of people.slice(0, 3)) await lookup(p);
    const first = await exportWrite(w.core.ctx, null, w.file('export-1.cdbundle'));
    assert.equal(first.sequence, 1);
    await ingest(w.central, w.file('export-1.cdbundle'), w.core.clock.now);

    // More work: two lookups and an objection forwarded to its provider (an outbox row to mark).
    for (const p of people.slice(3)) await lookup(p);
    const target = (await w.core.ctx.db.get<{ id_number: string; name: string; record_id: number }>(
      "SELECT s.id_number, s.name, r.id AS record_id FROM record r JOIN subject s ON s.id = r.subject_id WHERE r.status = 'active' ORDER BY r.id LIMIT 1"))!;
    const visit = await lookup(target, 'admin_licensing');
    const obj = await w.core.ok('objection.intake', { visitId: visit.visitId, recordIds: [target.record_id], scope: 'wrong', description: '金额有误' }, clerk);
    await w.core.ok('objection.act', { action: 'verify', id: obj.id, version: await caseVersion(w.core, 'objection', obj.id), route: 'provider' }, manager);
    const now = w.core.clock.now.toISOString();
    await w.core.close();

    await killExportAt(dir, now, 'planned');
    await killExportAt(dir, now, 'written');
    // The killed write left its file under the name of export 2, recorded nowhere.
    const orphan = join(exportsDir(dir), exportFileName(OFFICE, 2));
    assert.equal(existsSync(orphan), true);

    const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => new Date(now), repeatMaintenance: false });
    try {
      const db = core.ctx.db;
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM sync_bundle_out'))!.n, 1, 'a killed export was recorded');
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE exported_bundle IS NOT NULL'))!.n, 0, 'a killed export marked the outbox');
      const pending = await pendingExportCounts(db);
      const second = await exportWrite(core.ctx, null, w.file('export-2.cdbundle'));
      assert.equal(second.sequence, 2);
      for (const kind of ['visits', 'query-log', 'cases', 'case-events', 'forwards'] as const) assert.equal(second.counts[kind], pending[kind], kind);
      assert.equal(second.counts.forwards, 1);

      // The platform takes export 2 after export 1 (sequence, previous hash, the audit chain
      // extended without a gap), and the two together carry every row of the office once.
      const got = await ingest(w.central, w.file('export-2.cdbundle'), new Date(now));
      assert.deepEqual(got.auditWarnings, []);
      assert.equal(first.counts.visits! + second.counts.visits!, await counted(db, 'visit'));
      assert.equal(first.counts['query-log']! + second.counts['query-log']!, await counted(db, 'query_log'));
      // The audit chain from its first event to export 2's mark, each event once.
      const auditMark = (JSON.parse((await db.get<{ ranges: string }>('SELECT ranges FROM sync_bundle_out WHERE sequence = 2'))!.ranges) as { audit: number }).audit;
      assert.equal(first.counts['audit-segment']! + second.counts['audit-segment']!, auditMark);
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE exported_bundle = (SELECT bundle_hash FROM sync_bundle_out WHERE sequence = 2)'))!.n, 1);
      // Nothing half-written is left beside the two exports.
      assert.deepEqual(readdirSync(exportsDir(dir)).sort(), [exportFileName(OFFICE, 1), exportFileName(OFFICE, 2)]);
      assert.equal((await pendingExportCounts(db)).forwards, 0);
    } finally {
      await core.close();
    }
  } finally {
    await w.central.close();
    rmSync(w.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the export screen\'s counts, made in SQL, are what an export would carry', { timeout: 120_000 }, async () => {
  const w = await syncWorld({ subjects: 30, seed: 'export-counts' });
  try {
    assert.equal((await w.importFile(await w.publish(true))).result, 'applied');
    const clerk = (await w.core.loginAs('clerk')).token;
    const manager = (await w.core.loginAs('manager')).token;
    const people = await w.core.ctx.db.all<{ id_number: string; name: string }>('SELECT id_number, name FROM subject ORDER BY id LIMIT 4');
    for (const p of people) await w.core.ok('counter.lookup', { idNumber: p.id_number, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
    const target = (await w.core.ctx.db.get<{ id_number: string; name: string; record_id: number }>(
      "SELECT s.id_number, s.name, r.id AS record_id FROM record r JOIN subject s ON s.id = r.subject_id WHERE r.status = 'active' ORDER BY r.id LIMIT 1"))!;
    const visit = await w.core.ok('counter.lookup', { idNumber: target.id_number, name: target.name, applicant: { kind: 'self' }, purposeCode: 'admin_licensing' }, clerk);
    const obj = await w.core.ok('objection.intake', { visitId: visit.visitId, recordIds: [target.record_id], scope: 'wrong', description: '金额有误' }, clerk);
    await w.core.ok('objection.act', { action: 'verify', id: obj.id, version: await caseVersion(w.core, 'objection', obj.id), route: 'provider' }, manager);
    const check = async () => {
      const db = w.core.ctx.db;
      const content = await gatherExport(db, await exportBounds(db));
      const carried = Object.fromEntries(Object.entries(content.files).map(([k, rows]) => [k, rows.length]));
      assert.deepEqual(await pendingExportCounts(db), carried);
      return carried;
    };
    const before = await check();
    assert.ok(before.visits! >= 5 && before.cases === 1 && before.forwards === 1 && before['audit-checkpoints']! >= 0, JSON.stringify(before));
    await exportWrite(w.core.ctx, null, w.file('e1.cdbundle'));
    // After an export: nothing but what the export itself wrote (its checkpoint, its audit event).
    const after = await check();
    assert.equal(after.visits, 0);
    assert.equal(after.forwards, 0);
    assert.equal(after.cases, 0);
  } finally {
    await w.dispose();
  }
});

test('two exports asked for at once are written one after the other: sequences 1 and 2, no row in both', { timeout: 120_000 }, async () => {
  const w = await syncWorld({ subjects: 10, seed: 'export-twice' });
  try {
    const [a, b] = await Promise.all([exportWrite(w.core.ctx, null), exportWrite(w.core.ctx, null)]);
    assert.deepEqual([a.sequence, b.sequence].sort(), [1, 2]);
    const rows = await w.core.ctx.db.all<{ sequence: number; ranges: string }>('SELECT sequence, ranges FROM sync_bundle_out ORDER BY sequence');
    const [r1, r2] = rows.map((r) => JSON.parse(r.ranges) as { audit: number });
    assert.ok(r2!.audit >= r1!.audit, JSON.stringify(rows));
    const second = a.sequence === 2 ? a : b;
    const first = a.sequence === 1 ? a : b;
    // Export 2 carries the audit events after export 1's mark only (export 1 wrote some itself).
    assert.equal(first.counts['audit-segment'], r1!.audit);
    assert.equal(second.counts['audit-segment'], r2!.audit - r1!.audit);
  } finally {
    await w.dispose();
  }
});
