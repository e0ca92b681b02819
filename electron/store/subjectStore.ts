import type { ListEntry, Measure } from '../../shared/domain/list';
import type { CreditRecord } from '../../shared/domain/record';
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

export function recordsOfSubject(db: Queryable, subjectId: number): Promise<CreditRecord[]> {
  return db.all<CreditRecord>(`SELECT ${RECORD_COLUMNS} FROM record WHERE subject_id = ? ORDER BY decided_on DESC, id DESC`, [subjectId]);
}

interface ListEntryRow extends Omit<ListEntry, 'measures'> {
  measuresJson: string;
}

/** One statement for entries and their measures: json_group_array keeps it a single round trip. */
export async function listEntriesOfSubject(db: Queryable, subjectId: number): Promise<ListEntry[]> {
  const rows = await db.all<ListEntryRow>(
    `SELECT e.id, e.subject_id AS subjectId, e.central_id AS centralId, e.list_type AS listType, e.list_name AS listName,
            e.reason, e.basis, e.deciding_unit AS decidingUnit, e.record_id AS recordId, e.entered_on AS enteredOn,
            e.exit_on AS exitOn, e.status,
            (SELECT json_group_array(json_object('id', m.id, 'code', m.code, 'kind', m.kind, 'mandatory', json(iif(m.mandatory, 'true', 'false')),
                                                 'title', m.title, 'basis', m.basis))
               FROM list_entry_measure lm JOIN measure m ON m.id = lm.measure_id WHERE lm.list_entry_id = e.id) AS measuresJson
       FROM list_entry e WHERE e.subject_id = ? ORDER BY e.entered_on DESC`,
    [subjectId],
  );
  return rows.map(({ measuresJson, ...entry }) => ({ ...entry, measures: JSON.parse(measuresJson) as Measure[] }));
}

export async function countSubjects(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM subject'))?.n ?? 0;
}
