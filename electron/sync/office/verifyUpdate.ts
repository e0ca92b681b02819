// Everything an update bundle must pass before a single row is written (bundle-security.md 5, 8):
// the format layer's checks (framing, signature, binding, sequence, freshness, decryption,
// manifest, JSON limits), then the record shapes and the business rules that need the database.
import { BundleError, inspectBundle, loadPinnedKeyring, openBundle, KEYRING_FILE } from '../bundle/index';
import type { ChannelState, Keyring, OpenedBundle } from '../bundle/index';
import type { Queryable } from '../../db/database';
import type { ListEntryRow, MeasureRow, RecordRow, SubjectRow } from '../../../shared/domain/population';
import { validateIdNumber } from '../../../shared/validators/idNumber';
import { validateCreditCode } from '../../../shared/validators/creditCode';
import { parseProfile } from '../../../shared/rules/loadProfile';
import { allChannels, currentKeyringRow, newestVerifiedCreatedAt, officeNameOf } from '../../store/syncStore';
import {
  UPDATE_FILES, acknowledgementRow, calendarYearRow, caseOutcomeRow, listEntryRow, measureRow, officeKeyRow, purposeRow, recordRow, ruleProfileRow,
  subjectRow, supportsUpdateSchema,
} from '../content/schemas';
import type { AcknowledgementRow, At, CalendarYearRow, CaseOutcomeRow, OfficeKeyRow, PurposeRow, RuleProfileRow, UpdateSchema } from '../content/schemas';
import { syncFail } from '../content/syncError';
import { officeSyncKeys } from './officeSyncKeys';

export interface UpdateContent {
  measures: MeasureRow[];
  subjects: SubjectRow[];
  records: RecordRow[];
  listEntries: ListEntryRow[];
  purposes: PurposeRow[];
  ruleProfiles: RuleProfileRow[];
  calendar: CalendarYearRow[];
  officeKeys: OfficeKeyRow[];
  outcomes: (CaseOutcomeRow & { objectionId: number; recordIds: Map<string, number> })[];
  acknowledgements: AcknowledgementRow[];
}

export interface VerifiedUpdate {
  opened: OpenedBundle;
  content: UpdateContent;
  /** Lines per kind, for the preview and the history. */
  counts: Record<string, number>;
}

export interface OfficeSyncContext { dataDir: string; office: { code: string }; now: () => Date }

export async function pinnedKeyring(db: Queryable): Promise<Keyring | null> {
  const row = await currentKeyringRow(db);
  return row ? loadPinnedKeyring(JSON.parse(row.envelope)) : null;
}

/** Cheap header look, used to label history rows; never trusted for decisions. */
export function peekHeader(input: Buffer | string): { sender: string; channel: string; purpose: string; sequence: number; createdAt: string; expiresAt: string; bundleHash: string } | null {
  try {
    const { header, bundleHash } = inspectBundle(input);
    return { sender: header.sender.name, channel: header.channel, purpose: header.purpose, sequence: header.sequence, createdAt: header.createdAt, expiresAt: header.expiresAt, bundleHash };
  } catch {
    return null;
  }
}

/** Runs every check; `db` should be the transaction that will apply, so nothing moves in between. */
export async function verifyUpdate(db: Queryable, ctx: OfficeSyncContext, input: Buffer | string): Promise<VerifiedUpdate> {
  const keyring = await pinnedKeyring(db);
  if (!keyring) return syncFail('SYNC_NOT_PROVISIONED');
  const peek = inspectBundle(input).header;
  if (peek.purpose !== 'update' && peek.purpose !== 'keyring') syncFail('SYNC_NOT_AN_UPDATE', { purpose: peek.purpose });
  const channels = new Map((await allChannels(db)).map((c) => [`${c.sender}\u0000${c.recipient}\u0000${c.channel}`, { sequence: c.last_sequence, bundleHash: c.last_hash } satisfies ChannelState]));
  const keys = officeSyncKeys(ctx.dataDir);
  const newest = await newestVerifiedCreatedAt(db);
  const opened = await namingRecipient(db, () => openBundle(input, {
    keyring,
    recipient: { name: ctx.office.code, privateKey: keys.encryption.privateKey },
    channelState: (k) => channels.get(`${k.sender}\u0000${k.recipient}\u0000${k.channel}`) ?? null,
    now: ctx.now(),
    newestVerifiedCreatedAt: newest,
    expectPurpose: peek.purpose,
    supportsSchema: supportsUpdateSchema,
  }));
  const content = await checkContent(db, ctx, opened);
  const counts: Record<string, number> = {};
  for (const [name, f] of opened.files) counts[name === KEYRING_FILE ? 'keyring' : f.entry.schema] = f.records.length;
  return { opened, content, counts };
}

