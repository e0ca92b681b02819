// The reference central platform's operations, as functions (the CLI in tools/central.ts and the
// sync tests call the same code). It shares the bundle layer and content schemas with the office.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import purposes from '../../resources/catalog/purposes.json' with { type: 'json' };
import { BUILTIN_COVERAGE, builtinCalendarDays } from '../../shared/calendar/builtinCalendar';
import type { ListEntryRow, SubjectBundle, SubjectRow } from '../../shared/domain/population';
import type { ObjectionOutcome } from '../../shared/cases/caseTypes';
import { chinaDate } from '../../shared/calendar/dates';
import { generatePopulation } from '../../electron/seed/population';
import { generateEntities } from '../../electron/seed/entities';
import type { EntityRegistration } from '../../shared/domain/subject';
import { MEASURES } from '../../electron/seed/measures';
import { upsertMeasures, writeSubjectBundles } from '../../electron/store/populationStore';
import {
  fingerprint, generateEncryptionKeyPair, generateSigningKeyPair, inspectBundle, keyringKeyFor, openBundle, sha256Hex, signKeyring,
} from '../../electron/sync/bundle/index';
import type { KeyringDocument } from '../../electron/sync/bundle/index';
import { SCHEMA_VERSION, UPDATE_FILES, supportsExportSchema } from '../../electron/sync/content/schemas';
import { writeBundleFile } from '../../electron/sync/bundle/writeBundle';
import type { StreamedFileInput } from '../../electron/sync/bundle/writeBundle';
import type { CaseOutcomeRow, UpdateSchema } from '../../electron/sync/content/schemas';
import { readEnrollmentRequest, TRUST_FORMAT } from '../../electron/sync/office/provisioning';
import { auditWarnings, checkAuditHeads, checkAuditSegment, heldAuditHead, type ExportedCheckpoint, type SegmentLink } from './auditHeads';
import { ingestKeyring, loadKeys, office, openCentral, platformKeyring, saveKeys, TRUST_FILE } from './centralStore';
import type { Central, OfficeRow } from './centralStore';

export const CENTRAL_ID_PREFIX = 'C';
/** Persons per legal entity in a generated city (issue 24). */
export const ENTITY_EVERY = 8;
export const UPDATE_VALIDITY_DAYS = 30;

export async function initPlatform(dir: string, now: Date): Promise<{ trustPath: string; fingerprint: string }> {
  const c = await openCentral(dir, { create: true });
  try {
    if (await c.db.get('SELECT 1 FROM central_keyring')) throw new Error(`${c.dir} already holds a platform; its trust file is ${join(c.dir, TRUST_FILE)}.`);
    const keys = { root1: generateSigningKeyPair(), root2: generateSigningKeyPair(), update: generateSigningKeyPair(), encryption: generateEncryptionKeyPair() };
    const doc: KeyringDocument = {
      version: 1, issuedAt: now.toISOString(), rootThreshold: 2,
      keys: [
        keyringKeyFor(keys.root1, 'keyring-root', 'platform'), keyringKeyFor(keys.root2, 'keyring-root', 'platform'),
        keyringKeyFor(keys.update, 'platform-update-signing', 'platform'), keyringKeyFor(keys.encryption, 'platform-encryption', 'platform'),
      ],
    };
    const envelope = signKeyring(doc, [keys.root1, keys.root2]);
    saveKeys(c.dir, keys);
    await c.db.run('INSERT INTO central_keyring (version, envelope) VALUES (1, ?)', [JSON.stringify(envelope)]);
    const trustPath = join(c.dir, TRUST_FILE);
    writeFileSync(trustPath, `${JSON.stringify({ format: TRUST_FORMAT, formatVersion: 1, platform: 'platform', keyring: envelope }, null, 2)}\n`);
    return { trustPath, fingerprint: fingerprint(sha256Hex(Buffer.from(envelope.payload, 'base64'))) };
  } finally {
    await c.close();
  }
}

