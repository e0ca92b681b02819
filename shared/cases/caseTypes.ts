import type { CreditRecord } from '../domain/record';
import type { SubjectKind } from '../domain/subject';
import type { PdfDocument } from '../domain/report';
import type { RepairEligibility } from '../rules/repairEligibility';

// Objections (异议) and credit-repair applications (信用修复): states, outcomes and the shapes the
// API returns. domain-rules.md "Objections" / "Credit repair".

export const OBJECTION_SCOPES = ['wrong', 'missing', 'duplicated', 'should_not_publish', 'past_period', 'inconsistent_with_authority'] as const;
export type ObjectionScope = (typeof OBJECTION_SCOPES)[number];

export const OBJECTION_STATES = ['received', 'accepted', 'rejected', 'verifying', 'decided', 'notified', 'closed'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_OUTCOMES = ['corrected', 'revoked', 'supplemented', 'display_stopped', 'removed_from_list', 'upheld', 'undeterminable'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const REPAIR_STATES = ['received', 'accepted', 'rejected', 'forwarded', 'approved', 'denied', 'closed'] as const;
export type RepairState = (typeof REPAIR_STATES)[number];

/** The order a queue sorts states in: the way a case moves, the refused and the closed last. */
export const OBJECTION_WORKFLOW: readonly ObjectionState[] = ['received', 'accepted', 'verifying', 'decided', 'notified', 'rejected', 'closed'];
export const REPAIR_WORKFLOW: readonly RepairState[] = ['received', 'accepted', 'forwarded', 'approved', 'denied', 'rejected', 'closed'];

export type CaseKind = 'objection' | 'repair';
export type ObjectionRoute = 'own' | 'provider';
export type PauseReason = 'testing' | 'expert_review';

export interface CasePause {
  reason: PauseReason;
  from: string;
  /** null while the clock is stopped. */
  to: string | null;
}

export interface ObjectionDeadlineView {
  dayKind: 'working' | 'calendar';
  annotateBy: string | null;
  forwardBy: string | null;
  providerVerifyBy: string | null;
  decideBy: string | null;
  latestExtendedBy: string | null;
  /** The next binding deadline of the current step; null only when not even a provisional count is possible. */
  dueOn: string | null;
  /** The first date in a year without its loaded arrangement that a deadline reached (counted provisionally, or not at all). */
  calendarGap: string | null;
  /** The last year whose holiday arrangement is loaded: a date after it is provisional (shared/cases/provisionalDeadline.ts). */
  arrangedThrough: number;
  /**
   * The deadlines beyond the loaded calendar, shown as pending; the others are counted and shown.
   * Recomputed whenever the calendar changes.
   */
  pending?: PendingDeadlineName[];
}

export type PendingDeadlineName = 'annotateBy' | 'forwardBy' | 'providerVerifyBy' | 'decideBy' | 'latestExtendedBy';

export interface CaseEvent {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface ReceiptInfo {
  id: number;
  receiptNo: string;
  createdAt: string;
  copies: number;
  lastPrintedAt: string | null;
}

/** A receipt's PDF for its next copy (copy 2 onwards says 重印件 on the page). */
export interface ReceiptDocument extends ReceiptInfo, PdfDocument {
  copyNo: number;
}

/** The decision notice (告知书) of a decided case. */
export interface NoticeDocument extends PdfDocument {
  noticeNo: string;
}

export interface CaseRecordPair {
  recordId: number;
  atIntake: CreditRecord;
  now: CreditRecord | null;
}

/**
 * Who applied for a case, as checked at the counter on its visit (issue 24): a person in person,
 * an entity's legal representative in person, or an agent (a person's 代理人, an entity's 经办人)
 * with the letter of authorization. null for a case whose visit recorded none.
 */
export type CaseApplicant =
  | { kind: 'self' }
  | { kind: 'legal_rep'; name: string; idNumberMasked: string }
  | { kind: 'agent'; name: string; idNumberMasked: string; letter: CaseLetter };

export interface CaseLetter {
  documentNo: string;
  validFrom: string;
  validTo: string;
  /** Whether the scanned letter is attached to the visit. */
  scanned: boolean;
}

/** The subject and applicant of a case: an entity's name and code are public, a person's are masked. */
export interface CaseParties {
  subjectKind: SubjectKind;
  /** A person's name masked; an entity's name whole. */
  subjectName: string;
  applicant: CaseApplicant | null;
}

/** One row of the manager's queue. */
export interface QueueRow {
  kind: CaseKind;
  id: number;
  caseNo: string;
  state: string;
  idNumberMasked: string;
  /** The subject's name, masked as everywhere a person is listed; an entity's name whole (public). */
  nameMasked: string;
  subjectKind: SubjectKind;
  providerUnit: string;
  receivedOn: string;
  dueOn: string | null;
  /** dueOn lies in a year whose arrangement is not loaded: it is counted provisionally. */
  dueProvisional: boolean;
  calendarGap: string | null;
  assigneeId: number | null;
  assignee: string | null;
  paused: boolean;
  overdue: boolean;
  /** Counted in the profile's day kind; 0 when not overdue. */
  daysLate: number;
  escalated: boolean;
  /** Counted days left until dueOn (negative when late), null when unknown. */
  daysLeft: number | null;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Opaque keyset cursor for the next page; null at the end. */
  nextCursor: string | null;
  /** Matching rows, capped at countCap so the count never costs a full scan. */
  total: number;
  totalCapped: boolean;
}

export interface WorkloadRow {
  assigneeId: number | null;
  assignee: string | null;
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface ObjectionCase {
  kind: 'objection';
  id: number;
  caseNo: string;
  state: ObjectionState;
  subjectId: number;
  /** A person's ID number masked; an entity's code (or old registration number) whole. */
  idNumberMasked: string;
  applicantKind: 'self' | 'agent';
  subjectKind: SubjectKind;
  subjectName: string;
  applicant: CaseApplicant | null;
  scope: ObjectionScope;
  description: string;
  profileId: string;
  providerUnit: string;
  route: ObjectionRoute | null;
  receivedOn: string;
  receivedAt: string;
  forwardedOn: string | null;
  providerRepliedOn: string | null;
  deadlines: ObjectionDeadlineView;
  extendedTotalDays: number | null;
  pauses: CasePause[];
  paused: boolean;
  assigneeId: number | null;
  assignee: string | null;
  escalatedAt: string | null;
  overdue: boolean;
  daysLate: number;
  outcome: ObjectionOutcome | null;
  outcomeReason: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  records: CaseRecordPair[];
  attachments: { hash: string; fileName: string; size: number }[];
  events: CaseEvent[];
  /** The id of the newest event: a transition sends it back as the version the page showed (issue 23). */
  version: number;
  receipts: ReceiptInfo[];
}

export interface RepairEvidence {
  obligationsPerformed: boolean;
  creditCommitment: boolean;
  trainingCertificate: string | null;
  note: string | null;
}

export interface RepairCase {
  kind: 'repair';
  id: number;
  caseNo: string;
  state: RepairState;
  subjectId: number;
  /** A person's ID number masked; an entity's code (or old registration number) whole. */
  idNumberMasked: string;
  applicantKind: 'self' | 'agent';
  subjectKind: SubjectKind;
  subjectName: string;
  applicant: CaseApplicant | null;
  profileId: string;
  providerUnit: string;
  evidence: RepairEvidence;
  eligibility: RepairEligibility;
  receivedOn: string;
  receivedAt: string;
  dueOn: string | null;
  calendarGap: string | null;
  /** The last year whose holiday arrangement is loaded: a date after it is provisional. */
  arrangedThrough: number;
  assigneeId: number | null;
  assignee: string | null;
  escalatedAt: string | null;
  overdue: boolean;
  daysLate: number;
  outcomeReason: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  record: CaseRecordPair;
  events: CaseEvent[];
  /** The id of the newest event: a transition sends it back as the version the page showed (issue 23). */
  version: number;
  receipts: ReceiptInfo[];
}

export interface IntakeResult {
  kind: CaseKind;
  id: number;
  caseNo: string;
  state: string;
  receipt: ReceiptDocument;
}
