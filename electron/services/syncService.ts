import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  BundleInView, BundleOutView, ExportFile, FileSource, ImportPreview, ImportResult, ProvisionResult, SyncStatus, TrustPreviewView,
} from '../../shared/contract/sync';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/sync';
import type { Purpose } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { refusalOf, refusalSentences, SyncError, syncFail } from '../sync/content/syncError';
import { applyUpdate } from '../sync/office/applyUpdate';
import { copyExportTo, dropAcknowledged, keptExport, pendingExportCounts, readKept, writeExportIn } from '../sync/office/exportBundle';
import type { WrittenExport } from '../sync/office/exportBundle';
import { officeSyncKeys } from '../sync/office/officeSyncKeys';
import { fingerprintConfirmed, makeEnrollmentRequest, readTrustFile } from '../sync/office/provisioning';
import { peekHeader, verifyUpdate } from '../sync/office/verifyUpdate';
import { allChannels, currentKeyringRow, insertBundleIn, provisioningKeyringRow, insertKeyring, lastBundleOut, listBundlesIn, listBundlesOut, type BundleInRow } from '../store/syncStore';
import { setSetting } from '../store/settingsStore';
import { auditIn } from './auditService';
import { calendarChanged } from './calendarEntryService';
import type { Caller, CoreContext } from './context';
import { officeSigningKey } from './officeKeyService';

// Office side of sync: provisioning, import (verify → preview → apply in one transaction) and
// export. Every import, export and refusal leaves one audit event; a refusal also a history row
// and nothing else (bundle-security.md 8, 12).

type Who = Pick<Caller, 'accountId' | 'username'> | null;

export const ENROLLMENT_FILE = 'enrollment-request.json';
const MAX_BASE64_DOWNLOAD = 48 * 1024 * 1024;

/** A refusal crosses the API as SYNC_REFUSED with the specific code and both sentences. */
export function toAppError(e: unknown): unknown {
  const r = refusalOf(e);
  return r ? new AppError('SYNC_REFUSED', r.en, { reason: r.code, zh: r.zh, en: r.en }) : e;
}

/**
 * Where a sync service reads a file from: the bytes an API caller uploaded, or (for the staff
 * command line only, which picks its own files and is not an API caller) a path on this machine.
 */
export type LocalFileSource = FileSource | { kind: 'path'; path: string };

