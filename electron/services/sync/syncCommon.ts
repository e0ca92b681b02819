import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileSource, SyncStatus } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import { refusalOf, SyncError, syncFail } from '../../sync/content/syncError';
import { allChannels, currentKeyringRow, lastBundleOut } from '../../store/syncStore';
import type { Caller, CoreContext } from '../context';

// What the office's sync services share (issue 26 split syncService.ts along its sections):
// the refusal as it crosses the API, where a file is read from, and the overview of sync.

export type Who = Pick<Caller, 'accountId' | 'username'> | null;

export const MAX_BASE64_DOWNLOAD = 48 * 1024 * 1024;

/** A refusal crosses the API as SYNC_REFUSED with its own code and values; the reader's language makes the sentence. */
export function toAppError(e: unknown): unknown {
  const r = refusalOf(e);
  return r ? new AppError('SYNC_REFUSED', r.en, { reason: r.code, params: r.params }) : e;
}

/**
 * Where a sync service reads a file from: the bytes an API caller uploaded, or (for the staff
 * command line only, which picks its own files and is not an API caller) a path on this machine.
 */
export type LocalFileSource = FileSource | { kind: 'path'; path: string };

export async function readSource(src: LocalFileSource, cap: number): Promise<{ bytes: Buffer; fileName: string }> {
  if (src.kind === 'upload') {
    const bytes = Buffer.from(src.base64, 'base64');
    if (bytes.length > cap) syncFail('SYNC_FILE_TOO_LARGE', { limit: cap });
    return { bytes, fileName: basename(src.fileName) };
  }
  try {
    const size = (await stat(src.path)).size;
    if (size > cap) return syncFail('SYNC_FILE_TOO_LARGE', { limit: cap });
    return { bytes: await readFile(src.path), fileName: basename(src.path) };
  } catch (e) {
    if (e instanceof SyncError) throw e;
    return fileRefusal(e);
  }
}

/** A file the system could not open, as a coded refusal. */
export function fileRefusal(e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return code === 'ENOENT' ? syncFail('SYNC_FILE_MISSING') : syncFail('SYNC_FILE_UNREADABLE', { detail: code });
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

/** A history row's counts as stored (JSON written by this code). */
export const safeJson = (s: string): Record<string, number> => JSON.parse(s) as Record<string, number>;
