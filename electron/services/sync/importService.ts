import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleInView, FileSource, ImportPreview, ImportProgressView, ImportResult } from '../../../shared/contract/sync';
import { MAX_UPLOAD_BYTES } from '../../../shared/contract/sync';
import type { Purpose } from '../../../shared/contract/index';
import { refusalSentence } from '../../../shared/i18n/errorMessages';
import { fileExists } from '../../files/fileExists';
import { refusalOf, SyncError, syncFail } from '../../sync/content/syncError';
import { applyOfficeHalf, applyPlatformHalf } from '../../sync/office/applyUpdate';
import type { OfficePart } from '../../sync/office/applyUpdate';
import { checkOfficePreconditions } from '../../sync/office/verifyUpdate';
import { keepSummary, refusalSummary, startBundleJob } from '../../sync/worker/startBundleJob';
import { BundleError } from '../../sync/bundle/index';
import type { BundleJob } from '../../sync/worker/startBundleJob';
import type { ContentEnd, ImportPhase, JobInput, JobMode } from '../../sync/worker/protocol';
import type { PlatformWriter } from '../../db/database';
import { applyPendingRecordMarks, hasPendingRecordMarks } from '../../store/caseRecordStore';
import { APPLY_BATCH, bundleApplied, deletePendingImport, pendingImports } from '../../store/syncApplyStore';
import { dropAcknowledged } from '../../sync/office/exportBundle';
import { officeSyncKeys } from '../../sync/office/officeSyncKeys';
import { allChannels, currentKeyringRow, insertBundleIn, newestVerifiedCreatedAt, officeNameOf, listBundlesIn, type BundleInRow } from '../../store/syncStore';
import { auditIn } from '../audit/auditService';
import { calendarChanged } from '../office/calendarEntryService';
import type { Caller, CoreContext } from '../context';
import { safeJson, readSource, toAppError, type Who } from './syncCommon';

// Import: verify → preview → apply, off the serving thread, in two halves (docs/architecture.md).
// Every import and refusal leaves one audit event; a refusal also a history row and nothing else
// (bundle-security.md 12).

const stagingDir = (ctx: CoreContext) => join(ctx.dataDir, 'incoming');
const stagedPath = (ctx: CoreContext, id: string) => join(stagingDir(ctx), `${id}.cdbundle`);

/** Where an import stands, for the import screen (phase, rows written, an estimate). */
interface Progress { phase: ImportPhase; done: number; total: number; startedAt: number; applyStartedAt: number | null; job: BundleJob | null; cancelled: boolean }
const progress = new Map<string, Progress>();

async function jobInput(ctx: CoreContext, mode: JobMode, file: string): Promise<JobInput> {
  const ring = await currentKeyringRow(ctx.db);
  if (!ring) return syncFail('SYNC_NOT_PROVISIONED');
  const keys = officeSyncKeys(ctx.dataDir);
  const newest = await newestVerifiedCreatedAt(ctx.db);
  return {
    mode, file, keyringEnvelope: JSON.parse(ring.envelope) as unknown, office: { code: ctx.office.code },
    encryptionKey: keys.encryption.privateKey, ownExportKey: keys.exportSigning.rawPublic,
    channels: (await allChannels(ctx.db)).map((c) => ({ sender: c.sender, recipient: c.recipient, channel: c.channel, sequence: c.last_sequence, bundleHash: c.last_hash })),
    now: ctx.now().toISOString(), newestVerifiedCreatedAt: newest?.toISOString() ?? null, batchRows: APPLY_BATCH,
  };
}

/** A bundle for another office names that office by code and, when the roster knows it, by name. */
async function namingRecipient(ctx: CoreContext, e: unknown): Promise<unknown> {
  if (!(e instanceof BundleError) || e.code !== 'BUNDLE_RECIPIENT_MISMATCH' || e.params.recipientName) return e;
  const name = await officeNameOf(ctx.db, String(e.params.recipient));
  if (!name) return e;
  const named = new BundleError(e.code, { ...e.params, recipientName: name });
  keepSummary(e, named);
  return named;
}

