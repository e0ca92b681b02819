// The work of one bundle job, run inside the bundle worker (bundleWorker.ts) so that reading,
// decrypting, parsing and checking a bundle never runs on the thread that serves the console.
// "preview" stops after the checks before decryption and the manifest. "open" streams the content
// from the file, checks every record once as it passes, and hands the platform's rows out in
// batches, one per request; the office's small part and the verdict come at the end. Nothing here
// holds more than a chunk, a line and one batch of the platform's rows.
import { BundleError, KEYRING_FILE, checkEnvelope, headerSignedBy, loadPinnedKeyring, previewManifest, resolveLimits, verifiedHeader, verifyKeyringUpdate } from '../bundle/index';
import type { BundleHeader, ChannelState, Keyring, OpenContext } from '../bundle/index';
import { fileSource } from '../bundle/container';
import type { ByteSource } from '../bundle/container';
import { streamContent } from '../bundle/contentStream';
import { detail } from '../../../shared/i18n/refusalDetails';
import { chinaDate } from '../../../shared/calendar/dates';
import { OfficeCollector, PLATFORM_SCHEMAS, checkFileLayout, countsOf, platformRow, uniqueKeysOf } from '../office/updateContent';
import type { PlatformKind, PlatformRowOf } from '../office/updateContent';
import { keyringFingerprint } from '../office/provisioning';
import { SyncError, syncFail } from '../content/syncError';
import { supportsUpdateSchema } from '../content/schemas';
import { measuresJson } from '../../store/populationStore';
import type { ListEntryRow, MeasureRow, RecordRow } from '../../../shared/domain/population';
import type { BundleSummary, ContentEnd, JobInput, WorkerMessage } from './protocol';

export function summaryOf(h: BundleHeader, bundleHash: string): BundleSummary {
  return { purpose: h.purpose, sender: h.sender.name, recipient: h.recipient.name, channel: h.channel, sequence: h.sequence, createdAt: h.createdAt, expiresAt: h.expiresAt, bundleHash };
}

/** Bytes of JSON per batch at most (about 8 MiB: a few batches in flight fit any memory budget). */
const BATCH_BYTES = 8 * 1024 * 1024;

/** The wire shape of a batch: what the populationStore upserts bind as their one parameter. */
function batchJson(kind: PlatformKind, rows: readonly unknown[]): string {
  return kind === 'measures' ? measuresJson(rows as MeasureRow[]) : JSON.stringify(rows);
}

