import type { Queryable } from '../db/database';
import type { AuditEventRow } from './auditStore';

// Reading the audit log for the auditor's screen and exports (writing stays in auditStore).

export interface AuditFilter {
  action: string | null;
  /** The part before the dot: 'report' matches report.issue, report.print… */
  group: string | null;
  actor: string | null;
  fromIso: string | null;
  toIsoExclusive: string | null;
  /** The window the act came through (issue 23): the detail's `window`, written by auditIn. */
  windowNumber: number | null;
}

export interface AuditListRow extends AuditEventRow {
  actor_name: string | null;
}

/** Newest first, filtered in SQL (indexes on action, actor and time); `beforeSeq` pages back. */
export function listAuditFiltered(db: Queryable, f: AuditFilter, beforeSeq: number | null, limit: number): Promise<AuditListRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.action !== null) {
    clauses.push('e.action = ?');
    params.push(f.action);
  }
  if (f.group !== null) {
    clauses.push("e.action >= ? AND e.action < ?");
    params.push(`${f.group}.`, `${f.group}/`);
  }
  if (f.actor !== null) {
    clauses.push('e.actor = ?');
    params.push(f.actor);
  }
  if (f.fromIso !== null) {
    clauses.push('e.at >= ?');
    params.push(f.fromIso);
  }
  if (f.toIsoExclusive !== null) {
    clauses.push('e.at < ?');
    params.push(f.toIsoExclusive);
  }
  if (f.windowNumber !== null) {
    clauses.push("json_extract(e.detail, '$.window') = ?");
    params.push(f.windowNumber);
  }
  if (beforeSeq !== null) {
    clauses.push('e.seq < ?');
    params.push(beforeSeq);
  }
  return db.all<AuditListRow>(
    `SELECT e.*, a.display_name AS actor_name FROM audit_event e LEFT JOIN account a ON a.id = e.actor_id
      WHERE ${clauses.length ? clauses.join(' AND ') : 'true'} ORDER BY e.seq DESC LIMIT ?`,
    [...params, limit],
  );
}

/** Everyone who appears in the log, for the "who" filter. */
export function auditActors(db: Queryable): Promise<{ username: string; display_name: string | null }[]> {
  return db.all(
    `SELECT u.actor AS username, a.display_name FROM (SELECT DISTINCT actor FROM audit_event WHERE actor IS NOT NULL) u
       LEFT JOIN account a ON a.username = u.actor ORDER BY u.actor`,
  );
}

export interface ExportedHeadRow {
  sequence: number;
  created_at: string;
  acknowledged_at: string | null;
  head_seq: number | null;
  head_hash: string | null;
  checkpoint_at: string | null;
}

/**
 * The newest export and the newest checkpoint it carried: an export records in `ranges` the
 * highest checkpoint id it sent, and it always sends the newest one it had (exportBundle.ts).
 */
export function lastExportedHead(db: Queryable): Promise<ExportedHeadRow | undefined> {
  return db.get<ExportedHeadRow>(
    `SELECT o.sequence, o.created_at, o.acknowledged_at, c.head_seq, c.head_hash, c.at AS checkpoint_at
       FROM (SELECT * FROM sync_bundle_out ORDER BY sequence DESC LIMIT 1) o
       LEFT JOIN audit_checkpoint c ON c.id = (SELECT max(id) FROM audit_checkpoint WHERE id <= coalesce(json_extract(o.ranges, '$.checkpoints'), 0))`,
  );
}
