import type { AdminRequest } from '../../shared/contract';
import type { Role } from '../../shared/domain/account';
import type { Queryable } from '../db/database';

export interface AdminRequestRow {
  id: number;
  kind: 'reset_password' | 'set_role';
  account_id: number;
  payload: string;
  requested_by: number;
  requested_at: string;
  state: 'pending' | 'approved' | 'cancelled';
}

export async function insertRequest(
  db: Queryable,
  r: { kind: AdminRequestRow['kind']; accountId: number; payload: string; requestedBy: number; at: string },
): Promise<number> {
  // A newer request for the same account and kind replaces the older one.
  await db.run("UPDATE admin_request SET state = 'cancelled', decided_by = ?, decided_at = ? WHERE account_id = ? AND kind = ? AND state = 'pending'", [
    r.requestedBy,
    r.at,
    r.accountId,
    r.kind,
  ]);
  const res = await db.run("INSERT INTO admin_request (kind, account_id, payload, requested_by, requested_at, state) VALUES (?, ?, ?, ?, ?, 'pending')", [
    r.kind,
    r.accountId,
    r.payload,
    r.requestedBy,
    r.at,
  ]);
  return res.lastID;
}

export function requestById(db: Queryable, id: number): Promise<AdminRequestRow | undefined> {
  return db.get<AdminRequestRow>('SELECT id, kind, account_id, payload, requested_by, requested_at, state FROM admin_request WHERE id = ?', [id]);
}

/** The conditional write is the decision: only a pending request changes, and only once. */
export async function decideRequest(db: Queryable, id: number, state: 'approved' | 'cancelled', by: number, at: string): Promise<boolean> {
  const row = await db.get<{ id: number }>("UPDATE admin_request SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'pending' RETURNING id", [state, by, at, id]);
  return row !== undefined;
}

export async function pendingRequests(db: Queryable, since: string): Promise<AdminRequest[]> {
  const rows = await db.all<{
    id: number;
    kind: AdminRequest['kind'];
    payload: string;
    requested_at: string;
    account_id: number;
    username: string;
    display_name: string;
    role: Role;
    requested_by: number;
    requester: string;
  }>(
    `SELECT r.id, r.kind, r.payload, r.requested_at, a.id AS account_id, a.username, a.display_name, a.role, r.requested_by, b.username AS requester
       FROM admin_request r JOIN account a ON a.id = r.account_id JOIN account b ON b.id = r.requested_by
      WHERE r.state = 'pending' AND r.requested_at >= ? ORDER BY r.id`,
    [since],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    account: { id: r.account_id, username: r.username, displayName: r.display_name, role: r.role },
    role: r.kind === 'set_role' ? (r.payload as Role) : null,
    requestedBy: { id: r.requested_by, username: r.requester },
    requestedAt: r.requested_at,
  }));
}
