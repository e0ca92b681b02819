import type { Queryable } from '../../electron/db/database';
import { checkpointSignatureValid, type AuditCheckpoint } from '../../electron/services/audit/auditCheckpoint';

// The platform's view of each office's audit trail: every export carries the office's signed audit
// checkpoints and the chain segment since the last export. An office whose head went backwards
// (fewer events than already seen), whose chain at a seen head now ends in another MAC, or whose
// new segment does not extend the events the platform already holds has rewritten or cut its
// local history, even when it re-chained with its own key and padded the chain past the old head.

export interface ExportedCheckpoint {
  id: number; at: string; officeCode: string; headSeq: number; headHash: string;
  visitMax: number; queryLogMax: number; keyId: string; signature: string;
}

const SQL = /* sql */ `
CREATE TABLE IF NOT EXISTS central_audit_head (
  office TEXT NOT NULL, head_seq INTEGER NOT NULL, head_hash TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (office, head_seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS central_audit_warning (id INTEGER PRIMARY KEY, office TEXT NOT NULL, at TEXT NOT NULL, message TEXT NOT NULL) STRICT;
`;

const asRow = (c: ExportedCheckpoint): AuditCheckpoint => ({
  at: c.at, office_code: c.officeCode, head_seq: c.headSeq, head_hash: c.headHash,
  visit_max: c.visitMax, query_log_max: c.queryLogMax, key_id: c.keyId, signature: c.signature,
});

/** Inside the ingest transaction: records the office's heads; returns (and stores) what is wrong. */
export async function checkAuditHeads(tx: Queryable, office: { code: string; report_key_pem: string }, checkpoints: ExportedCheckpoint[], now: Date): Promise<string[]> {
  await tx.exec(SQL);
  const warnings: string[] = [];
  for (const c of checkpoints) {
    if (c.officeCode !== office.code || !checkpointSignatureValid(asRow(c), office.report_key_pem)) {
      warnings.push(`audit checkpoint ${c.id} of ${c.at} is not signed by office ${office.code}'s key`);
      continue;
    }
    const seen = await tx.get<{ head_seq: number; head_hash: string }>('SELECT max(head_seq) AS head_seq, head_hash FROM central_audit_head WHERE office = ?', [office.code]);
    if (seen?.head_seq != null && c.headSeq < seen.head_seq) {
      warnings.push(`the audit head of office ${office.code} went backwards: checkpoint of ${c.at} has ${c.headSeq} events, ${seen.head_seq} were already seen`);
    }
    const same = await tx.get<{ head_hash: string }>('SELECT head_hash FROM central_audit_head WHERE office = ? AND head_seq = ?', [office.code, c.headSeq]);
    if (same && same.head_hash !== c.headHash) warnings.push(`the audit chain of office ${office.code} was rewritten: event ${c.headSeq} now ends in another MAC`);
    await tx.run('INSERT OR IGNORE INTO central_audit_head (office, head_seq, head_hash, at) VALUES (?, ?, ?, ?)', [office.code, c.headSeq, c.headHash, c.at]);
  }
  for (const message of warnings) await tx.run('INSERT INTO central_audit_warning (office, at, message) VALUES (?, ?, ?)', [office.code, now.toISOString(), message]);
  return warnings;
}

/** One link of an exported audit segment (the fields the chain is checked by). */
export interface SegmentLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Inside the ingest transaction, before the segment is stored: the new segment must extend the one
 * the platform holds. Its first event links to the held event before it, every event it repeats
 * has the MAC already held, and it links event to event. Returns (and stores) what is wrong.
 */
export async function checkAuditSegment(tx: Queryable, office: { code: string }, segment: SegmentLink[], now: Date): Promise<string[]> {
  await tx.exec(SQL);
  const warnings: string[] = [];
  const first = segment[0];
  if (!first) return warnings;
  // The held links this segment can touch (the one before it, and any it repeats), in one read.
  const rows = await tx.all<{ body: string }>(
    "SELECT body FROM central_export_item WHERE office = ? AND schema = 'audit-segment' AND CAST(item_key AS INTEGER) BETWEEN ? AND ?",
    [office.code, first.seq - 1, segment[segment.length - 1]!.seq],
  );
  const held = new Map(rows.map((r) => JSON.parse(r.body) as SegmentLink).map((l) => [l.seq, l]));
  const newest = await tx.get<{ seq: number | null }>("SELECT max(CAST(item_key AS INTEGER)) AS seq FROM central_export_item WHERE office = ? AND schema = 'audit-segment'", [office.code]);
  const before = held.get(first.seq - 1);
  if (before && before.hash !== first.prevHash) {
    warnings.push(`the audit chain of office ${office.code} was rewritten: event ${first.seq} does not extend event ${first.seq - 1} as the platform holds it`);
  } else if (newest?.seq != null && first.seq > newest.seq + 1) {
    warnings.push(`the audit chain of office ${office.code} has a gap: events ${newest.seq + 1}–${first.seq - 1} never reached the platform`);
  }
  let prev: SegmentLink | null = null;
  for (const e of segment) {
    if (prev && (e.seq !== prev.seq + 1 || e.prevHash !== prev.hash)) warnings.push(`the audit segment of office ${office.code} breaks at event ${e.seq}: it does not link to event ${prev.seq}`);
    const same = held.get(e.seq);
    if (same && same.hash !== e.hash) warnings.push(`the audit chain of office ${office.code} was rewritten: event ${e.seq}, already held, now has another MAC`);
    prev = e;
  }
  const unique = [...new Set(warnings)];
  for (const message of unique) await tx.run('INSERT INTO central_audit_warning (office, at, message) VALUES (?, ?, ?)', [office.code, now.toISOString(), message]);
  return unique;
}

export async function auditWarnings(db: Queryable): Promise<{ office: string; at: string; message: string }[]> {
  const has = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'central_audit_warning'");
  return has?.n ? db.all('SELECT office, at, message FROM central_audit_warning ORDER BY id') : [];
}

/**
 * The newest audit head the platform holds for an office, as the office's audit screen shows its
 * last exported one (event number and the MAC's first 16 hex digits), so an auditor can compare.
 */
export async function heldAuditHead(db: Queryable, office: string): Promise<{ headSeq: number; headHashPrefix: string; at: string } | null> {
  const has = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'central_audit_head'");
  if (!has?.n) return null;
  const r = await db.get<{ head_seq: number; head_hash: string; at: string }>('SELECT head_seq, head_hash, at FROM central_audit_head WHERE office = ? ORDER BY head_seq DESC LIMIT 1', [office]);
  return r ? { headSeq: r.head_seq, headHashPrefix: r.head_hash.slice(0, 16), at: r.at } : null;
}
