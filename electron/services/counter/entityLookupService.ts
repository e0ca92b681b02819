import type { LookupResult } from '../../../shared/contract/index';
import type { IdentityInput } from '../../../shared/contract/counter';
import type { EntityLookupInput } from '../../../shared/contract/entityLookup';
import type { EntityRegistration, Subject } from '../../../shared/domain/subject';
import { AppError } from '../../../shared/errors';
import type { Queryable } from '../../db/database';
import { findAuthorization, insertAuthorization } from '../../store/authorizationStore';
import { entitiesByRegistrationNo, findEntityByCode, findLegalRepVisit, insertLegalRepVisit, registrationOf } from '../../store/entityStore';
import { insertQueryLog, insertVisit, latestVisitOf, type EntityVisitFacts, type IdentityRecord } from '../../store/queryLogStore';
import { findReportByVisit } from '../../store/reportStore';
import { auditIn, auditRowIn } from '../audit/auditService';
import { checkAuthorization } from './authorizationService';
import type { Caller, CoreContext } from '../context';
import { REPEAT_WINDOW_MS, checkPersonNumbers, hallNumbersOf, identityOf, resolvePurpose, sameHallNumbers, sameLetter, sameName } from './counterService';
import { findVisitEnd } from '../../store/hallStore';
import { buildSubjectView } from './subjectViewService';
import { activeProfile } from '../office/profileService';

// counter.lookup for a legal entity (issue 24; domain-rules.md, "Legal entities"). The entity is
// found by its unified social credit code (checked in full by the contract), or, registered
// before the code, by its old registration number and name once the clerk confirms having
// checked them on the old licence. Who asks is its legal representative in person (their ID
// checked against the registration, the licence sighted) or an agent with the entity's stamped
// letter, checked by the one rule personal letters follow. Every lookup is registered, found or
// not, with the subject kind, how it was found and the clerk's confirmation, in the visit, its
// query-log row and the audit event.

export type EntityLookup = EntityLookupInput & { identity?: IdentityInput | undefined };

export async function lookupEntity(ctx: CoreContext, caller: Caller, input: EntityLookup): Promise<LookupResult> {
  resolvePurpose(ctx, input.purposeCode, input.purposeText, 'entity');
  const number = input.subjectKind === 'entity' ? input.creditCode : input.registrationNo;
  if (input.subjectKind === 'entity_legacy' && !input.clerkConfirmed) {
    throw new AppError('LEGACY_CONFIRMATION_REQUIRED', 'Check the name and registration number on the old licence, then confirm.');
  }
  const a = input.applicant;
  await checkPersonNumbers(ctx, [a.kind === 'agent' ? ['applicant.agentIdNumber', a.agentIdNumber] : ['applicant.idNumber', a.idNumber]]);
  if (a.kind === 'legal_rep' && !a.licenceSighted) {
    throw new AppError('LICENCE_NOT_SIGHTED', 'A legal representative in person shows the business licence: check it and tick the box.');
  }
  // An entity's letter is stamped, not notarised: the profile's notarisation rule is for a person's power of attorney.
  if (a.kind === 'agent') await checkAuthorization(ctx, caller, number, a, { requested: input.reportKind, notarisation: false });
  const found = await findEntity(ctx, caller, input, number);
  const subject = found?.subject;
  if (found && a.kind === 'legal_rep') await checkLegalRep(ctx, caller, found, a);
  const person = a.kind === 'agent' ? { idNumber: a.agentIdNumber, name: a.agentName } : { idNumber: a.idNumber, name: a.name };
  const identity = await identityOf(ctx, caller, person, input.identity);
  const facts: EntityVisitFacts = {
    foundBy: input.subjectKind === 'entity' ? 'credit_code' : 'registration_no',
    clerkConfirmed: input.subjectKind === 'entity_legacy' ? true : null,
    reportKind: input.reportKind,
  };
  // The repeat check runs inside the write transaction, so two identical requests racing each other still open one visit.
  const { visitId, reused } = await ctx.db.transaction(async (tx) => {
    const again = await repeatedVisit(tx, ctx, caller, { input, number, facts });
    return again !== null ? { visitId: again, reused: true } : { visitId: await registerVisit(tx, ctx, caller, { input, number, subject, identity, facts }), reused: false };
  });
  // The whole registration is public information of the entity; the view masks its legal representative.
  const view = subject ? await buildSubjectView(ctx.db, subject, ctx.now(), await activeProfile(ctx)) : null;
  return { visitId, reused, found: Boolean(subject), view, platformUpdating: ctx.db.importing };
}

/**
 * The clerk's visit within the repeat window that asked exactly this (same entity and name, how it
 * was found, purpose, report, and the same legal representative or letter), not yet reported on:
 * a double Enter is one visit and one line in the entity's query history, as for a person.
 */
async function repeatedVisit(tx: Queryable, ctx: CoreContext, caller: Caller, v: Pick<VisitFacts, 'input' | 'number' | 'facts'>): Promise<number | null> {
  const now = ctx.now();
  const prev = await latestVisitOf(tx, caller.accountId, v.number, new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString(), now.toISOString());
  const { input, facts } = v;
  if (!prev || prev.subject_kind !== 'entity' || prev.found_by !== facts.foundBy || prev.report_kind !== facts.reportKind) return null;
  if (prev.purpose_code !== input.purposeCode || (prev.purpose_text ?? null) !== (input.purposeText ?? null) || !sameName(prev.name, input.name)) return null;
  if (!sameHallNumbers(prev, hallNumbersOf(input)) || (await findVisitEnd(tx, prev.id))) return null;
  if (await findReportByVisit(tx, prev.id)) return null;
  const a = input.applicant;
  if (a.kind === 'agent') return prev.applicant_kind === 'agent' && sameLetter(await findAuthorization(tx, prev.id), a) ? prev.id : null;
  return prev.applicant_kind === 'self' && (await findLegalRepVisit(tx, prev.id))?.idNumber === a.idNumber ? prev.id : null;
}

