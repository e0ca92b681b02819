// The work of one bundle job, run inside the bundle worker (bundleWorker.ts) so that reading,
// decrypting, parsing and checking a bundle never runs on the thread that serves the console.
// "preview" stops after the checks before decryption and the manifest; "open" verifies the whole
// content once, then hands the platform's rows out in batches, one per request.
import { BundleError, checkEnvelope, headerSignedBy, loadPinnedKeyring, openContent, previewManifest, verifiedHeader } from '../bundle/index';
import type { BundleHeader, ChannelState, Keyring, OpenContext } from '../bundle/index';
import { countsOf, checkUpdateContent } from '../office/updateContent';
import type { PlatformRows } from '../office/updateContent';
import { keyringFingerprint } from '../office/provisioning';
import { KEYRING_FILE } from '../bundle/index';
import { SyncError, syncFail } from '../content/syncError';
import { supportsUpdateSchema } from '../content/schemas';
import { measuresJson } from '../../store/populationStore';
import type { MeasureRow } from '../../../shared/domain/population';
import type { BundleSummary, JobInput, PlatformKind, WorkerMessage } from './protocol';

const ORDER: readonly PlatformKind[] = ['measures', 'subjects', 'records', 'listEntries'];

export function summaryOf(h: BundleHeader, bundleHash: string): BundleSummary {
  return { purpose: h.purpose, sender: h.sender.name, recipient: h.recipient.name, channel: h.channel, sequence: h.sequence, createdAt: h.createdAt, expiresAt: h.expiresAt, bundleHash };
}

/** The wire shape of a batch: what the populationStore upserts bind as their one parameter. */
function batchJson(kind: PlatformKind, rows: readonly unknown[]): string {
  return kind === 'measures' ? measuresJson(rows as MeasureRow[]) : JSON.stringify(rows);
}

export async function runBundleJob(input: JobInput, post: (m: WorkerMessage) => void, next: () => Promise<void>): Promise<void> {
  let keyring: Keyring | null = null;
  try {
    keyring = loadPinnedKeyring(input.keyringEnvelope as Parameters<typeof loadPinnedKeyring>[0]);
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
    };
    post({ type: 'phase', phase: 'checking' });
    const env = ownExportCheck(input, () => checkEnvelope(input.file, ctx));
    const summary = summaryOf(env.header, env.bundleHash);
    if (input.mode === 'preview') {
      const manifest = previewManifest(env, supportsUpdateSchema);
      post({ type: 'preview', summary, counts: countsOf(new Map(manifest.files.map((f) => [f.name, { entry: f }]))) });
      return;
    }
    post({ type: 'phase', phase: 'decrypting' });
    const opened = openContent(env, ctx);
    post({ type: 'phase', phase: 'verifying' });
    const checked = checkUpdateContent(opened, new Date(input.now));
    const newKeyring = opened.newKeyring
      ? { version: opened.newKeyring.version, envelope: opened.files.get(KEYRING_FILE)!.records[0], fingerprint: keyringFingerprint(opened.newKeyring) }
      : null;
    const platformRows = Object.fromEntries(ORDER.map((k) => [k, checked.platform[k].length])) as Record<PlatformKind, number>;
    post({ type: 'verified', summary, counts: checked.counts, office: checked.office, platformRows, newKeyring });
    await handOut(checked.platform, input.batchRows, post, next);
    post({ type: 'end' });
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
  }
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

/** One batch per request: the main thread asks for the next once it has written the last. */
async function handOut(rows: PlatformRows, size: number, post: (m: WorkerMessage) => void, next: () => Promise<void>): Promise<void> {
  for (const kind of ORDER) {
    const all = rows[kind] as unknown[];
    for (let i = 0; i < all.length; i += size) {
      await next();
      const part = all.slice(i, i + size);
      post({ type: 'batch', kind, json: batchJson(kind, part), rows: part.length, firstLine: i + 2 });
    }
    all.length = 0;
  }
  await next();
}
