import type { Purpose } from '../../shared/contract';
import type { PublicationRules } from '../../shared/rules/statutoryPublicationEnd';
import { hiddenReason, listEntryShown, publicationAsOf } from '../../shared/domain/publication';
import { RECORD_CATEGORIES, REPORT_SECTION_OF, REPORT_SECTIONS, type ReportSection } from '../../shared/domain/record';
import type { ReportApplicant, ReportContent, ReportSectionContent, ScopeSection } from '../../shared/domain/report';
import { REPORT_MAX_RECORDS, SCOPE_SECTIONS, listTypesIn } from '../../shared/domain/report';
import { AppError } from '../../shared/errors';
import type { Subject } from '../../shared/domain/subject';
import { chinaDate, chinaDayStartIso, yearsBefore } from '../../shared/calendar/dates';
import { validatePersonIdNumber } from '../../shared/validators/personIdNumber';
import type { Queryable } from '../db/database';
import { annotationsOfSubject } from '../store/annotationStore';
import { recentQueriesOf } from '../store/queryLogStore';
import { statementsOfSubject } from '../store/statementStore';
import { countPublished, listEntriesOfSubject, listTallies, publishedRecords, revokedListedRecordIds } from '../store/subjectStore';
import { extrasOf, reportListEntryOf, reportRecordOf } from './recordRows';

export interface AssembleInput {
  reportNo: string;
  office: { code: string; name: string; window?: number };
  now: Date;
  purpose: Purpose;
  purposeText: string | null;
  applicant: ReportApplicant;
  /** Every section for a self query; the authorization's scope for an agent. */
  scope: readonly ScopeSection[];
  /** The subject as found, or the typed identity for a "no record" report. */
  subject: Subject | null;
  typed: { idNumber: string; name: string };
  queryHistoryYears: number;
  /** The office's rule profile: negative records stop at their tier's longest period. */
  publicationRules: PublicationRules;
  /** The purpose catalogue, to print query-history purposes by name. */
  purposes: readonly Purpose[];
}

/**
 * What the report shows, decided as of `now`: records past their publicity end, revoked and
 * repaired records (hiddenReason, the single rule the subject view also uses), and sections
 * outside the scope are left out; open objections and statements travel with their record.
 */
export async function assembleReport(db: Queryable, input: AssembleInput): Promise<ReportContent> {
  const today = chinaDate(input.now);
  const scope = SCOPE_SECTIONS.filter((s) => input.scope.includes(s));
  const inScope = (s: ReportSection) => scope.includes(s);
  const subject = input.subject;
  const base = {
    v: 1 as const,
    reportNo: input.reportNo,
    office: input.office,
    issuedAt: input.now.toISOString(),
    asOf: today,
    purpose: { code: input.purpose.code, zh: input.purpose.zh, en: input.purpose.en, text: input.purposeText },
    applicant: input.applicant,
    scope,
  };
  if (!subject) {
    // The typed number passed validation at the counter, so it carries the birth date (and the
    // gender, where the number tells it: not a foreigner's, whose order code is not trusted).
    const parsed = validatePersonIdNumber(input.typed.idNumber, input.now, { foreignCheckDigit: false, foreignSexFromOrderCode: false });
    const fromId = parsed.ok ? parsed.value : null;
    return {
      ...base,
      subject: {
        found: false,
        name: input.typed.name,
        idNumber: input.typed.idNumber,
        gender: fromId?.gender ?? null,
        birthDate: fromId?.birthDate ?? null,
        regionCode: fromId?.regionCode ?? null,
      },
      sections: REPORT_SECTIONS.filter(inScope).map((key) => ({ key, records: [], lists: [] })),
      statements: [],
      queryHistory: scope.includes('query_history') ? [] : null,
    };
  }

  // The report's size is counted before anything is read (issue 29 item 9): a file larger than a
  // report can carry is refused here, inside report.issue's transaction, so nothing is issued or counted.
  const asOf = publicationAsOf(today, input.publicationRules);
  const categories = RECORD_CATEGORIES.filter((c) => inScope(REPORT_SECTION_OF[c]));
  const listTypes = listTypesIn(scope);
  const size = (await countPublished(db, subject.id, categories, asOf)) + (await listTallies(db, subject.id)).filter((l) => listTypes.includes(l.listType)).reduce((n, l) => n + l.active, 0);
  if (size > REPORT_MAX_RECORDS) {
    throw new AppError(
      'REPORT_TOO_LARGE',
      `This report would carry ${size} records and list entries; one report carries at most ${REPORT_MAX_RECORDS}. No report was issued or counted. Contact the platform to check this subject's data: a file this large is almost always a data error.`,
      { records: size, max: REPORT_MAX_RECORDS },
    );
  }
  const [records, lists, revokedRecordIds, annotations, statements, queries] = await Promise.all([
    publishedRecords(db, subject.id, categories, asOf),
    listEntriesOfSubject(db, subject.id, listTypes),
    revokedListedRecordIds(db, subject.id),
    annotationsOfSubject(db, subject.id),
    statementsOfSubject(db, subject.id),
    scope.includes('query_history')
      ? recentQueriesOf(db, subject.id, chinaDayStartIso(yearsBefore(today, input.queryHistoryYears)))
      : Promise.resolve([]),
  ]);
  const extras = extrasOf(annotations, statements);
  const sections = new Map<ReportSection, ReportSectionContent>(REPORT_SECTIONS.filter(inScope).map((key) => [key, { key, records: [], lists: [] }]));
  for (const r of records) {
    const section = sections.get(REPORT_SECTION_OF[r.category]);
    if (!section || hiddenReason(r, today, input.publicationRules) !== null) continue;
    section.records.push(reportRecordOf(r, extras, input.publicationRules));
  }
  for (const e of lists) {
    if (!listEntryShown(e, today, revokedRecordIds)) continue;
    sections.get(e.listType === 'red' ? 'honours' : 'dishonesty')?.lists.push(reportListEntryOf(e));
  }

  return {
    ...base,
    subject: {
      found: true,
      name: subject.name,
      idNumber: subject.idNumber,
      gender: subject.gender,
      birthDate: subject.birthDate,
      regionCode: subject.regionCode,
    },
    sections: [...sections.values()],
    statements: statements.filter((s) => s.recordId === null).map((s) => ({ id: s.id, text: s.text, createdAt: s.createdAt })),
    queryHistory: scope.includes('query_history')
      ? queries.map((q) => ({
          at: q.at,
          officeCode: q.office_code,
          officeName: q.office_code === input.office.code ? input.office.name : null,
          purposeCode: q.purpose_code,
          purpose: ((p) => (p ? { zh: p.zh, en: p.en } : null))(input.purposes.find((p) => p.code === q.purpose_code)),
        }))
      : null,
  };
}
