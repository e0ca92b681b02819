import type { ListEntry, ListType, Measure } from '../../shared/domain/list';
import { NEGATIVE_CATEGORIES, RECORD_CATEGORIES, REPORT_SECTION_OF, type CreditRecord, type RecordCategory } from '../../shared/domain/record';
import type { PublicationAsOf } from '../../shared/domain/publication';
import type { ListCursor, RecordCursor } from '../../shared/domain/subjectView';
import type { Subject } from '../../shared/domain/subject';
import type { Queryable } from '../db/database';

const SUBJECT_COLUMNS = `id, kind, id_number AS idNumber, name, gender, birth_date AS birthDate,
  legal_rep AS legalRepresentative, region_code AS regionCode, central_id AS centralId, version`;

const RECORD_COLUMNS = `id, subject_id AS subjectId, central_id AS centralId, category, domain, severity, penalty_kind AS penaltyKind, title, content,
  provider_unit AS providerUnit, document_no AS documentNo, occurred_on AS occurredOn, decided_on AS decidedOn,
  publicity_start AS publicityStart, publicity_end AS publicityEnd, status, version`;

export function findSubjectByIdNumber(db: Queryable, idNumber: string): Promise<Subject | undefined> {
  return db.get<Subject>(`SELECT ${SUBJECT_COLUMNS} FROM subject WHERE id_number = ?`, [idNumber]);
}

export function findSubjectById(db: Queryable, id: number): Promise<Subject | undefined> {
  return db.get<Subject>(`SELECT ${SUBJECT_COLUMNS} FROM subject WHERE id = ?`, [id]);
}

// A subject's records are read in pages, counted in SQL, and never loaded whole: one person's file
// may be as large as the platform sends (issue 29 item 9). Pages go newest decision first, by id
// within a day, from a cursor (keyset: a page costs the same at the end of a file as at its start).

/** hiddenReason (shared/domain/publication.ts) as one SQL condition on `r`, true when hidden; bind `params` in place. */
function hiddenSql(a: PublicationAsOf): { sql: string; params: unknown[] } {
  const tiers = a.appliesTo.length ? a.appliesTo.map(() => '?').join(', ') : 'NULL';
  return {
    sql: `(r.status IN ('revoked', 'repaired', 'expired')
      OR (r.publicity_end IS NOT NULL AND r.publicity_end < ?)
      OR (r.severity IS NOT NULL AND r.category IN (${tiers})
          AND r.decided_on < CASE r.severity WHEN 'minor' THEN ? WHEN 'ordinary' THEN ? WHEN 'serious' THEN ? END)
      OR r.publicity_start > ?)`,
    params: [a.today, ...a.appliesTo, a.firstPublished.minor, a.firstPublished.ordinary, a.firstPublished.serious, a.today],
  };
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Per category: records, hidden ones, and whether one counts against the green channel (negative, not revoked, decided after `cleanSince`). */
export interface RecordTally {
  category: RecordCategory;
  total: number;
  hidden: number;
  recentNegative: number;
}

export function recordTallies(db: Queryable, subjectId: number, asOf: PublicationAsOf, cleanSince: string): Promise<RecordTally[]> {
  const hidden = hiddenSql(asOf);
  return db.all<RecordTally>(
    `SELECT r.category AS category, count(*) AS total, sum(${hidden.sql}) AS hidden,
            max(r.category IN (${placeholders(NEGATIVE_CATEGORIES.length)}) AND r.status <> 'revoked' AND r.decided_on > ?) AS recentNegative
       FROM record r WHERE r.subject_id = ? GROUP BY r.category`,
    [...hidden.params, ...NEGATIVE_CATEGORIES, cleanSince, subjectId],
  );
}

/** The record page's statement (its plan is tested: it must search record_subject_section). */
export function recordPageQuery(subjectId: number, categories: readonly RecordCategory[], after: RecordCursor | null, limit: number): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${RECORD_COLUMNS} FROM record WHERE subject_id = ? AND category IN (${placeholders(categories.length)})
       ${after ? 'AND (decided_on, id) < (?, ?)' : ''} ORDER BY decided_on DESC, id DESC LIMIT ?`,
    params: [subjectId, ...categories, ...(after ? [after.decidedOn, after.id] : []), limit],
  };
}

/** Up to `limit` records of the given categories after `after` (null: from the newest). */
export function recordPage(db: Queryable, subjectId: number, categories: readonly RecordCategory[], after: RecordCursor | null, limit: number): Promise<CreditRecord[]> {
  const q = recordPageQuery(subjectId, categories, after, limit);
  return db.all<CreditRecord>(q.sql, q.params);
}

/**
 * The first `limit` records of each section of `categories`, in one pass over the subject's file
 * (a page query per section read the whole file once per section: 1.5 s for 100,000 records).
 * Only ids and sort keys are ranked; the rows read are the ones returned.
 */
export function firstPages(db: Queryable, subjectId: number, categories: readonly RecordCategory[], limit: number): Promise<CreditRecord[]> {
  const section = `CASE category ${RECORD_CATEGORIES.map((c) => `WHEN '${c}' THEN '${REPORT_SECTION_OF[c]}'`).join(' ')} END`;
  return db.all<CreditRecord>(
    `SELECT ${RECORD_COLUMNS} FROM record WHERE id IN (
       SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY ${section} ORDER BY decided_on DESC, id DESC) AS n
                         FROM record WHERE subject_id = ? AND category IN (${placeholders(categories.length)}))
        WHERE n <= ?)
     ORDER BY decided_on DESC, id DESC`,
    [subjectId, ...categories, limit],
  );
}

/** The records a report prints: published as of `asOf`, of the given categories, newest first. */
export function publishedRecords(db: Queryable, subjectId: number, categories: readonly RecordCategory[], asOf: PublicationAsOf): Promise<CreditRecord[]> {
  const hidden = hiddenSql(asOf);
  return db.all<CreditRecord>(
    `SELECT ${RECORD_COLUMNS} FROM record r WHERE r.subject_id = ? AND r.category IN (${placeholders(categories.length)}) AND NOT ${hidden.sql}
      ORDER BY r.decided_on DESC, r.id DESC`,
    [subjectId, ...categories, ...hidden.params],
  );
}

/** How many records of the given categories are published as of `asOf` (the report's size, counted before it is made). */
export async function countPublished(db: Queryable, subjectId: number, categories: readonly RecordCategory[], asOf: PublicationAsOf): Promise<number> {
  const hidden = hiddenSql(asOf);
  const row = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM record r WHERE r.subject_id = ? AND r.category IN (${placeholders(categories.length)}) AND NOT ${hidden.sql}`,
    [subjectId, ...categories, ...hidden.params],
  );
  return row?.n ?? 0;
}

