import type { ListEntryRow, MeasureRow, RecordRow, SubjectBundle, SubjectRow } from '../../shared/domain/population';
import type { PlatformTx } from '../db/database';

// Bulk writers for the platform's wire shape. Each call binds one JSON array as a single parameter
// and lets SQLite's json_each fan it out: a few statements per batch instead of a round trip per
// row (DESIGN.md §3). Rows are upserted by central id so a delta bundle and a snapshot share a path;
// a row never goes back to an older version.

/** Measures as upsertMeasuresJson binds them (`mandatory` as 0/1). */
export const measuresJson = (rows: readonly MeasureRow[]): string => JSON.stringify(rows.map((m) => ({ ...m, mandatory: m.mandatory ? 1 : 0 })));

export async function upsertMeasures(tx: PlatformTx, rows: readonly MeasureRow[]): Promise<void> {
  await upsertMeasuresJson(tx, measuresJson(rows));
}

/** `json`: the rows as one JSON array, `mandatory` as 0/1 (the bundle worker sends them so). */
export async function upsertMeasuresJson(tx: PlatformTx, json: string): Promise<void> {
  await tx.run(
    `INSERT INTO measure (code, kind, mandatory, title, basis)
     SELECT value->>'code', value->>'kind', value->>'mandatory', value->>'title', value->>'basis' FROM json_each(?) WHERE true
     ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, mandatory = excluded.mandatory, title = excluded.title, basis = excluded.basis`,
    [json], { bulk: 'populationStore.upsertMeasures' },
  );
}

/** Subjects, records and list entries come as separate upserts because a delta may touch any of them alone. */
export async function writeSubjectBundles(tx: PlatformTx, bundles: readonly SubjectBundle[]): Promise<void> {
  if (bundles.length === 0) return;
  await upsertSubjects(tx, bundles.map((b) => b.subject));
  await upsertRecords(tx, bundles.flatMap((b) => b.records));
  await upsertListEntries(tx, bundles.flatMap((b) => b.listEntries));
}

export async function upsertSubjects(tx: PlatformTx, rows: readonly SubjectRow[]): Promise<void> {
  if (rows.length > 0) await upsertSubjectsJson(tx, JSON.stringify(rows));
}

export async function upsertSubjectsJson(tx: PlatformTx, json: string): Promise<void> {
  await tx.run(
    `INSERT INTO subject (kind, id_number, name, gender, birth_date, legal_rep, region_code, central_id, version)
     SELECT value->>'kind', value->>'idNumber', value->>'name', value->>'gender', value->>'birthDate',
            value->>'legalRepresentative', value->>'regionCode', value->>'centralId', value->>'version'
       FROM json_each(?) WHERE true
     ON CONFLICT(central_id) DO UPDATE SET kind = excluded.kind, id_number = excluded.id_number, name = excluded.name,
       gender = excluded.gender, birth_date = excluded.birth_date, legal_rep = excluded.legal_rep,
       region_code = excluded.region_code, version = excluded.version
     WHERE excluded.version >= subject.version`,
    [json], { bulk: 'populationStore.upsertSubjects' },
  );
  await writeRegistrationsJson(tx, json);
}

/**
 * An entity's registration rides on its subject's line: written where the subject now holds the
 * line's version (an older line changed neither), removed where the line says null, left alone
 * where the line has none (bundles from before issue 24).
 */
async function writeRegistrationsJson(tx: PlatformTx, json: string): Promise<void> {
  // A batch of persons (most of a city) names no registration: spare it two passes over the array.
  if (!json.includes('"registration":')) return;
  await tx.run(
    `INSERT INTO entity_registration (subject_id, registration_no, entity_type, established_on, registered_capital, address,
                                      business_scope, registration_authority, operating_status, legal_rep_id_number)
     SELECT s.id, j.value->>'$.registration.registrationNo', j.value->>'$.registration.entityType', j.value->>'$.registration.establishedOn',
            j.value->>'$.registration.registeredCapital', j.value->>'$.registration.address', j.value->>'$.registration.businessScope',
            j.value->>'$.registration.registrationAuthority', j.value->>'$.registration.operatingStatus', j.value->>'$.registration.legalRepIdNumber'
       FROM json_each(?) j JOIN subject s ON s.central_id = j.value->>'centralId' AND s.version = j.value->>'version'
      WHERE json_type(j.value, '$.registration') = 'object'
     ON CONFLICT(subject_id) DO UPDATE SET registration_no = excluded.registration_no, entity_type = excluded.entity_type,
       established_on = excluded.established_on, registered_capital = excluded.registered_capital, address = excluded.address,
       business_scope = excluded.business_scope, registration_authority = excluded.registration_authority,
       operating_status = excluded.operating_status, legal_rep_id_number = excluded.legal_rep_id_number`,
    [json], { bulk: 'populationStore.upsertSubjects' },
  );
  // JSON.stringify writes a removal exactly so; most batches hold none and skip the pass.
  if (!json.includes('"registration":null')) return;
  await tx.run(
    `DELETE FROM entity_registration WHERE subject_id IN
       (SELECT s.id FROM json_each(?) j JOIN subject s ON s.central_id = j.value->>'centralId' AND s.version = j.value->>'version'
         WHERE json_type(j.value, '$.registration') = 'null')`,
    [json], { bulk: 'populationStore.upsertSubjects' },
  );
}