interface FoundEntity {
  subject: Subject;
  registration: EntityRegistration | undefined;
}

/**
 * The entity under this number with its registration, if the cache holds one (by code in one
 * statement, the counter's hot path); a different name on record is refused (and audited) like a person's.
 */
async function findEntity(ctx: CoreContext, caller: Caller, input: EntityLookup, number: string): Promise<FoundEntity | undefined> {
  const byCode = input.subjectKind === 'entity' ? await findEntityByCode(ctx.db, number) : undefined;
  const candidates = input.subjectKind === 'entity' ? (byCode ? [byCode.subject] : []) : await entitiesByRegistrationNo(ctx.db, number);
  if (candidates.length === 0) return undefined;
  const named = candidates.find((s) => sameName(s.name, input.name));
  if (named) return { subject: named, registration: byCode ? byCode.registration : await registrationOf(ctx.db, named.id) };
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'counter.name_mismatch', target: number, detail: { typedName: input.name, subjectKind: 'entity' } }));
  throw new AppError('ENTITY_NAME_MISMATCH', 'The name does not match the name registered under this number. Check the business licence.');
}

/**
 * The legal representative in person must be the one registered: the name always, and the ID
 * number where the platform holds it. Someone else comes as an agent, with the entity's letter.
 */
async function checkLegalRep(ctx: CoreContext, caller: Caller, { subject, registration: registered }: FoundEntity, rep: { idNumber: string; name: string }): Promise<void> {
  const reason = subject.legalRepresentative === null
    ? 'not_on_record'
    : !sameName(subject.legalRepresentative, rep.name)
      ? 'name'
      : registered?.legalRepIdNumber && registered.legalRepIdNumber !== rep.idNumber
        ? 'id_number'
        : null;
  if (reason === null) return;
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'counter.legal_rep_refused', target: subject.idNumber, detail: { reason, idNumber: rep.idNumber } }),
  );
  throw new AppError('LEGAL_REP_MISMATCH', "The person at the counter is not the entity's registered legal representative: anyone else needs the entity's letter of authorization.", { reason });
}

interface VisitFacts {
  input: EntityLookup;
  number: string;
  subject: Subject | undefined;
  identity: IdentityRecord;
  facts: EntityVisitFacts;
}

/** The visit, who asked, its query-log row and the audit event, in one transaction (Order 631 art. 22). */
async function registerVisit(tx: Queryable, ctx: CoreContext, caller: Caller, v: VisitFacts): Promise<number> {
  const at = ctx.now().toISOString();
  const { input, subject, identity, facts } = v;
  const hall = hallNumbersOf(input);
  const a = input.applicant;
  // The legal representative is the entity in person: the visit's applicant is "self", the person is in visit_legal_rep.
  const id = await insertVisit(tx, {
    startedAt: at, clerkId: caller.accountId, idNumber: v.number, name: input.name, subjectId: subject?.id ?? null,
    applicantKind: a.kind === 'agent' ? 'agent' : 'self', purposeCode: input.purposeCode, purposeText: input.purposeText ?? null, identity, entity: facts,
    window: caller.window ?? null, hall,
  });
  await auditRowIn(tx, ctx, caller, 'visit', id);
  if (a.kind === 'agent') {
    await insertAuthorization(tx, {
      visitId: id, agentIdNumber: a.agentIdNumber, agentName: a.agentName, documentNo: a.documentNo, scope: a.scope,
      validFrom: a.validFrom, validTo: a.validTo, notarised: a.notarised, attachmentSha256: a.attachmentSha256, attachmentName: null,
    });
  } else {
    await insertLegalRepVisit(tx, { visitId: id, idNumber: a.idNumber, name: a.name });
  }
  const queryLogId = await insertQueryLog(tx, {
    at, visitId: id, clerkId: caller.accountId, subjectId: subject?.id ?? null, idNumber: v.number, officeCode: ctx.office.code,
    purposeCode: input.purposeCode, outcome: subject ? 'found' : 'no_record', identity, entity: facts, window: caller.window ?? null,
  });
  await auditRowIn(tx, ctx, caller, 'query_log', queryLogId);
  await auditIn(tx, ctx, caller, {
    action: 'counter.lookup',
    target: v.number,
    detail: {
      visitId: id,
      subjectKind: 'entity',
      foundBy: facts.foundBy,
      ...(facts.clerkConfirmed ? { clerkConfirmed: true } : {}),
      reportKind: facts.reportKind,
      purpose: input.purposeCode,
      applicant: a.kind,
      found: Boolean(subject),
      identitySource: identity.source,
      ...(hall.queueTicket ? { queueTicket: hall.queueTicket } : {}),
      ...(hall.hallCaseNo ? { hallCaseNo: hall.hallCaseNo } : {}),
      ...(a.kind === 'agent'
        ? { authorizationNo: a.documentNo, agentIdNumber: a.agentIdNumber, scope: a.scope }
        : { legalRepIdNumber: a.idNumber, licenceSighted: true }),
    },
  });
  return id;
}