/** Ids of the subject's revoked records that a list entry rests on (such an entry falls with its decision). */
export async function revokedListedRecordIds(db: Queryable, subjectId: number): Promise<Set<number>> {
  const rows = await db.all<{ id: number }>(
    "SELECT DISTINCT r.id FROM list_entry e JOIN record r ON r.id = e.record_id WHERE e.subject_id = ? AND r.status = 'revoked'",
    [subjectId],
  );
  return new Set(rows.map((r) => r.id));
}

interface ListEntryRow extends Omit<ListEntry, 'measures'> {
  measuresJson: string;
}

/**
 * Entries of the given list types with their measures, newest first: one statement, json_group_array
 * keeps the measures in it. `page`: up to `limit` entries after a cursor; absent, the active ones
 * (what a report prints, bounded by the content rules' cap per subject).
 */
export async function listEntriesOfSubject(
  db: Queryable, subjectId: number, listTypes: readonly ListType[], page?: { after: ListCursor | null; limit: number },
): Promise<ListEntry[]> {
  if (listTypes.length === 0) return [];
  const after = page?.after ?? null;
  const rows = await db.all<ListEntryRow>(
    `SELECT e.id, e.subject_id AS subjectId, e.central_id AS centralId, e.list_type AS listType, e.list_name AS listName,
            e.reason, e.basis, e.deciding_unit AS decidingUnit, e.record_id AS recordId, e.entered_on AS enteredOn,
            e.exit_on AS exitOn, e.status,
            (SELECT json_group_array(json_object('id', m.id, 'code', m.code, 'kind', m.kind, 'mandatory', json(iif(m.mandatory, 'true', 'false')),
                                                 'title', m.title, 'basis', m.basis))
               FROM list_entry_measure lm JOIN measure m ON m.id = lm.measure_id WHERE lm.list_entry_id = e.id) AS measuresJson
       FROM list_entry e WHERE e.subject_id = ? AND e.list_type IN (${placeholders(listTypes.length)})
        ${page ? (after ? 'AND (e.entered_on, e.id) < (?, ?)' : '') : "AND e.status = 'active'"}
      ORDER BY e.entered_on DESC, e.id DESC ${page ? 'LIMIT ?' : ''}`,
    [subjectId, ...listTypes, ...(after ? [after.enteredOn, after.id] : []), ...(page ? [page.limit] : [])],
  );
  return rows.map(({ measuresJson, ...entry }) => ({ ...entry, measures: JSON.parse(measuresJson) as Measure[] }));
}

/** Per list type: entries and active ones. */
export function listTallies(db: Queryable, subjectId: number): Promise<{ listType: ListType; total: number; active: number }[]> {
  return db.all(
    "SELECT list_type AS listType, count(*) AS total, sum(status = 'active') AS active FROM list_entry WHERE subject_id = ? GROUP BY list_type",
    [subjectId],
  );
}

export async function countSubjects(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM subject'))?.n ?? 0;
}
