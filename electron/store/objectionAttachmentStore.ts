import type { Queryable } from '../db/database';

export async function linkObjectionAttachment(tx: Queryable, objectionId: number, sha256: string, fileName: string): Promise<void> {
  await tx.run('INSERT OR IGNORE INTO objection_attachment (objection_id, sha256, file_name) VALUES (?, ?, ?)', [objectionId, sha256, fileName]);
}

export function attachmentsOfObjection(db: Queryable, objectionId: number): Promise<{ hash: string; fileName: string; size: number }[]> {
  return db.all(
    `SELECT a.sha256 AS hash, oa.file_name AS fileName, a.size_bytes AS size FROM objection_attachment oa JOIN attachment a ON a.sha256 = oa.sha256
      WHERE oa.objection_id = ? ORDER BY oa.file_name`,
    [objectionId],
  );
}

/** Bytes of the given attachments together (each counted once). */
export async function attachmentBytes(db: Queryable, hashes: readonly string[]): Promise<number> {
  return (await db.get<{ n: number }>('SELECT coalesce(sum(size_bytes), 0) AS n FROM attachment WHERE sha256 IN (SELECT value FROM json_each(?))', [JSON.stringify(hashes)]))?.n ?? 0;
}

/** The uploaded attachments among `hashes` (uploads go through attachment.upload, size-limited there). */
export async function uploadedHashes(db: Queryable, hashes: readonly string[]): Promise<Set<string>> {
  const rows = await db.all<{ sha256: string }>('SELECT sha256 FROM attachment WHERE sha256 IN (SELECT value FROM json_each(?))', [JSON.stringify(hashes)]);
  return new Set(rows.map((r) => r.sha256));
}
