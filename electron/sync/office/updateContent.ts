// The checks on an update bundle's content that need nothing but the bundle itself: record shapes,
// ID check digits, rule profiles that parse, consecutive calendar years, ids unique. They run in
// the bundle worker as the records stream past, once per import. The platform's rows (large) go
// on in batches; ids unique across batches and references to rows the bundle does not carry are
// checked by verifyUpdate against the platform file inside the import's transaction. What needs
// the office file (forwarded objections, written exports) is checked there too.
import { KEYRING_FILE } from '../bundle/index';
import type { ListEntryRow, MeasureRow, RecordRow, SubjectRow } from '../../../shared/domain/population';
import { validateIdNumber } from '../../../shared/validators/idNumber';
import { validateCreditCode } from '../../../shared/validators/creditCode';
import { entityTypeOf } from '../../../shared/domain/entityType';
import { parseProfile } from '../../../shared/rules/loadProfile';
import { latestArrangedYear, missingStatutoryHoliday } from '../../../shared/calendar/statutoryHolidays';
import {
  UPDATE_FILES, acknowledgementRow, calendarYearRow, caseOutcomeRow, listEntryRow, measureRow, officeKeyRow, purposeRow, recordRow, ruleProfileRow, subjectRow,
} from '../content/schemas';
import type { AcknowledgementRow, At, CalendarYearRow, CaseOutcomeRow, OfficeKeyRow, PurposeRow, RuleProfileRow, UpdateSchema } from '../content/schemas';
import { syncFail } from '../content/syncError';
import { detail } from '../../../shared/i18n/refusalDetails';

export type PlatformKind = 'measures' | 'subjects' | 'records' | 'listEntries';

/** Platform files by schema, in the order a bundle must carry them (a reference points backwards). */
export const PLATFORM_SCHEMAS: Readonly<Record<string, PlatformKind>> = { measures: 'measures', subjects: 'subjects', records: 'records', 'list-entries': 'listEntries' };
const ORDER: readonly string[] = ['measures', 'subjects', 'records', 'list-entries'];

export interface PlatformRowOf { measures: MeasureRow; subjects: SubjectRow; records: RecordRow; listEntries: ListEntryRow }

/** Everything else: small, applied to the office file. */
export interface OfficeContent {
  purposes: PurposeRow[];
  ruleProfiles: RuleProfileRow[];
  calendar: CalendarYearRow[];
  officeKeys: OfficeKeyRow[];
  outcomes: CaseOutcomeRow[];
  acknowledgements: AcknowledgementRow[];
}

/** Lines per kind as the history shows them (the keyring file counts as "keyring"). */
export function countsOf(files: ReadonlyMap<string, { entry: { schema: string; records: number } }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, f] of files) counts[name === KEYRING_FILE ? 'keyring' : f.entry.schema] = f.entry.records;
  return counts;
}

/** Every file must hold the schema its name says, and platform files come in reference order. */
export function checkFileLayout(files: readonly { name: string; schema: string }[]): void {
  let last = -1;
  for (const f of files) {
    if (f.name === KEYRING_FILE) continue;
    const expected = UPDATE_FILES[f.schema as UpdateSchema];
    if (expected !== f.name) syncFail('SYNC_CONTENT_INVALID', { name: f.name, line: 1, ...detail('file_schema', { file: f.name, schema: f.name.replace(/\.jsonl$/, '') }) });
    const at = ORDER.indexOf(f.schema);
    if (at < 0) continue;
    if (at < last) syncFail('SYNC_CONTENT_INVALID', { name: f.name, line: 1, ...detail('file_order') });
    last = at;
  }
}

/** One platform row, checked; a subject's ID number must pass its check digit. */
export function platformRow<K extends PlatformKind>(kind: K, v: unknown, at: At, today: Date): PlatformRowOf[K] {
  switch (kind) {
    case 'subjects': {
      const s = subjectRow(v, at);
      if (s.kind === 'entity') return entitySubject(s, at) as PlatformRowOf[K];
      const ok = validateIdNumber(s.idNumber, today);
      if (!ok.ok || ('idNumber' in ok.value && ok.value.idNumber !== s.idNumber)) syncFail('SYNC_ID_NUMBER_INVALID', { name: at.name, line: at.line, reason: ok.ok ? 'NOT_NORMALISED' : ok.code });
      return s as PlatformRowOf[K];
    }
    case 'records':
      return recordRow(v, at) as PlatformRowOf[K];
    case 'listEntries':
      return listEntryRow(v, at) as PlatformRowOf[K];
    default:
      return measureRow(v, at) as PlatformRowOf[K];
  }
}

