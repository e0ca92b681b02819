import type { CaseEvent, CaseKind } from '../../shared/cases/caseTypes';
import type { Queryable } from '../db/database';

// SQL shared by both case tables (objection, repair) and their event histories. Table and column
// names come from these constants only, never from input.

export const CASE_TABLE: Record<CaseKind, { table: string; events: string; fk: string; prefix: string }> = {
  objection: { table: 'objection', events: 'objection_event', fk: 'objection_id', prefix: 'YY' },
  repair: { table: 'repair', events: 'repair_event', fk: 'repair_id', prefix: 'XF' },
};

/** Common row columns of both tables (snake_case as stored). */
export interface CaseRowBase {
  id: number;
  case_no: string;
  subject_id: number;
  id_number: string;
  visit_id: number | null;
  applicant_kind: 'self' | 'agent';
  profile_id: string;
  provider_unit: string;
  state: string;
  is_open: number;
  received_on: string;
  received_at: string;
  due_on: string | null;
  calendar_gap: string | null;
  assignee_id: number | null;
  escalated_at: string | null;
  outcome_reason: string | null;
  decided_at: string | null;
  closed_at: string | null;
  created_by: number;
}

export interface ObjectionRow extends CaseRowBase {
  scope: string;
  description: string;
  route: 'own' | 'provider' | null;
  forwarded_on: string | null;
  provider_replied_on: string | null;
  annotate_by: string | null;
  forward_by: string | null;
  provider_verify_by: string | null;
  decide_by: string | null;
  latest_extended_by: string | null;
  extended_total_days: number | null;
  pauses: string;
  paused: number;
  outcome: string | null;
}

export interface RepairRow extends CaseRowBase {
  record_id: number;
  evidence: string;
  eligibility: string;
  snapshot: string;
  status_before: string;
}

/**
 * Case number: prefix (YY 异议 / XF 修复), received date, daily sequence — e.g. YY20261121-0003.
 * Called inside the intake transaction, which holds the write lock, so the sequence cannot race.
 */
export async function nextCaseNo(tx: Queryable, kind: CaseKind, receivedOn: string): Promise<string> {
  const { table, prefix } = CASE_TABLE[kind];
  const stem = `${prefix}${receivedOn.replaceAll('-', '')}-`;
  const last = await tx.get<{ case_no: string }>(`SELECT case_no FROM ${table} WHERE case_no >= ? AND case_no < ? ORDER BY case_no DESC LIMIT 1`, [
    stem,
    `${stem}~`,
  ]);
  const n = last ? Number(last.case_no.slice(stem.length)) + 1 : 1;
  return `${stem}${String(n).padStart(4, '0')}`;
}

export async function insertCase(tx: Queryable, kind: CaseKind, row: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(row);
  const r = await tx.run(
    `INSERT INTO ${CASE_TABLE[kind].table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    cols.map((c) => row[c]),
  );
  return r.lastID;
}

export function caseRow<T extends CaseRowBase>(db: Queryable, kind: CaseKind, id: number): Promise<T | undefined> {
  return db.get<T>(`SELECT * FROM ${CASE_TABLE[kind].table} WHERE id = ?`, [id]);
}

export function caseRowByNo<T extends CaseRowBase>(db: Queryable, kind: CaseKind, caseNo: string): Promise<T | undefined> {
  return db.get<T>(`SELECT * FROM ${CASE_TABLE[kind].table} WHERE case_no = ?`, [caseNo]);
}

const IDENT = /^[a-z_]+$/;

/**
 * `fromState`: a transition writes only if the case is still in the state it was decided from
 * (the decision and the write are one statement); returns the number of rows changed.
 */
export async function updateCase(tx: Queryable, kind: CaseKind, id: number, patch: Record<string, unknown>, fromState?: string): Promise<number> {
  const cols = Object.keys(patch);
  if (cols.length === 0) return 0;
  if (!cols.every((c) => IDENT.test(c))) throw new Error('bad column name');
  const guard = fromState === undefined ? '' : ' AND state = ?';
  const r = await tx.run(`UPDATE ${CASE_TABLE[kind].table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?${guard}`, [
    ...cols.map((c) => patch[c]),
    id,
    ...(fromState === undefined ? [] : [fromState]),
  ]);
  return r.changes;
}

export interface EventInput {
  at: string;
  actorId: number | null;
  actor: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  detail?: Record<string, unknown>;
}

export async function appendCaseEvent(tx: Queryable, kind: CaseKind, caseId: number, e: EventInput): Promise<void> {
  const { events, fk } = CASE_TABLE[kind];
  await tx.run(`INSERT INTO ${events} (${fk}, at, actor_id, actor, action, from_state, to_state, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    caseId,
    e.at,
    e.actorId,
    e.actor,
    e.action,
    e.fromState,
    e.toState,
    e.reason,
    JSON.stringify(e.detail ?? {}),
  ]);
}

export async function caseEvents(db: Queryable, kind: CaseKind, caseId: number): Promise<CaseEvent[]> {
  const { events, fk } = CASE_TABLE[kind];
  const rows = await db.all<Omit<CaseEvent, 'detail'> & { detail: string }>(
    // The staff member's name as colleagues know it; the stored login name only if the account is gone.
    `SELECT e.id, e.at, coalesce(a.display_name, e.actor) AS actor, e.action, e.from_state AS fromState, e.to_state AS toState, e.reason, e.detail
       FROM ${events} e LEFT JOIN account a ON a.id = e.actor_id WHERE e.${fk} = ? ORDER BY e.id`,
    [caseId],
  );
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** A case's newest event (its version): who made it, what it was and when; the actor named as caseEvents names them. */
export function latestCaseEvent(db: Queryable, kind: CaseKind, caseId: number): Promise<{ id: number; at: string; actor: string | null; action: string } | undefined> {
  const { events, fk } = CASE_TABLE[kind];
  return db.get(
    `SELECT e.id, e.at, coalesce(a.display_name, e.actor) AS actor, e.action FROM ${events} e LEFT JOIN account a ON a.id = e.actor_id WHERE e.${fk} = ? ORDER BY e.id DESC LIMIT 1`,
    [caseId],
  );
}

export async function insertObjectionRecords(tx: Queryable, objectionId: number, rows: { recordId: number; statusBefore: string; snapshot: string }[]): Promise<void> {
  await tx.run(
    `INSERT INTO objection_record (objection_id, record_id, status_before, snapshot)
     SELECT ?, value->>'recordId', value->>'statusBefore', value->>'snapshot' FROM json_each(?)`,
    [objectionId, JSON.stringify(rows)],
  );
}

export function objectionRecords(db: Queryable, objectionId: number): Promise<{ record_id: number; status_before: string; snapshot: string }[]> {
  return db.all('SELECT record_id, status_before, snapshot FROM objection_record WHERE objection_id = ? ORDER BY record_id', [objectionId]);
}

/** Cases whose clock runs that already concern one of these records (one open objection per record). */
export function openObjectionsOnRecords(db: Queryable, recordIds: readonly number[]): Promise<{ record_id: number; case_no: string }[]> {
  return db.all(
    `SELECT orr.record_id, o.case_no FROM objection_record orr JOIN objection o ON o.id = orr.objection_id
      WHERE orr.record_id IN (SELECT value FROM json_each(?)) AND o.state IN ('received','accepted','verifying')`,
    [JSON.stringify(recordIds)],
  );
}

export function openRepairOnRecord(db: Queryable, recordId: number): Promise<{ case_no: string } | undefined> {
  return db.get('SELECT case_no FROM repair WHERE record_id = ? AND is_open = 1', [recordId]);
}