/** History row and audit event of a refusal, labelled only from a header whose signature verified. */
async function recordRefusal(ctx: CoreContext, caller: Who, fileName: string | null, e: unknown): Promise<void> {
  const r = refusalOf(e);
  if (!r) return;
  const h = refusalSummary(e);
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await insertBundleIn(tx, {
      at, file_name: fileName, bundle_hash: h?.bundleHash ?? null, sender: h?.sender ?? null, channel: h?.channel ?? null,
      purpose: h?.purpose ?? null, sequence: h?.sequence ?? null, created_at: h?.createdAt ?? null, expires_at: h?.expiresAt ?? null,
      result: r.benign ? 'already_imported' : 'refused', counts: '{}', refused_code: r.code, refused_reason: null, refused_reason_zh: null, refused_params: JSON.stringify(r.params),
    });
    await auditIn(tx, ctx, caller, {
      action: r.benign ? 'sync.import_already' : 'sync.import_refused', target: fileName,
      // The sentences the operator was shown, so the auditor reads the refusal, not its code (issue 28).
      detail: { code: r.code, said: { zh: r.zh, en: r.en }, sequence: h?.sequence ?? null, sender: h?.sender ?? null, bundleHash: h?.bundleHash ?? null },
    });
  });
}

/**
 * The preview: the checks before decryption and the manifest, in the bundle worker; the content
 * itself is verified once, when it is applied. A refusal is recorded (history and audit) and thrown.
 */
export async function checkImport(ctx: CoreContext, caller: Who, file: string, fileName: string | null): Promise<Omit<ImportPreview, 'stagedId' | 'fileName'>> {
  try {
    const job = startBundleJob(await jobInput(ctx, 'preview', file));
    const p = await job.first;
    if (p.type !== 'preview') throw new Error('the bundle worker answered a preview with content');
    const h = p.summary;
    return { purpose: h.purpose, sender: h.sender, channel: h.channel, sequence: h.sequence, createdAt: h.createdAt, expiresAt: h.expiresAt, bundleHash: h.bundleHash, counts: p.counts };
  } catch (err) {
    const e = await namingRecipient(ctx, err);
    await recordRefusal(ctx, caller, fileName, e);
    throw e;
  }
}

/**
 * Verifies the bundle once in the bundle worker and applies it: the platform half on the platform
 * file while the counter goes on writing the office file, then the office half
 * (electron/sync/office/applyUpdate.ts). Already-imported is a benign no-op answered with a result.
 * `file` is a staged upload or a path the staff command line was given.
 */
export interface ImportOptions {
  /** After each batch of platform rows is written (inside the platform transaction). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** When the platform half begins ("applying") and after it committed, before the office half ("finishing"). */
  onPhase?: (phase: ImportPhase) => void | Promise<void>;
  /** The staged id the import screen asks progress and cancellation by. */
  progressKey?: string;
}

export async function importBundle(ctx: CoreContext, caller: Who, file: string, fileName: string | null, opts: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress, onPhase, progressKey } = opts;
  const track: Progress = { phase: 'checking', done: 0, total: 0, startedAt: Date.now(), applyStartedAt: null, job: null, cancelled: false };
  if (progressKey) progress.set(progressKey, track);
  try {
    const at = ctx.now().toISOString();
    const finished = await ctx.db.importExclusive(async (platform) => {
      // An office half still to do (its office transaction failed after the platform commit) is
      // done first, and the channels are read after it: the same bundle again is then "already
      // imported", never a second pending row for it (issue 29 item 8: a retry answered INTERNAL,
      // UNIQUE constraint failed: sync_import_pending.bundle_hash).
      await finishPendingRows(ctx, platform);
      const input = await jobInput(ctx, 'open', file);
      const job = startBundleJob(input, (phase) => (track.phase = phase), (m) => (track.total = m.platformRows));
      track.job = job;
      try {
        if (track.cancelled) await job.cancel();
        const h = await job.first;
        if (h.type !== 'header') throw new Error('the bundle worker answered an import with a preview');
        track.phase = 'applying';
        await onPhase?.('applying');
        track.applyStartedAt = Date.now();
        const prepare = async (end: ContentEnd) => ({
          part: {
            summary: h.summary, counts: job.manifest?.counts ?? {}, fileName, caller: caller ? { accountId: caller.accountId, username: caller.username } : null,
            at, office: end.office, newKeyring: end.newKeyring,
          },
          outcomes: await checkOfficePreconditions(ctx.db, ctx, end.office),
        });
        const part = await platform.transaction((tx) => applyPlatformHalf(tx, job, prepare, async (rows) => {
          track.done += rows;
          await onProgress?.(track.done, track.total);
        }));
        track.phase = 'finishing';
        await onPhase?.('finishing');
        return await finishImport(ctx, platform, part);
      } finally {
        track.job = null;
        await job.cancel();
      }
    });
    const s = finished.summary;
    return {
      result: 'applied', sequence: s.sequence, sender: s.sender, counts: finished.counts, acknowledgedExports: finished.acknowledged,
      message: { zh: `第 ${s.sequence} 号同步包已导入。`, en: `Bundle ${s.sequence} was imported.` },
    };
  } catch (err) {
    const e = await namingRecipient(ctx, err);
    if (track.cancelled) {
      await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'sync.import_cancelled', target: fileName, detail: { phase: track.phase } }));
      throw new SyncError('SYNC_IMPORT_CANCELLED');
    }
    await recordRefusal(ctx, caller, fileName, e);
    const r = refusalOf(e);
    if (r?.benign) {
      const h = refusalSummary(e);
      return { result: 'already_imported', sequence: h?.sequence ?? 0, sender: h?.sender ?? '', counts: {}, acknowledgedExports: [], message: { zh: r.zh, en: r.en } };
    }
    throw e;
  } finally {
    if (progressKey) progress.delete(progressKey);
  }
}

