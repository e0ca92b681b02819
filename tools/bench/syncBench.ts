// Sync figures for `npm run bench` (issue 5): a snapshot of N records (default 1,000,000;
// CREDITDESK_BENCH_SYNC_RECORDS overrides) imported — verify + apply — into a fresh provisioned
// office, against a baseline of the same rows bulk-inserted into an equally fresh database with
// no verification at all; and an export of 100,000 events. Everything runs in its own temp dirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import type { CoreContext } from '../../electron/services/context';
import { importBundle, provision, writeExport } from '../../electron/services/sync';
import { lookup } from '../../electron/services/counter/counterService';
import type { Caller } from '../../electron/services/context';
import { percentiles, round, timeEach } from './stats';
import { generatePopulation } from '../../electron/seed/population';
import { MEASURES } from '../../electron/seed/measures';
import { upsertListEntries, upsertMeasures, upsertRecords, upsertSubjects } from '../../electron/store/populationStore';
import { APPLY_BATCH, forEachBatch } from '../../electron/store/syncApplyStore';
import { inMemory, writeBundleFile } from '../../electron/sync/bundle/index';
import { SCHEMA_VERSION, UPDATE_FILES } from '../../electron/sync/content/schemas';
import { officeSyncKeys } from '../../electron/sync/office/officeSyncKeys';
import { enrollOffice, generate, initPlatform, publish } from '../central/platform';
import { loadKeys, openCentral } from '../central/centralStore';
import type { ListEntryRow, RecordRow, SubjectRow } from '../../shared/domain/population';
import { BENCH_UNLOCK } from './unlock';

/** Samples this process's resident set every 50 ms; stop() gives the peak in MiB. */
function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return { stop: () => (clearInterval(timer), round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20, 0)) };
}

/** Runs `fn`: its time, and how far this process's resident set (workers included) grew above where it began. */
export async function measured<T>(fn: () => Promise<T>): Promise<{ out: T; ms: number; peakRssGrowthMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage.rss() / 2 ** 20;
  const rss = peakRss();
  const t = performance.now();
  const out = await fn();
  return { out, ms: round(performance.now() - t, 0), peakRssGrowthMiB: round(rss.stop() - base, 0) };
}

/** A clerk account for lookups through the core. */
export async function benchClerk(ctx: CoreContext): Promise<Caller> {
  const r = await ctx.db.transaction((tx) => tx.get<{ id: number }>(
    `INSERT INTO account (username, display_name, role, password_hash, created_at) VALUES ('bench-clerk', '基准窗口员', 'clerk', '!', ?)
     ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name RETURNING id`, [new Date().toISOString()]));
  return { accountId: r!.id, username: 'bench-clerk', role: 'clerk', tokenHash: 'bench' };
}

/**
 * The reference platform publishing a snapshot of `subjects` to an enrolled office: time, and the
 * growth of this process's resident set while it publishes (the platform's own figure).
 */
async function benchPublish(dir: string, requestBase64: string, subjects: number, now: Date): Promise<Record<string, number>> {
  const central = await openCentral(join(dir, 'central'));
  try {
    await enrollOffice(central, Buffer.from(requestBase64, 'base64'), now);
    await generate(central, { subjects, seed: 'publish-bench', today: now.toISOString().slice(0, 10) });
    const run = await measured(() => publish(central, '370306-02', { snapshot: true, now, out: join(dir, 'published.cdbundle') }));
    return { syncPublishSubjects: subjects, syncPublishMs: run.ms, syncPublishPeakRssGrowthMiB: run.peakRssGrowthMiB };
  } finally {
    await central.close();
  }
}

