import type { LookupResult, Purpose, VisitResume } from '../../../shared/contract/index';
import { validatePersonIdNumber } from '../../../shared/validators/personIdNumber';
import type { Applicant, IdentityInput } from '../../../shared/contract/counter';
import { AppError } from '../../../shared/errors';
import { chinaDate } from '../../../shared/calendar/dates';
import type { Queryable } from '../../db/database';
import { findAuthorization, insertAuthorization, type AuthorizationRow } from '../../store/authorizationStore';
import { findReportByVisit } from '../../store/reportStore';
import { checkAuthorization, type AgentLetter } from './authorizationService';
import { insertQueryLog, insertVisit, findVisit, latestVisitOf, type HallNumbers, type IdentityRecord, type VisitRow } from '../../store/queryLogStore';
import { findVisitEnd } from '../../store/hallStore';
import { idCardRules } from '../../../shared/rules/idCardRules';
import { cardReceipts } from './readerService';
import { findSubjectByIdNumber, findSubjectById } from '../../store/subjectStore';
import { auditIn, auditRowIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { activeProfile } from '../office/profileService';
import { buildSubjectView, listPage, sectionPage } from './subjectViewService';
import type { ListCursor, ListPage, RecordCursor, RecordPage } from '../../../shared/domain/subjectView';
import type { Subject } from '../../../shared/domain/subject';
import type { ReportSection } from '../../../shared/domain/record';
import { SCOPE_SECTIONS, listTypesIn, type ScopeSection } from '../../../shared/domain/report';
import { LIST_TYPES } from '../../../shared/domain/list';
import { registrationOf } from '../../store/entityStore';

export interface LookupInput {
  idNumber: string;
  name: string;
  applicant: Applicant;
  purposeCode: string;
  purposeText?: string | undefined;
  /** Absent: typed without a reason, as before issue 25. */
  identity?: IdentityInput | undefined;
  /** The hall's queue ticket and case number (issue 23); '' or absent: none given. */
  queueTicket?: string | undefined;
  hallCaseNo?: string | undefined;
}

/** The hall's numbers as stored: trimmed by the contract, '' and absent both "not given". */
export function hallNumbersOf(input: { queueTicket?: string | undefined; hallCaseNo?: string | undefined }): HallNumbers {
  return { queueTicket: input.queueTicket || null, hallCaseNo: input.hallCaseNo || null };
}

/** The catalogue's purpose of this code for this kind of subject (a person's purposes do not serve an entity, issue 24). */
export function resolvePurpose(ctx: CoreContext, code: string, text: string | undefined, kind: 'person' | 'entity' = 'person'): Purpose {
  const purpose = ctx.catalogs.purposes.find((p) => p.code === code && (p.subjectKind ?? 'person') === kind);
  if (!purpose) throw new AppError('PURPOSE_REQUIRED', 'Choose a purpose from the catalogue: no purpose, no query.', { purposeCode: code });
  if (purpose.requiresText && !text) throw new AppError('PURPOSE_REQUIRED', 'Describe the purpose in a few words.', { purposeCode: code });
  return purpose;
}

/**
 * A second identical lookup by the same clerk within this window is the same visit (a double Enter,
 * a second click, a retried request), not a second query of the citizen's record: it must not add a
 * line to their 近两年查询记录. Longer than any double submit, shorter than serving the next person.
 * A visit that already issued its report is not reused (see repeatedVisit).
 */
export const REPEAT_WINDOW_MS = 2 * 60_000;

/** The clerk's visit within the window that asked exactly this (same person, purpose, applicant and letter), if any. */
async function repeatedVisit(tx: Queryable, ctx: CoreContext, caller: Caller, input: LookupInput): Promise<VisitRow | null> {
  const now = ctx.now();
  // Bounded on both sides: a clock set back must not find a "recent" visit that lies in its future.
  const v = await latestVisitOf(tx, caller.accountId, input.idNumber, new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString(), now.toISOString());
  if (!v || v.purpose_code !== input.purposeCode || (v.purpose_text ?? null) !== (input.purposeText ?? null)) return null;
  if (v.applicant_kind !== input.applicant.kind || !sameName(v.name, input.name)) return null;
  if (!sameHallNumbers(v, hallNumbersOf(input)) || (await findVisitEnd(tx, v.id))) return null;
  // A report completes what the visit was for; asking again after it is a new request with its own quota.
  if (await findReportByVisit(tx, v.id)) return null;
  if (input.applicant.kind === 'agent' && !sameLetter(await findAuthorization(tx, v.id), input.applicant)) return null;
  return v;
}

/**
 * Another queue ticket or hall case number is another service of the hall, not a repeated press;
 * an ended visit (结束接待) is over, however soon the same request comes again.
 */
export function sameHallNumbers(v: Pick<VisitRow, 'queue_ticket' | 'hall_case_no'>, h: HallNumbers): boolean {
  return v.queue_ticket === h.queueTicket && v.hall_case_no === h.hallCaseNo;
}

/** The letter recorded for a visit is the one presented now (a person's or an entity's): a repeat, not a new request. */
export function sameLetter(a: AuthorizationRow | undefined, b: AgentLetter): boolean {
  return (
    a !== undefined &&
    a.agentIdNumber === b.agentIdNumber &&
    a.documentNo === b.documentNo &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo &&
    a.notarised === b.notarised &&
    a.attachmentSha256 === b.attachmentSha256 &&
    [...a.scope].sort().join() === [...b.scope].sort().join()
  );
}

/** Names are compared as printed on the ID card: whitespace and the middle dot of minority names ignored. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s·•．.]/g, '');
  return norm(a) === norm(b);
}

function identityRefused(field: string, reason: string, message: string): AppError {
  return new AppError('VALIDATION', message, { field, reason });
}

/**
 * How the identity of the person at the counter (the subject in person, or the agent) was taken
 * (issue 25). "card" is believed only for a read this core made for this clerk, of this person's
 * number and name, a few minutes ago: the page cannot make one up, nor lend one card to another
 * person. A refused claim is audited as what it may be, an attempt to fake the proof of presence.
 */
export async function identityOf(
  ctx: CoreContext, caller: Caller, person: { idNumber: string; name: string }, claimed: IdentityInput | undefined,
): Promise<IdentityRecord> {
  const identity = claimed ?? { source: 'typed', reason: null };
  const note = identity.note?.trim() || null;
  if (identity.source === 'card') {
    const receipt = cardReceipts(ctx).find(identity.readId, caller.accountId, ctx.now().getTime());
    if (!receipt || receipt.number !== person.idNumber || !sameName(receipt.name, person.name)) {
      await ctx.db.transaction((tx) =>
        auditIn(tx, ctx, caller, { action: 'counter.identity_refused', target: person.idNumber, detail: { reason: receipt ? 'card_of_another_person' : 'card_read_unknown' } }),
      );
      throw identityRefused('identity', 'card_read_unknown', 'This card read was not made by this console for this clerk and this person, or is too old: read the card again');
    }
    if (receipt.expired && note === null) throw identityRefused('identity.note', 'expired_card_note', 'The card has expired: write why it is accepted');
    return { source: 'card', readerSamId: receipt.securityModuleId, reason: null, note };
  }
  if (identity.reason === null && idCardRules(await activeProfile(ctx)).typedEntry.reasonRequired) {
    throw identityRefused('identity.reason', 'typed_reason_required', "The office's rules ask why the identity is typed instead of read from the card");
  }
  if (identity.reason === 'other' && note === null) throw identityRefused('identity.note', 'typed_note_required', 'Say in a few words why the card was not read');
  return { source: 'typed', readerSamId: null, reason: identity.reason, note };
}

/**
 * Opens a visit and looks the subject up. Every lookup is registered (Order 631 art. 22), found or
 * not, in the same transaction as its audit event, before any data leaves the core.
 */
export async function lookup(ctx: CoreContext, caller: Caller, input: LookupInput): Promise<LookupResult> {
  resolvePurpose(ctx, input.purposeCode, input.purposeText);
  const ids: [string, string][] = [['idNumber', input.idNumber]];
  if (input.applicant.kind === 'agent') ids.push(['applicant.agentIdNumber', input.applicant.agentIdNumber]);
  await checkPersonNumbers(ctx, ids);
  if (input.applicant.kind === 'agent') await checkAuthorization(ctx, caller, input.idNumber, input.applicant);
  const person = input.applicant.kind === 'agent' ? { idNumber: input.applicant.agentIdNumber, name: input.applicant.agentName } : { idNumber: input.idNumber, name: input.name };
  const identity = await identityOf(ctx, caller, person, input.identity);
  return lookupChecked(ctx, caller, input, identity);
}

/**
 * The persons' numbers of a lookup (`path` names the field), checked as the office's clock and
 * profile see them: the contract checked the form; "born in the future" needs the office clock,
 * not the machine's, and a foreigner's number the profile's choices (its check character, whether
 * it is accepted). An entity's legal representative and agent are checked here exactly the same.
 */
export async function checkPersonNumbers(ctx: CoreContext, ids: readonly [string, string][]): Promise<void> {
  const rules = idCardRules(await activeProfile(ctx));
  const options = { foreignCheckDigit: rules.foreignPermanent.checkDigit, foreignSexFromOrderCode: rules.foreignPermanent.sexFromOrderCode };
  for (const [path, id] of ids) {
    const checked = validatePersonIdNumber(id, ctx.now(), options);
    const refusal = !checked.ok
      ? { reason: checked.code, message: checked.message }
      : checked.value.kind === 'foreign_permanent' && !rules.acceptedTypes.includes('foreign_permanent')
        ? { reason: 'FOREIGN_ID_NOT_ACCEPTED', message: "The office's rules do not accept the foreigner's permanent residence card" }
        : null;
    if (refusal) throw new AppError('VALIDATION', `Invalid input — ${path}: ${refusal.message}.`, { issues: [{ path, ...refusal }] });
  }
}

async function lookupChecked(ctx: CoreContext, caller: Caller, input: LookupInput, identity: IdentityRecord): Promise<LookupResult> {
  const subject = await findSubjectByIdNumber(ctx.db, input.idNumber);
  if (subject && !sameName(subject.name, input.name)) {
    await ctx.db.transaction((tx) =>
      auditIn(tx, ctx, caller, { action: 'counter.name_mismatch', target: input.idNumber, detail: { typedName: input.name } }),
    );
    throw new AppError('NAME_MISMATCH', 'The name does not match the name on record for this ID number. Check the ID card.');
  }
  const at = ctx.now().toISOString();
  const hall = hallNumbersOf(input);
  // The repeat check runs inside the write transaction, so two identical requests racing each
  // other still open one visit.
  const { visitId, reused } = await ctx.db.transaction(async (tx) => {
    const again = await repeatedVisit(tx, ctx, caller, input);
    if (again) return { visitId: again.id, reused: true };
    const id = await insertVisit(tx, {
      startedAt: at,
      clerkId: caller.accountId,
      idNumber: input.idNumber,
      name: input.name,
      subjectId: subject?.id ?? null,
      applicantKind: input.applicant.kind,
      purposeCode: input.purposeCode,
      purposeText: input.purposeText ?? null,
      identity,
      window: caller.window ?? null,
      hall,
    });
    await auditRowIn(tx, ctx, caller, 'visit', id);
    if (input.applicant.kind === 'agent') {
      const a = input.applicant;
      await insertAuthorization(tx, {
        visitId: id,
        agentIdNumber: a.agentIdNumber,
        agentName: a.agentName,
        documentNo: a.documentNo,
        scope: a.scope,
        validFrom: a.validFrom,
        validTo: a.validTo,
        notarised: a.notarised,
        attachmentSha256: a.attachmentSha256,
        attachmentName: null,
      });
    }
    const queryLogId = await insertQueryLog(tx, {
      at,
      visitId: id,
      clerkId: caller.accountId,
      subjectId: subject?.id ?? null,
      idNumber: input.idNumber,
      officeCode: ctx.office.code,
      purposeCode: input.purposeCode,
      outcome: subject ? 'found' : 'no_record',
      identity,
      window: caller.window ?? null,
    });
    await auditRowIn(tx, ctx, caller, 'query_log', queryLogId);
    await auditIn(tx, ctx, caller, {
      action: 'counter.lookup',
      target: input.idNumber,
      detail: {
        visitId: id,
        purpose: input.purposeCode,
        applicant: input.applicant.kind,
        found: Boolean(subject),
        identitySource: identity.source,
        ...(identity.readerSamId ? { securityModuleId: identity.readerSamId } : {}),
        ...(identity.reason ? { identityReason: identity.reason } : {}),
        ...(identity.note ? { identityNote: identity.note } : {}),
        ...(hall.queueTicket ? { queueTicket: hall.queueTicket } : {}),
        ...(hall.hallCaseNo ? { hallCaseNo: hall.hallCaseNo } : {}),
        ...(input.applicant.kind === 'agent'
          ? { authorizationNo: input.applicant.documentNo, agentIdNumber: input.applicant.agentIdNumber, scope: input.applicant.scope }
          : {}),
      },
    });
    return { visitId: id, reused: false };
  });
  // An agent's visit shows the clerk only what the letter authorizes, as the report will.
  const scope = input.applicant.kind === 'agent' ? input.applicant.scope : SCOPE_SECTIONS;
  const view = subject ? await buildSubjectView(ctx.db, subject, ctx.now(), await activeProfile(ctx), scope) : null;
  return { visitId, reused, found: Boolean(subject), view, platformUpdating: ctx.db.importing };
}

/**
 * The visit in progress, read back for the clerk who opened it after a lock or a reload. It was
 * registered when it was opened; re-reading it is not a new query, so nothing is written.
 */
/** The caller's own visit of today, and the sections it may show (an agent's authorization, or all). */
async function ownVisitToday(ctx: CoreContext, caller: Caller, visitId: number): Promise<{ visit: VisitRow; scope: readonly ScopeSection[] }> {
  const visit = await findVisit(ctx.db, visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'There is no such visit.', { visitId });
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can return to it.');
  if (chinaDate(new Date(visit.started_at)) !== chinaDate(ctx.now())) {
    throw new AppError('VISIT_CLOSED', 'This visit was opened on an earlier day; start a new visit.', { startedAt: visit.started_at });
  }
  // An agent visit without its recorded letter shows nothing rather than everything. An entity's
  // letter names the reports it covers, each of them the whole file (issue 24).
  const scope = visit.applicant_kind === 'agent' && visit.subject_kind !== 'entity' ? ((await findAuthorization(ctx.db, visit.id))?.scope ?? []) : SCOPE_SECTIONS;
  return { visit, scope };
}

export async function resumeVisit(ctx: CoreContext, caller: Caller, visitId: number): Promise<VisitResume> {
  const { visit, scope } = await ownVisitToday(ctx, caller, visitId);
  const subject = visit.subject_id === null ? null : await findSubjectById(ctx.db, visit.subject_id);
  const view = subject ? await buildSubjectView(ctx.db, subject, ctx.now(), await activeProfile(ctx), scope) : null;
  return {
    visitId: visit.id,
    reused: true,
    platformUpdating: ctx.db.importing,
    found: Boolean(subject),
    view,
    request: { idNumber: visit.id_number, name: visit.name, purposeCode: visit.purpose_code, purposeText: visit.purpose_text, applicantKind: visit.applicant_kind, queueTicket: visit.queue_ticket, hallCaseNo: visit.hall_case_no },
  };
}

/**
 * The next page of one section of the visit's subject (the view carries the first). Part of the
 * visit already registered, like reading the visit back: no new query-log row. A section outside
 * an agent's authorization does not exist for the visit.
 */
export async function recordsPage(ctx: CoreContext, caller: Caller, input: { visitId: number; section: ReportSection; after: RecordCursor | null }): Promise<RecordPage> {
  const { visit, scope } = await ownVisitToday(ctx, caller, input.visitId);
  if (visit.subject_id === null || !scope.includes(input.section)) throw new AppError('NOT_FOUND', 'This visit shows no such section.', { section: input.section });
  return sectionPage(ctx.db, visit.subject_id, input.section, input.after, chinaDate(ctx.now()), await activeProfile(ctx));
}

/** The next page of the list entries of the visit's subject, within an agent's authorization. */
export async function listsPage(ctx: CoreContext, caller: Caller, input: { visitId: number; after: ListCursor | null }): Promise<ListPage> {
  const { visit, scope } = await ownVisitToday(ctx, caller, input.visitId);
  if (visit.subject_id === null) throw new AppError('NOT_FOUND', 'This visit has no subject.');
  return listPage(ctx.db, visit.subject_id, visit.subject_kind === 'entity' ? LIST_TYPES : listTypesIn(scope), input.after);
}

/** Shows one unmasked identity field of the visit's subject; allowed by role and always logged. */
export async function reveal(ctx: CoreContext, caller: Caller, input: { visitId: number; field: RevealField }): Promise<{ value: string }> {
  const visit = await findVisit(ctx.db, input.visitId);
  if (!visit || visit.subject_id === null) throw new AppError('NOT_FOUND', 'This visit has no subject to reveal.');
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can reveal its identity fields.');
  const subject = (await findSubjectById(ctx.db, visit.subject_id))!;
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'subject.reveal', target: subject.idNumber, detail: { visitId: visit.id, field: input.field } }),
  );
  return { value: await revealed(ctx, subject, input.field) };
}

type RevealField = 'idNumber' | 'name' | 'legalRepName' | 'legalRepIdNumber';

/** An entity's legal representative is a person, masked on the view like one (issue 24); a person has none. */
async function revealed(ctx: CoreContext, subject: Subject, field: RevealField): Promise<string> {
  if (field === 'idNumber') return subject.idNumber;
  if (field === 'name') return subject.name;
  const value = field === 'legalRepName' ? subject.legalRepresentative : ((await registrationOf(ctx.db, subject.id))?.legalRepIdNumber ?? null);
  if (value === null) throw new AppError('NOT_FOUND', 'This subject has no legal representative on record.', { field });
  return value;
}
