import type { Queryable } from '../db/database';
import type { EvaluationFailure } from '../../shared/contract/hall';

// A visit's end and the evaluation device's notification of it (migration 34, issue 23).

export interface VisitEndRow {
  visit_id: number;
  ended_at: string;
  clerk_id: number;
}

export function findVisitEnd(db: Queryable, visitId: number): Promise<VisitEndRow | undefined> {
  return db.get<VisitEndRow>('SELECT visit_id, ended_at, clerk_id FROM visit_end WHERE visit_id = ?', [visitId]);
}

export async function insertVisitEnd(tx: Queryable, row: { visitId: number; endedAt: string; clerkId: number }): Promise<void> {
  await tx.run('INSERT INTO visit_end (visit_id, ended_at, clerk_id) VALUES (?, ?, ?)', [row.visitId, row.endedAt, row.clerkId]);
}

/** What was done on a visit besides its lookup, counted by the visit each act belongs to. */
export interface VisitActs {
  reports: number;
  objections: number;
  repairs: number;
  statements: number;
}

export async function visitActs(db: Queryable, visitId: number): Promise<VisitActs> {
  const row = await db.get<VisitActs>(
    `SELECT (SELECT count(*) FROM report WHERE visit_id = ?1) AS reports,
            (SELECT count(*) FROM objection WHERE visit_id = ?1) AS objections,
            (SELECT count(*) FROM repair WHERE visit_id = ?1) AS repairs,
            (SELECT count(*) FROM statement WHERE visit_id = ?1) AS statements`,
    [visitId],
  );
  return row ?? { reports: 0, objections: 0, repairs: 0, statements: 0 };
}

export async function insertEvaluation(tx: Queryable, row: { visitId: number; queuedAt: string; url: string }): Promise<void> {
  await tx.run("INSERT INTO hall_evaluation (visit_id, queued_at, url, state) VALUES (?, ?, ?, 'pending')", [row.visitId, row.queuedAt, row.url]);
}

export interface EvaluationOutcome {
  state: 'delivered' | 'failed';
  attempts: number;
  settledAt: string;
  failure: EvaluationFailure | null;
  httpStatus: number | null;
}

/** A pending notification settles once: a second settle (a late answer after close) changes nothing. */
export async function settleEvaluation(db: Queryable, visitId: number, o: EvaluationOutcome): Promise<boolean> {
  const r = await db.run(
    "UPDATE hall_evaluation SET state = ?, attempts = ?, settled_at = ?, failure = ?, http_status = ? WHERE visit_id = ? AND state = 'pending'",
    [o.state, o.attempts, o.settledAt, o.failure, o.httpStatus, visitId],
  );
  return r.changes > 0;
}

/** Pending notifications not being sent now (`sending`): left by a core that stopped before it could send them. */
export async function orphanedEvaluations(db: Queryable, sending: ReadonlySet<number>): Promise<number[]> {
  const rows = await db.all<{ visit_id: number }>("SELECT visit_id FROM hall_evaluation WHERE state = 'pending'");
  return rows.map((r) => r.visit_id).filter((id) => !sending.has(id));
}

export interface EvaluationCounts {
  delivered: number;
  failed: number;
  pending: number;
}

/** Notifications queued within [fromIso, toIso), by state. */
export async function evaluationCounts(db: Queryable, fromIso: string, toIso: string): Promise<EvaluationCounts> {
  // One range of index hall_evaluation_state per state, never a walk of the whole table.
  const count = async (state: keyof EvaluationCounts) =>
    (await db.get<{ n: number }>('SELECT count(*) AS n FROM hall_evaluation WHERE state = ? AND queued_at >= ? AND queued_at < ?', [state, fromIso, toIso]))?.n ?? 0;
  return { delivered: await count('delivered'), failed: await count('failed'), pending: await count('pending') };
}

export interface SettledEvaluationRow {
  visit_id: number;
  settled_at: string;
  failure: EvaluationFailure | null;
  http_status: number | null;
}

/** The newest notification settled in this state (by when it was queued: the newest visits first). */
export function lastSettled(db: Queryable, state: 'delivered' | 'failed'): Promise<SettledEvaluationRow | undefined> {
  return db.get<SettledEvaluationRow>(
    'SELECT visit_id, settled_at, failure, http_status FROM hall_evaluation WHERE state = ? ORDER BY queued_at DESC, visit_id DESC LIMIT 1',
    [state],
  );
}
