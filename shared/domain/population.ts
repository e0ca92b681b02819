import type { CreditRecord } from './record';
import type { ListEntry, Measure } from './list';
import type { Subject } from './subject';

// The platform's wire shape for a subject and everything attached to it: the demo office, the
// benchmark generator and platform snapshot bundles all produce this, and one bulk writer in
// the store consumes it. References go by central id, never by local row id.

export type SubjectRow = Omit<Subject, 'id'>;
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
