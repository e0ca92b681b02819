// Content files of update and export bundles (docs/bundle-format.md §9.1). The format layer has
// already checked the envelope, sizes and JSON limits; these checks are the record shapes, done by
// hand rather than with zod because a snapshot holds millions of lines.
import type { ListEntryRow, MeasureRow, RecordRow, SubjectRow } from '../../../shared/domain/population';
import { LIST_TYPES } from '../../../shared/domain/list';
import { ENTITY_TYPES, OPERATING_STATUSES, type EntityRegistration } from '../../../shared/domain/subject';
import { REGISTRATION_NO } from '../../../shared/domain/entityAccess';
import { PENALTY_KINDS, RECORD_CATEGORIES, RECORD_DOMAINS, RECORD_STATUSES, SEVERITIES } from '../../../shared/domain/record';
import { OBJECTION_OUTCOMES } from '../../../shared/cases/caseTypes';
import type { ObjectionOutcome } from '../../../shared/cases/caseTypes';
import type { RecordStatus } from '../../../shared/domain/record';
import { syncFail } from './syncError';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';

/** Update (platform → office) files: schema name = file stem, version 1 each. */
export const UPDATE_FILES = {
  measures: 'measures.jsonl',
  subjects: 'subjects.jsonl',
  records: 'records.jsonl',
  'list-entries': 'list-entries.jsonl',
  purposes: 'purposes.jsonl',
  'rule-profiles': 'rule-profiles.jsonl',
  calendar: 'calendar.jsonl',
  'office-keys': 'office-keys.jsonl',
  'case-outcomes': 'case-outcomes.jsonl',
  acknowledgements: 'acknowledgements.jsonl',
} as const;
export type UpdateSchema = keyof typeof UPDATE_FILES;

/** Export (office → platform) files. */
export const EXPORT_FILES = {
  visits: 'visits.jsonl',
  'query-log': 'query-log.jsonl',
  'print-log': 'print-log.jsonl',
  statements: 'statements.jsonl',
  cases: 'cases.jsonl',
  'case-events': 'case-events.jsonl',
  forwards: 'forwards.jsonl',
  'audit-segment': 'audit-segment.jsonl',
  // Signed audit checkpoints (electron/services/audit/auditCheckpoint): the platform keeps them and
  // reports an office whose audit head went backwards or was rewritten.
  'audit-checkpoints': 'audit-checkpoints.jsonl',
} as const;
export type ExportSchema = keyof typeof EXPORT_FILES;

export const SCHEMA_VERSION = 1;

export const supportsUpdateSchema = (schema: string, version: number): boolean =>
  version === SCHEMA_VERSION && (Object.hasOwn(UPDATE_FILES, schema) || schema === 'keyring');
export const supportsExportSchema = (schema: string, version: number): boolean => version === SCHEMA_VERSION && Object.hasOwn(EXPORT_FILES, schema);

/** `subjectKind` (issue 24): an entity's purpose; absent, a person's (catalogues from before). */
export interface PurposeRow { code: string; zh: string; en: string; requiresText: boolean; subjectKind?: 'person' | 'entity' }
export interface RuleProfileRow { id: string; document: unknown }
export interface CalendarYearRow { year: number; days: { date: string; kind: 'holiday' | 'workday'; name: string | null }[] }
export interface OfficeKeyRow { officeCode: string; officeName: string; keyId: string; publicKeyPem: string; status: 'active' | 'revoked' }
export interface OutcomeRecordEffect { centralId: string; status: RecordStatus; content: string | null; publicityEnd: string | null }
export interface CaseOutcomeRow {
  officeCode: string;
  caseKind: 'objection';
  caseNo: string;
  outcome: ObjectionOutcome;
  reason: string;
  decidedOn: string;
  decidedAt: string;
  records: OutcomeRecordEffect[];
}
export interface AcknowledgementRow { channel: 'export'; sequence: number; bundleHash: string; receivedAt: string }

// ---------------------------------------------------------------------------------------------
// Small checkers. `at` names the place for the sentence: file name and line (envelope is line 1).

export interface At { name: string; line: number }
type Obj = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
const CENTRAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const OFFICE_CODE = /^\d{6}-\d{2}$/;

const bad = (at: At, code: DetailCode, params: Record<string, string | number> = {}): never =>
  syncFail('SYNC_CONTENT_INVALID', { name: at.name, line: at.line, ...detail(code, params) });

