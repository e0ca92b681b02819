import type { ListEntry } from './list';
import type { CreditRecord, EntityReportSection, ReportSection } from './record';
import type { EntityRegistration, SubjectKind } from './subject';

/** Why a record is not shown on a report today; null when it is published. */
export type HiddenReason = 'publicity_ended' | 'revoked' | 'repaired' | 'not_yet_public' | null;

export interface RecordView extends CreditRecord {
  section: ReportSection;
  hiddenReason: HiddenReason;
}

export interface MaskedIdentity {
  subjectId: number;
  kind: SubjectKind;
  idNumberMasked: string;
  nameMasked: string;
  gender: 'M' | 'F' | null;
  birthYear: number | null;
  regionCode: string;
}

export interface QueryHistoryItem {
  at: string;
  officeCode: string;
  purposeCode: string;
}

export interface SubjectSummary {
  /** Sections outside an agent's authorization are absent, not zero: their counts are not disclosed. */
  published: Partial<Record<ReportSection, number>>;
  hidden: number;
  negativePublished: number;
  activeLists: number;
  /**
   * Consecutive clean years per the profile's green-channel rule, or an active red list
   * (domain-rules "Lists"); null when the office's region has no green-channel rule.
   */
  greenChannel: boolean | null;
}

/**
 * The subject view is paged so that no response grows with a subject's file (issue 29 item 9: one
 * person with a million records once made a 472 MB lookup). The one place the page sizes are set:
 * records per section per page, list entries per page. Worst case a first view carries six
 * sections of SUBJECT_VIEW_PAGE records and LIST_ENTRIES_PAGE entries, whatever the file holds.
 */
export const SUBJECT_VIEW_PAGE = 50;
export const LIST_ENTRIES_PAGE = 20;

/** Where a section's next page starts: records come newest decision first, then by id. */
export interface RecordCursor {
  decidedOn: string;
  id: number;
}

/** Where the next page of list entries starts: newest entry first, then by id. */
export interface ListCursor {
  enteredOn: string;
  id: number;
}

/** One section as the view knows it: all its records (published and not), how many are hidden, and the next page. */
export interface SectionPaging {
  total: number;
  hidden: number;
  /** Null once every record of the section is loaded. */
  next: RecordCursor | null;
}

export interface RecordPage {
  records: RecordView[];
  next: RecordCursor | null;
}

export interface ListPage {
  lists: ListEntry[];
  next: ListCursor | null;
}

export interface SubjectView {
  identity: MaskedIdentity;
  summary: SubjectSummary;
  /** Every section the viewer may see (an agent's scope), with its counts; absent sections are not disclosed. */
  sections: Partial<Record<ReportSection, SectionPaging>>;
  /** The records loaded: the first page of each section, then each page the clerk asked for (counter.records). */
  records: RecordView[];
  /** The list entries loaded (first page, then counter.lists), out of `listsTotal`. */
  lists: ListEntry[];
  listsTotal: number;
  listsNext: ListCursor | null;
  recentQueries: QueryHistoryItem[];
  /** A legal entity's part (issue 24); absent for a person. */
  entity?: EntityViewPart;
}

/**
 * What the view shows of an entity beside its records: the registration basics (public), the legal
 * representative masked like any person (reveal is logged), and the counts per section of the
 * entity report. Records come paged by the personal sections as for a person (every category has
 * one); ENTITY_SECTION_OF groups them, ENTITY_LIST_SECTION_OF the list entries, all list types.
 */
export interface EntityViewPart {
  registration: Omit<EntityRegistration, 'legalRepIdNumber'> | null;
  legalRepNameMasked: string | null;
  legalRepIdNumberMasked: string | null;
  /** Records (all, hidden) and list entries (all, active) per entity report section. */
  sections: Partial<Record<EntityReportSection, { total: number; hidden: number; lists: number; activeLists: number }>>;
}