/**
 * The office half of an import whose platform half committed: one office transaction with its
 * history row and audit event, then the pending row goes. Also what start-up runs for a pending
 * row left by a kill between the two commits.
 */
async function finishImport(ctx: CoreContext, platform: PlatformWriter, part: OfficePart): Promise<OfficePart & { acknowledged: number[] }> {
  const s = part.summary;
  const effects = await platform.officeHalf(async (tx) => {
    if (await bundleApplied(tx, s.bundleHash)) return null;
    const done = await applyOfficeHalf(tx, part);
    // Objections accepted while the import held the platform file mark their records now.
    await applyPendingRecordMarks(tx);
    await insertBundleIn(tx, {
      at: part.at, file_name: part.fileName, bundle_hash: s.bundleHash, sender: s.sender, channel: s.channel, purpose: s.purpose, sequence: s.sequence,
      created_at: s.createdAt, expires_at: s.expiresAt, result: 'applied', counts: JSON.stringify(part.counts), refused_code: null, refused_reason: null, refused_reason_zh: null, refused_params: null,
    });
    await auditIn(tx, ctx, part.caller, {
      action: 'sync.import_applied', target: part.fileName,
      detail: { sender: s.sender, channel: s.channel, sequence: s.sequence, bundleHash: s.bundleHash, counts: part.counts, acknowledged: done.acknowledged },
    });
    return done;
  });
  await platform.transaction((tx) => deletePendingImport(tx, s.bundleHash));
  if (effects) {
    // Deadlines of every open case are recomputed on the new calendar (and the newly late escalated).
    if (effects.calendarChanged) await calendarChanged(ctx);
    if (effects.purposesChanged) ctx.catalogs.purposes = part.office.purposes as Purpose[];
    await dropAcknowledged(ctx.dataDir, ctx.office.code, effects.acknowledged);
  }
  return { ...part, acknowledged: effects?.acknowledged ?? [] };
}

/** The office half of every pending row, holding the platform file (`platform` is the import's writer). */
async function finishPendingRows(ctx: CoreContext, platform: PlatformWriter): Promise<number> {
  const rows = await pendingImports(ctx.db);
  for (const r of rows) await finishImport(ctx, platform, JSON.parse(r.office_part) as OfficePart);
  return rows.length;
}

/**
 * Start-up: finishes the office half of any import whose process ended between the two commits.
 * The process that opens the office owns its data directory (electron/db/dataDirOwner.ts), so
 * nothing else is importing: a pending row found here is one a dead process left.
 */
