import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/reports';
import { AppError } from '../../../shared/errors';
import { fileExists } from '../../files/fileExists';
import { officeKeysOf } from '../../keys/officeSeal';
import { writeOwnerOnlyFileAsync } from '../../keys/ownerOnly';
import { seal, unseal } from '../../keys/sealedBytes';
import { findAttachment, putAttachment } from '../../store/attachmentStore';
import { checkOfficeQuota } from './attachmentQuota';
import { refuseAttachment } from './attachmentRefusal';
import { sanitizeAttachment } from './attachmentSanitize';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';

// Scanned authorization letters (and the cases module's evidence): content-addressed files in
// <dataDir>/attachments, owner-only. The declared type must match the file's own signature, so a
// renamed executable cannot pass for a scan.

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export function attachmentPath(dataDir: string, hash: string): string {
  return join(dataDir, 'attachments', hash);
}

/**
 * Writes the bytes once (write-then-rename, so a crash never leaves half a file under the hash),
 * sealed with the office's attachment key: a copied attachments folder shows no scan. The hash is
 * the associated data, so a file renamed to another hash does not open.
 */
export async function writeAttachmentFile(dataDir: string, hash: string, content: Buffer): Promise<void> {
  const file = attachmentPath(dataDir, hash);
  if (await fileExists(file)) return;
  await writeOwnerOnlyFileAsync(file, seal(officeKeysOf(dataDir).attachments, `attachment ${hash}`, content));
}

/** The plain bytes, or null when the file was altered, swapped or sealed by another office. */
export async function readAttachmentFile(dataDir: string, hash: string): Promise<Buffer | null> {
  return unseal(officeKeysOf(dataDir).attachments, `attachment ${hash}`, await readFile(attachmentPath(dataDir, hash)));
}

export async function uploadAttachment(
  ctx: CoreContext,
  caller: Caller,
  input: { fileName: string; mimeType: string; dataBase64: string },
): Promise<{ sha256: string; sizeBytes: number; mimeType: string }> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) refuseAttachment('not_base64', 'The file could not be read: it is not base64 data.');
  const content = Buffer.from(input.dataBase64, 'base64');
  if (content.length === 0) refuseAttachment('empty', 'The file is empty.');
  if (content.length > ATTACHMENT_MAX_BYTES) {
    refuseAttachment('file_size', `The file is larger than ${Math.floor(ATTACHMENT_MAX_BYTES / 1024)} KB; scan at a lower resolution.`, {
      size: content.length,
      max: ATTACHMENT_MAX_BYTES,
    });
  }
  if (!SIGNATURES[input.mimeType]?.(content)) {
    refuseAttachment('not_that_type', `The file is not a ${input.mimeType} file; attach a PNG or JPEG image or a PDF.`, { mimeType: input.mimeType });
  }
  // What is stored is the re-encoded image (or the checked PDF), never the bytes as received;
  // the decoding runs in a worker thread, so the counter keeps answering meanwhile.
  const clean = await sanitizeAttachment(input.mimeType, content);
  await checkOfficeQuota(ctx.db, clean.length);
  const sha256 = createHash('sha256').update(clean).digest('hex');
  await writeAttachmentFile(ctx.dataDir, sha256, clean);
  await ctx.db.transaction(async (tx) => {
    await putAttachment(tx, { hash: sha256, mediaType: input.mimeType, content: clean, at: ctx.now().toISOString() });
    await auditIn(tx, ctx, caller, { action: 'attachment.upload', target: sha256, detail: { fileName: input.fileName, size: clean.length, received: content.length, mimeType: input.mimeType } });
  });
  return { sha256, sizeBytes: clean.length, mimeType: input.mimeType };
}

export async function getAttachment(
  ctx: CoreContext,
  caller: Caller,
  input: { sha256: string },
): Promise<{ sha256: string; fileName: string; mimeType: string; dataBase64: string }> {
  const row = await findAttachment(ctx.db, input.sha256);
  if (!row) throw new AppError('NOT_FOUND', 'There is no attachment with that hash.');
  const content = await readAttachmentFile(ctx.dataDir, row.hash);
  // The hash is the file's name and its integrity check at once.
  if (!content || createHash('sha256').update(content).digest('hex') !== row.hash) {
    throw new AppError('INTERNAL', 'The stored attachment does not match its hash; the data directory was altered.', { sha256: row.hash });
  }
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'attachment.view', target: row.hash, detail: {} }));
  const ext = row.mediaType === 'application/pdf' ? 'pdf' : row.mediaType === 'image/png' ? 'png' : 'jpg';
  return { sha256: row.hash, fileName: `${row.hash.slice(0, 12)}.${ext}`, mimeType: row.mediaType, dataBase64: content.toString('base64') };
}