/** `optional` fields may be absent (added to a version-1 schema later; older bundles lack them). */
export function obj(v: unknown, at: At, keys: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(at, 'record_not_object');
  const o = v as Obj;
  for (const k of Object.keys(o)) if (!keys.includes(k) && !optional.includes(k)) bad(at, 'field_unknown', { field: k });
  for (const k of keys) if (!(k in o)) bad(at, 'field_missing', { field: k });
  return o;
}
export function text(v: unknown, at: At, field: string, max = 2000, min = 1): string {
  if (typeof v !== 'string' || v.length < min || v.length > max) return bad(at, 'field_text', { field, min, max });
  return v;
}
const textOrNull = (v: unknown, at: At, field: string, max = 2000): string | null => (v === null ? null : text(v, at, field, max));
function pattern(v: unknown, re: RegExp, at: At, field: string): string {
  if (typeof v !== 'string' || !re.test(v)) return bad(at, 'field_wrong_form', { field });
  return v;
}
export const date = (v: unknown, at: At, field: string): string => pattern(v, DATE, at, field);
const dateOrNull = (v: unknown, at: At, field: string): string | null => (v === null ? null : date(v, at, field));
export const time = (v: unknown, at: At, field: string): string => pattern(v, TIME, at, field);
export const centralId = (v: unknown, at: At, field: string): string => pattern(v, CENTRAL_ID, at, field);
export const hex64 = (v: unknown, at: At, field: string): string => pattern(v, HEX64, at, field);
function oneOf<T extends string>(v: unknown, values: readonly T[], at: At, field: string): T {
  if (!values.includes(v as T)) return bad(at, 'field_one_of', { field, values: values.join(', ') });
  return v as T;
}
export function int(v: unknown, at: At, field: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) return bad(at, 'field_int', { field, min });
  return v;
}
function bool(v: unknown, at: At, field: string): boolean {
  if (typeof v !== 'boolean') return bad(at, 'field_bool', { field });
  return v;
}

// ---------------------------------------------------------------------------------------------
// Update records. ID numbers and credit codes are checked by the caller (it knows "today").

const SUBJECT_KEYS = ['kind', 'idNumber', 'name', 'gender', 'birthDate', 'legalRepresentative', 'regionCode', 'centralId', 'version'] as const;
export function subjectRow(v: unknown, at: At): SubjectRow {
  // registration (issue 24) is optional so that bundles written before it still import.
  const o = obj(v, at, SUBJECT_KEYS, ['registration']);
  const kind = oneOf(o.kind, ['person', 'entity'] as const, at, 'kind');
  if (typeof o.idNumber !== 'string' || o.idNumber.length > 32) bad(at, 'field_text_only', { field: 'idNumber' });
  const gender = o.gender === null ? null : oneOf(o.gender, ['M', 'F'] as const, at, 'gender');
  const registration = o.registration === undefined ? undefined : o.registration === null ? null : registrationOf(o.registration, at);
  if (registration && kind !== 'entity') bad(at, 'field_unknown', { field: 'registration' });
  return {
    ...(registration === undefined ? {} : { registration }),
    kind,
    idNumber: o.idNumber as string,
    name: text(o.name, at, 'name', 200),
    gender,
    birthDate: dateOrNull(o.birthDate, at, 'birthDate'),
    legalRepresentative: textOrNull(o.legalRepresentative, at, 'legalRepresentative', 100),
    regionCode: pattern(o.regionCode, /^\d{6}$/, at, 'regionCode'),
    centralId: centralId(o.centralId, at, 'centralId'),
    version: int(o.version, at, 'version', 1),
  };
}

const REGISTRATION_KEYS = ['registrationNo', 'entityType', 'establishedOn', 'registeredCapital', 'address', 'businessScope',
  'registrationAuthority', 'operatingStatus'] as const;
function registrationOf(v: unknown, at: At): EntityRegistration {
  // legalRepIdNumber: not every platform holds the legal representative's number.
  const o = obj(v, at, REGISTRATION_KEYS, ['legalRepIdNumber']);
  return {
    registrationNo: o.registrationNo === null ? null : pattern(o.registrationNo, REGISTRATION_NO, at, 'registration.registrationNo'),
    entityType: oneOf(o.entityType, ENTITY_TYPES, at, 'registration.entityType'),
    establishedOn: dateOrNull(o.establishedOn, at, 'registration.establishedOn'),
    registeredCapital: textOrNull(o.registeredCapital, at, 'registration.registeredCapital', 100),
    address: text(o.address, at, 'registration.address', 500),
    businessScope: text(o.businessScope, at, 'registration.businessScope', 4000),
    registrationAuthority: text(o.registrationAuthority, at, 'registration.registrationAuthority', 200),
    operatingStatus: oneOf(o.operatingStatus, OPERATING_STATUSES, at, 'registration.operatingStatus'),
    legalRepIdNumber: o.legalRepIdNumber === undefined || o.legalRepIdNumber === null ? null : pattern(o.legalRepIdNumber, /^[0-9A-Z]{15,18}$/, at, 'registration.legalRepIdNumber'),
  };
}

