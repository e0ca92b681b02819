import { hiddenReason } from '../../shared/domain/publication';
import { SPECIAL_REPORT_CATEGORIES, type SpecialFieldResult, type SpecialReportContent } from '../../shared/domain/entityReport';
import type { CreditRecord, RecordDomain } from '../../shared/domain/record';
import type { EntityReportRules } from '../../shared/rules/entityReportRulesSchema';
import type { CheckedSpecialRequest } from '../../shared/rules/specialReportRequest';
import { addCalendarDays, addMonthsClamped, chinaDate } from '../../shared/calendar/dates';
import type { Queryable } from '../db/database';
import { annotationsOfSubject } from '../store/annotationStore';
import { countDecidedIn, recordsDecidedIn } from '../store/entityRecordStore';
import { statementsOfSubject } from '../store/statementStore';
import { assertReportSize, entityBase, type EntityReportHeader } from './assembleEntityReport';
import { extrasOf, reportRecordOf } from './recordRows';

/**
 * Whether a record decided in the period prints on a special report, and how. The personal report's
 * rule (hiddenReason) decides, with one regional choice: where the profile keeps repaired penalties,
 * one that would still be published had it not been repaired prints marked 已修复.
 */
export function specialShows(r: CreditRecord, today: string, rules: Parameters<typeof hiddenReason>[2], repaired: 'omit' | 'mark'): 'shown' | 'repaired' | null {
  const reason = hiddenReason(r, today, rules);
  if (reason === null) return 'shown';
  if (reason === 'repaired' && repaired === 'mark' && hiddenReason({ ...r, status: 'active' }, today, rules) === null) return 'repaired';
  return null;
}

/**
 * The special report: for each chosen field, the penalties, enforcement, serious-dishonesty and
 * dishonest-debtor entries and criminal judgments decided inside the period (inclusive), or the
 * statement that there are none. The sources, the period and the data date print with them.
 */
export async function assembleSpecialReport(
  db: Queryable,
  input: EntityReportHeader & { request: CheckedSpecialRequest; rules: EntityReportRules },
): Promise<SpecialReportContent> {
  const today = chinaDate(input.now);
  const { fields, period } = input.request;
  const query = {
    subjectId: input.subject.id,
    categories: SPECIAL_REPORT_CATEGORIES,
    domains: [...new Set(fields.flatMap((f) => f.domains))],
    from: period.from,
    to: period.to,
  };
  assertReportSize(await countDecidedIn(db, query));
  const [records, annotations, statements] = await Promise.all([recordsDecidedIn(db, query), annotationsOfSubject(db, input.subject.id), statementsOfSubject(db, input.subject.id)]);
  const extras = extrasOf(annotations, statements);
  const repaired = input.rules.special.repaired;
  const results: SpecialFieldResult[] = fields.map((f) => ({ code: f.code, label: f.label, domains: [...f.domains], sources: f.sources, records: [] }));
  for (const r of records) {
    const shows = specialShows(r, today, input.publicationRules, repaired);
    if (shows === null) continue;
    // A domain belongs to every field that names it: a record prints under each of them.
    for (const field of results) {
      if (field.domains.includes(r.domain as RecordDomain)) field.records.push(reportRecordOf(r, extras, input.publicationRules, shows === 'repaired'));
    }
  }
  return {
    ...entityBase(input),
    kind: 'special',
    period,
    categories: [...SPECIAL_REPORT_CATEGORIES],
    fields: results,
    repaired,
    validUntil: addCalendarDays(addMonthsClamped(today, input.rules.special.validityMonths), -1),
  };
}