/** A bundle for another office names that office by code and, when the roster knows it, by name. */
async function namingRecipient<T>(db: Queryable, open: () => T): Promise<T> {
  try {
    return open();
  } catch (e) {
    if (!(e instanceof BundleError) || e.code !== 'BUNDLE_RECIPIENT_MISMATCH' || e.params.recipientName) throw e;
    const name = await officeNameOf(db, String(e.params.recipient));
    throw name ? new BundleError(e.code, { ...e.params, recipientName: name }) : e;
  }
}

function rowsOf<T>(opened: OpenedBundle, schema: UpdateSchema, parse: (v: unknown, at: At) => T): T[] {
  const name = UPDATE_FILES[schema];
  const f = opened.files.get(name);
  if (!f) return [];
  if (f.entry.schema !== schema) syncFail('SYNC_CONTENT_INVALID', { name, line: 1, detail: `${name} must hold schema ${schema}` });
  const at: At = { name, line: 1 };
  const out = new Array<T>(f.records.length);
  for (let i = 0; i < f.records.length; i++) {
    at.line = i + 2;
    out[i] = parse(f.records[i], at);
  }
  return out;
}

function unique<T>(rows: readonly T[], key: (r: T) => string, name: string): Set<string> {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) syncFail('SYNC_DUPLICATE_ID', { name, id: k });
    seen.add(k);
  }
  return seen;
}

/** Which of `ids` exist in `table.column`; one JSON-bound statement. */
async function existing(db: Queryable, table: 'subject' | 'record' | 'measure', column: 'central_id' | 'code', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.all<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
  return new Set(rows.map((r) => r.v));
}

async function requireKnown(db: Queryable, inBundle: Set<string>, refs: readonly string[], table: 'subject' | 'record' | 'measure', column: 'central_id' | 'code', name: string, what: string): Promise<void> {
  const outside = [...new Set(refs.filter((r) => !inBundle.has(r)))];
  const found = await existing(db, table, column, outside);
  const missing = outside.find((r) => !found.has(r));
  if (missing !== undefined) syncFail('SYNC_UNKNOWN_REFERENCE', { name, line: refs.indexOf(missing) + 2, what, id: missing });
}