export async function upsertRecords(tx: PlatformTx, rows: readonly RecordRow[]): Promise<void> {
  if (rows.length > 0) await upsertRecordsJson(tx, JSON.stringify(rows));
}

/**
 * A record whose subject is not in the table makes the statement fail (subject_id is NOT NULL) and
 * write nothing, rather than be dropped: the import names it then (syncApplyStore.recordWithoutSubject)
 * instead of probing every record's subject before writing it.
 */
export async function upsertRecordsJson(tx: PlatformTx, json: string): Promise<void> {
  await tx.run(
    `INSERT INTO record (subject_id, central_id, category, domain, severity, penalty_kind, title, content, provider_unit, document_no,
                         occurred_on, decided_on, publicity_start, publicity_end, status, version)
     SELECT s.id, r.value->>'centralId', r.value->>'category', r.value->>'domain', r.value->>'severity', r.value->>'penaltyKind', r.value->>'title',
            r.value->>'content', r.value->>'providerUnit', r.value->>'documentNo', r.value->>'occurredOn', r.value->>'decidedOn',
            r.value->>'publicityStart', r.value->>'publicityEnd', r.value->>'status', r.value->>'version'
       FROM json_each(?) r LEFT JOIN subject s ON s.central_id = r.value->>'subjectCentralId' WHERE true
     ON CONFLICT(central_id) DO UPDATE SET subject_id = excluded.subject_id, category = excluded.category, domain = excluded.domain,
       severity = excluded.severity, penalty_kind = excluded.penalty_kind, title = excluded.title, content = excluded.content, provider_unit = excluded.provider_unit,
       document_no = excluded.document_no, occurred_on = excluded.occurred_on, decided_on = excluded.decided_on,
       publicity_start = excluded.publicity_start, publicity_end = excluded.publicity_end, status = excluded.status,
       version = excluded.version
     WHERE excluded.version >= record.version`,
    [json], { bulk: 'populationStore.upsertRecords' },
  );
}

export async function upsertListEntries(tx: PlatformTx, rows: readonly ListEntryRow[]): Promise<void> {
  if (rows.length > 0) await upsertListEntriesJson(tx, JSON.stringify(rows));
}

export async function upsertListEntriesJson(tx: PlatformTx, json: string): Promise<void> {
  await tx.run(
    `INSERT INTO list_entry (subject_id, central_id, list_type, list_name, reason, basis, deciding_unit, record_id, entered_on, exit_on, status)
     SELECT s.id, e.value->>'centralId', e.value->>'listType', e.value->>'listName', e.value->>'reason', e.value->>'basis',
            e.value->>'decidingUnit', r.id, e.value->>'enteredOn', e.value->>'exitOn', e.value->>'status'
       FROM json_each(?) e JOIN subject s ON s.central_id = e.value->>'subjectCentralId'
       LEFT JOIN record r ON r.central_id = e.value->>'recordCentralId' WHERE true
     ON CONFLICT(central_id) DO UPDATE SET list_type = excluded.list_type, list_name = excluded.list_name, reason = excluded.reason,
       basis = excluded.basis, deciding_unit = excluded.deciding_unit, record_id = excluded.record_id,
       entered_on = excluded.entered_on, exit_on = excluded.exit_on, status = excluded.status`,
    [json], { bulk: 'populationStore.upsertListEntries' },
  );
  // The bundle states an entry's whole measure list: drop links it no longer names, add the rest.
  await tx.run(
    `DELETE FROM list_entry_measure WHERE list_entry_id IN
       (SELECT le.id FROM json_each(?) e JOIN list_entry le ON le.central_id = e.value->>'centralId')`,
    [json], { bulk: 'populationStore.upsertListEntries' },
  );
  await tx.run(
    `INSERT OR IGNORE INTO list_entry_measure (list_entry_id, measure_id)
     SELECT le.id, m.id FROM json_each(?) e
       JOIN list_entry le ON le.central_id = e.value->>'centralId'
       JOIN json_each(e.value->'measureCodes') c
       JOIN measure m ON m.code = c.value`,
    [json], { bulk: 'populationStore.upsertListEntries' },
  );
}
