import type { Queryable } from '../db/database';
import type { AtWindow } from '../../shared/domain/officeWindow';

export interface VisitInsert {
  startedAt: string;
  clerkId: number;
  idNumber: string;
  name: string;
  subjectId: number | null;
  applicantKind: 'self' | 'agent';
  purposeCode: string;
  purposeText: string | null;
  identity: IdentityRecord;
  /** Absent: a person's visit, as before issue 24. */
  entity?: EntityVisitFacts;
  /** The enrolled window it was made at (issue 23); absent or null: the office's own console. */
  window?: AtWindow | null;
  /** The hall's queue ticket and case number (issue 23); absent or null: none given. */
  hall?: HallNumbers;
}

/** The hall's numbers a visit was opened with (migration 34); null: not given. */
export interface HallNumbers {
  queueTicket: string | null;
  hallCaseNo: string | null;
}

/** How an entity's visit found its subject and what it asked for (migration 27, issue 24). */
export interface EntityVisitFacts {
  foundBy: 'credit_code' | 'registration_no';
  /** The clerk confirmed the name and registration number of an old registration (null: found by its code). */
  clerkConfirmed: boolean | null;
  reportKind: 'full' | 'special';
}

/** How the identity of the person at the counter was taken (migration 24, issue 25). */
export interface IdentityRecord {
  source: 'typed' | 'card';
  readerSamId: string | null;
  reason: 'reader_unavailable' | 'card_unreadable' | 'card_not_supported' | 'other' | null;
  note: string | null;
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
  identity_source: 'typed' | 'card';
  reader_sam_id: string | null;
  identity_reason: IdentityRecord['reason'];
  identity_note: string | null;
  subject_kind: 'person' | 'entity';
  found_by: EntityVisitFacts['foundBy'] | null;
  clerk_confirmed: 0 | 1 | null;
  report_kind: EntityVisitFacts['reportKind'] | null;
  window_number: number | null;
  window_id: string | null;
  queue_ticket: string | null;
  hall_case_no: string | null;
}

