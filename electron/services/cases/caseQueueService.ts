import { isOverdue } from '../../../shared/cases/caseTiming';
import type { CaseKind, QueuePage, QueueRow, WorkloadRow } from '../../../shared/cases/caseTypes';
import { addWorkingDays } from '../../../shared/calendar/workingDays';
import { addCalendarDays } from '../../../shared/calendar/dates';
import { AppError } from '../../../shared/errors';
import { maskIdNumber, maskName } from '../../../shared/masking';
import { assignCases, escalateOverdue, queueCount, queuePage, workload, type QueueQuery, type QueueRestriction, type QueueSort, type SortDir } from '../../store/caseQueueStore';
import { appendCaseEvent } from '../../store/caseStore';
import { auditIn } from '../audit/auditService';
import { officeCalendar } from '../office/calendarService';
import { today } from './caseCommon';
import type { Caller, CoreContext } from '../context';
import { daysLate, daysLeft } from './objectionDeadlineService';
import { activeProfile, profileById } from '../office/profileService';

/** "Due soon": within this many working days, enough for a manager to still act. */
export const DUE_SOON_WORKING_DAYS = 2;
const COUNT_CAP = 1_000;

export interface QueueInput {
  kind: CaseKind;
  open?: boolean | null | undefined;
  states?: string[] | undefined;
  assigneeId?: number | null | undefined;
  provider?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Free search: a case number (or its prefix), an ID number or some of its digits, or a name. */
  search?: string | undefined;
  /** Only the caller's own cases. */
  mine?: boolean | undefined;
  dir?: SortDir | undefined;
  due?: 'overdue' | 'due_soon' | undefined;
  sort: QueueSort;
  cursor: string | null;
  limit: number;
}

async function dueSoonDate(ctx: CoreContext, day: string): Promise<string> {
  try {
    return addWorkingDays(await officeCalendar(ctx), day, DUE_SOON_WORKING_DAYS);
  } catch {
    return addCalendarDays(day, DUE_SOON_WORKING_DAYS + 2);
  }
}

/**
 * Escalation (domain-rules.md "Objections"): a case past its deadline — the provider's reply or the
 * decision — is marked overdue and escalated with the named provider and the days late. The
 * annotation stays and no outcome is invented; the regulations only impose liability.
 */
export async function sweepOverdue(ctx: CoreContext): Promise<{ escalated: number }> {
  const day = today(ctx);
  const at = ctx.now().toISOString();
  const calendar = await officeCalendar(ctx);
  let escalated = 0;
  await ctx.db.transaction(async (tx) => {
    for (const kind of ['objection', 'repair'] as const) {
      const rows = await escalateOverdue(tx, kind, day, at);
      for (const r of rows) {
        const profile = await profileById(ctx, r.profile_id);
        const late = daysLate(r.due_on, day, kind === 'objection' ? (profile?.objection.dayKind ?? 'working') : 'working', calendar);
        const detail = { providerUnit: r.provider_unit, route: r.route, dueOn: r.due_on, daysLate: late };
        await appendCaseEvent(tx, kind, r.id, { at, actorId: null, actor: null, action: 'escalated', fromState: r.state, toState: null, reason: 'deadline passed', detail });
        await auditIn(tx, ctx, null, { action: `${kind}.escalated`, target: r.case_no, detail });
      }
      escalated += rows.length;
    }
  });
  return { escalated };
}

const ID_LIKE = /^[0-9]{17}[0-9X]$|^[0-9A-HJ-NPQRTUWXY]{18}$/;
const ID_PART = /^[0-9]{1,17}X?$/;
const CASE_NO = /^[A-Z]{2}([0-9][0-9A-Z-]*)?$/;
/** Fewer digits would match most of the office's cases: the search names a person, not a crowd. */
export const ID_PARTIAL_MIN = 4;

/**
 * Runs the escalation sweep in the background, at start and every minute, so that looking at the
 * queue never writes (a read that writes would race with the manager's own actions). Also run
 * after every calendar change (calendarService), since a newly loaded year makes deadlines due.
 * Returns the stop function for the core's close().
 */
/** What a free search means: the whole ID number, some of its digits, a case number or a name. */
export function classifySearch(raw: string | undefined): Pick<QueueQuery, 'idNumber' | 'idPartial' | 'caseNo' | 'namePrefix'> {
  const none = { idNumber: null, idPartial: null, caseNo: null, namePrefix: null };
  const search = raw?.trim().toUpperCase().replace(/\s+/g, '') ?? '';
  if (!search) return none;
  if (ID_LIKE.test(search)) return { ...none, idNumber: search };
  if (ID_PART.test(search)) {
    if (search.length < ID_PARTIAL_MIN) {
      throw new AppError('FILTER_INVALID', `Type at least ${ID_PARTIAL_MIN} digits of the ID number.`, { field: 'search', reason: 'ID_PARTIAL_SHORT', min: ID_PARTIAL_MIN });
    }
    return { ...none, idPartial: search };
  }
  if (CASE_NO.test(search)) return { ...none, caseNo: search };
  if (/^[\p{Script=Han}·A-Z]+$/u.test(search)) return { ...none, namePrefix: raw!.trim() };
  throw new AppError('FILTER_INVALID', 'Search by a case number, an ID number (or at least four of its digits) or a name.', { field: 'search', reason: 'SEARCH_UNKNOWN' });
}

/**
 * Clauses that narrow what a caller sees in the queue. One place, so that a rule such as "clerks
 * see only their own visits' cases" is added here once and applies to every page and count.
 */
export function queueRestrictions(_caller: Caller | null): QueueRestriction[] {
  return [];
}

