import type { EntityReportSection } from './record';

// abnormal_operation: 经营异常名录 (market regulation's list of entities that missed their annual
// report or cannot be reached at their address; issue 24). Entities only.
export const LIST_TYPES = ['red', 'black', 'dishonest_debtor', 'abnormal_operation'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** Where an entity report shows each list (ENTITY_REPORT_SECTIONS). */
export const ENTITY_LIST_SECTION_OF: Record<ListType, EntityReportSection> = {
  red: 'honours',
  black: 'serious_dishonesty',
  dishonest_debtor: 'judicial',
  abnormal_operation: 'abnormal_operation',
};

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
