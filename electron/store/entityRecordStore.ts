import type { Queryable } from '../db/database';
import type { CreditRecord } from '../../shared/domain/record';

// Reads of the special report (issue 24): a subject's records of some categories and domains decided
// inside a period, whatever their status, so that the rules (hiddenReason and the profile's choice
// for repaired penalties) decide in one place what prints.

const COLUMNS = `id, subject_id AS subjectId, central_id AS centralId, category, domain, severity, penalty_kind AS penaltyKind, title, content,
  provider_unit AS providerUnit, document_no AS documentNo, occurred_on AS occurredOn, decided_on AS decidedOn,
  publicity_start AS publicityStart, publicity_end AS publicityEnd, status, version`;

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export interface PeriodQuery {
  subjectId: number;
  categories: readonly string[];
  domains: readonly string[];
  /** Inclusive China dates. */
  from: string;
  to: string;
}

const where = (q: PeriodQuery) => ({
  sql: `subject_id = ? AND category IN (${marks(q.categories.length)}) AND domain IN (${marks(q.domains.length)}) AND decided_on BETWEEN ? AND ?`,
  params: [q.subjectId, ...q.categories, ...q.domains, q.from, q.to],
});

/** Newest decision first. */
export function recordsDecidedIn(db: Queryable, q: PeriodQuery): Promise<CreditRecord[]> {
  const w = where(q);
  return db.all<CreditRecord>(`SELECT ${COLUMNS} FROM record WHERE ${w.sql} ORDER BY decided_on DESC, id DESC`, w.params);
}

/** How many rows recordsDecidedIn would read: the report's size, counted before it is made. */
export async function countDecidedIn(db: Queryable, q: PeriodQuery): Promise<number> {
  const w = where(q);
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM record WHERE ${w.sql}`, w.params))?.n ?? 0;
}