async function checkContent(db: Queryable, ctx: OfficeSyncContext, opened: OpenedBundle): Promise<UpdateContent> {
  const today = ctx.now();
  const subjects = rowsOf(opened, 'subjects', (v, at) => {
    const s = subjectRow(v, at);
    const ok = s.kind === 'person' ? validateIdNumber(s.idNumber, today) : validateCreditCode(s.idNumber, { mode: 'platform' });
    if (!ok.ok || (s.kind === 'person' && 'idNumber' in ok.value && ok.value.idNumber !== s.idNumber)) syncFail('SYNC_ID_NUMBER_INVALID', { name: at.name, line: at.line, reason: ok.ok ? 'not normalised' : ok.code });
    return s;
  });
  const records = rowsOf(opened, 'records', recordRow);
  const listEntries = rowsOf(opened, 'list-entries', listEntryRow);
  const measures = rowsOf(opened, 'measures', measureRow);

  const subjectIds = unique(subjects, (s) => s.centralId, UPDATE_FILES.subjects);
  unique(subjects, (s) => s.idNumber, UPDATE_FILES.subjects);
  const recordIds = unique(records, (r) => r.centralId, UPDATE_FILES.records);
  unique(listEntries, (e) => e.centralId, UPDATE_FILES['list-entries']);
  const measureCodes = unique(measures, (m) => m.code, UPDATE_FILES.measures);
  await requireKnown(db, subjectIds, records.map((r) => r.subjectCentralId), 'subject', 'central_id', UPDATE_FILES.records, 'subject');
  await requireKnown(db, subjectIds, listEntries.map((e) => e.subjectCentralId), 'subject', 'central_id', UPDATE_FILES['list-entries'], 'subject');
  await requireKnown(db, recordIds, listEntries.flatMap((e) => (e.recordCentralId ? [e.recordCentralId] : [])), 'record', 'central_id', UPDATE_FILES['list-entries'], 'record');
  await requireKnown(db, measureCodes, listEntries.flatMap((e) => e.measureCodes), 'measure', 'code', UPDATE_FILES['list-entries'], 'measure');
  // An ID number that moves to another central id would break the UNIQUE index mid-apply; refuse it now.
  if (subjects.length > 0) {
    const clash = await db.get<{ id_number: string }>(
      `SELECT s.id_number FROM json_each(?) j JOIN subject s ON s.id_number = j.value->>'idNumber' AND s.central_id <> j.value->>'centralId' LIMIT 1`,
      [JSON.stringify(subjects.map((s) => ({ idNumber: s.idNumber, centralId: s.centralId })))],
    );
    if (clash) syncFail('SYNC_DUPLICATE_ID', { name: UPDATE_FILES.subjects, id: `${clash.id_number.slice(0, 6)}…` });
  }

  const purposes = rowsOf(opened, 'purposes', purposeRow);
  unique(purposes, (p) => p.code, UPDATE_FILES.purposes);
  const ruleProfiles = rowsOf(opened, 'rule-profiles', (v, at) => {
    const p = ruleProfileRow(v, at);
    const parsed = parseProfile(p.document);
    if (!parsed.ok) syncFail('SYNC_CONTENT_INVALID', { name: at.name, line: at.line, detail: `rule profile ${p.id} is not valid` });
    return p;
  });
  const calendar = rowsOf(opened, 'calendar', calendarYearRow);
  const years = unique(calendar, (c) => String(c.year), UPDATE_FILES.calendar);
  const sortedYears = [...years].map(Number).sort((a, b) => a - b);
  if (sortedYears.some((y, i) => i > 0 && y !== sortedYears[i - 1]! + 1)) syncFail('SYNC_CONTENT_INVALID', { name: UPDATE_FILES.calendar, line: 2, detail: 'the calendar years must be consecutive' });
  const officeKeys = rowsOf(opened, 'office-keys', officeKeyRow);
  unique(officeKeys, (k) => k.keyId, UPDATE_FILES['office-keys']);

  const outcomeRows = rowsOf(opened, 'case-outcomes', caseOutcomeRow);
  unique(outcomeRows, (o) => o.caseNo, UPDATE_FILES['case-outcomes']);
  const outcomes: UpdateContent['outcomes'] = [];
  for (const o of outcomeRows) {
    const row = await db.get<{ id: number; state: string; route: string | null; forwarded_on: string | null }>(
      'SELECT id, state, route, forwarded_on FROM objection WHERE case_no = ?', [o.caseNo]);
    if (o.officeCode !== ctx.office.code || !row || row.route !== 'provider' || row.forwarded_on === null) syncFail('SYNC_UNKNOWN_OBJECTION', { caseNo: o.caseNo });
    if (row.state !== 'verifying') syncFail('SYNC_OUTCOME_NOT_EXPECTED', { caseNo: o.caseNo, state: row.state });
    const linked = await db.all<{ id: number; central_id: string }>(
      'SELECT r.id, r.central_id FROM objection_record o JOIN record r ON r.id = o.record_id WHERE o.objection_id = ?', [row.id]);
    const ids = new Map(linked.map((r) => [r.central_id, r.id]));
    for (const e of o.records) {
      if (!ids.has(e.centralId)) syncFail('SYNC_UNKNOWN_REFERENCE', { name: UPDATE_FILES['case-outcomes'], line: outcomeRows.indexOf(o) + 2, what: `record of objection ${o.caseNo}`, id: e.centralId });
    }
    outcomes.push({ ...o, objectionId: row.id, recordIds: ids });
  }

  const acknowledgements = rowsOf(opened, 'acknowledgements', acknowledgementRow);
  for (const a of acknowledgements) {
    const out = await db.get<{ bundle_hash: string }>('SELECT bundle_hash FROM sync_bundle_out WHERE sequence = ?', [a.sequence]);
    if (!out || out.bundle_hash !== a.bundleHash) syncFail('SYNC_UNKNOWN_EXPORT', { sequence: a.sequence });
  }
  return { measures, subjects, records, listEntries, purposes, ruleProfiles, calendar, officeKeys, outcomes, acknowledgements };
}
