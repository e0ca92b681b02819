import { NEGATIVE_CATEGORIES, REPORT_SECTION_OF, REPORT_SECTIONS, type ReportSection } from '../../shared/domain/record';
import type { Subject } from '../../shared/domain/subject';
import type { RecordView, SubjectSummary, SubjectView } from '../../shared/domain/subjectView';
import { hiddenReason } from '../../shared/domain/publication';
import type { PublicationRules } from '../../shared/rules/statutoryPublicationEnd';
import { maskIdNumber, maskName } from '../../shared/masking';
import { chinaDate, chinaDayStartIso, yearsBefore } from '../../shared/time';
import type { Queryable } from '../db/database';
import { recentQueriesOf } from '../store/queryLogStore';
import { listEntriesOfSubject, recordsOfSubject } from '../store/subjectStore';

/** Green-channel services need 3 consecutive years without negative records (domain-rules "Lists"). */
const GREEN_CHANNEL_YEARS = 3;
/** A report shows who queried the subject in the last 2 years (Order 631 art. 17 practice). */
const QUERY_HISTORY_YEARS = 2;

/** Assembles everything the subject view shows, as of `now`, in three indexed reads; `rules` are the office's profile. */
export async function buildSubjectView(db: Queryable, subject: Subject, now: Date, rules?: PublicationRules): Promise<SubjectView> {
  const today = chinaDate(now);
  const [records, lists, queries] = await Promise.all([
    recordsOfSubject(db, subject.id),
    listEntriesOfSubject(db, subject.id),
    recentQueriesOf(db, subject.id, chinaDayStartIso(yearsBefore(today, QUERY_HISTORY_YEARS))),
  ]);
  const views: RecordView[] = records.map((r) => ({ ...r, section: REPORT_SECTION_OF[r.category], hiddenReason: hiddenReason(r, today, rules) }));
  return {
    identity: {
      subjectId: subject.id,
      kind: subject.kind,
      idNumberMasked: maskIdNumber(subject.idNumber),
      nameMasked: maskName(subject.name),
      gender: subject.gender,
      birthYear: subject.birthDate ? Number(subject.birthDate.slice(0, 4)) : null,
      regionCode: subject.regionCode,
    },
    summary: summarise(views, lists, today),
    records: views,
    lists,
    recentQueries: queries.map((q) => ({ at: q.at, officeCode: q.office_code, purposeCode: q.purpose_code })),
  };
}

function summarise(records: RecordView[], lists: SubjectView['lists'], today: string): SubjectSummary {
  const published = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, 0])) as Record<ReportSection, number>;
  let hidden = 0;
  let negativePublished = 0;
  for (const r of records) {
    if (r.hiddenReason) {
      hidden += 1;
      continue;
    }
    published[r.section] += 1;
    if (NEGATIVE_CATEGORIES.includes(r.category)) negativePublished += 1;
  }
  const since = yearsBefore(today, GREEN_CHANNEL_YEARS);
  const recentNegative = records.some(
    (r) => NEGATIVE_CATEGORIES.includes(r.category) && r.status !== 'revoked' && r.decidedOn >= since,
  );
  const activeLists = lists.filter((l) => l.status === 'active');
  const onRedList = activeLists.some((l) => l.listType === 'red');
  return { published, hidden, negativePublished, activeLists: activeLists.length, greenChannel: onRedList || !recentNegative };
}
