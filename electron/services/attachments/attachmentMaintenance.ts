import { rm } from 'node:fs/promises';
import { deleteAttachment, unlinkedAttachmentsBefore } from '../../store/attachmentStore';
import { attachmentPath } from './attachmentService';
import { auditIn } from '../audit/auditService';
import type { CoreContext } from '../context';

/** An upload no visit or case refers to after this long was abandoned at the counter. */
export const UNLINKED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Removes abandoned uploads: rows and files, each removal audited. An explicit maintenance step
 * (at start and periodically, see core.ts), never a side effect of reading.
 */
export async function removeUnlinkedUploads(ctx: CoreContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - UNLINKED_UPLOAD_TTL_MS).toISOString();
  const stale = await unlinkedAttachmentsBefore(ctx.db, before);
  let removed = 0;
  for (const a of stale) {
    const gone = await ctx.db
      .transaction(async (tx) => {
        await deleteAttachment(tx, a.hash);
        await auditIn(tx, ctx, null, { action: 'attachment.expire', target: a.hash, detail: { size: a.sizeBytes, reason: 'never linked to a visit or case within a day' } });
      })
      .then(
        () => true,
        // Linked in the meantime (the trigger refused the delete): it stays.
        () => false,
      );
    if (!gone) continue;
    await rm(attachmentPath(ctx.dataDir, a.hash), { force: true });
    removed++;
  }
  return removed;
}
