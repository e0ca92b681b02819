import {
  ENTITY_SECTION_OF, NEGATIVE_CATEGORIES, RECORD_CATEGORIES, REPORT_SECTION_OF, REPORT_SECTIONS, type CreditRecord, type EntityReportSection, type RecordCategory,
  type ReportSection,
} from '../../../shared/domain/record';
import { ENTITY_LIST_SECTION_OF, LIST_TYPES, type ListType } from '../../../shared/domain/list';
import { listTypesIn, type ScopeSection } from '../../../shared/domain/report';
import type { Subject } from '../../../shared/domain/subject';
import {
  LIST_ENTRIES_PAGE, SUBJECT_VIEW_PAGE, type EntityViewPart, type ListCursor, type ListPage, type RecordCursor, type RecordPage, type SectionPaging, type SubjectSummary,
  type SubjectView,
} from '../../../shared/domain/subjectView';
import { effectivePublicityEnd, hiddenReason, publicationAsOf } from '../../../shared/domain/publication';
import type { RuleProfile } from '../../../shared/rules/profile';
import { maskIdNumber, maskName } from '../../../shared/masking';
import { chinaDate, chinaDayStartIso, yearsBefore } from '../../../shared/calendar/dates';
import type { Queryable } from '../../db/database';
import { recentQueriesOf } from '../../store/queryLogStore';
import { firstPages, listEntriesOfSubject, listTallies, recordPage, recordTallies, type RecordTally } from '../../store/subjectStore';
import { registrationOf } from '../../store/entityStore';

// The subject view counts every section in SQL and carries one page of each (issue 29 item 9: a
// view of the whole file once made a 472 MB response). An agent's view is limited to the sections
// the written authorization names (Shandong art. 20, Zhejiang arts. 15, 19): no page, count,
// hidden or negative total is made from another section, nor the green channel (derived from
// penalties and lists) unless both are authorized.

const CATEGORIES_OF: Record<ReportSection, RecordCategory[]> = Object.fromEntries(
  REPORT_SECTIONS.map((s) => [s, RECORD_CATEGORIES.filter((c) => REPORT_SECTION_OF[c] === s)]),
) as Record<ReportSection, RecordCategory[]>;

/**
 * Assembles what the subject view shows first, as of `now`: counts per section, the first page of
 * each section and of the list entries, the recent queries. `scope`: an agent's authorized
 * sections (everything for the subject in person). The office's profile decides the masking, the
 * query-history years, the publication end and the green channel.
 */
export async function buildSubjectView(db: Queryable, subject: Subject, now: Date, profile: RuleProfile, scope?: readonly ScopeSection[]): Promise<SubjectView> {
  const today = chinaDate(now);
  const allowed = new Set<string>(scope ?? [...REPORT_SECTIONS, 'query_history']);
  const sectionsIn = REPORT_SECTIONS.filter((s) => allowed.has(s));
  const rule = profile.greenChannel ?? null;
  const [tallies, listCounts, queries] = await Promise.all([
    recordTallies(db, subject.id, publicationAsOf(today, profile), rule ? yearsBefore(today, rule.cleanYears) : '9999-12-31'),
    listTallies(db, subject.id),
    allowed.has('query_history') ? recentQueriesOf(db, subject.id, chinaDayStartIso(yearsBefore(today, profile.reports.queryHistoryYears))) : Promise.resolve([]),
  ]);
  // An entity's lists are all shown (the abnormal-operation list has no personal section); its viewer is the entity itself or its agent for the whole report.
  const listTypes = subject.kind === 'entity' ? [...LIST_TYPES] : listTypesIn([...allowed]);
  const counted = listCounts.filter((l) => listTypes.includes(l.listType));
  const [firsts, lists] = await Promise.all([
    firstPages(db, subject.id, sectionsIn.flatMap((s) => CATEGORIES_OF[s]), SUBJECT_VIEW_PAGE + 1),
    listPage(db, subject.id, listTypes, null),
  ]);
  const pages = sectionsIn.map((s) => [s, pageOf(firsts.filter((r) => REPORT_SECTION_OF[r.category] === s), today, profile)] as const);
  const sections: SubjectView['sections'] = {};
  const published: SubjectSummary['published'] = {};
  let hidden = 0;
  let negativePublished = 0;
  for (const [s, page] of pages) {
    const of = tallies.filter((t) => REPORT_SECTION_OF[t.category] === s);
    const paging: SectionPaging = { total: of.reduce((n, t) => n + t.total, 0), hidden: of.reduce((n, t) => n + t.hidden, 0), next: page.next };
    sections[s] = paging;
    published[s] = paging.total - paging.hidden;
    hidden += paging.hidden;
    negativePublished += of.filter((t) => NEGATIVE_CATEGORIES.includes(t.category)).reduce((n, t) => n + t.total - t.hidden, 0);
  }
  const activeLists = counted.reduce((n, l) => n + l.active, 0);
  const seesNegatives = allowed.has('penalties') && allowed.has('dishonesty');
  // An entity's code and name are public (enterprise information publicity); its legal representative is a person.
  const isEntity = subject.kind === 'entity';
  return {
    ...(isEntity ? { entity: await entityPart(db, subject, tallies, counted, profile) } : {}),
    identity: {
      subjectId: subject.id,
      kind: subject.kind,
      idNumberMasked: isEntity ? subject.idNumber : maskIdNumber(subject.idNumber, profile.masking),
      nameMasked: isEntity ? subject.name : maskName(subject.name, profile.masking),
      gender: subject.gender,
      birthYear: subject.birthDate ? Number(subject.birthDate.slice(0, 4)) : null,
      regionCode: subject.regionCode,
    },
    summary: { published, hidden, negativePublished, activeLists, greenChannel: seesNegatives ? greenChannel(tallies, listCounts, rule) : null },
    sections,
    records: pages.flatMap(([, page]) => page.records),
    lists: lists.lists,
    listsTotal: counted.reduce((n, l) => n + l.total, 0),
    listsNext: lists.next,
    recentQueries: queries.map((q) => ({ at: q.at, officeCode: q.office_code, purposeCode: q.purpose_code })),
  };
}

