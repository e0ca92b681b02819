import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleOutView, ExportFile } from '../../../shared/contract/sync';
import { fileExists } from '../../files/fileExists';
import { Mutex } from '../../db/mutex';
import { copyExportTo, keptExport, gatherExport, pendingExportCounts, planExportIn, readKept, recordExportIn, writeExportFile } from '../../sync/office/exportBundle';
import type { WrittenExport } from '../../sync/office/exportBundle';
import { listBundlesOut } from '../../store/syncStore';
import { auditIn } from '../audit/auditService';
import type { CoreContext } from '../context';
import { safeJson, MAX_BASE64_DOWNLOAD, toAppError, type Who } from './syncCommon';

// Export: the office's activity to the platform, planned and recorded in short transactions and
// written outside them (docs/architecture.md).

export async function exportPending(ctx: CoreContext): Promise<Record<string, number>> {
  return pendingExportCounts(ctx.db);
}

/** One export at a time per office database: the sequence a plan takes is only recorded by its own write. */
const exportLocks = new WeakMap<object, Mutex>();
const exportLockOf = (db: object): Mutex => exportLocks.get(db) ?? exportLocks.set(db, new Mutex()).get(db)!;

/** The points between an export's steps, for a test that stops the process there. */
export type ExportPhase = 'planned' | 'written';

/**
 * Nothing slow under the write lock (issue 26): the checkpoint written and the export's bounds
 * taken in one short transaction; the rows read (a page at a time) and the bundle compressed,
 * encrypted and flushed outside any; the export recorded and its outbox rows marked in a second
 * short one. What a crash in between leaves: exportBundle.ts, ExportPlan.
 */
export async function writeExport(ctx: CoreContext, caller: Who, onPhase?: (phase: ExportPhase) => void | Promise<void>): Promise<WrittenExport> {
  try {
    return await exportLockOf(ctx.db).runExclusive(async () => {
      const plan = await ctx.db.transaction((tx) => planExportIn(tx, ctx), { name: 'export.plan' });
      await onPhase?.('planned');
      const content = await gatherExport(ctx.db, plan.bounds);
      const file = await writeExportFile(ctx, plan, content);
      await onPhase?.('written');
      try {
        return await ctx.db.transaction(async (tx) => {
          const w = await recordExportIn(tx, plan, content, file);
          await auditIn(tx, ctx, caller, { action: 'sync.export_written', target: w.fileName, detail: { sequence: w.sequence, bundleHash: w.bundleHash, counts: w.counts } });
          return w;
        }, { name: 'export.record' });
      } catch (e) {
        // Not recorded: no one was given the file, and the next export takes its sequence.
        await rm(file.path, { force: true });
        throw e;
      }
    }, 'sync.writeExport');
  } catch (e) {
    throw toAppError(e);
  }
}

async function deliver(path: string, fileName: string, outPath: string | undefined): Promise<{ base64: string | null; writtenTo: string | null }> {
  if (outPath) {
    await copyExportTo(path, outPath);
    return { base64: null, writtenTo: outPath };
  }
  const size = (await stat(path)).size;
  return { base64: size <= MAX_BASE64_DOWNLOAD ? (await readKept(path)).toString('base64') : null, writtenTo: null };
}

export async function exportWrite(ctx: CoreContext, caller: Who, outPath?: string): Promise<ExportFile> {
  const w = await writeExport(ctx, caller);
  return { sequence: w.sequence, fileName: w.fileName, sizeBytes: w.sizeBytes, counts: w.counts, ...(await deliver(w.path, w.fileName, outPath)) };
}

export async function exportAgain(ctx: CoreContext, caller: Who, sequence: number, outPath?: string): Promise<ExportFile> {
  try {
    const kept = await keptExport(ctx.db, ctx.dataDir, sequence);
    const row = (await listBundlesOut(ctx.db, 500)).find((r) => r.sequence === sequence)!;
    await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'sync.export_rewritten', target: kept.fileName, detail: { sequence } }));
    return { sequence, fileName: kept.fileName, sizeBytes: row.size_bytes, counts: safeJson(row.counts), ...(await deliver(kept.path, kept.fileName, outPath)) };
  } catch (e) {
    throw toAppError(e);
  }
}

export async function exportHistory(ctx: CoreContext, limit: number): Promise<BundleOutView[]> {
  return Promise.all((await listBundlesOut(ctx.db, limit)).map(async (r) => ({
    sequence: r.sequence, fileName: r.file_name, createdAt: r.created_at, sizeBytes: r.size_bytes, counts: safeJson(r.counts), acknowledgedAt: r.acknowledged_at,
    kept: await fileExists(join(ctx.dataDir, 'exports', r.file_name)),
  })));
}