export async function benchSync(_ctx: CoreContext): Promise<Record<string, number>> {
  const target = Number(process.env.CREDITDESK_BENCH_SYNC_RECORDS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-syncbench-'));
  const now = new Date();
  try {
    const subjects: SubjectRow[] = [];
    const records: RecordRow[] = [];
    const lists: ListEntryRow[] = [];
    for (const b of generatePopulation({ subjects: Math.ceil(target / 3), seed: 'sync-bench', today: now.toISOString().slice(0, 10), centralIdPrefix: 'B' })) {
      if (records.length >= target) break;
      subjects.push(b.subject);
      records.push(...b.records);
      lists.push(...b.listEntries);
    }
    const init = await initPlatform(join(dir, 'central'), now);
    const office = await openCore({ dataDir: join(dir, 'office'), now: () => now, unlock: BENCH_UNLOCK });
    const provisioned = await provision(office.ctx, null, { officeCode: '370306-02', officeName: '基准窗口', trust: { kind: 'path', path: init.trustPath }, confirmFingerprint: init.fingerprint });
    const snapshot = (sequence: number, prevHash: string | null, path: string) => writeBundleFile(path, {
      purpose: 'update', channel: 'update', sequence, prevHash, createdAt: now, expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      sender: { name: 'platform', key: loadKeys(join(dir, 'central')).update }, recipient: { name: '370306-02', publicKey: officeSyncKeys(office.ctx.dataDir).encryption.publicKey },
      keyringVersion: 1,
    }, [
      { name: UPDATE_FILES.measures, schema: 'measures', schemaVersion: SCHEMA_VERSION, records: MEASURES },
      { name: UPDATE_FILES.subjects, schema: 'subjects', schemaVersion: SCHEMA_VERSION, records: subjects, compress: true },
      { name: UPDATE_FILES.records, schema: 'records', schemaVersion: SCHEMA_VERSION, records, compress: true },
      { name: UPDATE_FILES['list-entries'], schema: 'list-entries', schemaVersion: SCHEMA_VERSION, records: lists, compress: true },
    ].map(inMemory));
    const file = join(dir, 'snapshot.cdbundle');
    const tWrite = performance.now();
    const first = await snapshot(1, null, file);
    const writeMs = performance.now() - tWrite;
    const second = join(dir, 'snapshot-2.cdbundle');
    await snapshot(2, first.bundleHash, second);

    const { ms: importMs, peakRssGrowthMiB: importPeakRssGrowthMiB } = await measured(() => importBundle(office.ctx, null, file, 'snapshot.cdbundle'));

    // Lookups through the core (validation, subject view, query-log row) on the idle office, then
    // the same lookups while the second snapshot (the same rows again) applies.
    const clerk = await benchClerk(office.ctx);
    // Each lookup asks for a person not asked for before, so each writes its visit and query-log
    // row (a repeat within the repeat window would reuse the visit and write nothing).
    const people = subjects.filter((x) => x.kind === 'person').map((x) => ({ idNumber: x.idNumber, name: x.name }));
    const ask = (p: { idNumber: string; name: string }) => lookup(office.ctx, clerk, { idNumber: p.idNumber, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' });
    const idle = percentiles(await timeEach(people.slice(0, 1000), ask));
    const during: number[] = [];
    let applying = false;
    const importing = importBundle(office.ctx, null, second, 'snapshot-2.cdbundle', {
      onPhase: (phase) => {
        applying = phase === 'applying';
      },
    });
    let settled = false;
    void importing.finally(() => (settled = true));
    let fresh = 0;
    for (let i = 1000; !settled; i = i + 1 >= people.length ? 1000 : i + 1) {
      const t = performance.now();
      const r = await ask(people[i]!);
      if (applying) {
        during.push(performance.now() - t);
        if (!r.reused) fresh++;
      }
    }
    await importing;
    const duringImport = percentiles(during);

    // Baseline: the same rows, already in memory, bulk-inserted into a fresh database in one transaction.
    const bare = await openCore({ dataDir: join(dir, 'bare'), now: () => now, unlock: BENCH_UNLOCK });
    const tBare = performance.now();
    await bare.ctx.db.transaction(async (tx) => {
      await upsertMeasures(tx, MEASURES);
      await forEachBatch(subjects, APPLY_BATCH, (b) => upsertSubjects(tx, b));
      await forEachBatch(records, APPLY_BATCH, (b) => upsertRecords(tx, b));
      await forEachBatch(lists, APPLY_BATCH, (b) => upsertListEntries(tx, b));
    }, { platform: true });
    const bareMs = performance.now() - tBare;
    await bare.close();

    // Export of 100,000 events: audit events are the office's most numerous export rows.
    const events = Number(process.env.CREDITDESK_BENCH_SYNC_EVENTS ?? 100_000);
    await office.ctx.db.transaction(async (tx) => {
      await tx.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO outbox (kind, ref, payload, created_at) SELECT 'bench.event', 'B' || i, json_object('i', i, 'note', '基准事件'), ? FROM n`,
        [events, now.toISOString()],
      );
    });
    const tExport = performance.now();
    await writeExport(office.ctx, null);
    const exportMs = performance.now() - tExport;
    await office.close();
    const rows = subjects.length + records.length + lists.length;
    const published = await benchPublish(dir, provisioned.requestBase64, Number(process.env.CREDITDESK_BENCH_PUBLISH_SUBJECTS ?? 100_000), now);
    return {
      syncSnapshotRecords: records.length,
      syncImportPeakRssGrowthMiB: importPeakRssGrowthMiB,
      'sync.lookupIdleP50Ms': idle.p50,
      'sync.lookupIdleP99Ms': idle.p99,
      'sync.lookupDuringImportP50Ms': duringImport.p50,
      'sync.lookupDuringImportP99Ms': duringImport.p99,
      'sync.lookupsDuringImport': during.length,
      'sync.lookupsDuringImportWithNewVisit': fresh,
      ...published,
      syncSnapshotRows: rows,
      syncBundleWriteMs: round(writeMs, 0),
      syncImportMs: round(importMs, 0),
      syncImportRowsPerSec: Math.round(rows / (importMs / 1000)),
      syncBareInsertMs: round(bareMs, 0),
      syncImportVsBareRatio: round(importMs / bareMs, 2),
      syncExportEvents: events,
      syncExportMs: round(exportMs, 0),
      syncExportEventsPerSec: Math.round(events / (exportMs / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
