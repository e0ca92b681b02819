import type { Queryable } from '../db/database';

// The content-addressed attachment index. The bytes themselves are files in
// <dataDir>/attachments/<sha256>, written by attachmentService.writeAttachmentFile before the row
// is inserted (a file without a row is harmless; a row without a file is not).

export interface AttachmentRow {
  hash: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
}

/** Idempotent: the same scan uploaded twice is one row. */
export async function putAttachment(tx: Queryable, a: { hash: string; mediaType: string; content: Buffer; at?: string }): Promise<void> {
  await tx.run(
    `INSERT INTO attachment (sha256, media_type, size_bytes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING`,
    [a.hash, a.mediaType, a.content.length, a.at ?? new Date().toISOString()],
  );
}

/** Bytes stored in all attachments, for the office quota. */
export async function totalAttachmentBytes(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT coalesce(sum(size_bytes), 0) AS n FROM attachment'))?.n ?? 0;
}

/** Uploads created before `before` that no visit authorization and no case refers to. */
export function unlinkedAttachmentsBefore(db: Queryable, before: string): Promise<{ hash: string; sizeBytes: number }[]> {
  return db.all(
    `SELECT sha256 AS hash, size_bytes AS sizeBytes FROM attachment a WHERE created_at < ?
       AND NOT EXISTS (SELECT 1 FROM visit_authorization v WHERE v.attachment_sha256 = a.sha256)
       AND NOT EXISTS (SELECT 1 FROM objection_attachment o WHERE o.sha256 = a.sha256)
     ORDER BY created_at`,
    [before],
  );
}

/** Removes an unlinked upload's row; the trigger refuses it if anything refers to it meanwhile. */
export async function deleteAttachment(tx: Queryable, hash: string): Promise<void> {
  await tx.run('DELETE FROM attachment WHERE sha256 = ?', [hash]);
}

export function findAttachment(db: Queryable, hash: string): Promise<AttachmentRow | undefined> {
  return db.get<AttachmentRow>(
    'SELECT sha256 AS hash, media_type AS mediaType, size_bytes AS sizeBytes, created_at AS createdAt FROM attachment WHERE sha256 = ?',
    [hash],
  );
}