function readSource(src: LocalFileSource, cap: number): { bytes: Buffer; fileName: string } {
  if (src.kind === 'upload') {
    const bytes = Buffer.from(src.base64, 'base64');
    if (bytes.length > cap) syncFail('SYNC_FILE_UNREADABLE', { detail: `larger than ${cap} bytes; import it with the staff command line (creditdesk sync import)` });
    return { bytes, fileName: basename(src.fileName) };
  }
  try {
    const size = statSync(src.path).size;
    if (size > cap) return syncFail('SYNC_FILE_UNREADABLE', { detail: `larger than ${cap} bytes` });
    return { bytes: readFileSync(src.path), fileName: basename(src.path) };
  } catch (e) {
    if (e instanceof SyncError) throw e;
    return syncFail('SYNC_FILE_UNREADABLE', { detail: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}

export async function syncStatus(ctx: CoreContext): Promise<SyncStatus> {
  const ring = await currentKeyringRow(ctx.db);
  const last = await lastBundleOut(ctx.db);
  return {
    provisioned: ring !== undefined,
    officeCode: ctx.office.code,
    officeName: ctx.office.name,
    keyringVersion: ring?.version ?? null,
    keyringFingerprint: ring?.fingerprint ?? null,
    channels: (await allChannels(ctx.db)).map((c) => ({ sender: c.sender, channel: c.channel, lastSequence: c.last_sequence, updatedAt: c.updated_at })),
    lastExport: last ? { sequence: last.sequence, createdAt: last.created_at, acknowledgedAt: last.acknowledged_at } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Provisioning

export function trustPreview(src: LocalFileSource): TrustPreviewView {
  try {
    return readTrustFile(readSource(src, 256 * 1024).bytes).preview;
  } catch (e) {
    throw toAppError(e);
  }
}

export async function provision(ctx: CoreContext, caller: Who, input: { officeCode: string; officeName: string; trust: LocalFileSource; confirmFingerprint: string }): Promise<ProvisionResult> {
  try {
    if (!/^\d{6}-\d{2}$/.test(input.officeCode)) syncFail('SYNC_OFFICE_CODE_INVALID');
    if (await currentKeyringRow(ctx.db)) syncFail('SYNC_ALREADY_PROVISIONED');
    const { keyring, envelope, preview } = readTrustFile(readSource(input.trust, 256 * 1024).bytes);
    if (!fingerprintConfirmed(input.confirmFingerprint, preview.fingerprint)) syncFail('SYNC_FINGERPRINT_MISMATCH');
    const at = ctx.now().toISOString();
    const request = enrollmentBytes(ctx, { officeCode: input.officeCode, officeName: input.officeName, at, keyringVersion: keyring.version, trustFingerprint: preview.fingerprint });
    await ctx.db.transaction(async (tx) => {
      if (await currentKeyringRow(tx)) syncFail('SYNC_ALREADY_PROVISIONED');
      await insertKeyring(tx, { version: keyring.version, envelope: JSON.stringify(envelope), fingerprint: preview.fingerprint, installed_at: at, source: 'provisioning' });
      await setSetting(tx, 'office_code', input.officeCode);
      await setSetting(tx, 'office_name', input.officeName);
      await auditIn(tx, ctx, caller, {
        action: 'sync.provisioned', target: input.officeCode,
        detail: { officeName: input.officeName, keyringVersion: keyring.version, fingerprint: preview.fingerprint, confirmedBy: caller?.username ?? 'cli' },
      });
    });
    writeFileSync(join(ctx.dataDir, ENROLLMENT_FILE), request, { mode: 0o600 });
    ctx.office = { code: input.officeCode, name: input.officeName };
    return { fingerprint: preview.fingerprint, requestFileName: `enrollment-${input.officeCode}.json`, requestBase64: request.toString('base64') };
  } catch (e) {
    throw toAppError(e);
  }
}

/** The signed enrollment request: the office's public keys, for the platform to enrol it. */
function enrollmentBytes(ctx: CoreContext, r: { officeCode: string; officeName: string; at: string; keyringVersion: number; trustFingerprint: string }): Buffer {
  const keys = officeSyncKeys(ctx.dataDir);
  const report = officeSigningKey(ctx);
  return makeEnrollmentRequest({
    format: 'creditdesk-enrollment', formatVersion: 1, officeCode: r.officeCode, officeName: r.officeName, createdAt: r.at,
    keyringVersion: r.keyringVersion, trustFingerprint: r.trustFingerprint,
    encryptionKey: keys.encryption.rawPublic.toString('hex'), exportSigningKey: keys.exportSigning.rawPublic.toString('hex'),
    reportSigningKey: { keyId: report.keyId, publicKeyPem: report.publicKeyPem },
  }, keys.exportSigning);
}

export async function enrollmentRequest(ctx: CoreContext): Promise<ProvisionResult> {
  const ring = await currentKeyringRow(ctx.db);
  const first = await provisioningKeyringRow(ctx.db);
  if (!ring || !first) throw toAppError(new SyncError('SYNC_NOT_PROVISIONED'));
  // Made from the keys and the provisioning record each time, never read back from the file written
  // at provisioning (Ed25519 signatures are deterministic, so the bytes are the same): a lost or
  // edited file changes nothing.
  const request = enrollmentBytes(ctx, { officeCode: ctx.office.code, officeName: ctx.office.name, at: first.installed_at, keyringVersion: first.version, trustFingerprint: first.fingerprint });
  return { fingerprint: ring.fingerprint, requestFileName: `enrollment-${ctx.office.code}.json`, requestBase64: request.toString('base64') };
}

// ---------------------------------------------------------------------------------------------
// Import

const stagingDir = (ctx: CoreContext) => join(ctx.dataDir, 'incoming');
const stagedPath = (ctx: CoreContext, id: string) => join(stagingDir(ctx), `${id}.cdbundle`);
const progress = new Map<string, { done: number; total: number }>();

async function recordRefusal(ctx: CoreContext, caller: Who, input: Buffer | string, fileName: string | null, e: unknown): Promise<void> {
  const r = refusalOf(e);
  if (!r) return;
  const peek = peekHeader(input);
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await insertBundleIn(tx, {
      at, file_name: fileName, bundle_hash: peek?.bundleHash ?? null, sender: peek?.sender ?? null, channel: peek?.channel ?? null,
      purpose: peek?.purpose ?? null, sequence: peek?.sequence ?? null, created_at: peek?.createdAt ?? null, expires_at: peek?.expiresAt ?? null,
      result: r.benign ? 'already_imported' : 'refused', counts: '{}', refused_code: r.code, refused_reason: null, refused_reason_zh: null, refused_params: JSON.stringify(r.params),
    });
    await auditIn(tx, ctx, caller, {
      action: r.benign ? 'sync.import_already' : 'sync.import_refused', target: fileName,
      detail: { code: r.code, sequence: peek?.sequence ?? null, sender: peek?.sender ?? null, bundleHash: peek?.bundleHash ?? null },
    });
  });
}

/** Verifies without writing: the preview. A refusal is recorded (history and audit) and thrown. */
export async function checkImport(ctx: CoreContext, caller: Who, input: Buffer | string, fileName: string | null): Promise<Omit<ImportPreview, 'stagedId' | 'fileName'>> {
  try {
    const v = await verifyUpdate(ctx.db, ctx, input);
    const h = v.opened.header;
    return { purpose: h.purpose, sender: h.sender.name, channel: h.channel, sequence: h.sequence, createdAt: h.createdAt, expiresAt: h.expiresAt, bundleHash: v.opened.bundleHash, counts: v.counts };
  } catch (e) {
    await recordRefusal(ctx, caller, input, fileName, e);
    throw e;
  }
}

/**
 * Verifies again inside the write transaction (nothing can change between check and apply) and
 * applies. Already-imported is a benign no-op answered with a result, not an error.
 */
export async function importBundle(ctx: CoreContext, caller: Who, input: Buffer | string, fileName: string | null, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  try {
    const at = ctx.now().toISOString();
    const done = await ctx.db.transaction(async (tx) => {
      const v = await verifyUpdate(tx, ctx, input);
      const effects = await applyUpdate(tx, v, at, onProgress);
      const h = v.opened.header;
      await insertBundleIn(tx, {
        at, file_name: fileName, bundle_hash: v.opened.bundleHash, sender: h.sender.name, channel: h.channel, purpose: h.purpose, sequence: h.sequence,
        created_at: h.createdAt, expires_at: h.expiresAt, result: 'applied', counts: JSON.stringify(v.counts), refused_code: null, refused_reason: null, refused_reason_zh: null, refused_params: null,
      });
      await auditIn(tx, ctx, caller, {
        action: 'sync.import_applied', target: fileName,
        detail: { sender: h.sender.name, channel: h.channel, sequence: h.sequence, bundleHash: v.opened.bundleHash, counts: v.counts, acknowledged: effects.acknowledged },
      });
      return { v, effects };
    });
    // Deadlines of every open case are recomputed on the new calendar (and the newly late escalated).
    if (done.effects.calendarChanged) await calendarChanged(ctx);
    if (done.effects.purposesChanged) ctx.catalogs.purposes = done.v.content.purposes as Purpose[];
    dropAcknowledged(ctx.dataDir, ctx.office.code, done.effects.acknowledged);
    const h = done.v.opened.header;
    return {
      result: 'applied', sequence: h.sequence, sender: h.sender.name, counts: done.v.counts, acknowledgedExports: done.effects.acknowledged,
      message: { zh: `第 ${h.sequence} 号同步包已导入。`, en: `Bundle ${h.sequence} was imported.` },
    };
  } catch (e) {
    await recordRefusal(ctx, caller, input, fileName, e);
    const r = refusalOf(e);
    if (r?.benign) {
      const peek = peekHeader(input);
      return { result: 'already_imported', sequence: peek?.sequence ?? 0, sender: peek?.sender ?? '', counts: {}, acknowledgedExports: [], message: { zh: r.zh, en: r.en } };
    }
    throw e;
  }
}

export async function stageAndCheck(ctx: CoreContext, caller: Caller, src: FileSource): Promise<ImportPreview> {
  try {
    const { bytes, fileName } = readSource(src, MAX_UPLOAD_BYTES);
    const id = createHash('sha256').update(bytes).digest('hex');
    try {
      const preview = await checkImport(ctx, caller, bytes, fileName);
      mkdirSync(stagingDir(ctx), { recursive: true, mode: 0o700 });
      writeFileSync(stagedPath(ctx, id), bytes, { mode: 0o600 });
      writeFileSync(`${stagedPath(ctx, id)}.name`, fileName, { mode: 0o600 });
      return { stagedId: id, fileName, ...preview };
    } finally {
      bytes.fill(0);
    }
  } catch (e) {
    throw toAppError(e);
  }
}

export async function applyStaged(ctx: CoreContext, caller: Caller, stagedId: string): Promise<ImportResult> {
  const path = stagedPath(ctx, stagedId);
  if (!existsSync(path)) throw toAppError(new SyncError('SYNC_NOT_STAGED'));
  const fileName = existsSync(`${path}.name`) ? readFileSync(`${path}.name`, 'utf8') : null;
  progress.set(stagedId, { done: 0, total: 0 });
  try {
    return await importBundle(ctx, caller, path, fileName, (done, total) => progress.set(stagedId, { done, total }));
  } catch (e) {
    throw toAppError(e);
  } finally {
    progress.delete(stagedId);
    rmSync(path, { force: true });
    rmSync(`${path}.name`, { force: true });
  }
}

export const importProgress = (stagedId: string): { done: number; total: number } | null => progress.get(stagedId) ?? null;

const safeJson = (s: string): Record<string, number> => JSON.parse(s) as Record<string, number>;

export async function importHistory(ctx: CoreContext, limit: number): Promise<BundleInView[]> {
  return (await listBundlesIn(ctx.db, limit)).map((r) => ({
    id: r.id, at: r.at, fileName: r.file_name, sender: r.sender, purpose: r.purpose, sequence: r.sequence, createdAt: r.created_at, expiresAt: r.expires_at,
    result: r.result, counts: safeJson(r.counts), refusedCode: r.refused_code, ...refusalText(r),
  }));
}

/** Put into words when shown; rows from before migration 7 carry their sentences. */
function refusalText(r: BundleInRow): { refusedReason: string | null; refusedReasonZh: string | null } {
  if (r.refused_code && r.refused_params !== null) {
    const s = refusalSentences(r.refused_code, JSON.parse(r.refused_params) as Record<string, string | number>);
    if (s) return { refusedReason: s.en, refusedReasonZh: s.zh };
    return { refusedReason: r.refused_code, refusedReasonZh: r.refused_code };
  }
  return { refusedReason: r.refused_reason, refusedReasonZh: r.refused_reason_zh };
}

// ---------------------------------------------------------------------------------------------
// Export

export async function exportPending(ctx: CoreContext): Promise<Record<string, number>> {
  return pendingExportCounts(ctx.db);
}

export async function writeExport(ctx: CoreContext, caller: Who): Promise<WrittenExport> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const w = await writeExportIn(tx, ctx);
      await auditIn(tx, ctx, caller, { action: 'sync.export_written', target: w.fileName, detail: { sequence: w.sequence, bundleHash: w.bundleHash, counts: w.counts } });
      return w;
    });
  } catch (e) {
    throw toAppError(e);
  }
}