export async function runBundleJob(input: JobInput, post: (m: WorkerMessage) => void, next: () => Promise<void>): Promise<void> {
  let keyring: Keyring | null = null;
  let src: ByteSource | null = null;
  try {
    keyring = loadPinnedKeyring(input.keyringEnvelope as Parameters<typeof loadPinnedKeyring>[0]);
    const limits = resolveLimits(input.limits);
    src = fileSource(input.file, limits);
    const channels = new Map(input.channels.map((c) => [`${c.sender}\u0000${c.recipient}\u0000${c.channel}`, { sequence: c.sequence, bundleHash: c.bundleHash } satisfies ChannelState]));
    const ctx: OpenContext = {
      keyring,
      recipient: { name: input.office.code, privateKey: input.encryptionKey },
      channelState: (k) => channels.get(`${k.sender}\u0000${k.recipient}\u0000${k.channel}`) ?? null,
      now: new Date(input.now),
      newestVerifiedCreatedAt: input.newestVerifiedCreatedAt ? new Date(input.newestVerifiedCreatedAt) : null,
      checkPurpose: (p) => {
        if (p !== 'update' && p !== 'keyring') syncFail('SYNC_NOT_AN_UPDATE', { purpose: p });
      },
      supportsSchema: supportsUpdateSchema,
      limits,
    };
    post({ type: 'phase', phase: 'checking' });
    const source = src;
    const env = ownExportCheck(input, () => checkEnvelope(source, ctx));
    const summary = summaryOf(env.header, env.bundleHash);
    if (input.mode === 'preview') {
      const manifest = previewManifest(env, supportsUpdateSchema);
      post({ type: 'preview', summary, counts: countsOf(new Map(manifest.files.map((f) => [f.name, { entry: f }]))) });
      return;
    }
    post({ type: 'header', summary });
    post({ type: 'phase', phase: 'applying' });
    post(await streamVerified(env, keyring, input, post, next));
  } catch (e) {
    if (e instanceof BundleError || e instanceof SyncError) {
      const labelled = keyring ? verifiedHeader(input.file, keyring) : null;
      post({ type: 'refused', source: e instanceof BundleError ? 'bundle' : 'sync', code: e.code, params: e.params, summary: labelled ? summaryOf(labelled.header, labelled.bundleHash) : null });
      return;
    }
    const errno = (e as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') return post({ type: 'refused', source: 'sync', code: 'SYNC_FILE_MISSING', params: {}, summary: null });
    if (errno === 'EACCES' || errno === 'EISDIR' || errno === 'EPERM') return post({ type: 'refused', source: 'sync', code: 'SYNC_FILE_UNREADABLE', params: { detail: errno }, summary: null });
    post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    src?.close();
  }
}

/** Streams the content, checking each record, batching the platform's rows; returns the verdict. */
async function streamVerified(
  env: ReturnType<typeof checkEnvelope>, keyring: Keyring, input: JobInput, post: (m: WorkerMessage) => void, next: () => Promise<void>,
): Promise<ContentEnd> {
  const today = new Date(input.now);
  const office = new OfficeCollector(chinaDate(today));
  const isKeyring = env.header.purpose === 'keyring';
  let keyringRecord: unknown = undefined;
  let batch: { kind: PlatformKind; rows: PlatformRowOf[PlatformKind][]; bytes: number; firstLine: number; keys: Set<string>; subjects: Set<string> } | null = null;
  const flush = async () => {
    if (!batch || batch.rows.length === 0) return;
    const b = batch;
    batch = null;
    await next();
    const subjects = b.kind === 'records' || b.kind === 'listEntries' ? JSON.stringify([...b.subjects]) : null;
    post({ type: 'batch', kind: b.kind, json: batchJson(b.kind, b.rows), rows: b.rows.length, firstLine: b.firstLine, subjects });
  };
  await streamContent(env, supportsUpdateSchema, {
    onManifest(m) {
      if (isKeyring) {
        const only = m.files[0];
        if (m.files.length !== 1 || only?.name !== KEYRING_FILE || only.schema !== 'keyring' || only.records !== 1) {
          return fail('BUNDLE_KEYRING_MALFORMED', detail('keyring_bundle_shape', { file: KEYRING_FILE }));
        }
      } else checkFileLayout(m.files);
      const platformRows = m.files.reduce((n, f) => n + (PLATFORM_SCHEMAS[f.schema] ? f.records : 0), 0);
      post({ type: 'manifest', counts: countsOf(new Map(m.files.map((f) => [f.name, { entry: f }]))), platformRows });
    },
    async onRecord(entry, value, line, bytes) {
      const at = { name: entry.name, line };
      const kind = PLATFORM_SCHEMAS[entry.schema];
      if (!kind) {
        if (entry.schema === 'keyring') keyringRecord = value;
        else office.add(entry.schema, value, at);
        return;
      }
      const row = platformRow(kind, value, at, today);
      if (!batch) batch = { kind, rows: [], bytes: 0, firstLine: line, keys: new Set(), subjects: new Set() };
      // Unique within the batch here; across batches, in the import's transaction (verifyUpdate).
      for (const k of uniqueKeysOf(kind, row)) {
        if (batch.keys.has(k)) syncFail('SYNC_DUPLICATE_ID', { name: entry.name, id: k.startsWith('id:') ? `${k.slice(3, 9)}…` : k });
        batch.keys.add(k);
      }
      batch.rows.push(row);
      if (kind === 'records' || kind === 'listEntries') batch.subjects.add((row as RecordRow | ListEntryRow).subjectCentralId);
      batch.bytes += bytes;
      // A batch is bounded in rows and in bytes: records of the platform may be long.
      if (batch.rows.length >= input.batchRows || batch.bytes >= BATCH_BYTES) await flush();
    },
    onFileEnd: flush,
  });
  await next();
  const newKeyring = isKeyring ? verifyKeyringUpdate(keyring, keyringRecord) : null;
  return {
    type: 'end', office: office.finish(),
    newKeyring: newKeyring ? { version: newKeyring.version, envelope: keyringRecord, fingerprint: keyringFingerprint(newKeyring) } : null,
  };
}

/**
 * The office's own export, picked for import by mistake, is signed by the office's key rather than
 * a keyring key; verified under that key, its purpose can be named instead of "unknown key".
 */
function ownExportCheck<T>(input: JobInput, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof BundleError) || (e.code !== 'BUNDLE_KEY_UNKNOWN' && e.code !== 'BUNDLE_SIGNATURE_INVALID')) throw e;
    const own = headerSignedBy(input.file, Buffer.from(input.ownExportKey), 'export');
    if (own) syncFail('SYNC_NOT_AN_UPDATE', { purpose: own.purpose });
    throw e;
  }
}

function fail(code: 'BUNDLE_KEYRING_MALFORMED', params: Record<string, string | number>): never {
  throw new BundleError(code, params);
}
