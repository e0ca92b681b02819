import type { CaseKind } from '../../shared/cases/caseTypes';
import type { Queryable } from '../db/database';
import { CASE_TABLE } from './caseStore';

/** Who a case belongs to at the counter: the clerk of its visit (or who took it in, if no visit). */
export function caseOwner(db: Queryable, kind: CaseKind, id: number): Promise<{ case_no: string; owner: number } | undefined> {
  return db.get(
    `SELECT c.case_no, coalesce(v.clerk_id, c.created_by) AS owner FROM ${CASE_TABLE[kind].table} c LEFT JOIN visit v ON v.id = c.visit_id WHERE c.id = ?`,
    [id],
  );
}

/** Every owner an attachment is shown for: its objections' and its authorization visits' clerks. */
export async function attachmentOwners(db: Queryable, sha256: string): Promise<number[]> {
  const rows = await db.all<{ owner: number }>(
    `SELECT coalesce(v.clerk_id, o.created_by) AS owner
       FROM objection_attachment oa JOIN objection o ON o.id = oa.objection_id LEFT JOIN visit v ON v.id = o.visit_id
      WHERE oa.sha256 = ?
     UNION
     SELECT v.clerk_id FROM visit_authorization va JOIN visit v ON v.id = va.visit_id WHERE va.attachment_sha256 = ?`,
    [sha256, sha256],
  );
  return rows.map((r) => r.owner);
}