/**
 * An entity's number is its unified social credit code, or, for an old registration that has none
 * (issue 24), its registration number, stated again in its registration so the counter can find
 * it by that number. A code's department and type decide the registration's entity type.
 */
function entitySubject(s: SubjectRow, at: At): SubjectRow {
  const ok = validateCreditCode(s.idNumber, { mode: 'platform' });
  if (!ok.ok) {
    const legacy = (ok.code === 'CC_LENGTH' || ok.code === 'CC_CHARS') && s.registration?.registrationNo === s.idNumber;
    if (!legacy) syncFail('SYNC_ID_NUMBER_INVALID', { name: at.name, line: at.line, reason: ok.code });
    return s;
  }
  const expected = entityTypeOf(s.idNumber);
  if (s.registration && expected && s.registration.entityType !== expected) {
    syncFail('SYNC_CONTENT_INVALID', { name: at.name, line: at.line, ...detail('field_one_of', { field: 'registration.entityType', values: expected }) });
  }
  return s;
}

/** The keys a platform row must hold uniquely within one bundle. */
export function uniqueKeysOf(kind: PlatformKind, row: PlatformRowOf[PlatformKind]): string[] {
  if (kind === 'measures') return [(row as MeasureRow).code];
  if (kind === 'subjects') return [(row as SubjectRow).centralId, `id:${(row as SubjectRow).idNumber}`];
  return [(row as RecordRow | ListEntryRow).centralId];
}

/** Collects the office's part of a bundle (small files) with their checks. */
export class OfficeCollector {
  private readonly c: OfficeContent = { purposes: [], ruleProfiles: [], calendar: [], officeKeys: [], outcomes: [], acknowledgements: [] };
  private readonly seen = new Map<string, Set<string>>();

  /** `today`: the office's China date, which bounds the calendar years a bundle can know. */
  constructor(private readonly today: string) {}

  private once(name: string, key: string): void {
    const s = this.seen.get(name) ?? new Set<string>();
    if (s.has(key)) syncFail('SYNC_DUPLICATE_ID', { name, id: key });
    s.add(key);
    this.seen.set(name, s);
  }

  add(schema: string, v: unknown, at: At): void {
    switch (schema) {
      case 'purposes': {
        const p = purposeRow(v, at);
        this.once(at.name, p.code);
        this.c.purposes.push(p);
        return;
      }
      case 'rule-profiles': {
        const p = ruleProfileRow(v, at);
        if (!parseProfile(p.document).ok) syncFail('SYNC_CONTENT_INVALID', { name: at.name, line: at.line, ...detail('profile_invalid', { profile: p.id }) });
        this.c.ruleProfiles.push(p);
        return;
      }
      case 'calendar': {
        const y = calendarYearRow(v, at);
        // A signed bundle is still refused a year nobody can know yet, or one without its
        // statutory holidays: every later deadline would be counted on a calendar with no holidays.
        const latest = latestArrangedYear(this.today);
        if (y.year > latest) syncFail('SYNC_CALENDAR_YEAR_UNKNOWABLE', { name: at.name, line: at.line, year: y.year, latest });
        const missing = missingStatutoryHoliday(y.year, y.days);
        if (missing) syncFail('SYNC_CALENDAR_HOLIDAY_MISSING', { name: at.name, line: at.line, year: y.year, date: missing.date, holiday: missing.name ?? '' });
        this.once(at.name, String(y.year));
        this.c.calendar.push(y);
        return;
      }
      case 'office-keys': {
        const k = officeKeyRow(v, at);
        this.once(at.name, k.keyId);
        this.c.officeKeys.push(k);
        return;
      }
      case 'case-outcomes': {
        const o = caseOutcomeRow(v, at);
        this.once(at.name, o.caseNo);
        this.c.outcomes.push(o);
        return;
      }
      case 'acknowledgements':
        this.c.acknowledgements.push(acknowledgementRow(v, at));
        return;
    }
  }

  finish(): OfficeContent {
    const years = this.c.calendar.map((c) => c.year).sort((a, b) => a - b);
    if (years.some((y, i) => i > 0 && y !== years[i - 1]! + 1)) syncFail('SYNC_CONTENT_INVALID', { name: UPDATE_FILES.calendar, line: 2, ...detail('calendar_not_consecutive') });
    return this.c;
  }
}
