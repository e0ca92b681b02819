import type { CreditRecord } from './record';
import type { ListEntry, Measure } from './list';
import type { EntityRegistration, Subject } from './subject';

// The platform's wire shape for a subject and everything attached to it: the demo office, the
// benchmark generator and platform snapshot bundles all produce this, and one bulk writer in
// the store consumes it. References go by central id, never by local row id.

/**
 * `registration`: an entity's registration basics (issue 24). Absent on the wire (bundles from
 * before it, and persons) leaves what the office holds; null removes it.
 */
export type SubjectRow = Omit<Subject, 'id'> & { registration?: EntityRegistration | null };
export type RecordRow = Omit<CreditRecord, 'id' | 'subjectId'> & { subjectCentralId: string };
export type ListEntryRow = Omit<ListEntry, 'id' | 'subjectId' | 'recordId' | 'measures'> & {
  subjectCentralId: string;
  recordCentralId: string | null;
  measureCodes: string[];
};
export type MeasureRow = Omit<Measure, 'id'>;

export interface SubjectBundle {
  subject: SubjectRow;
  records: RecordRow[];
  listEntries: ListEntryRow[];
}
