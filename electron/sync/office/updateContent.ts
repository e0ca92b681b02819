// The checks on an update bundle's content that need nothing but the bundle itself: record shapes,
// ID check digits, ids unique within the bundle, rule profiles that parse, consecutive calendar
// years. They run in the bundle worker, once per import, before a row is written. What needs the
// office's data (references to rows the bundle does not carry, forwarded objections, written
// exports) is checked by verifyUpdate against the database.
import { KEYRING_FILE } from '../bundle/index';
import type { OpenedBundle } from '../bundle/index';
import type { ListEntryRow, MeasureRow, RecordRow, SubjectRow } from '../../../shared/domain/population';
import { validateIdNumber } from '../../../shared/validators/idNumber';
import { validateCreditCode } from '../../../shared/validators/creditCode';
import { parseProfile } from '../../../shared/rules/loadProfile';
import {
  UPDATE_FILES, acknowledgementRow, calendarYearRow, caseOutcomeRow, listEntryRow, measureRow, officeKeyRow, purposeRow, recordRow, ruleProfileRow, subjectRow,
} from '../content/schemas';
import type { AcknowledgementRow, At, CalendarYearRow, CaseOutcomeRow, OfficeKeyRow, PurposeRow, RuleProfileRow, UpdateSchema } from '../content/schemas';
import { syncFail } from '../content/syncError';

/** The platform's rows: written to the platform file, in this order, in batches. */
export interface PlatformRows {
  measures: MeasureRow[];
  subjects: SubjectRow[];
  records: RecordRow[];
  listEntries: ListEntryRow[];
}

/** Everything else: small, applied to the office file. */
export interface OfficeContent {
  purposes: PurposeRow[];
  ruleProfiles: RuleProfileRow[];
  calendar: CalendarYearRow[];
  officeKeys: OfficeKeyRow[];
  outcomes: CaseOutcomeRow[];
  acknowledgements: AcknowledgementRow[];
}

export interface CheckedContent {
  platform: PlatformRows;
  office: OfficeContent;
  /** Lines per kind, for the preview and the history. */
  counts: Record<string, number>;
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
  // The parsed rows are what lives on; the bundle's own copies can go.
  f.records.length = 0;
  return out;
}

function unique<T>(rows: readonly T[], key: (r: T) => string, name: string): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) syncFail('SYNC_DUPLICATE_ID', { name, id: k });
    seen.add(k);
  }
}

/** Lines per kind as the history shows them (the keyring file counts as "keyring"). */
export function countsOf(files: ReadonlyMap<string, { entry: { schema: string; records: number } }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, f] of files) counts[name === KEYRING_FILE ? 'keyring' : f.entry.schema] = f.entry.records;
  return counts;
}

export function checkUpdateContent(opened: OpenedBundle, today: Date): CheckedContent {
  const counts = countsOf(opened.files);
  const subjects = rowsOf(opened, 'subjects', (v, at) => {
    const s = subjectRow(v, at);
    const ok = s.kind === 'person' ? validateIdNumber(s.idNumber, today) : validateCreditCode(s.idNumber, { mode: 'platform' });
    if (!ok.ok || (s.kind === 'person' && 'idNumber' in ok.value && ok.value.idNumber !== s.idNumber)) syncFail('SYNC_ID_NUMBER_INVALID', { name: at.name, line: at.line, reason: ok.ok ? 'not normalised' : ok.code });
    return s;
  });
  const records = rowsOf(opened, 'records', recordRow);
  const listEntries = rowsOf(opened, 'list-entries', listEntryRow);
  const measures = rowsOf(opened, 'measures', measureRow);
  unique(subjects, (s) => s.centralId, UPDATE_FILES.subjects);
  unique(subjects, (s) => s.idNumber, UPDATE_FILES.subjects);
  unique(records, (r) => r.centralId, UPDATE_FILES.records);
  unique(listEntries, (e) => e.centralId, UPDATE_FILES['list-entries']);
  unique(measures, (m) => m.code, UPDATE_FILES.measures);

  const purposes = rowsOf(opened, 'purposes', purposeRow);
  unique(purposes, (p) => p.code, UPDATE_FILES.purposes);
  const ruleProfiles = rowsOf(opened, 'rule-profiles', (v, at) => {
    const p = ruleProfileRow(v, at);
    if (!parseProfile(p.document).ok) syncFail('SYNC_CONTENT_INVALID', { name: at.name, line: at.line, detail: `rule profile ${p.id} is not valid` });
    return p;
  });
  const calendar = rowsOf(opened, 'calendar', calendarYearRow);
  unique(calendar, (c) => String(c.year), UPDATE_FILES.calendar);
  const years = calendar.map((c) => c.year).sort((a, b) => a - b);
  if (years.some((y, i) => i > 0 && y !== years[i - 1]! + 1)) syncFail('SYNC_CONTENT_INVALID', { name: UPDATE_FILES.calendar, line: 2, detail: 'the calendar years must be consecutive' });
  const officeKeys = rowsOf(opened, 'office-keys', officeKeyRow);
  unique(officeKeys, (k) => k.keyId, UPDATE_FILES['office-keys']);
  const outcomes = rowsOf(opened, 'case-outcomes', caseOutcomeRow);
  unique(outcomes, (o) => o.caseNo, UPDATE_FILES['case-outcomes']);
  const acknowledgements = rowsOf(opened, 'acknowledgements', acknowledgementRow);
  return {
    platform: { measures, subjects, records, listEntries },
    office: { purposes, ruleProfiles, calendar, officeKeys, outcomes, acknowledgements },
    counts,
  };
}
