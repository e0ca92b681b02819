import type { Queryable } from '../db/database';

export interface VisitInsert {
  startedAt: string;
  clerkId: number;
  idNumber: string;
  name: string;
  subjectId: number | null;
  applicantKind: 'self' | 'agent';
  purposeCode: string;
  purposeText: string | null;
}

export interface VisitRow {
  id: number;
  started_at: string;
  clerk_id: number;
  id_number: string;
  name: string;
  subject_id: number | null;
  applicant_kind: 'self' | 'agent';
  purpose_code: string;
  purpose_text: string | null;
}

export async function insertVisit(tx: Queryable, v: VisitInsert): Promise<number> {
  const r = await tx.run(
    `INSERT INTO visit (started_at, clerk_id, id_number, name, subject_id, applicant_kind, purpose_code, purpose_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.startedAt, v.clerkId, v.idNumber, v.name, v.subjectId, v.applicantKind, v.purposeCode, v.purposeText],
  );
  return r.lastID;
}

export function findVisit(db: Queryable, id: number): Promise<VisitRow | undefined> {
  return db.get<VisitRow>('SELECT * FROM visit WHERE id = ?', [id]);
}

/** The clerk's latest visit for this ID number opened at or after `sinceIso` (index visit_repeat). */
export function latestVisitOf(db: Queryable, clerkId: number, idNumber: string, sinceIso: string): Promise<VisitRow | undefined> {
  return db.get<VisitRow>(
    'SELECT * FROM visit WHERE clerk_id = ? AND id_number = ? AND started_at >= ? ORDER BY started_at DESC, id DESC LIMIT 1',
    [clerkId, idNumber, sinceIso],
  );
}

export async function insertQueryLog(
  tx: Queryable,
  q: { at: string; visitId: number; clerkId: number; subjectId: number | null; idNumber: string; officeCode: string; purposeCode: string; outcome: 'found' | 'no_record' },
): Promise<number> {
  const r = await tx.run(
    `INSERT INTO query_log (at, visit_id, clerk_id, subject_id, id_number, office_code, purpose_code, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [q.at, q.visitId, q.clerkId, q.subjectId, q.idNumber, q.officeCode, q.purposeCode, q.outcome],
  );
  return r.lastID;
}

export interface QueryLogListRow {
  id: number;
  at: string;
  visit_id: number;
  clerk_username: string;
  id_number: string;
  name: string;
  applicant_kind: 'self' | 'agent';
  purpose_code: string;
  outcome: 'found' | 'no_record';
}

export function listQueryLog(
  db: Queryable,
  f: { fromIso: string | null; toIsoExclusive: string | null; idNumber: string | null; beforeId: number | null; limit: number },
): Promise<QueryLogListRow[]> {
  return db.all<QueryLogListRow>(
    `SELECT q.id, q.at, q.visit_id, a.username AS clerk_username, q.id_number, v.name, v.applicant_kind, q.purpose_code, q.outcome
       FROM query_log q JOIN visit v ON v.id = q.visit_id JOIN account a ON a.id = q.clerk_id
      WHERE (?1 IS NULL OR q.at >= ?1) AND (?2 IS NULL OR q.at < ?2)
        AND (?3 IS NULL OR q.id_number = ?3) AND (?4 IS NULL OR q.id < ?4)
      ORDER BY q.id DESC LIMIT ?5`,
    [f.fromIso, f.toIsoExclusive, f.idNumber, f.beforeId, f.limit],
  );
}

export function recentQueriesOf(db: Queryable, subjectId: number, sinceIso: string): Promise<{ at: string; office_code: string; purpose_code: string }[]> {
  return db.all(
    'SELECT at, office_code, purpose_code FROM query_log WHERE subject_id = ? AND at >= ? ORDER BY at DESC LIMIT 200',
    [subjectId, sinceIso],
  );
}
