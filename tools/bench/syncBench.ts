// Sync figures for `npm run bench` (issue 5): a snapshot of N records (default 1,000,000;
// CREDITDESK_BENCH_SYNC_RECORDS overrides) imported — verify + apply — into a fresh provisioned
// office, against a baseline of the same rows bulk-inserted into an equally fresh database with
// no verification at all; and an export of 100,000 events. Everything runs in its own temp dirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import type { CoreContext } from '../../electron/services/context';
import { importBundle, provision, writeExport } from '../../electron/services/syncService';
import { generatePopulation } from '../../electron/seed/population';
import { MEASURES } from '../../electron/seed/measures';
import { upsertListEntries, upsertMeasures, upsertRecords, upsertSubjects } from '../../electron/store/populationStore';
import { APPLY_BATCH, forEachBatch } from '../../electron/store/syncApplyStore';
import { writeBundleFile } from '../../electron/sync/bundle/index';
import { SCHEMA_VERSION, UPDATE_FILES } from '../../electron/sync/content/schemas';
import { officeSyncKeys } from '../../electron/sync/office/officeSyncKeys';
import { initPlatform } from '../central/platform';
import { loadKeys } from '../central/centralStore';
import type { ListEntryRow, RecordRow, SubjectRow } from '../../shared/domain/population';
import { BENCH_UNLOCK } from './unlock';

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

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
    await provision(office.ctx, null, { officeCode: '370306-02', officeName: '基准窗口', trust: { kind: 'path', path: init.trustPath }, confirmFingerprint: init.fingerprint });
    const file = join(dir, 'snapshot.cdbundle');
    const tWrite = performance.now();
    writeBundleFile(file, {
      purpose: 'update', channel: 'update', sequence: 1, prevHash: null, createdAt: now, expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      sender: { name: 'platform', key: loadKeys(join(dir, 'central')).update }, recipient: { name: '370306-02', publicKey: officeSyncKeys(office.ctx.dataDir).encryption.publicKey },
      keyringVersion: 1,
      files: [
        { name: UPDATE_FILES.measures, schema: 'measures', schemaVersion: SCHEMA_VERSION, records: MEASURES },
        { name: UPDATE_FILES.subjects, schema: 'subjects', schemaVersion: SCHEMA_VERSION, records: subjects, compress: true },
        { name: UPDATE_FILES.records, schema: 'records', schemaVersion: SCHEMA_VERSION, records, compress: true },
        { name: UPDATE_FILES['list-entries'], schema: 'list-entries', schemaVersion: SCHEMA_VERSION, records: lists, compress: true },
      ],
    });
    const writeMs = performance.now() - tWrite;

    const tImport = performance.now();
    await importBundle(office.ctx, null, file, 'snapshot.cdbundle');
    const importMs = performance.now() - tImport;

    // Baseline: the same rows, already in memory, bulk-inserted into a fresh database in one transaction.
    const bare = await openCore({ dataDir: join(dir, 'bare'), now: () => now, unlock: BENCH_UNLOCK });
    const tBare = performance.now();
    await bare.ctx.db.transaction(async (tx) => {
      await upsertMeasures(tx, MEASURES);
      await forEachBatch(subjects, APPLY_BATCH, (b) => upsertSubjects(tx, b));
      await forEachBatch(records, APPLY_BATCH, (b) => upsertRecords(tx, b));
      await forEachBatch(lists, APPLY_BATCH, (b) => upsertListEntries(tx, b));
    });
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
    return {
      syncSnapshotRecords: records.length,
      syncSnapshotRows: rows,
      syncBundleWriteMs: round(writeMs),
      syncImportMs: round(importMs),
      syncImportRowsPerSec: Math.round(rows / (importMs / 1000)),
      syncBareInsertMs: round(bareMs),
      syncImportVsBareRatio: round(importMs / bareMs, 2),
      syncExportEvents: events,
      syncExportMs: round(exportMs),
      syncExportEventsPerSec: Math.round(events / (exportMs / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