export async function finishPendingImports(ctx: CoreContext): Promise<number> {
  if (!ctx.db.platformFile) return 0;
  // A read first: a start with none, the usual case, takes no lock.
  const pending = (await pendingImports(ctx.db)).length;
  const finished = pending > 0 ? await ctx.db.importExclusive((platform) => finishPendingRows(ctx, platform)) : 0;
  // Marks queued by an import that ended before its office half wrote them (a read first: a start
  // with none, the usual case, takes no write lock).
  if (await hasPendingRecordMarks(ctx.db)) await ctx.db.transaction((tx) => applyPendingRecordMarks(tx), { platform: true });
  return finished;
}

/**
 * Stops an import before its platform half commits: the worker stops, the platform transaction
 * rolls back, nothing changes. Once the content has been read whole the commit is moments away and
 * the import finishes.
 */
export async function cancelImport(stagedId: string): Promise<{ cancelled: boolean }> {
  const t = progress.get(stagedId);
  if (!t || t.phase === 'finishing' || t.job?.end) return { cancelled: false };
  t.cancelled = true;
  await t.job?.cancel();
  return { cancelled: true };
}

export async function stageAndCheck(ctx: CoreContext, caller: Caller, src: FileSource): Promise<ImportPreview> {
  try {
    const { bytes, fileName } = await readSource(src, MAX_UPLOAD_BYTES);
    const id = createHash('sha256').update(bytes).digest('hex');
    // The worker reads files, not API bytes: the upload is staged first and removed if refused.
    await mkdir(stagingDir(ctx), { recursive: true, mode: 0o700 });
    await writeFile(stagedPath(ctx, id), bytes, { mode: 0o600 });
    bytes.fill(0);
    try {
      const preview = await checkImport(ctx, caller, stagedPath(ctx, id), fileName);
      await writeFile(`${stagedPath(ctx, id)}.name`, fileName, { mode: 0o600 });
      return { stagedId: id, fileName, ...preview };
    } catch (e) {
      await rm(stagedPath(ctx, id), { force: true });
      throw e;
    }
  } catch (e) {
    throw toAppError(e);
  }
}

export async function applyStaged(ctx: CoreContext, caller: Caller, stagedId: string): Promise<ImportResult> {
  const path = stagedPath(ctx, stagedId);
  if (!(await fileExists(path))) throw toAppError(new SyncError('SYNC_NOT_STAGED'));
  const fileName = await readFile(`${path}.name`, 'utf8').catch(() => null);
  try {
    return await importBundle(ctx, caller, path, fileName, { progressKey: stagedId });
  } catch (e) {
    throw toAppError(e);
  } finally {
    await rm(path, { force: true });
    await rm(`${path}.name`, { force: true });
  }
}

export function importProgress(stagedId: string): ImportProgressView | null {
  const t = progress.get(stagedId);
  if (!t) return null;
  const now = Date.now();
  // Rows per millisecond so far predict the rest once a tenth of the rows is written.
  const estimateMs = t.applyStartedAt !== null && t.total > 0 && t.done >= t.total / 10 ? Math.round(((now - t.applyStartedAt) / t.done) * (t.total - t.done)) : null;
  return { phase: t.phase, done: t.done, total: t.total, elapsedMs: now - t.startedAt, estimateMs, cancellable: !t.cancelled && t.phase !== 'finishing' && !t.job?.end };
}


export async function importHistory(ctx: CoreContext, limit: number): Promise<BundleInView[]> {
  return (await listBundlesIn(ctx.db, limit)).map((r) => ({
    id: r.id, at: r.at, fileName: r.file_name, sender: r.sender, purpose: r.purpose, sequence: r.sequence, createdAt: r.created_at, expiresAt: r.expires_at,
    result: r.result, counts: safeJson(r.counts), refusedCode: r.refused_code, ...refusalText(r),
  }));
}

/** Put into words when shown; rows from before migration 7 carry their sentences. */
function refusalText(r: BundleInRow): { refusedReason: string | null; refusedReasonZh: string | null } {
  if (r.refused_code && r.refused_params !== null) {
    const params = JSON.parse(r.refused_params) as Record<string, string | number>;
    const en = refusalSentence(r.refused_code, params, 'en');
    if (en !== null) return { refusedReason: en, refusedReasonZh: refusalSentence(r.refused_code, params, 'zh') };
    return { refusedReason: r.refused_code, refusedReasonZh: r.refused_code };
  }
  return { refusedReason: r.refused_reason, refusedReasonZh: r.refused_reason_zh };
}
