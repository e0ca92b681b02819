import type { Queryable } from '../../electron/db/database';
import { checkpointSignatureValid, type AuditCheckpoint } from '../../electron/services/auditCheckpoint';

// The platform's view of each office's audit trail: every export carries the office's signed audit
// checkpoints. An office whose head went backwards (fewer events than already seen) or whose
// chain at a seen head now ends in another MAC has rewritten or cut its local history.

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

export async function auditWarnings(db: Queryable): Promise<{ office: string; at: string; message: string }[]> {
  const has = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'central_audit_warning'");
  return has?.n ? db.all('SELECT office, at, message FROM central_audit_warning ORDER BY id') : [];
}
