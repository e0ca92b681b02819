// The checks of an update bundle that need the office's data (bundle-security.md 8). The format
// layer and updateContent have already checked everything the bundle holds, in the bundle worker.
// Here: before the platform half starts, what the office file decides (forwarded objections,
// written exports, the calendar it merges into); and, batch by batch inside the platform
// transaction and before the batch is written, references to rows the bundle does not carry.
import { loadPinnedKeyring } from '../bundle/index';
import type { Keyring } from '../bundle/index';
import type { PlatformTx, Queryable } from '../../db/database';
import { mergeCalendar } from '../../../shared/calendar/mergeCalendar';
import { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { readCalendar } from '../../store/calendarStore';
import { currentKeyringRow } from '../../store/syncStore';
import {
  exportHash, idNumberTakenElsewhere, isConstraintError, keysSeenBefore, resetImportKeys, listEntryWithoutReference, objectionForOutcome, objectionRecordIds, recordWithoutSubject, subjectOverCap,
} from '../../store/syncApplyStore';
import type { MissingReference } from '../../store/syncApplyStore';
import { UPDATE_FILES } from '../content/schemas';
import { SUBJECT_CAPS } from '../content/subjectCaps';
import type { CaseOutcomeRow } from '../content/schemas';
import { syncFail } from '../content/syncError';
import { detail } from '../../../shared/i18n/refusalDetails';
import type { PlatformKind } from '../worker/protocol';
import type { OfficeContent } from './updateContent';

export interface OfficeSyncContext { dataDir: string; office: { code: string }; now: () => Date }

export async function pinnedKeyring(db: Queryable): Promise<Keyring | null> {
  const row = await currentKeyringRow(db);
  return row ? loadPinnedKeyring(JSON.parse(row.envelope)) : null;
}

/** An outcome matched to the objection it answers and the local ids of that objection's records. */
export interface ResolvedOutcome { row: CaseOutcomeRow; objectionId: number; recordIds: Record<string, number> }

/**
 * What the office file must agree with. Runs while the import holds the platform file, so the
 * objections it looks at cannot move meanwhile (their transitions write records and wait).
 */
export async function checkOfficePreconditions(db: Queryable, ctx: OfficeSyncContext, office: OfficeContent): Promise<ResolvedOutcome[]> {
  const outcomes: ResolvedOutcome[] = [];
  for (const [i, o] of office.outcomes.entries()) {
    const row = await objectionForOutcome(db, o.caseNo);
    if (o.officeCode !== ctx.office.code || !row || row.route !== 'provider' || row.forwarded_on === null) syncFail('SYNC_UNKNOWN_OBJECTION', { caseNo: o.caseNo });
    if (row.state !== 'verifying') syncFail('SYNC_OUTCOME_NOT_EXPECTED', { caseNo: o.caseNo, state: row.state });
    const ids = await objectionRecordIds(db, row.id);
    for (const e of o.records) {
      if (!ids.has(e.centralId)) syncFail('SYNC_UNKNOWN_REFERENCE', { name: UPDATE_FILES['case-outcomes'], line: i + 2, what: 'objection_record', caseNo: o.caseNo, id: e.centralId });
    }
    outcomes.push({ row: o, objectionId: row.id, recordIds: Object.fromEntries(ids) });
  }
  for (const a of office.acknowledgements) {
    if ((await exportHash(db, a.sequence)) !== a.bundleHash) syncFail('SYNC_UNKNOWN_EXPORT', { sequence: a.sequence });
  }
  if (office.calendar.length > 0) mergedCalendar(await readCalendar(db), office);
  return outcomes;
}

/** The office calendar with the bundle's years merged in; a merge that leaves gaps is refused. */
export function mergedCalendar(current: Awaited<ReturnType<typeof readCalendar>>, office: OfficeContent): ReturnType<typeof mergeCalendar> {
  const years = office.calendar.map((y) => y.year);
  const update = { days: office.calendar.flatMap((y) => y.days), coverage: { fromYear: Math.min(...years), toYear: Math.max(...years) } };
  try {
    const merged = mergeCalendar(current, update);
    new WorkingCalendar(merged.days, merged.coverage);
    return merged;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return syncFail('SYNC_CONTENT_INVALID', { name: UPDATE_FILES.calendar, line: 2, ...calendarDetail(current, update) });
  }
}

/** Why a bundle's calendar does not merge, as a refusal detail (the years of a gap, or the day listed twice). */
function calendarDetail(current: Awaited<ReturnType<typeof readCalendar>>, update: { days: { date: string; kind: string }[]; coverage: { fromYear: number; toYear: number } }): Record<string, string | number> {
  const a = current?.coverage;
  const b = update.coverage;
  if (a && (b.fromYear > a.toYear + 1 || b.toYear < a.fromYear - 1)) return detail('calendar_gap', { from: b.fromYear, to: b.toYear, storedFrom: a.fromYear, storedTo: a.toYear });
  const kinds = new Map<string, string>();
  for (const day of update.days) {
    if (kinds.has(day.date) && kinds.get(day.date) !== day.kind) return detail('calendar_day_conflict', { date: day.date });
    kinds.set(day.date, day.kind);
  }
  return detail('calendar_inconsistent');
}

const FILE_OF: Record<PlatformKind, string> = {
  measures: UPDATE_FILES.measures, subjects: UPDATE_FILES.subjects, records: UPDATE_FILES.records, listEntries: UPDATE_FILES['list-entries'],
};

/** Begins the bundle-wide uniqueness record of this import (a temporary table of the import's connection). */
export async function startUniqueness(tx: Queryable): Promise<void> {
  await resetImportKeys(tx);
}

/**
 * One batch, checked and written: ids already used earlier in this bundle (the worker checks
 * within the batch), then references, against the platform file as this import has written it.
 * A record's subject is checked by the write itself, which refuses a record without one: the
 * statement that names the record runs only then (a probe per record cost a tenth of a city's import).
 */
export async function checkAndWriteBatch(
  tx: PlatformTx, { kind, json, firstLine, subjects }: { kind: PlatformKind; json: string; firstLine: number; subjects: string | null }, write: (tx: PlatformTx, json: string) => Promise<void>,
): Promise<void> {
  const name = FILE_OF[kind];
  const again = await keysSeenBefore(tx, kind, json);
  if (again) syncFail('SYNC_DUPLICATE_ID', { name, id: again });
  if (kind === 'subjects') {
    const taken = await idNumberTakenElsewhere(tx, json);
    if (taken) syncFail('SYNC_DUPLICATE_ID', { name, id: `${taken.slice(0, 6)}…` });
  }
  const unknown = (m: MissingReference | undefined) => m && syncFail('SYNC_UNKNOWN_REFERENCE', { name, line: firstLine + m.i, what: m.what, id: m.id });
  if (kind === 'listEntries') unknown(await listEntryWithoutReference(tx, json));
  try {
    await write(tx, json);
  } catch (e) {
    if (kind === 'records' && isConstraintError(e)) unknown(await recordWithoutSubject(tx, json));
    throw e;
  }
  // Counted once written, so the office's rows, earlier batches and this one all count; a refusal
  // rolls the whole import back (subjectCaps.ts).
  if ((kind === 'records' || kind === 'listEntries') && subjects) {
    const over = await subjectOverCap(tx, kind === 'records' ? 'record' : 'list_entry', subjects, SUBJECT_CAPS[kind]);
    if (over) syncFail('SYNC_SUBJECT_CAP_EXCEEDED', { name, subject: over.subject, kind, cap: SUBJECT_CAPS[kind] });
  }
}
