export const LIST_TYPES = ['red', 'black', 'dishonest_debtor'] as const;
export type ListType = (typeof LIST_TYPES)[number];

export type ListEntryStatus = 'active' | 'exited' | 'removed';

/** A catalogue measure (全国失信惩戒措施基础清单 or the reward catalogue); none outside it. */
export interface Measure {
  id: number;
  code: string;
  kind: 'reward' | 'punishment';
  mandatory: boolean;
  title: string;
  /** The law, regulation or central policy document the measure cites (国办发〔2020〕49号). */
  basis: string;
}

export interface ListEntry {
  id: number;
  subjectId: number;
  centralId: string;
  listType: ListType;
  listName: string;
  reason: string;
  basis: string;
  decidingUnit: string;
  /** The record the listing rests on; repairing or revoking it lifts the entry. */
  recordId: number | null;
  enteredOn: string;
  exitOn: string | null;
  status: ListEntryStatus;
  measures: Measure[];
}
