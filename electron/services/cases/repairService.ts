import type { IntakeResult, RepairCase, RepairEvidence, RepairState } from '../../../shared/cases/caseTypes';
import { platformOf } from '../../db/database';
import { accountName } from '../../store/accountStore';
import { REPAIR_CLOCK_STATES, repairCanMove } from '../../../shared/cases/caseStates';
import type { CreditRecord } from '../../../shared/domain/record';
import { effectivePublicityEnd } from '../../../shared/domain/publication';
import { AppError } from '../../../shared/errors';
import { repairProcessingDeadline } from '../../../shared/rules/deadlines';
import { profileDisplayName, type RuleProfile } from '../../../shared/rules/profile';
import { repairEligibility, type RepairEligibility } from '../../../shared/rules/repairEligibility';
import { activeListEntriesOf, recordsByIds, setRecordStatus } from '../../store/caseRecordStore';
import { caseEvents, caseRow, insertCase, nextCaseNo, openRepairOnRecord, updateCase, type RepairRow } from '../../store/caseStore';
import { enqueueOutbox } from '../../store/outboxStore';
import { receiptsOfCase } from '../../store/receiptStore';
import { recordTransition } from './caseTransitions';
import { assertCaseUnchanged } from './caseVersion';
import { officeCalendar } from '../office/calendarService';
import type { RepairCheckResult } from '../../../shared/contract/cases';
import type { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { deadlineText } from '../../../shared/cases/provisionalDeadline';
import { isOverdue } from '../../../shared/cases/caseTiming';
import { illegal, recordReceipt, today, visitForIntake } from './caseCommon';
import { casePartiesOf, partyReceiptRows } from './caseParties';
import { getReceipt } from './receiptService';
import type { Caller, CoreContext } from '../context';
import { daysLate } from './objectionDeadlineService';
import { activeProfile, profileById } from '../office/profileService';

// Credit repair (信用修复) under the Credit Repair Management Measures (2025, in force 2026-04-01):
// eligibility by severity tier and shortest period (shared/rules/repairEligibility), decision by the
// manager or by the deciding authority through export; approval stops publication and lifts the
// list entries and measures that rest on the record.

async function recordOfVisit(ctx: CoreContext, caller: Caller, visitId: number, recordId: number) {
  const visit = await visitForIntake(ctx, caller, visitId);
  const [record] = await recordsByIds(ctx.db, [recordId]);
  if (!record || record.subjectId !== visit.subject_id) throw new AppError('NOT_FOUND', "This record is not the subject's record.", { recordId });
  return { visit, record };
}

function eligibilityOf(record: CreditRecord, profile: RuleProfile, day: string): RepairEligibility {
  return repairEligibility(
    {
      category: record.category, severity: record.severity, decidedOn: record.decidedOn, domain: record.domain, penaltyKind: record.penaltyKind ?? null,
      published: record.publicityEnd === null || record.publicityEnd > record.publicityStart, status: record.status,
    },
    profile,
    day,
  );
}

export async function checkRepair(ctx: CoreContext, caller: Caller, input: { visitId: number; recordId: number }): Promise<RepairCheckResult> {
  const found = await recordOfVisit(ctx, caller, input.visitId, input.recordId);
  const profile = await activeProfile(ctx);
  const day = today(ctx);
  // A read: past the longest period the record stops printing by itself (effectivePublicityEnd), so
  // nothing is written here; the end date shown is computed where the screen and the paper get it.
  const record = { ...found.record, publicityEnd: effectivePublicityEnd(found.record, profile) };
  const calendar = await officeCalendar(ctx);
  const due = repairProcessingDeadline(day, profile, calendar);
  return {
    record,
    eligibility: eligibilityOf(record, profile, day),
    openCase: (await openRepairOnRecord(ctx.db, record.id))?.case_no ?? null,
    dueOn: due.ok ? due.value : null,
    arrangedThrough: calendar.coverage.toYear,
  };
}

const EVIDENCE_ZH = (e: RepairEvidence): string[] => [
  `已纠正失信行为、履行法定义务：${e.obligationsPerformed ? '是' : '否'}`,
  `已作出信用承诺：${e.creditCommitment ? '是' : '否'}`,
  `信用修复培训证明：${e.trainingCertificate ?? '无'}`,
  ...(e.note ? [`说明：${e.note}`] : []),
];

export async function intakeRepair(ctx: CoreContext, caller: Caller, input: { visitId: number; recordId: number; evidence: RepairEvidence }): Promise<IntakeResult> {
  const { visit, record } = await recordOfVisit(ctx, caller, input.visitId, input.recordId);
  const profile = await activeProfile(ctx);
  const day = today(ctx);
  const eligibility = eligibilityOf(record, profile, day);
  if (eligibility.status !== 'eligible') {
    throw new AppError('NOT_ELIGIBLE', notEligibleSentence(eligibility), { eligibility });
  }
  // Art. of the 2025 measures: early repair needs the misconduct corrected and a public credit commitment.
  if (!input.evidence.obligationsPerformed || !input.evidence.creditCommitment) {
    throw new AppError('NOT_ELIGIBLE', 'Early repair needs the obligations performed and a signed credit commitment (信用承诺).', { evidence: input.evidence });
  }
  const calendar = await officeCalendar(ctx);
  // The stored deadline and the receipt's line come from one count.
  const due = repairDuePatch(day, profile, calendar);
  const at = ctx.now().toISOString();
  const idNumber = (await ctx.db.get<{ id_number: string }>('SELECT id_number FROM subject WHERE id = ?', [visit.subject_id]))!.id_number;
  const parties = await casePartiesOf(ctx.db, { subjectId: visit.subject_id, idNumber, visitId: visit.id, applicantKind: visit.applicant_kind }, profile.masking);
  const intake = await ctx.db.transaction(async (tx) => {
    const busy = await openRepairOnRecord(tx, record.id);
    if (busy) throw new AppError('CONFLICT', `This record already has an open repair application ${busy.case_no}.`, { reason: 'REPAIR_OPEN', caseNo: busy.case_no });
    const caseNo = await nextCaseNo(tx, 'repair', day);
    const row: Omit<RepairRow, 'id'> = {
      case_no: caseNo,
      subject_id: visit.subject_id,
      id_number: idNumber,
      record_id: record.id,
      visit_id: visit.id,
      applicant_kind: visit.applicant_kind,
      profile_id: profile.id,
      provider_unit: record.providerUnit,
      evidence: JSON.stringify(input.evidence),
      eligibility: JSON.stringify(eligibility),
      snapshot: JSON.stringify(record),
      status_before: record.status,
      state: 'accepted',
      is_open: 1,
      received_on: day,
      received_at: at,
      ...due,
      assignee_id: null,
      escalated_at: null,
      outcome_reason: null,
      decided_at: null,
      closed_at: null,
      created_by: caller.accountId,
    };
    const id = await insertCase(tx, 'repair', row);
    const full = { ...row, id } as RepairRow;
    await recordTransition(tx, ctx, caller, 'repair', { ...full, state: 'received' }, 'received', 'received', null, { eligibility });
    await recordTransition(tx, ctx, caller, 'repair', { ...full, state: 'received' }, 'accepted', 'accepted', 'accepted at the counter');
    const receiptId = await recordReceipt(tx, ctx, caller, 'repair', id, {
      title: '信用修复申请受理回执',
      caseNo,
      rows: [
        ...partyReceiptRows(parties),
        ['申请修复的信息', `${record.title}（${record.documentNo}）`],
        ['认定单位', record.providerUnit],
        ['决定日期', record.decidedOn],
        ['最短公示期满', eligibility.since],
        ['最长公示期满（自动停止公示）', eligibility.publicationEndsOn],
        ['受理日期', day],
      ],
      items: { heading: '申请材料', lines: EVIDENCE_ZH(input.evidence) },
      dueDates: [['办理时限', due.due_on ? deadlineText(due.due_on, calendar.coverage.toYear, 'zh') : `待定：${(due.calendar_gap ?? '').slice(0, 4)} 年法定节假日尚无法计算`]],
      notes: ['依据《信用修复管理办法》（2025年），修复申请由作出认定的单位办理。', `适用规则：${profileDisplayName(profile, 'zh')}。`],
    });
    return { kind: 'repair' as const, id, caseNo, state: 'accepted', receiptId };
  });
  return { kind: intake.kind, id: intake.id, caseNo: intake.caseNo, state: intake.state, receipt: await getReceipt(ctx, intake.receiptId) };
}

function notEligibleSentence(e: RepairEligibility): string {
  switch (e.status) {
    case 'not_yet':
      return `The shortest publicity period is reached on ${e.earliestOn}; apply from that day.`;
    case 'non_repairable':
      return `Not eligible: this kind of information cannot be repaired early (${e.rule.label.en}); publication ends ${e.publicationEndsOn ?? 'by its own rules'}.`;
    case 'needs_review':
      return `Needs checking by a person: the record does not say its penalty kind, which decides whether "${e.rule.label.en}" applies; ask the deciding authority first.`;
    case 'expired':
      return `Publication already stopped on ${e.publicationEndedOn}; no application is needed.`;
    case 'not_published':
      return 'This information is not published, so there is nothing to repair.';
    case 'under_objection':
      return 'An objection against this record is open: it can be repaired once the objection is decided.';
    case 'not_applicable':
      return 'Credit repair does not apply to this kind of record.';
    case 'eligible':
      return 'Eligible.';
  }
}

/** `version`: the case's version the person's page showed (caseVersion.ts); a stale one is refused. */
export type RepairAction = { version?: number | undefined } & (
  | { action: 'accept'; id: number; reason?: string | undefined }
  | { action: 'reject'; id: number; reason: string }
  | { action: 'forward'; id: number; reason?: string | undefined }
  | { action: 'approve'; id: number; reason: string }
  | { action: 'deny'; id: number; reason: string }
  | { action: 'close'; id: number; reason?: string | undefined }
);

const TARGET: Record<RepairAction['action'], RepairState> = {
  accept: 'accepted',
  reject: 'rejected',
  forward: 'forwarded',
  approve: 'approved',
  deny: 'denied',
  close: 'closed',
};

export async function actOnRepair(ctx: CoreContext, caller: Caller, a: RepairAction): Promise<RepairCase> {
  await ctx.db.transaction(async (tx, platform) => {
    const row = await caseRow<RepairRow>(tx, 'repair', a.id);
    if (!row) throw new AppError('NOT_FOUND', `There is no repair application ${a.id}.`, { id: a.id });
    await assertCaseUnchanged(tx, 'repair', row.id, row.case_no, a.version);
    const to = TARGET[a.action];
    if (!repairCanMove(row.state as RepairState, to)) throw illegal('repair', row.case_no, row.state, to);
    const at = ctx.now().toISOString();
    const day = today(ctx);
    const patch: Record<string, unknown> = { state: to, is_open: REPAIR_CLOCK_STATES.includes(to) ? 1 : 0 };
    const detail: Record<string, unknown> = {};
    if (a.action === 'reject' || a.action === 'deny' || a.action === 'approve') patch.outcome_reason = a.reason;
    if (a.action === 'approve' || a.action === 'deny') patch.decided_at = at;
    if (a.action === 'close') patch.closed_at = at;
    if (a.action === 'approve') {
      // Approval stops publication of the penalty. List entries resting on it stay: serious-dishonesty
      // list entries cannot be repaired early (Credit Repair Management Measures 2025) and end by
      // their own exit rules (the platform's exit, or an objection that removes them from the list).
      await setRecordStatus(platformOf(platform, 'A repair approval'), row.record_id, 'repaired');
      detail.listEntriesKept = await activeListEntriesOf(tx, row.record_id);
    }
    if ((await updateCase(tx, 'repair', row.id, patch, row.state)) === 0) throw illegal('repair', row.case_no, row.state, to);
    await recordTransition(tx, ctx, caller, 'repair', row, a.action, to, a.reason ?? null, detail);
    if (a.action === 'forward' || a.action === 'approve' || a.action === 'deny') {
      const record = (await tx.get<{ central_id: string; document_no: string }>('SELECT central_id, document_no FROM record WHERE id = ?', [row.record_id]))!;
      await enqueueOutbox(tx, at, {
        kind: a.action === 'forward' ? 'repair.forward' : 'repair.decision',
        ref: row.case_no,
        payload: { caseNo: row.case_no, action: a.action, reason: a.reason ?? null, on: day, decidingUnit: row.provider_unit, record: { centralId: record.central_id, documentNo: record.document_no }, ...detail },
      });
    }
    // Approval marks the record repaired: a platform write.
  }, { platform: a.action === 'approve' });
  return getRepair(ctx, a.id);
}

/**
 * The stored deadline of a repair counted from its acceptance: the due date (provisional when its
 * year has no loaded arrangement, with calendar_gap naming it), or, where not even a provisional
 * count is possible, no date and the first day that could not be counted.
 */
export function repairDuePatch(receivedOn: string, profile: RuleProfile, calendar: WorkingCalendar): { due_on: string | null; calendar_gap: string | null } {
  const due = repairProcessingDeadline(receivedOn, profile, calendar);
  if (!due.ok) return { due_on: null, calendar_gap: due.date ?? receivedOn };
  return { due_on: due.value, calendar_gap: calendar.isProvisional(due.value) ? due.value : null };
}

export async function getRepair(ctx: CoreContext, id: number): Promise<RepairCase> {
  const row = await caseRow<RepairRow>(ctx.db, 'repair', id);
  if (!row) throw new AppError('NOT_FOUND', `There is no repair application ${id}.`, { id });
  const day = today(ctx);
  const overdue = isOverdue({ open: row.is_open === 1, paused: false, dueOn: row.due_on }, day);
  const [now] = await recordsByIds(ctx.db, [row.record_id]);
  const profile = (await profileById(ctx, row.profile_id)) ?? (await activeProfile(ctx));
  const calendar = await officeCalendar(ctx);
  const parties = await casePartiesOf(ctx.db, { subjectId: row.subject_id, idNumber: row.id_number, visitId: row.visit_id, applicantKind: row.applicant_kind }, profile.masking);
  const events = await caseEvents(ctx.db, 'repair', id);
  return {
    kind: 'repair',
    id: row.id,
    caseNo: row.case_no,
    state: row.state as RepairState,
    subjectId: row.subject_id,
    idNumberMasked: parties.numberShown,
    applicantKind: row.applicant_kind,
    subjectKind: parties.subjectKind,
    subjectName: parties.subjectName,
    applicant: parties.applicant,
    profileId: row.profile_id,
    providerUnit: row.provider_unit,
    evidence: JSON.parse(row.evidence) as RepairEvidence,
    eligibility: JSON.parse(row.eligibility) as RepairEligibility,
    receivedOn: row.received_on,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    calendarGap: row.calendar_gap,
    arrangedThrough: calendar.coverage.toYear,
    assigneeId: row.assignee_id,
    assignee: await accountName(ctx.db, row.assignee_id),
    escalatedAt: row.escalated_at,
    overdue,
    daysLate: overdue ? daysLate(row.due_on, day, 'working', calendar) : 0,
    outcomeReason: row.outcome_reason,
    decidedAt: row.decided_at,
    closedAt: row.closed_at,
    record: { recordId: row.record_id, atIntake: JSON.parse(row.snapshot) as CreditRecord, now: now ?? null },
    events,
    version: events.at(-1)?.id ?? 0,
    receipts: await receiptsOfCase(ctx.db, 'repair', id),
  };
}
