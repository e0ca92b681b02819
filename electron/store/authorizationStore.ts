import type { AgentAuthorization } from '../../shared/contract/counter';
import type { ScopeSection } from '../../shared/domain/report';
import type { Queryable } from '../db/database';

export type AuthorizationRow = AgentAuthorization & { visitId: number; attachmentName: string | null };

/** `scope`: a person's letter names report sections, an entity's the reports it covers (issue 24). */
export async function insertAuthorization(tx: Queryable, a: Omit<AuthorizationRow, 'scope'> & { scope: readonly string[] }): Promise<void> {
  await tx.run(
    `INSERT INTO visit_authorization (visit_id, agent_id_number, agent_name, document_no, scope, valid_from, valid_to, notarised, attachment_sha256,
                                      attachment_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.visitId, a.agentIdNumber, a.agentName, a.documentNo, JSON.stringify(a.scope), a.validFrom, a.validTo, a.notarised ? 1 : 0, a.attachmentSha256, a.attachmentName],
  );
}

export async function findAuthorization(db: Queryable, visitId: number): Promise<AuthorizationRow | undefined> {
  const row = await db.get<Omit<AuthorizationRow, 'scope' | 'notarised'> & { scope: string; notarised: number }>(
    `SELECT visit_id AS visitId, agent_id_number AS agentIdNumber, agent_name AS agentName, document_no AS documentNo, scope,
            valid_from AS validFrom, valid_to AS validTo, notarised, attachment_sha256 AS attachmentSha256, attachment_name AS attachmentName
       FROM visit_authorization WHERE visit_id = ?`,
    [visitId],
  );
  return row ? { ...row, scope: JSON.parse(row.scope) as ScopeSection[], notarised: row.notarised === 1 } : undefined;
}