export async function insertVisit(tx: Queryable, v: VisitInsert): Promise<number> {
  const r = await tx.run(
    `INSERT INTO visit (started_at, clerk_id, id_number, name, subject_id, applicant_kind, purpose_code, purpose_text, identity_source, reader_sam_id, identity_reason, identity_note,
                        subject_kind, found_by, clerk_confirmed, report_kind, window_number, window_id, queue_ticket, hall_case_no)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.startedAt, v.clerkId, v.idNumber, v.name, v.subjectId, v.applicantKind, v.purposeCode, v.purposeText, v.identity.source, v.identity.readerSamId, v.identity.reason, v.identity.note,
      ...entityColumns(v.entity), v.entity?.reportKind ?? null, v.window?.number ?? null, v.window?.id ?? null, v.hall?.queueTicket ?? null, v.hall?.hallCaseNo ?? null],
  );
  return r.lastID;
}

/** subject_kind, found_by, clerk_confirmed of a visit or a query-log row. */
const entityColumns = (e: EntityVisitFacts | undefined): [string, string | null, number | null] =>
  e ? ['entity', e.foundBy, e.clerkConfirmed === null ? null : e.clerkConfirmed ? 1 : 0] : ['person', null, null];

export function findVisit(db: Queryable, id: number): Promise<VisitRow | undefined> {
  return db.get<VisitRow>('SELECT * FROM visit WHERE id = ?', [id]);
}

/** The clerk's latest visit for this ID number opened at or after `sinceIso` (index visit_repeat). */
/** The clerk's latest visit for this ID number started within [sinceIso, untilIso]. */
export function latestVisitOf(db: Queryable, clerkId: number, idNumber: string, sinceIso: string, untilIso: string): Promise<VisitRow | undefined> {
  return db.get<VisitRow>(
    'SELECT * FROM visit WHERE clerk_id = ? AND id_number = ? AND started_at >= ? AND started_at <= ? ORDER BY started_at DESC, id DESC LIMIT 1',
    [clerkId, idNumber, sinceIso, untilIso],
  );
}

export async function insertQueryLog(
  tx: Queryable,
  q: {
    at: string;
    visitId: number;
    clerkId: number;
    subjectId: number | null;
    idNumber: string;
    officeCode: string;
    purposeCode: string;
    outcome: 'found' | 'no_record';
    identity: Pick<IdentityRecord, 'source' | 'readerSamId'>;
    entity?: EntityVisitFacts;
    window?: AtWindow | null;
  },
): Promise<number> {
  const r = await tx.run(
    `INSERT INTO query_log (at, visit_id, clerk_id, subject_id, id_number, office_code, purpose_code, outcome, identity_source, reader_sam_id, subject_kind, found_by, clerk_confirmed, window_number, window_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [q.at, q.visitId, q.clerkId, q.subjectId, q.idNumber, q.officeCode, q.purposeCode, q.outcome, q.identity.source, q.identity.readerSamId, ...entityColumns(q.entity), q.window?.number ?? null, q.window?.id ?? null],
  );
  return r.lastID;
}

export interface QueryLogListRow {
  id: number;
  at: string;
  visit_id: number;
  clerk_id: number;
  clerk_username: string;
  clerk_name: string;
  id_number: string;
  name: string;
  applicant_kind: 'self' | 'agent';
  purpose_code: string;
  outcome: 'found' | 'no_record';
  identity_source: 'card' | 'typed';
  reader_sam_id: string | null;
  window_number: number | null;
  queue_ticket: string | null;
  hall_case_no: string | null;
}

export interface QueryLogFilter {
  fromIso: string | null;
  toIsoExclusive: string | null;
  idNumber: string | null;
  /** Digits anywhere in the ID number. */
  idPartial: string | null;
  clerkId: number | null;
  purposeCode: string | null;
  identitySource: 'card' | 'typed' | null;
  windowNumber: number | null;
  /** The hall's case number, whole (issue 23). */
  hallCaseNo: string | null;
}

export function listQueryLog(db: Queryable, f: QueryLogFilter & { beforeId: number | null; limit: number }): Promise<QueryLogListRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    clauses.push(sql);
    params.push(v);
  };
  if (f.fromIso !== null) add('q.at >= ?', f.fromIso);
  if (f.toIsoExclusive !== null) add('q.at < ?', f.toIsoExclusive);
  if (f.idNumber !== null) add('q.id_number = ?', f.idNumber);
  if (f.idPartial !== null) add('instr(q.id_number, ?) > 0', f.idPartial);
  if (f.clerkId !== null) add('q.clerk_id = ?', f.clerkId);
  if (f.purposeCode !== null) add('q.purpose_code = ?', f.purposeCode);
  if (f.identitySource !== null) add('q.identity_source = ?', f.identitySource);
  if (f.windowNumber !== null) add('q.window_number = ?', f.windowNumber);
  // Through the visits that carry the number (index visit_hall_case_no), then their rows (query_log_visit).
  if (f.hallCaseNo !== null) add('q.visit_id IN (SELECT id FROM visit WHERE hall_case_no = ?)', f.hallCaseNo);
  if (f.beforeId !== null) add('q.id < ?', f.beforeId);
  return db.all<QueryLogListRow>(
    `SELECT q.id, q.at, q.visit_id, q.clerk_id, a.username AS clerk_username, a.display_name AS clerk_name, q.id_number, v.name, v.applicant_kind, q.purpose_code, q.outcome, q.identity_source, q.reader_sam_id, q.window_number, v.queue_ticket, v.hall_case_no
       FROM query_log q JOIN visit v ON v.id = q.visit_id JOIN account a ON a.id = q.clerk_id
      WHERE ${clauses.length ? clauses.join(' AND ') : 'true'}
      ORDER BY q.id DESC LIMIT ?`,
    [...params, f.limit],
  );
}

/** Staff who have looked anyone up, for the clerk filter. */
export function queryLogClerks(db: Queryable): Promise<{ id: number; username: string; display_name: string }[]> {
  return db.all("SELECT id, username, display_name FROM account WHERE role IN ('clerk', 'manager') ORDER BY display_name");
}

export function recentQueriesOf(db: Queryable, subjectId: number, sinceIso: string): Promise<{ at: string; office_code: string; purpose_code: string }[]> {
  return db.all(
    'SELECT at, office_code, purpose_code FROM query_log WHERE subject_id = ? AND at >= ? ORDER BY at DESC LIMIT 200',
    [subjectId, sinceIso],
  );
}