export async function listQueue(ctx: CoreContext, input: QueueInput, caller: Caller | null = null): Promise<QueuePage> {
  const day = today(ctx);
  const found = classifySearch(input.search);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const q: QueueQuery = {
    kind: input.kind,
    open: input.open === undefined ? true : input.open,
    states: input.states ?? null,
    assigneeId: input.mine && caller ? caller.accountId : (input.assigneeId ?? null),
    provider: input.provider ?? null,
    receivedFrom: input.receivedFrom ?? null,
    receivedTo: input.receivedTo ?? null,
    ...found,
    restrictions: queueRestrictions(caller),
    due: input.due === 'overdue' ? { kind: 'overdue', today: day } : input.due === 'due_soon' ? { kind: 'due_soon', today: day, until: await dueSoonDate(ctx, day) } : null,
    sort: input.sort,
    dir: input.dir ?? null,
    after,
    limit: input.limit,
  };
  if (q.idNumber || q.caseNo || q.idPartial || q.namePrefix) {
    // A search finds the case whatever its state.
    q.open = null;
  }
  const [rows, total] = await Promise.all([queuePage(ctx.db, q), queueCount(ctx.db, q, COUNT_CAP)]);
  const calendar = await officeCalendar(ctx);
  const { masking } = await activeProfile(ctx);
  const dayKinds = new Map<string, 'working' | 'calendar'>();
  for (const id of new Set(rows.map((r) => r.profile_id))) {
    dayKinds.set(id, input.kind === 'objection' ? ((await profileById(ctx, id))?.objection.dayKind ?? 'working') : 'working');
  }
  const out: QueueRow[] = rows.map((r) => {
    const kind = dayKinds.get(r.profile_id) ?? 'working';
    const overdue = isOverdue({ open: r.is_open === 1, paused: r.paused === 1, dueOn: r.due_on }, day);
    return {
      kind: input.kind,
      id: r.id,
      caseNo: r.case_no,
      state: r.state,
      // An entity's code and name are public (enterprise information publicity); a person's are masked.
      idNumberMasked: r.subject_kind === 'entity' ? r.id_number : maskIdNumber(r.id_number, masking),
      nameMasked: r.subject_name ? (r.subject_kind === 'entity' ? r.subject_name : maskName(r.subject_name, masking)) : '',
      subjectKind: r.subject_kind ?? 'person',
      providerUnit: r.provider_unit,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      dueProvisional: r.due_on !== null && calendar.isProvisional(r.due_on),
      calendarGap: r.calendar_gap,
      assigneeId: r.assignee_id,
      assignee: r.assignee,
      paused: r.paused === 1,
      overdue,
      daysLate: overdue ? daysLate(r.due_on, day, kind, calendar) : 0,
      escalated: r.escalated_at !== null,
      daysLeft: r.is_open === 1 ? daysLeft(r.due_on, day, kind, calendar) : null,
    };
  });
  const last = rows.at(-1);
  return {
    rows: out,
    nextCursor: last && rows.length === input.limit ? encodeCursor([last.sort_key, last.id]) : null,
    total,
    totalCapped: total >= COUNT_CAP,
  };
}

function encodeCursor(k: [string, number]): string {
  return Buffer.from(JSON.stringify(k)).toString('base64url');
}

function decodeCursor(c: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1] as number];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'The page cursor is not valid; reload the queue.', { field: 'cursor', reason: 'cursor_invalid' });
}

export async function assign(ctx: CoreContext, caller: Caller, input: { kind: CaseKind; ids: number[]; assigneeId: number | null }): Promise<{ assigned: number }> {
  if (input.assigneeId !== null) {
    const a = await ctx.db.get<{ role: string; disabled: number }>('SELECT role, disabled FROM account WHERE id = ?', [input.assigneeId]);
    if (!a || a.disabled === 1 || !['manager', 'clerk'].includes(a.role)) {
      throw new AppError('VALIDATION', 'Cases can only be assigned to an active clerk or manager.', { field: 'assigneeId', reason: 'assignee_inactive', assigneeId: input.assigneeId });
    }
  }
  const at = ctx.now().toISOString();
  const ids = [...new Set(input.ids)];
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await assignCases(tx, input.kind, ids, input.assigneeId);
    if (before.length !== ids.length) throw new AppError('NOT_FOUND', 'Some of the chosen cases do not exist.', { ids });
    for (const b of before) {
      await appendCaseEvent(tx, input.kind, b.id, {
        at,
        actorId: caller.accountId,
        actor: caller.username,
        action: 'assigned',
        fromState: null,
        toState: null,
        reason: null,
        detail: { from: b.from, to: input.assigneeId },
      });
    }
    await auditIn(tx, ctx, caller, { action: `${input.kind}.assigned`, target: String(input.assigneeId), detail: { caseNos: before.map((b) => b.case_no) } });
    return before.length;
  });
  return { assigned: changed };
}

export async function workloadOf(ctx: CoreContext, kind: CaseKind): Promise<WorkloadRow[]> {
  const day = today(ctx);
  const rows = await workload(ctx.db, kind, day, await dueSoonDate(ctx, day));
  return rows.map((r) => ({ assigneeId: r.assignee_id, assignee: r.assignee, open: r.open, overdue: r.overdue, dueSoon: r.due_soon }));
}

export function caseStaff(ctx: CoreContext): Promise<{ id: number; name: string; role: string }[]> {
  return ctx.db.all("SELECT id, display_name AS name, role FROM account WHERE role IN ('manager','clerk') AND disabled = 0 ORDER BY display_name");
}