function deliver(path: string, fileName: string, outPath: string | undefined): { base64: string | null; writtenTo: string | null } {
  if (outPath) {
    copyExportTo(path, outPath);
    return { base64: null, writtenTo: outPath };
  }
  const size = statSync(path).size;
  return { base64: size <= MAX_BASE64_DOWNLOAD ? readKept(path).toString('base64') : null, writtenTo: null };
}

export async function exportWrite(ctx: CoreContext, caller: Who, outPath?: string): Promise<ExportFile> {
  const w = await writeExport(ctx, caller);
  return { sequence: w.sequence, fileName: w.fileName, sizeBytes: w.sizeBytes, counts: w.counts, ...deliver(w.path, w.fileName, outPath) };
}

export async function exportAgain(ctx: CoreContext, caller: Who, sequence: number, outPath?: string): Promise<ExportFile> {
  try {
    const kept = await keptExport(ctx.db, ctx.dataDir, sequence);
    const row = (await listBundlesOut(ctx.db, 500)).find((r) => r.sequence === sequence)!;
    await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'sync.export_rewritten', target: kept.fileName, detail: { sequence } }));
    return { sequence, fileName: kept.fileName, sizeBytes: row.size_bytes, counts: safeJson(row.counts), ...deliver(kept.path, kept.fileName, outPath) };
  } catch (e) {
    throw toAppError(e);
  }
}

export async function exportHistory(ctx: CoreContext, limit: number): Promise<BundleOutView[]> {
  return (await listBundlesOut(ctx.db, limit)).map((r) => ({
    sequence: r.sequence, fileName: r.file_name, createdAt: r.created_at, sizeBytes: r.size_bytes, counts: safeJson(r.counts), acknowledgedAt: r.acknowledged_at,
    kept: existsSync(join(ctx.dataDir, 'exports', r.file_name)),
  }));
}