export async function enrollOffice(c: Central, requestBytes: Buffer, now: Date): Promise<OfficeRow> {
  const req = readEnrollmentRequest(requestBytes);
  const existing = await office(c, req.officeCode);
  if (existing && existing.export_signing_key !== req.exportSigningKey) throw new Error(`Office ${req.officeCode} is already enrolled with other keys.`);
  await c.db.run(
    `INSERT INTO central_office (code, name, encryption_key, export_signing_key, report_key_id, report_key_pem, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, report_key_id = excluded.report_key_id, report_key_pem = excluded.report_key_pem`,
    [req.officeCode, req.officeName, req.encryptionKey, req.exportSigningKey, req.reportSigningKey.keyId, req.reportSigningKey.publicKeyPem, now.toISOString()],
  );
  return (await office(c, req.officeCode))!;
}

/** Streams a deterministic population into the central store; repeated runs append. */
export async function generate(
  c: Central, opts: { subjects: number; seed: string; today: string; batch?: number; onProgress?: (subjectsWritten: number) => void },
): Promise<{ subjects: number; entities: number; records: number }> {
  await c.db.transaction((tx) => upsertMeasures(tx, MEASURES), { platform: true });
  const countOf = async (kind: 'person' | 'entity') => (await c.db.get<{ n: number }>('SELECT count(*) AS n FROM subject WHERE kind = ?', [kind]))!.n;
  const start = await countOf('person');
  const entityStart = await countOf('entity');
  const batchSize = opts.batch ?? 2000;
  let batch: SubjectBundle[] = [];
  let records = 0;
  let written = 0;
  const write = async (rows: SubjectBundle[]) => {
    await c.db.transaction((tx) => writeSubjectBundles(tx, rows), { platform: true });
    opts.onProgress?.((written += rows.length));
  };
  // A city's legal entities beside its people, about one for every 8 persons (issue 24).
  const entities = Math.round(opts.subjects / ENTITY_EVERY);
  const everyone = [
    generatePopulation({ subjects: opts.subjects, seed: opts.seed, today: opts.today, startIndex: start, centralIdPrefix: CENTRAL_ID_PREFIX }),
    generateEntities({ entities, seed: opts.seed, today: opts.today, startIndex: entityStart, centralIdPrefix: CENTRAL_ID_PREFIX }),
  ];
  for (const generated of everyone) {
    for (const b of generated) {
      batch.push(b);
      records += b.records.length;
      if (batch.length >= batchSize) {
        await write(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await write(batch);
  return { subjects: opts.subjects, entities, records };
}

const SUBJECT_SQL = `SELECT rowid AS rid, kind, id_number AS idNumber, name, gender, birth_date AS birthDate, legal_rep AS legalRepresentative,
  region_code AS regionCode, central_id AS centralId, version,
  (SELECT json_object('registrationNo', g.registration_no, 'entityType', g.entity_type, 'establishedOn', g.established_on,
     'registeredCapital', g.registered_capital, 'address', g.address, 'businessScope', g.business_scope,
     'registrationAuthority', g.registration_authority, 'operatingStatus', g.operating_status, 'legalRepIdNumber', g.legal_rep_id_number)
     FROM entity_registration g WHERE g.subject_id = subject.id) AS registration FROM subject`;
/** An entity's registration travels on its subject's line (issue 24); a person's line has none. */
function subjectLine(r: WithRid<SubjectRow & { registration: string | null }>): SubjectRow {
  const { registration, ...s } = withoutRid(r);
  return registration === null ? s : { ...s, registration: JSON.parse(registration) as EntityRegistration };
}
const RECORD_SQL = `SELECT r.rowid AS rid, r.central_id AS centralId, s.central_id AS subjectCentralId, r.category, r.domain, r.severity, r.title, r.content,
  r.provider_unit AS providerUnit, r.document_no AS documentNo, r.occurred_on AS occurredOn, r.decided_on AS decidedOn,
  r.publicity_start AS publicityStart, r.publicity_end AS publicityEnd, r.status, r.version FROM record r JOIN subject s ON s.id = r.subject_id`;
const LIST_SQL = `SELECT le.rowid AS rid, le.central_id AS centralId, s.central_id AS subjectCentralId, r.central_id AS recordCentralId, le.list_type AS listType,
  le.list_name AS listName, le.reason, le.basis, le.deciding_unit AS decidingUnit, le.entered_on AS enteredOn, le.exit_on AS exitOn, le.status,
  (SELECT json_group_array(m.code) FROM list_entry_measure lm JOIN measure m ON m.id = lm.measure_id WHERE lm.list_entry_id = le.id) AS measureCodes
  FROM list_entry le JOIN subject s ON s.id = le.subject_id LEFT JOIN record r ON r.id = le.record_id`;

type WithRid<T> = T & { rid: number };

/**
 * Rows of `select` matching `where`, in rowid pages, never all at once: the platform publishes a
 * city without holding it. `seen.max` ends as the largest rowid handed out.
 */
function paged<T>(
  db: Central['db'], select: string, ridColumn: string, where: string, params: unknown[], map: (row: WithRid<T>) => unknown, seen: { max: number },
  onPage: (rows: number) => void,
) {
  return async function* rows(): AsyncGenerator<unknown> {
    for (let after = 0; ;) {
      const page = await db.all<WithRid<T>>(`${select} WHERE (${where}) AND ${ridColumn} > ? ORDER BY ${ridColumn} LIMIT ${PUBLISH_PAGE}`, [...params, after]);
      if (page.length === 0) return;
      for (const r of page) {
        seen.max = Math.max(seen.max, r.rid);
        yield map(r);
      }
      onPage(page.length);
      after = page.at(-1)!.rid;
    }
  };
}
// A record may carry 8,000 characters: a thousand rows keep a page to a few megabytes.
const PUBLISH_PAGE = 1_000;
const withoutRid = <T>({ rid: _rid, ...r }: WithRid<T>): T => r as T;
async function* each(rows: readonly unknown[]): AsyncGenerator<unknown> {
  yield* rows;
}

export interface Published { path: string; sequence: number; bundleHash: string; counts: Record<string, number> }

/** `onProgress`: platform rows (subjects, records, list entries) read out so far, after each page. */
export async function publish(
  c: Central, code: string, opts: { snapshot: boolean; now: Date; out?: string; onProgress?: (rows: number) => void },
): Promise<Published> {
  const o = await office(c, code);
  if (!o) throw new Error(`Office ${code} is not enrolled; run "enroll REQUEST" first.`);
  const keys = loadKeys(c.dir);
  const { keyring } = await platformKeyring(c);
  const db = c.db;
  const lastChange = (await db.get<{ s: number | null }>('SELECT max(seq) AS s FROM central_change'))?.s ?? 0;
  const changed = (kind: string) => `SELECT central_id FROM central_change WHERE kind = '${kind}' AND seq > ?`;
  const all = opts.snapshot ? 1 : 0;
  // What goes out: everything for a snapshot, else what is new or changed since the last bundle.
  const platformFiles: { schema: UpdateSchema; select: string; rid: string; where: string; params: unknown[]; map: (r: WithRid<never>) => unknown; seen: { max: number } }[] = [
    { schema: 'subjects', select: SUBJECT_SQL, rid: 'rowid', where: '? OR rowid > ?', params: [all, o.sent_subject_rowid], map: subjectLine, seen: { max: o.sent_subject_rowid } },
    { schema: 'records', select: RECORD_SQL, rid: 'r.rowid', where: `? OR r.rowid > ? OR r.central_id IN (${changed('record')})`, params: [all, o.sent_record_rowid, o.sent_change_seq], map: withoutRid, seen: { max: o.sent_record_rowid } },
    {
      schema: 'list-entries', select: LIST_SQL, rid: 'le.rowid', where: `? OR le.rowid > ? OR le.central_id IN (${changed('list')})`, params: [all, o.sent_list_rowid, o.sent_change_seq],
      map: (r) => { const l = withoutRid<ListEntryRow & { measureCodes: string }>(r); return { ...l, measureCodes: JSON.parse(l.measureCodes) as string[] }; }, seen: { max: o.sent_list_rowid },
    },
  ];
  const counted = await Promise.all(platformFiles.map(async (f) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${f.select} WHERE ${f.where})`, f.params))!.n));
  const roster = (await db.all<{ code: string; name: string; report_key_id: string; report_key_pem: string }>('SELECT code, name, report_key_id, report_key_pem FROM central_office ORDER BY code'))
    .map((r) => ({ officeCode: r.code, officeName: r.name, keyId: r.report_key_id, publicKeyPem: r.report_key_pem, status: 'active' }));
  const outcomes = await db.all<{ case_no: string; outcome_json: string }>('SELECT case_no, outcome_json FROM central_forward WHERE office = ? AND outcome_json IS NOT NULL AND published_in IS NULL', [code]);
  const acks = o.export_sequence > o.export_acked ? [{ channel: 'export', sequence: o.export_sequence, bundleHash: o.export_hash!, receivedAt: opts.now.toISOString() }] : [];

  const small: Partial<Record<UpdateSchema, readonly unknown[]>> = {
    purposes: opts.snapshot ? purposes : [],
    calendar: opts.snapshot ? calendarYears() : [],
    'office-keys': roster,
    'case-outcomes': outcomes.map((r) => JSON.parse(r.outcome_json) as unknown),
    acknowledgements: acks,
  };
  let read = 0;
  const onPage = (rows: number) => opts.onProgress?.((read += rows));
  const counts: Record<string, number> = { measures: opts.snapshot ? MEASURES.length : 0 };
  platformFiles.forEach((f, i) => (counts[f.schema] = counted[i]!));
  for (const [schema, rows] of Object.entries(small)) counts[schema] = rows.length;
  // Platform files first, in the order their references run (docs/bundle-format.md §9.1).
  const files: StreamedFileInput[] = [
    ...(opts.snapshot ? [{ schema: 'measures' as UpdateSchema, records: MEASURES.length, rows: () => each(MEASURES) }] : []),
    ...platformFiles.map((f, i) => ({ schema: f.schema, records: counted[i]!, rows: paged(db, f.select, f.rid, f.where, f.params, f.map, f.seen, onPage) })),
    ...Object.entries(small).map(([schema, rows]) => ({ schema: schema as UpdateSchema, records: rows.length, rows: () => each(rows) })),
  ].filter((f) => f.records > 0).map((f) => ({ name: UPDATE_FILES[f.schema], schema: f.schema, schemaVersion: SCHEMA_VERSION, records: f.records, rows: f.rows, compress: f.records > 100 }));
  const sequence = o.update_sequence + 1;
  const path = opts.out ?? join(c.dir, `update-${code}-${String(sequence).padStart(6, '0')}.cdbundle`);
  const written = await writeBundleFile(path, {
    purpose: 'update', channel: 'update', sequence, prevHash: o.update_hash, createdAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + UPDATE_VALIDITY_DAYS * 86_400_000),
    sender: { name: 'platform', key: keys.update }, recipient: { name: code, publicKey: Buffer.from(o.encryption_key, 'hex') },
    keyringVersion: keyring.version,
  }, files);
  const [subjectsSeen, recordsSeen, listsSeen] = platformFiles.map((f) => f.seen.max);
  await db.transaction(async (tx) => {
    await tx.run(
      `UPDATE central_office SET update_sequence = ?, update_hash = ?, sent_subject_rowid = ?, sent_record_rowid = ?, sent_list_rowid = ?,
         sent_change_seq = ?, export_acked = export_sequence WHERE code = ?`,
      [sequence, written.bundleHash, subjectsSeen, recordsSeen, listsSeen, lastChange, code],
    );
    await tx.run('UPDATE central_forward SET published_in = ? WHERE office = ? AND outcome_json IS NOT NULL AND published_in IS NULL', [sequence, code]);
  });
  return { path, sequence, bundleHash: written.bundleHash, counts };
}

function calendarYears() {
  const days = builtinCalendarDays(BUILTIN_COVERAGE.fromYear, BUILTIN_COVERAGE.toYear);
  const years = [];
  for (let y = BUILTIN_COVERAGE.fromYear; y <= BUILTIN_COVERAGE.toYear; y++) {
    years.push({ year: y, days: days.filter((d) => d.date.startsWith(`${y}-`)).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })) });
  }
  return years;
}

export async function ingest(c: Central, file: string, now: Date): Promise<{ sender: string; sequence: number; counts: Record<string, number>; forwards: number; auditWarnings: string[] }> {
  const peek = inspectBundle(file).header;
  const o = await office(c, peek.sender.name);
  if (!o) throw new Error(`The bundle comes from ${peek.sender.name}, which is not enrolled.`);
  const keys = loadKeys(c.dir);
  const opened = openBundle(file, {
    keyring: await ingestKeyring(c),
    recipient: { name: 'platform', privateKey: keys.encryption.privateKey },
    channelState: () => (o.export_sequence > 0 ? { sequence: o.export_sequence, bundleHash: o.export_hash! } : null),
    now, newestVerifiedCreatedAt: o.export_created_at ? new Date(o.export_created_at) : null,
    expectPurpose: 'export', supportsSchema: supportsExportSchema,
  });
  const counts: Record<string, number> = {};
  let forwards = 0;
  let auditWarnings: string[] = [];
  await c.db.transaction(async (tx) => {
    for (const [, f] of opened.files) {
      counts[f.entry.schema] = f.records.length;
      if (f.entry.schema === 'audit-checkpoints') auditWarnings = [...auditWarnings, ...(await checkAuditHeads(tx, o, f.records as ExportedCheckpoint[], now))];
      if (f.entry.schema === 'audit-segment') auditWarnings = [...auditWarnings, ...(await checkAuditSegment(tx, o, f.records as SegmentLink[], now))];
      const items = f.records.map((r) => {
        const x = r as Record<string, unknown>;
        return { key: String(x.seq ?? (f.entry.schema === 'cases' ? `${String(x.caseKind)}:${String(x.caseNo)}` : x.id)), body: JSON.stringify(r) };
      });
      // Items sent again replace the held ones, except the audit chain: the events the platform
      // holds are the evidence a later rewrite is measured against (checkAuditSegment).
      await tx.run(
        `INSERT INTO central_export_item (office, schema, item_key, body) SELECT ?, ?, value->>'key', value->>'body' FROM json_each(?) WHERE true
         ON CONFLICT(office, schema, item_key) DO UPDATE SET body = excluded.body WHERE central_export_item.schema <> 'audit-segment'`,
        [o.code, f.entry.schema, JSON.stringify(items)],
        { bulk: 'platform.storeExportItems' },
      );
      if (f.entry.schema === 'forwards') {
        for (const r of f.records as { kind: string; payload: { caseNo: string; providerUnit: string } }[]) {
          if (r.kind !== 'objection.forward') continue;
          forwards++;
          await tx.run('INSERT OR IGNORE INTO central_forward (office, case_no, provider_unit, payload, received_at) VALUES (?, ?, ?, ?, ?)',
            [o.code, r.payload.caseNo, r.payload.providerUnit, JSON.stringify(r.payload), now.toISOString()]);
        }
      }
    }
    await tx.run('UPDATE central_office SET export_sequence = ?, export_hash = ?, export_created_at = ? WHERE code = ?',
      [opened.header.sequence, opened.bundleHash, opened.header.createdAt, o.code]);
  });
  return { sender: o.code, sequence: opened.header.sequence, counts, forwards, auditWarnings };
}

/** The providing unit's decision on a forwarded objection: changes the platform's records and queues the outcome. */
export async function decide(c: Central, a: { office: string; caseNo: string; outcome: ObjectionOutcome; reason: string; content?: string | undefined; now: Date }): Promise<CaseOutcomeRow> {
  const fwd = await c.db.get<{ payload: string; outcome: string | null }>('SELECT payload, outcome FROM central_forward WHERE office = ? AND case_no = ?', [a.office, a.caseNo]);
  if (!fwd) throw new Error(`No objection ${a.caseNo} was forwarded by office ${a.office}; ingest its export first.`);
  if (fwd.outcome) throw new Error(`Objection ${a.caseNo} is already decided (${fwd.outcome}).`);
  if ((a.outcome === 'corrected' || a.outcome === 'supplemented') && !a.content) throw new Error('A corrected or supplemented outcome needs --content (the record as it must now read).');
  const refs = (JSON.parse(fwd.payload) as { records: { centralId: string }[] }).records;
  const decidedOn = chinaDate(a.now);
  const yesterday = new Date(Date.parse(`${decidedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const row: CaseOutcomeRow = { officeCode: a.office, caseKind: 'objection', caseNo: a.caseNo, outcome: a.outcome, reason: a.reason, decidedOn, decidedAt: a.now.toISOString(), records: [] };
  await c.db.transaction(async (tx) => {
    for (const ref of refs) {
      const rec = await tx.get<{ id: number; content: string; status: string; publicity_end: string | null }>('SELECT id, content, status, publicity_end FROM record WHERE central_id = ?', [ref.centralId]);
      if (!rec) continue;
      const effect = { centralId: ref.centralId, status: 'active' as const, content: null as string | null, publicityEnd: null as string | null };
      let status: CaseOutcomeRow['records'][number]['status'] = rec.status === 'under_objection' ? 'active' : (rec.status as 'active');
      if (a.outcome === 'corrected' || a.outcome === 'supplemented') { status = 'corrected'; effect.content = a.content!; }
      if (a.outcome === 'revoked') status = 'revoked';
      if (a.outcome === 'display_stopped') effect.publicityEnd = yesterday;
      row.records.push({ ...effect, status });
      await tx.run('UPDATE record SET status = ?, content = coalesce(?, content), publicity_end = coalesce(?, publicity_end), version = version + 1 WHERE id = ?',
        [status, effect.content, effect.publicityEnd, rec.id]);
      await tx.run("INSERT INTO central_change (kind, central_id) VALUES ('record', ?)", [ref.centralId]);
      if (a.outcome === 'removed_from_list') {
        const lifted = await tx.all<{ central_id: string }>("UPDATE list_entry SET status = 'removed', exit_on = ? WHERE record_id = ? AND status = 'active' RETURNING central_id", [decidedOn, rec.id]);
        for (const l of lifted) await tx.run("INSERT INTO central_change (kind, central_id) VALUES ('list', ?)", [l.central_id]);
      }
    }
    await tx.run('UPDATE central_forward SET outcome = ?, outcome_json = ?, decided_at = ? WHERE office = ? AND case_no = ?',
      [a.outcome, JSON.stringify(row), a.now.toISOString(), a.office, a.caseNo]);
  });
  return row;
}

export async function status(c: Central): Promise<string[]> {
  const { keyring } = await platformKeyring(c);
  const n = (sql: string) => c.db.get<{ n: number }>(sql).then((r) => r?.n ?? 0);
  const lines = [
    `platform keyring v${keyring.version}; subjects ${await n('SELECT count(*) AS n FROM subject')}, records ${await n('SELECT count(*) AS n FROM record')}, list entries ${await n('SELECT count(*) AS n FROM list_entry')}`,
  ];
  for (const o of await c.db.all<OfficeRow>('SELECT * FROM central_office ORDER BY code')) {
    const pending = await c.db.get<{ n: number }>('SELECT count(*) AS n FROM central_forward WHERE office = ? AND outcome IS NULL', [o.code]);
    const head = await heldAuditHead(c.db, o.code);
    lines.push(`office ${o.code} ${o.name}: last update ${o.update_sequence}, last export received ${o.export_sequence}${o.export_sequence > o.export_acked ? ' (to acknowledge)' : ''}, forwarded objections awaiting a decision ${pending?.n ?? 0}`);
    // What the office's audit screen shows as its last exported head, to be compared by an auditor.
    if (head) lines.push(`  audit head held: event ${head.headSeq}, MAC ${head.headHashPrefix}… (checkpoint ${head.at})`);
  }
  const waiting = await c.db.all<{ office: string; case_no: string; provider_unit: string }>('SELECT office, case_no, provider_unit FROM central_forward WHERE outcome IS NULL ORDER BY received_at');
  for (const w of waiting) lines.push(`  awaiting decision: ${w.office} ${w.case_no} (${w.provider_unit})`);
  for (const w of await auditWarnings(c.db)) lines.push(`  AUDIT WARNING ${w.office} (${w.at}): ${w.message}`);
  return lines;
}