/** The registration basics, the masked legal representative, and the counts per entity report section. */
async function entityPart(
  db: Queryable, subject: Subject, tallies: readonly RecordTally[], lists: readonly { listType: ListType; total: number; active: number }[], profile: RuleProfile,
): Promise<EntityViewPart> {
  const registration = await registrationOf(db, subject.id);
  const sections: EntityViewPart['sections'] = {};
  const at = (s: EntityReportSection) => (sections[s] ??= { total: 0, hidden: 0, lists: 0, activeLists: 0 });
  for (const t of tallies) {
    const s = at(ENTITY_SECTION_OF[t.category]);
    s.total += t.total;
    s.hidden += t.hidden;
  }
  for (const l of lists) {
    const s = at(ENTITY_LIST_SECTION_OF[l.listType]);
    s.lists += l.total;
    s.activeLists += l.active;
  }
  const { legalRepIdNumber, ...basics } = registration ?? { legalRepIdNumber: null };
  return {
    registration: registration ? (basics as EntityViewPart['registration']) : null,
    legalRepNameMasked: subject.legalRepresentative === null ? null : maskName(subject.legalRepresentative, profile.masking),
    legalRepIdNumberMasked: legalRepIdNumber ? maskIdNumber(legalRepIdNumber, profile.masking) : null,
    sections,
  };
}

/** One page of a section's records, newest decision first, from `after` (null: the first page). */
export async function sectionPage(db: Queryable, subjectId: number, section: ReportSection, after: RecordCursor | null, today: string, profile: RuleProfile): Promise<RecordPage> {
  return pageOf(await recordPage(db, subjectId, CATEGORIES_OF[section], after, SUBJECT_VIEW_PAGE + 1), today, profile);
}

/** Up to SUBJECT_VIEW_PAGE + 1 rows in page order: the page as the view shows it, and its cursor if there is more. */
function pageOf(rows: readonly CreditRecord[], today: string, profile: RuleProfile): RecordPage {
  const records = rows.slice(0, SUBJECT_VIEW_PAGE).map((r) => ({
    ...r,
    publicityEnd: effectivePublicityEnd(r, profile),
    section: REPORT_SECTION_OF[r.category],
    hiddenReason: hiddenReason(r, today, profile),
  }));
  const last = rows.length > SUBJECT_VIEW_PAGE ? rows[SUBJECT_VIEW_PAGE - 1]! : null;
  return { records, next: last ? { decidedOn: last.decidedOn, id: last.id } : null };
}

/** One page of list entries of the given types, newest first, from `after`. */
export async function listPage(db: Queryable, subjectId: number, listTypes: readonly ListType[], after: ListCursor | null): Promise<ListPage> {
  const rows = await listEntriesOfSubject(db, subjectId, listTypes, { after, limit: LIST_ENTRIES_PAGE + 1 });
  const last = rows.length > LIST_ENTRIES_PAGE ? rows[LIST_ENTRIES_PAGE - 1]! : null;
  return { lists: rows.slice(0, LIST_ENTRIES_PAGE), next: last ? { enteredOn: last.enteredOn, id: last.id } : null };
}

/**
 * Whether the person qualifies for the green channel under the profile's rule (null: the region
 * has none): no negative record decided in the last `cleanYears` years (a revoked one never
 * happened) and no active dishonesty listing, or, where the rule says so, an active red list.
 */
function greenChannel(tallies: readonly { recentNegative: number }[], lists: readonly { listType: ListType; active: number }[], rule: RuleProfile['greenChannel']): boolean | null {
  if (!rule) return null;
  if (rule.redListQualifies && lists.some((l) => l.listType === 'red' && l.active > 0)) return true;
  return !tallies.some((t) => t.recentNegative) && !lists.some((l) => l.listType !== 'red' && l.active > 0);
}
