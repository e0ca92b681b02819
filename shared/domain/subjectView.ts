import type { ListEntry } from './list';
import type { CreditRecord, ReportSection } from './record';
import type { SubjectKind } from './subject';

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

export interface SubjectView {
  identity: MaskedIdentity;
  summary: SubjectSummary;
  records: RecordView[];
  lists: ListEntry[];
  recentQueries: QueryHistoryItem[];
}
