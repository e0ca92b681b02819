import { NEGATIVE_CATEGORIES, REPORT_SECTION_OF, REPORT_SECTIONS, type ReportSection } from '../../shared/domain/record';
import type { Subject } from '../../shared/domain/subject';
import type { RecordView, SubjectSummary, SubjectView } from '../../shared/domain/subjectView';
import { effectivePublicityEnd, hiddenReason } from '../../shared/domain/publication';
import type { RuleProfile } from '../../shared/rules/profile';
import { maskIdNumber, maskName } from '../../shared/masking';
import { chinaDate, chinaDayStartIso, yearsBefore } from '../../shared/calendar/dates';
import type { Queryable } from '../db/database';
import { recentQueriesOf } from '../store/queryLogStore';
import { listEntriesOfSubject, recordsOfSubject } from '../store/subjectStore';

/**
 * Assembles everything the subject view shows, as of `now`, in three indexed reads. The office's
 * profile decides the masking, the query-history years, the publication end and the green channel.
 */
export async function buildSubjectView(db: Queryable, subject: Subject, now: Date, profile: RuleProfile): Promise<SubjectView> {
  const today = chinaDate(now);
  const [records, lists, queries] = await Promise.all([
    recordsOfSubject(db, subject.id),
    listEntriesOfSubject(db, subject.id),
    recentQueriesOf(db, subject.id, chinaDayStartIso(yearsBefore(today, profile.reports.queryHistoryYears))),
  ]);
  const views: RecordView[] = records.map((r) => ({
    ...r,
    publicityEnd: effectivePublicityEnd(r, profile),
    section: REPORT_SECTION_OF[r.category],
    hiddenReason: hiddenReason(r, today, profile),
  }));
  return {
    identity: {
      subjectId: subject.id,
      kind: subject.kind,
      idNumberMasked: maskIdNumber(subject.idNumber, profile.masking),
      nameMasked: maskName(subject.name, profile.masking),
      gender: subject.gender,
      birthYear: subject.birthDate ? Number(subject.birthDate.slice(0, 4)) : null,
      regionCode: subject.regionCode,
    },
    summary: summarise(views, lists, today, profile),
    records: views,
    lists,
    recentQueries: queries.map((q) => ({ at: q.at, officeCode: q.office_code, purposeCode: q.purpose_code })),
  };
}

function summarise(records: RecordView[], lists: SubjectView['lists'], today: string, profile: RuleProfile): SubjectSummary {
  const activeLists = lists.filter((l) => l.status === 'active');
  return { ...countRecords(records, REPORT_SECTIONS), activeLists: activeLists.length, greenChannel: greenChannel(records, activeLists, today, profile) };
}

/**
 * The summary's counts over `records`: published per section (each of `sections` shown, even at
 * zero), hidden, and published negative records. An agent's view counts only what it may see.
 */
export function countRecords(records: readonly RecordView[], sections: readonly ReportSection[]): Pick<SubjectSummary, 'published' | 'hidden' | 'negativePublished'> {
  const published: SubjectSummary['published'] = Object.fromEntries(sections.map((s) => [s, 0]));
  let hidden = 0;
  let negativePublished = 0;
  for (const r of records) {
    if (r.hiddenReason) {
      hidden += 1;
      continue;
    }
    published[r.section] = (published[r.section] ?? 0) + 1;
    if (NEGATIVE_CATEGORIES.includes(r.category)) negativePublished += 1;
  }
  return { published, hidden, negativePublished };
}

/**
 * Whether the person qualifies for the green channel under the profile's rule (null: the region
 * has none): no negative record decided in the last `cleanYears` years (a revoked one never
 * happened) and no active dishonesty listing, or, where the rule says so, an active red list.
 */
function greenChannel(records: RecordView[], activeLists: SubjectView['lists'], today: string, profile: RuleProfile): boolean | null {
  const rule = profile.greenChannel ?? null;
  if (rule === null) return null;
  if (rule.redListQualifies && activeLists.some((l) => l.listType === 'red')) return true;
  const since = yearsBefore(today, rule.cleanYears);
  const recentNegative = records.some((r) => NEGATIVE_CATEGORIES.includes(r.category) && r.status !== 'revoked' && r.decidedOn > since);
  return !recentNegative && !activeLists.some((l) => l.listType !== 'red');
}
