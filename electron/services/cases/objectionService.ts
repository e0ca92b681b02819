import type {
  ObjectionDeadlineView,
  CasePause,
  IntakeResult,
  ObjectionCase,
  ObjectionOutcome,
  ObjectionRoute,
  ObjectionScope,
  ObjectionState,
  PauseReason,
} from '../../../shared/cases/caseTypes';
import { OBJECTION_CLOCK_STATES, objectionCanMove } from '../../../shared/cases/caseStates';
import type { CreditRecord, RecordStatus } from '../../../shared/domain/record';
import { addCalendarDays } from '../../../shared/calendar/dates';
import { AppError } from '../../../shared/errors';
import { profileDisplayName, type RuleProfile } from '../../../shared/rules/profile';
import type { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { dishonestDebtorDeletionDeadline, revocationWithdrawalDeadline, type DeadlineResult } from '../../../shared/rules/deadlines';
import { platformOf, type PlatformTx, type Queryable } from '../../db/database';
import { attachmentBytes, attachmentsOfObjection, linkObjectionAttachment, uploadedHashes } from '../../store/objectionAttachmentStore';
import { checkCaseQuota } from '../attachments/attachmentQuota';
import { activeListEntriesOf, endPublication, liftListEntriesOf, markUnderObjection, recordsByIds, setRecordContent, setRecordStatus } from '../../store/caseRecordStore';
import {
  appendCaseEvent,
  caseEvents,
  caseRow,
  insertCase,
  insertObjectionRecords,
  nextCaseNo,
  objectionRecords,
  openObjectionsOnRecords,
  updateCase,
  type ObjectionRow,
} from '../../store/caseStore';
import { accountName } from '../../store/accountStore';
import { enqueueOutbox } from '../../store/outboxStore';
import { receiptsOfCase } from '../../store/receiptStore';
import { auditIn } from '../audit/auditService';
import { recordTransition } from './caseTransitions';
import { assertCaseUnchanged } from './caseVersion';
import { officeCalendar } from '../office/calendarService';
import { deadlineText } from '../../../shared/cases/provisionalDeadline';
import { isOverdue } from '../../../shared/cases/caseTiming';
import { illegal, recordReceipt, today, visitForIntake } from './caseCommon';
import { casePartiesOf, partyReceiptRows } from './caseParties';
import { getReceipt } from './receiptService';
import type { Caller, CoreContext } from '../context';
import { daysLate, objectionDeadlineView } from './objectionDeadlineService';
import { activeProfile, profileById } from '../office/profileService';

// Objections (异议), domain-rules.md "Objections": annotate on receipt, verify (own data) or forward
// to the providing unit, decide, notify. Every transition records actor, time and reason in
// objection_event and the audit log in one transaction; anything the state table does not allow is
// refused.

export interface ObjectionIntakeInput {
  visitId: number;
  recordIds: number[];
  scope: ObjectionScope;
  description: string;
  /** Scans uploaded with attachment.upload, by content hash. */
  attachments: { sha256: string; fileName: string }[];
  /** The clerk accepts at the counter (default); false leaves it received for the manager. */
  accept: boolean;
}

const SCOPE_ZH: Record<ObjectionScope, string> = {
  wrong: '信息错误',
  missing: '信息遗漏',
  duplicated: '信息重复',
  should_not_publish: '不应公示',
  past_period: '超过公示期限仍在公示',
  inconsistent_with_authority: '与认定机关的认定不一致',
};

function snapshotOf(r: CreditRecord): string {
  return JSON.stringify(r);
}

async function profileOf(ctx: CoreContext, id: string): Promise<RuleProfile> {
  return (await profileById(ctx, id)) ?? activeProfile(ctx);
}

function pausesOf(row: ObjectionRow): CasePause[] {
  return JSON.parse(row.pauses) as CasePause[];
}

/** Recomputes the stored deadlines of a row after a change (inside the same transaction), or after the calendar changed. */
export async function deadlinePatch(ctx: CoreContext, row: ObjectionRow): Promise<Record<string, unknown>> {
  const d = await deadlineViewOf(ctx, row);
  return {
    annotate_by: d.annotateBy,
    forward_by: d.forwardBy,
    provider_verify_by: d.providerVerifyBy,
    decide_by: d.decideBy,
    latest_extended_by: d.latestExtendedBy,
    due_on: d.dueOn,
    calendar_gap: d.calendarGap,
  };
}

async function deadlineViewOf(ctx: CoreContext, row: ObjectionRow): Promise<ObjectionDeadlineView> {
  const profile = await profileOf(ctx, row.profile_id);
  return objectionDeadlineView(
    {
      state: row.state as ObjectionState,
      route: row.route,
      receivedOn: row.received_on,
      forwardedOn: row.forwarded_on,
      providerRepliedOn: row.provider_replied_on,
      pauses: pausesOf(row),
      extendedTotalDays: row.extended_total_days,
    },
    profile,
    await officeCalendar(ctx),
    today(ctx),
  );
}

export async function intakeObjection(ctx: CoreContext, caller: Caller, input: ObjectionIntakeInput): Promise<IntakeResult> {
  const visit = await visitForIntake(ctx, caller, input.visitId);
  const recordIds = [...new Set(input.recordIds)];
  const records = await recordsByIds(ctx.db, recordIds);
  if (records.length !== recordIds.length || records.some((r) => r.subjectId !== visit.subject_id)) {
    throw new AppError('NOT_FOUND', "Some of the chosen records are not this subject's records.", { recordIds });
  }
  const providers = [...new Set(records.map((r) => r.providerUnit))];
  if (providers.length !== 1) {
    throw new AppError('VALIDATION', 'The chosen records come from different providing units; take one objection per unit.', { field: 'recordIds', reason: 'different_providers', providers });
  }
  const files = input.attachments;
  const hashes = files.map((f) => f.sha256);
  const uploaded = await uploadedHashes(ctx.db, hashes);
  if (hashes.some((h) => !uploaded.has(h))) throw new AppError('NOT_FOUND', 'An attachment was not uploaded; attach the file again.', { attachments: hashes });
  await checkCaseQuota(ctx.db, await attachmentBytes(ctx.db, [...new Set(hashes)]));
  const profile = await activeProfile(ctx);
  // Reads the calendar before the transaction takes the write lock.
  const calendar = await officeCalendar(ctx);
  const receivedOn = today(ctx);
  const at = ctx.now().toISOString();
  const subject = (await ctx.db.get<{ id_number: string; name: string }>('SELECT id_number, name FROM subject WHERE id = ?', [visit.subject_id]))!;
  const parties = await casePartiesOf(ctx.db, { subjectId: visit.subject_id, idNumber: subject.id_number, visitId: visit.id, applicantKind: visit.applicant_kind }, profile.masking);

  const intake = await ctx.db.transaction(async (tx, platform) => {
    const busy = await openObjectionsOnRecords(tx, recordIds);
    if (busy.length > 0) {
      throw new AppError('CONFLICT', `A record is already under objection in case ${busy[0]!.case_no}.`, { reason: 'RECORD_UNDER_OBJECTION', cases: busy });
    }
    const caseNo = await nextCaseNo(tx, 'objection', receivedOn);
    const row: Omit<ObjectionRow, 'id'> = {
      case_no: caseNo,
      subject_id: visit.subject_id,
      id_number: subject.id_number,
      visit_id: visit.id,
      applicant_kind: visit.applicant_kind,
      scope: input.scope,
      description: input.description,
      profile_id: profile.id,
      provider_unit: providers[0]!,
      route: null,
      state: 'received',
      is_open: 1,
      received_on: receivedOn,
      received_at: at,
      forwarded_on: null,
      provider_replied_on: null,
      annotate_by: null,
      forward_by: null,
      provider_verify_by: null,
      decide_by: null,
      due_on: null,
      latest_extended_by: null,
      extended_total_days: null,
      pauses: '[]',
      paused: 0,
      calendar_gap: null,
      assignee_id: null,
      escalated_at: null,
      outcome: null,
      outcome_reason: null,
      decided_at: null,
      closed_at: null,
      created_by: caller.accountId,
    };
    const id = await insertCase(tx, 'objection', row);
    await insertObjectionRecords(
      tx,
      id,
      records.map((r) => ({ recordId: r.id, statusBefore: r.status, snapshot: snapshotOf(r) })),
    );
    for (const f of files) await linkObjectionAttachment(tx, id, f.sha256, f.fileName);
    await appendCaseEvent(tx, 'objection', id, {
      at,
      actorId: caller.accountId,
      actor: caller.username,
      action: 'received',
      fromState: null,
      toState: 'received',
      reason: null,
      detail: { recordIds, scope: input.scope, attachments: hashes },
    });
    await auditIn(tx, ctx, caller, { action: 'objection.received', target: caseNo, detail: { visitId: visit.id, recordIds } });
    const current: ObjectionRow = { ...row, id };
    if (input.accept) await acceptIn(tx, platform, ctx, caller, current, 'accepted at the counter');
    else await updateCase(tx, 'objection', id, await deadlinePatch(ctx, current));
    const fresh = (await caseRow<ObjectionRow>(tx, 'objection', id))!;
    const receiptId = await recordReceipt(tx, ctx, caller, 'objection', id, {
      title: '异议申请受理回执',
      caseNo,
      rows: [
        ...partyReceiptRows(parties),
        ['异议类型', SCOPE_ZH[input.scope]],
        ['异议说明', input.description],
        ['受理日期', receivedOn],
        ['附件', files.length === 0 ? '无' : files.map((f) => f.fileName).join('、')],
      ],
      items: { heading: '异议涉及的信用信息', lines: records.map((r) => `${r.title}（${r.documentNo}，${r.providerUnit}）`) },
      dueDates: deadlineRows(fresh, profile, calendar.coverage.toYear),
      notes: [
        '异议处理期间，相关信息在信用报告中加注异议标注。',
        `适用规则：${profileDisplayName(profile, 'zh')}（${profile.objection.dayKind === 'working' ? '按工作日计算' : '按自然日计算'}）。`,
      ],
    });
    return { kind: 'objection' as const, id, caseNo, state: fresh.state, receiptId };
    // Accepted at once, its records go under objection: now, or by the running import's office half.
  }, { platform: input.accept ? 'if_free' : false });
  return { kind: intake.kind, id: intake.id, caseNo: intake.caseNo, state: intake.state, receipt: await getReceipt(ctx, intake.receiptId) };
}

/**
 * The receipt's deadlines, each printed as counted: a date in a year whose arrangement is not yet
 * loaded says it is provisional, the others are final. "待定" only where not even a provisional
 * count was possible (a year past the lunar tables), which no case received today can reach.
 */
function deadlineRows(row: ObjectionRow, profile: RuleProfile, arrangedThrough: number): [string, string][] {
  const rows: [string, string][] = [];
  const add = (label: string, date: string | null) => date && rows.push([label, deadlineText(date, arrangedThrough, 'zh')]);
  add('转送提供单位时限', row.forward_by);
  add('异议处理时限', row.decide_by);
  if (profile.objection.extension) add('经批准延长后最迟', row.latest_extended_by);
  if (rows.length === 0 && row.calendar_gap) rows.push(['处理时限', `待定：${row.calendar_gap.slice(0, 4)} 年法定节假日尚无法计算`]);
  return rows;
}

/** received → accepted: the annotation appears on every concerned record (records go under objection). */
async function acceptIn(tx: Queryable, platform: PlatformTx | null, ctx: CoreContext, caller: Caller, row: ObjectionRow, reason: string | null): Promise<ObjectionRow> {
  if (!objectionCanMove(row.state as ObjectionState, 'accepted')) throw illegal('objection', row.case_no, row.state, 'accepted');
  for (const r of await objectionRecords(tx, row.id)) await markUnderObjection(tx, platform, r.record_id);
  const next: ObjectionRow = { ...row, state: 'accepted' };
  await updateCase(tx, 'objection', row.id, { state: 'accepted', ...(await deadlinePatch(ctx, next)) });
  await recordTransition(tx, ctx, caller, 'objection', row, 'accepted', 'accepted', reason);
  return next;
}

/** `version`: the case's version the person's page showed (caseVersion.ts); a stale one is refused. */
export type ObjectionAction = { version?: number | undefined } & (
  | { action: 'accept'; id: number; reason?: string | undefined }
  | { action: 'reject'; id: number; reason: string }
  | { action: 'verify'; id: number; route: ObjectionRoute; reason?: string | undefined }
  | { action: 'provider_reply'; id: number; reason: string }
  | { action: 'pause'; id: number; pauseReason: PauseReason; reason: string }
  | { action: 'resume'; id: number; reason?: string | undefined }
  | { action: 'extend'; id: number; totalDays: number; reason: string }
  | {
      action: 'decide';
      id: number;
      outcome: ObjectionOutcome;
      reason: string;
      /** corrected / supplemented: the record's content as it must now read. */
      correctedContent?: string | undefined;
    }
  | { action: 'notify'; id: number; reason: string }
  | { action: 'close'; id: number; reason?: string | undefined }
);

export async function actOnObjection(ctx: CoreContext, caller: Caller, a: ObjectionAction): Promise<ObjectionCase> {
  await officeCalendar(ctx);
  await ctx.db.transaction(async (tx, platform) => {
    const row = await caseRow<ObjectionRow>(tx, 'objection', a.id);
    if (!row) throw new AppError('NOT_FOUND', `There is no objection ${a.id}.`, { id: a.id });
    await assertCaseUnchanged(tx, 'objection', row.id, row.case_no, a.version);
    const profile = await profileOf(ctx, row.profile_id);
    const day = today(ctx);
    const move = async (to: ObjectionState, patch: Record<string, unknown>, reason: string | null, detail: Record<string, unknown> = {}) => {
      if (!objectionCanMove(row.state as ObjectionState, to)) throw illegal('objection', row.case_no, row.state, to);
      const next = { ...row, ...patch, state: to } as ObjectionRow;
      const isOpen = OBJECTION_CLOCK_STATES.includes(to) ? 1 : 0;
      if ((await updateCase(tx, 'objection', row.id, { ...patch, state: to, is_open: isOpen, ...(await deadlinePatch(ctx, next)) }, row.state)) === 0) throw illegal('objection', row.case_no, row.state, to);
      await recordTransition(tx, ctx, caller, 'objection', row, a.action, to, reason, detail);
    };
    const update = async (patch: Record<string, unknown>, reason: string | null, detail: Record<string, unknown> = {}) => {
      const next = { ...row, ...patch } as ObjectionRow;
      await updateCase(tx, 'objection', row.id, { ...patch, ...(await deadlinePatch(ctx, next)) });
      await recordTransition(tx, ctx, caller, 'objection', row, a.action, null, reason, detail);
    };
    switch (a.action) {
      case 'accept':
        await acceptIn(tx, platform, ctx, caller, row, a.reason ?? null);
        return;
      case 'reject':
        await move('rejected', { outcome_reason: a.reason, closed_at: null }, a.reason);
        return;
      case 'verify': {
        const patch: Record<string, unknown> = { route: a.route };
        if (a.route === 'provider') patch.forwarded_on = day;
        await move('verifying', patch, a.reason ?? null, { route: a.route });
        if (a.route === 'provider') {
          // The forward travels to the providing unit in the next export bundle.
          await enqueueOutbox(tx, ctx.now().toISOString(), {
            kind: 'objection.forward',
            ref: row.case_no,
            payload: { caseNo: row.case_no, providerUnit: row.provider_unit, scope: row.scope, description: row.description, records: await recordRefs(tx, row.id), forwardedOn: day },
          });
        }
        return;
      }
      case 'provider_reply':
        if (row.state !== 'verifying' || row.route !== 'provider') throw illegal('objection', row.case_no, row.state, 'provider_reply');
        if (row.provider_replied_on !== null) throw new AppError('CONFLICT', 'The provider has already replied.', { reason: 'PROVIDER_REPLIED', caseNo: row.case_no });
        await update({ provider_replied_on: day }, a.reason);
        return;
      case 'pause': {
        // Henan art. 41: time for testing or expert review does not count.
        if (!profile.objection.pause?.reasons.includes(a.pauseReason)) {
          throw new AppError('PROFILE_FORBIDS', `The ${profile.name.en} rules do not stop the clock for ${a.pauseReason}.`, { profileId: profile.id });
        }
        if (!OBJECTION_CLOCK_STATES.includes(row.state as ObjectionState) || row.state === 'received') throw illegal('objection', row.case_no, row.state, 'paused');
        const pauses = pausesOf(row);
        if (pauses.some((p) => p.to === null)) throw new AppError('CONFLICT', 'The clock is already stopped.', { reason: 'CLOCK_STOPPED', caseNo: row.case_no });
        pauses.push({ reason: a.pauseReason, from: day, to: null });
        await update({ pauses: JSON.stringify(pauses), paused: 1 }, a.reason, { pauseReason: a.pauseReason });
        return;
      }
      case 'resume': {
        const pauses = pausesOf(row);
        const open = pauses.find((p) => p.to === null);
        if (!open) throw new AppError('CONFLICT', 'The clock is not stopped.', { reason: 'CLOCK_RUNNING', caseNo: row.case_no });
        // The pause covers the days up to yesterday; today counts again (a same-day resume counts the start day as paused).
        open.to = day > open.from ? addCalendarDays(day, -1) : open.from;
        await update({ pauses: JSON.stringify(pauses), paused: 0 }, a.reason ?? null, { pause: open });
        return;
      }
      case 'extend': {
        // Zhejiang arts. 30–31: complex cases, with approval, up to 20 working days in total.
        const ext = profile.objection.extension;
        if (!ext) throw new AppError('PROFILE_FORBIDS', `The ${profile.name.en} rules allow no extension.`, { profileId: profile.id });
        if (!['accepted', 'verifying'].includes(row.state)) throw illegal('objection', row.case_no, row.state, 'extended');
        const ordinary = Math.max(profile.objection.decideOwn.days, profile.objection.decideProvider.days);
        if (a.totalDays <= ordinary || a.totalDays > ext.maxTotalDays) {
          throw new AppError('PROFILE_FORBIDS', `The extended period must be more than ${ordinary} and at most ${ext.maxTotalDays} days in total.`, {
            min: ordinary + 1,
            max: ext.maxTotalDays,
          });
        }
        await update({ extended_total_days: a.totalDays }, a.reason, { totalDays: a.totalDays, approvedBy: ext.requiresApproval ? caller.username : null });
        return;
      }
      case 'decide': {
        if (!objectionCanMove(row.state as ObjectionState, 'decided')) throw illegal('objection', row.case_no, row.state, 'decided');
        const needsContent = a.outcome === 'corrected' || a.outcome === 'supplemented';
        if (needsContent && !a.correctedContent) {
          throw new AppError('VALIDATION', 'A corrected or supplemented outcome needs the record content as it must now read.', { field: 'correctedContent', reason: 'corrected_content_required' });
        }
        if (row.paused) throw new AppError('CONFLICT', 'Resume the clock before deciding.', { reason: 'RESUME_FIRST', caseNo: row.case_no });
        const effects = await applyDecision(platformOf(platform, 'An objection decision'), row, a.outcome, a.correctedContent ?? null, day, profile, await officeCalendar(ctx));
        const at = ctx.now().toISOString();
        await move('decided', { outcome: a.outcome, outcome_reason: a.reason, decided_at: at }, a.reason, { outcome: a.outcome, effects });
        await enqueueOutbox(tx, at, {
          kind: 'objection.decision',
          ref: row.case_no,
          payload: { caseNo: row.case_no, outcome: a.outcome, reason: a.reason, decidedOn: day, effects, records: await recordRefs(tx, row.id) },
        });
        return;
      }
      case 'notify':
        await move('notified', {}, a.reason);
        return;
      case 'close':
        await move('closed', { closed_at: ctx.now().toISOString() }, a.reason ?? null);
        return;
    }
    // A decision writes the records' new state; an acceptance marks them under objection, or leaves
    // the marks to a running import's office half.
  }, { platform: a.action === 'decide' ? true : a.action === 'accept' ? 'if_free' : false });
  return getObjection(ctx, a.id);
}

async function recordRefs(tx: Queryable, objectionId: number): Promise<{ centralId: string; documentNo: string }[]> {
  return tx.all(
    `SELECT r.central_id AS centralId, r.document_no AS documentNo FROM objection_record o JOIN record r ON r.id = o.record_id WHERE o.objection_id = ?`,
    [objectionId],
  );
}

/**
 * What each outcome does to the records (domain-rules.md "Objections"): corrected and supplemented
 * records show the new content; revoked ones stop printing; display stopped ends publication
 * yesterday; removed from list lifts the list entries resting on the record; upheld and
 * undeterminable leave the record as decided before. In every case the annotation ends.
 */
async function applyDecision(
  tx: PlatformTx,
  row: ObjectionRow,
  outcome: ObjectionOutcome,
  content: string | null,
  day: string,
  profile: RuleProfile,
  calendar: WorkingCalendar,
): Promise<Record<string, unknown>[]> {
  const effects: Record<string, unknown>[] = [];
  // The platform's deadlines travel with the decision, from the case's profile: withdrawing a
  // record whose decision was revoked (Shanghai art. 37, Shandong art. 40) and deleting a dishonest
  // judgment debtor listing (SPC rules 2017 art. 10). A year not yet loaded leaves the date pending.
  const dueDate = (r: DeadlineResult<string | null>) => (r.ok ? { on: r.value, pendingYear: null } : { on: null, pendingYear: r.date?.slice(0, 4) ?? null });
  for (const r of await objectionRecords(tx, row.id)) {
    const before = r.status_before as RecordStatus;
    const restore: RecordStatus = before === 'under_objection' ? 'active' : before;
    switch (outcome) {
      case 'corrected':
      case 'supplemented':
        await setRecordContent(tx, r.record_id, content!, 'corrected');
        effects.push({ recordId: r.record_id, status: 'corrected' });
        break;
      case 'revoked':
        await setRecordStatus(tx, r.record_id, 'revoked');
        effects.push({ recordId: r.record_id, status: 'revoked', withdrawBy: dueDate(revocationWithdrawalDeadline(day, profile, calendar)) });
        break;
      case 'display_stopped':
        await endPublication(tx, r.record_id, addCalendarDays(day, -1), restore);
        effects.push({ recordId: r.record_id, status: restore, publicityEnd: addCalendarDays(day, -1) });
        break;
      case 'removed_from_list': {
        await setRecordStatus(tx, r.record_id, restore);
        const debtorListed = (await activeListEntriesOf(tx, r.record_id, 'dishonest_debtor')).length;
        const lifted = await liftListEntriesOf(tx, r.record_id, 'removed', day);
        effects.push({
          recordId: r.record_id,
          status: restore,
          listEntriesRemoved: lifted,
          ...(debtorListed > 0 ? { deleteBy: dueDate(dishonestDebtorDeletionDeadline(day, profile, calendar)) } : {}),
        });
        break;
      }
      case 'upheld':
      case 'undeterminable':
        await setRecordStatus(tx, r.record_id, restore);
        effects.push({ recordId: r.record_id, status: restore });
        break;
    }
  }
  return effects;
}

export async function getObjection(ctx: CoreContext, id: number): Promise<ObjectionCase> {
  const row = await caseRow<ObjectionRow>(ctx.db, 'objection', id);
  if (!row) throw new AppError('NOT_FOUND', `There is no objection ${id}.`, { id });
  const profile = await profileOf(ctx, row.profile_id);
  const calendar = await officeCalendar(ctx);
  const day = today(ctx);
  const pairs = await objectionRecords(ctx.db, id);
  const now = new Map((await recordsByIds(ctx.db, pairs.map((p) => p.record_id))).map((r) => [r.id, r]));
  const overdue = isOverdue({ open: row.is_open === 1, paused: row.paused === 1, dueOn: row.due_on }, day);
  const parties = await casePartiesOf(ctx.db, { subjectId: row.subject_id, idNumber: row.id_number, visitId: row.visit_id, applicantKind: row.applicant_kind }, profile.masking);
  const events = await caseEvents(ctx.db, 'objection', id);
  return {
    kind: 'objection',
    id: row.id,
    caseNo: row.case_no,
    state: row.state as ObjectionState,
    subjectId: row.subject_id,
    idNumberMasked: parties.numberShown,
    applicantKind: row.applicant_kind,
    subjectKind: parties.subjectKind,
    subjectName: parties.subjectName,
    applicant: parties.applicant,
    scope: row.scope as ObjectionScope,
    description: row.description,
    profileId: row.profile_id,
    providerUnit: row.provider_unit,
    route: row.route,
    receivedOn: row.received_on,
    receivedAt: row.received_at,
    forwardedOn: row.forwarded_on,
    providerRepliedOn: row.provider_replied_on,
    deadlines: {
      dayKind: profile.objection.dayKind,
      annotateBy: row.annotate_by,
      forwardBy: row.forward_by,
      providerVerifyBy: row.provider_verify_by,
      decideBy: row.decide_by,
      latestExtendedBy: row.latest_extended_by,
      dueOn: row.due_on,
      calendarGap: row.calendar_gap,
      arrangedThrough: calendar.coverage.toYear,
      pending: row.calendar_gap ? ((await deadlineViewOf(ctx, row)).pending ?? []) : [],
    },
    extendedTotalDays: row.extended_total_days,
    pauses: pausesOf(row),
    paused: row.paused === 1,
    assigneeId: row.assignee_id,
    assignee: await accountName(ctx.db, row.assignee_id),
    escalatedAt: row.escalated_at,
    overdue,
    daysLate: overdue ? daysLate(row.due_on, day, profile.objection.dayKind, calendar) : 0,
    outcome: row.outcome as ObjectionOutcome | null,
    outcomeReason: row.outcome_reason,
    decidedAt: row.decided_at,
    closedAt: row.closed_at,
    records: pairs.map((p) => ({ recordId: p.record_id, atIntake: JSON.parse(p.snapshot) as CreditRecord, now: now.get(p.record_id) ?? null })),
    attachments: await attachmentsOfObjection(ctx.db, id),
    events,
    version: events.at(-1)?.id ?? 0,
    receipts: await receiptsOfCase(ctx.db, 'objection', id),
  };
}
