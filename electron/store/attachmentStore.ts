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

export function findAttachment(db: Queryable, hash: string): Promise<AttachmentRow | undefined> {
  return db.get<AttachmentRow>(
    'SELECT sha256 AS hash, media_type AS mediaType, size_bytes AS sizeBytes, created_at AS createdAt FROM attachment WHERE sha256 = ?',
    [hash],
  );
}