const RECORD_KEYS = ['centralId', 'subjectCentralId', 'category', 'domain', 'severity', 'title', 'content', 'providerUnit', 'documentNo',
  'occurredOn', 'decidedOn', 'publicityStart', 'publicityEnd', 'status', 'version'] as const;
export function recordRow(v: unknown, at: At): RecordRow {
  // penaltyKind (Administrative Penalty Law art. 9) drives the repair exclusions; optional so that
  // bundles written before it existed still import (their penalties match no kind-based rule).
  const o = obj(v, at, RECORD_KEYS, ['penaltyKind']);
  return {
    centralId: centralId(o.centralId, at, 'centralId'),
    subjectCentralId: centralId(o.subjectCentralId, at, 'subjectCentralId'),
    category: oneOf(o.category, RECORD_CATEGORIES, at, 'category'),
    domain: oneOf(o.domain, RECORD_DOMAINS, at, 'domain'),
    severity: o.severity === null ? null : oneOf(o.severity, SEVERITIES, at, 'severity'),
    penaltyKind: o.penaltyKind === undefined || o.penaltyKind === null ? null : oneOf(o.penaltyKind, PENALTY_KINDS, at, 'penaltyKind'),
    title: text(o.title, at, 'title', 500),
    content: text(o.content, at, 'content', 8000),
    providerUnit: text(o.providerUnit, at, 'providerUnit', 200),
    documentNo: text(o.documentNo, at, 'documentNo', 200, 0),
    occurredOn: date(o.occurredOn, at, 'occurredOn'),
    decidedOn: date(o.decidedOn, at, 'decidedOn'),
    publicityStart: date(o.publicityStart, at, 'publicityStart'),
    publicityEnd: dateOrNull(o.publicityEnd, at, 'publicityEnd'),
    status: oneOf(o.status, RECORD_STATUSES, at, 'status'),
    version: int(o.version, at, 'version', 1),
  };
}

const LIST_KEYS = ['centralId', 'subjectCentralId', 'recordCentralId', 'listType', 'listName', 'reason', 'basis', 'decidingUnit', 'enteredOn',
  'exitOn', 'status', 'measureCodes'] as const;
export function listEntryRow(v: unknown, at: At): ListEntryRow {
  const o = obj(v, at, LIST_KEYS);
  if (!Array.isArray(o.measureCodes) || o.measureCodes.length > 200) bad(at, 'field_list', { field: 'measureCodes' });
  return {
    centralId: centralId(o.centralId, at, 'centralId'),
    subjectCentralId: centralId(o.subjectCentralId, at, 'subjectCentralId'),
    recordCentralId: o.recordCentralId === null ? null : centralId(o.recordCentralId, at, 'recordCentralId'),
    listType: oneOf(o.listType, LIST_TYPES, at, 'listType'),
    listName: text(o.listName, at, 'listName', 200),
    reason: text(o.reason, at, 'reason', 2000),
    basis: text(o.basis, at, 'basis', 2000),
    decidingUnit: text(o.decidingUnit, at, 'decidingUnit', 200),
    enteredOn: date(o.enteredOn, at, 'enteredOn'),
    exitOn: dateOrNull(o.exitOn, at, 'exitOn'),
    status: oneOf(o.status, ['active', 'exited', 'removed'] as const, at, 'status'),
    measureCodes: (o.measureCodes as unknown[]).map((c) => text(c, at, 'measureCodes', 64)),
  };
}

export function measureRow(v: unknown, at: At): MeasureRow {
  const o = obj(v, at, ['code', 'kind', 'mandatory', 'title', 'basis']);
  return {
    code: text(o.code, at, 'code', 64),
    kind: oneOf(o.kind, ['reward', 'punishment'] as const, at, 'kind'),
    mandatory: bool(o.mandatory, at, 'mandatory'),
    title: text(o.title, at, 'title', 500),
    basis: text(o.basis, at, 'basis', 2000),
  };
}

