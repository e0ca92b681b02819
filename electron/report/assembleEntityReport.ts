import type { Purpose } from '../../shared/contract';
import type { PublicationRules } from '../../shared/rules/statutoryPublicationEnd';
import { hiddenReason, listEntryShown, publicationAsOf } from '../../shared/domain/publication';
import { ENTITY_REPORT_SECTIONS, ENTITY_SECTION_OF, RECORD_CATEGORIES, type EntityReportSection } from '../../shared/domain/record';
import { ENTITY_LIST_SECTION_OF, LIST_TYPES } from '../../shared/domain/list';
import type { EntityIdentity, EntityReportContent, EntitySectionContent, Freshness } from '../../shared/domain/entityReport';
import { REPORT_MAX_RECORDS, type ReportApplicant } from '../../shared/domain/report';
import { AppError } from '../../shared/errors';
import type { Subject } from '../../shared/domain/subject';
import { chinaDate } from '../../shared/calendar/dates';
import type { Queryable } from '../db/database';
import { annotationsOfSubject } from '../store/annotationStore';
import { statementsOfSubject } from '../store/statementStore';
import { countPublished, listEntriesOfSubject, listTallies, publishedRecords, revokedListedRecordIds } from '../store/subjectStore';
import { extrasOf, reportListEntryOf, reportRecordOf } from './recordRows';

export interface EntityReportHeader {
  reportNo: string;
  office: { code: string; name: string; window?: number };
  now: Date;
  purpose: Purpose;
  purposeText: string | null;
  applicant: ReportApplicant;
  subject: Subject;
  registration: EntityIdentity['registration'];
  freshness: Freshness;
  publicationRules: PublicationRules;
}

/** The header every entity report shares: who issued it, when, for what, for which entity, on which data. */
export function entityBase(input: EntityReportHeader) {
  return {
    v: 1 as const,
    reportNo: input.reportNo,
    office: input.office,
    issuedAt: input.now.toISOString(),
    asOf: chinaDate(input.now),
    purpose: { code: input.purpose.code, zh: input.purpose.zh, en: input.purpose.en, text: input.purposeText },
    applicant: input.applicant,
    subject: {
      name: input.subject.name,
      creditCode: input.subject.idNumber,
      legalRepresentative: input.subject.legalRepresentative,
      regionCode: input.subject.regionCode,
      registration: input.registration,
    },
    freshness: input.freshness,
  };
}

/** Refuses a report larger than one report carries, before anything is read (as the personal report). */
export function assertReportSize(size: number): void {
  if (size > REPORT_MAX_RECORDS) {
    throw new AppError(
      'REPORT_TOO_LARGE',
      `This report would carry ${size} records and list entries; one report carries at most ${REPORT_MAX_RECORDS}. No report was issued or counted. Contact the platform to check this subject's data: a file this large is almost always a data error.`,
      { records: size, max: REPORT_MAX_RECORDS },
    );
  }
}

/**
 * The full report of a legal entity, decided as of `now` by the personal report's rules: records
 * past their publicity end, revoked and repaired records are left out (hiddenReason), list entries
 * print while active (listEntryShown); annotations and statements travel with their record.
 */
export async function assembleEntityReport(db: Queryable, input: EntityReportHeader): Promise<EntityReportContent> {
  const today = chinaDate(input.now);
  const subjectId = input.subject.id;
  const asOf = publicationAsOf(today, input.publicationRules);
  const size = (await countPublished(db, subjectId, RECORD_CATEGORIES, asOf)) + (await listTallies(db, subjectId)).reduce((n, l) => n + l.active, 0);
  assertReportSize(size);
  const [records, lists, revoked, annotations, statements] = await Promise.all([
    publishedRecords(db, subjectId, RECORD_CATEGORIES, asOf),
    listEntriesOfSubject(db, subjectId, LIST_TYPES),
    revokedListedRecordIds(db, subjectId),
    annotationsOfSubject(db, subjectId),
    statementsOfSubject(db, subjectId),
  ]);
  const extras = extrasOf(annotations, statements);
  const sections = new Map<EntityReportSection, EntitySectionContent>(ENTITY_REPORT_SECTIONS.map((key) => [key, { key, records: [], lists: [] }]));
  for (const r of records) {
    const section = sections.get(ENTITY_SECTION_OF[r.category]);
    if (!section || hiddenReason(r, today, input.publicationRules) !== null) continue;
    section.records.push(reportRecordOf(r, extras, input.publicationRules));
  }
  for (const e of lists) {
    if (!listEntryShown(e, today, revoked)) continue;
    sections.get(ENTITY_LIST_SECTION_OF[e.listType])?.lists.push(reportListEntryOf(e));
  }
  return {
    ...entityBase(input),
    kind: 'entity',
    sections: [...sections.values()],
    statements: statements.filter((s) => s.recordId === null).map((s) => ({ id: s.id, text: s.text, createdAt: s.createdAt })),
  };
}