export function purposeRow(v: unknown, at: At): PurposeRow {
  const o = obj(v, at, ['code', 'zh', 'en', 'requiresText'], ['subjectKind']);
  return {
    code: text(o.code, at, 'code', 64), zh: text(o.zh, at, 'zh', 200), en: text(o.en, at, 'en', 200), requiresText: bool(o.requiresText, at, 'requiresText'),
    ...(o.subjectKind === undefined ? {} : { subjectKind: oneOf(o.subjectKind, ['person', 'entity'] as const, at, 'subjectKind') }),
  };
}

export function ruleProfileRow(v: unknown, at: At): RuleProfileRow {
  const o = obj(v, at, ['id', 'document']);
  return { id: pattern(o.id, /^[a-z0-9][a-z0-9_-]{0,63}$/, at, 'id'), document: o.document };
}

export function calendarYearRow(v: unknown, at: At): CalendarYearRow {
  const o = obj(v, at, ['year', 'days']);
  const year = int(o.year, at, 'year', 2000);
  if (!Array.isArray(o.days) || o.days.length > 366) return bad(at, 'calendar_days_list', { max: 366 });
  const days = o.days.map((d: unknown) => {
    const x = obj(d, at, ['date', 'kind', 'name']);
    const day = date(x.date, at, 'date');
    if (!day.startsWith(`${year}-`)) bad(at, 'day_outside_year', { date: day, year });
    return { date: day, kind: oneOf(x.kind, ['holiday', 'workday'] as const, at, 'kind'), name: textOrNull(x.name, at, 'name', 50) };
  });
  return { year, days };
}

export function officeKeyRow(v: unknown, at: At): OfficeKeyRow {
  const o = obj(v, at, ['officeCode', 'officeName', 'keyId', 'publicKeyPem', 'status']);
  const pem = text(o.publicKeyPem, at, 'publicKeyPem', 1000);
  if (!pem.startsWith('-----BEGIN PUBLIC KEY-----')) bad(at, 'pem_public_key');
  return {
    officeCode: pattern(o.officeCode, OFFICE_CODE, at, 'officeCode'),
    officeName: text(o.officeName, at, 'officeName', 200),
    keyId: pattern(o.keyId, /^[0-9a-f]{16}$/, at, 'keyId'),
    publicKeyPem: pem,
    status: oneOf(o.status, ['active', 'revoked'] as const, at, 'status'),
  };
}

export function caseOutcomeRow(v: unknown, at: At): CaseOutcomeRow {
  const o = obj(v, at, ['officeCode', 'caseKind', 'caseNo', 'outcome', 'reason', 'decidedOn', 'decidedAt', 'records']);
  if (!Array.isArray(o.records) || o.records.length > 1000) bad(at, 'field_list', { field: 'records' });
  return {
    officeCode: pattern(o.officeCode, OFFICE_CODE, at, 'officeCode'),
    caseKind: oneOf(o.caseKind, ['objection'] as const, at, 'caseKind'),
    caseNo: pattern(o.caseNo, /^YY\d{8}-\d{4}$/, at, 'caseNo'),
    outcome: oneOf(o.outcome, OBJECTION_OUTCOMES, at, 'outcome'),
    reason: text(o.reason, at, 'reason', 2000),
    decidedOn: date(o.decidedOn, at, 'decidedOn'),
    decidedAt: time(o.decidedAt, at, 'decidedAt'),
    records: (o.records as unknown[]).map((r) => {
      const x = obj(r, at, ['centralId', 'status', 'content', 'publicityEnd']);
      return {
        centralId: centralId(x.centralId, at, 'records.centralId'),
        status: oneOf(x.status, RECORD_STATUSES, at, 'records.status'),
        content: textOrNull(x.content, at, 'records.content', 8000),
        publicityEnd: dateOrNull(x.publicityEnd, at, 'records.publicityEnd'),
      };
    }),
  };
}

export function acknowledgementRow(v: unknown, at: At): AcknowledgementRow {
  const o = obj(v, at, ['channel', 'sequence', 'bundleHash', 'receivedAt']);
  return {
    channel: oneOf(o.channel, ['export'] as const, at, 'channel'),
    sequence: int(o.sequence, at, 'sequence', 1),
    bundleHash: hex64(o.bundleHash, at, 'bundleHash'),
    receivedAt: time(o.receivedAt, at, 'receivedAt'),
  };
}
