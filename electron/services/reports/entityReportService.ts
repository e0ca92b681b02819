import { entityCounts, freshnessOf, isEntityContent, type EntityContent, type Freshness, type SpecialReportOptions } from '../../../shared/domain/entityReport';
import type { IssuedReport, ReportSeal } from '../../../shared/domain/report';
import { AppError } from '../../../shared/errors';
import { maskCreditCode } from '../../../shared/masking';
import { chinaDate } from '../../../shared/calendar/dates';
import { entityReportRules } from '../../../shared/rules/entityReportRules';
import type { EntityReportRules } from '../../../shared/rules/entityReportRulesSchema';
import { checkSpecialRequest, defaultSpecialPeriod, type CheckedSpecialRequest, type SpecialRequest } from '../../../shared/rules/specialReportRequest';
import type { Subject } from '../../../shared/domain/subject';
import { assembleEntityReport } from '../../report/assembleEntityReport';
import { assembleSpecialReport } from '../../report/assembleSpecialReport';
import { loadFallbackFonts } from '../../report/pdf/fonts';
import { assertPrintable, notoCovers, stringsOf } from '../../report/pdf/glyphCoverage';
import { digestOf, signSeal, verifyCodeOf } from '../../report/seal';
import { lastAppliedUpdateAt } from '../../store/dataDateStore';
import type { VisitRow } from '../../store/queryLogStore';
import { countPrints, countReportsWithPrefix, findReportByVisit, insertReport, type ReportRow } from '../../store/reportStore';
import { findSubjectById } from '../../store/subjectStore';
import { registrationOf } from '../../store/entityStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { officeOfVisit } from './officeOfVisit';
import { officeSigningKey } from '../office/officeKeyService';
import { activeProfile } from '../office/profileService';
import { applicantOf, issuedOf, openVisit } from './reportService';

// The entity reports of issue 24, issued like the personal report (reportService.ts): once per visit,
// numbered, assembled as of the moment of issue, hashed and signed with the office key, kept so that
// every later copy is the same report. Preview, print and verify are the personal report's methods.

type Request = { kind: 'entity' } | { kind: 'special'; checked: CheckedSpecialRequest };


/**
 * The visit's entity, for the report the visit asked for: the counter's lookup records which of the
 * entity's reports was requested (and an agent's letter must cover it), so another is not issued on it.
 */
async function entityOf(ctx: CoreContext, visit: VisitRow, kind: Request['kind'] | null): Promise<Subject> {
  const subject = visit.subject_id === null ? undefined : await findSubjectById(ctx.db, visit.subject_id);
  if (!subject && visit.subject_kind === 'entity') {
    throw new AppError('NOT_FOUND', 'The platform holds no entity under this number: there is nothing to report on. Check the code against the business licence.', { idNumber: visit.id_number });
  }
  if (!subject || subject.kind !== 'entity' || visit.subject_kind !== 'entity') {
    throw new AppError('REPORT_KIND_MISMATCH', 'An entity report needs a visit whose subject is a legal entity the platform holds.', { expected: 'entity', subjectKind: subject?.kind ?? null });
  }
  const asked = visit.report_kind === 'full' ? 'entity' : visit.report_kind;
  if (kind !== null && asked !== null && asked !== kind) {
    throw new AppError('REPORT_KIND_MISMATCH', `This visit asked for the entity's ${visit.report_kind} report; start a new visit for another.`, { expected: asked, requested: kind });
  }
  return subject;
}

async function freshness(ctx: CoreContext, rules: EntityReportRules): Promise<Freshness> {
  return freshnessOf(await lastAppliedUpdateAt(ctx.db), ctx.now(), rules.freshnessDays);
}

export async function specialOptions(ctx: CoreContext, caller: Caller, input: { visitId: number }): Promise<SpecialReportOptions> {
  const visit = await openVisit(ctx, caller, input.visitId);
  await entityOf(ctx, visit, null);
  const rules = entityReportRules(await activeProfile(ctx));
  return {
    fields: rules.special.fields.map((f) => ({ code: f.code, label: f.label, sources: f.sources })),
    defaultPeriod: defaultSpecialPeriod(rules, chinaDate(ctx.now())),
    maxPeriodMonths: rules.special.maxPeriodMonths,
    validityMonths: rules.special.validityMonths,
    repaired: rules.special.repaired,
    freshness: await freshness(ctx, rules),
  };
}

/** The same request again returns the report already issued; another kind or request needs a new visit. */
function sameRequest(content: EntityContent, req: Request): boolean {
  if (content.kind !== req.kind) return false;
  if (content.kind === 'entity' || req.kind === 'entity') return true;
  return content.period.from === req.checked.period.from && content.period.to === req.checked.period.to && content.fields.map((f) => f.code).join() === req.checked.fields.map((f) => f.code).join();
}

async function issueOf(ctx: CoreContext, caller: Caller, visitId: number, request: (rules: EntityReportRules, today: string) => Request): Promise<IssuedReport> {
  const visit = await openVisit(ctx, caller, visitId);
  const now = ctx.now();
  const today = chinaDate(now);
  const profile = await activeProfile(ctx);
  const rules = entityReportRules(profile);
  // The request is checked before anything else is read or written: a wrong one changes nothing.
  const req = request(rules, today);
  const subject = await entityOf(ctx, visit, req.kind);
  const existing = await findReportByVisit(ctx.db, visit.id);
  if (existing) {
    const content = JSON.parse(existing.contentJson) as object;
    if (isEntityContent(content) && sameRequest(content, req)) return issuedOf(existing, await countPrints(ctx.db, existing.id));
    throw new AppError('REPORT_ALREADY_ISSUED', `This visit already issued report ${existing.reportNo}; one visit issues one report. Start a new visit for another.`, { reportNo: existing.reportNo });
  }
  const purpose = ctx.catalogs.purposes.find((p) => p.code === visit.purpose_code);
  if (!purpose) throw new AppError('PURPOSE_REQUIRED', 'The visit has no purpose from the catalogue: no purpose, no report.');
  const { applicant } = await applicantOf(ctx, visit, profile.masking, today);
  const fresh = await freshness(ctx, rules);
  const registered = await registrationOf(ctx.db, subject.id);
  // The legal representative's ID number stays off the report: it is personal data, not the entity's.
  const registration = registered ? (({ legalRepIdNumber: _personal, ...entity }) => entity)(registered) : null;
  const key = officeSigningKey(ctx);
  if (!notoCovers(subject.name)) await loadFallbackFonts();

  const row = await ctx.db.transaction(async (tx) => {
    // E and S keep an entity's numbers apart from the personal series, and say the kind at a glance.
    const prefix = `${ctx.office.code}-${today.replaceAll('-', '')}-${req.kind === 'entity' ? 'E' : 'S'}`;
    const reportNo = `${prefix}${String((await countReportsWithPrefix(tx, prefix)) + 1).padStart(5, '0')}`;
    const header = { reportNo, office: officeOfVisit(ctx, visit), now, purpose, purposeText: visit.purpose_text, applicant, subject, registration, freshness: fresh, publicationRules: profile };
    const content: EntityContent = req.kind === 'entity' ? await assembleEntityReport(tx, header) : await assembleSpecialReport(tx, { ...header, request: req.checked, rules });
    assertPrintable(stringsOf(content));
    const digest = digestOf(content);
    const seal: ReportSeal = {
      v: 1,
      n: reportNo,
      o: ctx.office.code,
      t: content.issuedAt,
      // An entity's name is public information; its code is masked like an ID number on the seal.
      s: subject.name,
      i: maskCreditCode(subject.idNumber, profile.masking),
      c: entityCounts(content),
      d: digest,
      k: key.keyId,
      ...(content.kind === 'entity' ? { r: 'e' as const } : { r: 's' as const, f: content.fields.map((f) => f.code), p: `${content.period.from}/${content.period.to}` }),
    };
    const { qrText, signature } = signSeal(seal, key.privateKey);
    const r: Omit<ReportRow, 'id'> = {
      reportNo,
      visitId: visit.id,
      subjectId: subject.id,
      idNumber: visit.id_number,
      issuedAt: content.issuedAt,
      issuedYear: today.slice(0, 4),
      clerkId: caller.accountId,
      // The free reports a year are a person's (profile.reports.freePerYear); an entity's are not counted against them.
      beyondFree: false,
      contentJson: JSON.stringify(content),
      digest,
      qrPayload: qrText,
      signature,
      keyId: key.keyId,
      verifyCode: verifyCodeOf(signature),
    };
    const id = await insertReport(tx, r);
    await auditIn(tx, ctx, caller, {
      action: 'report.issue',
      target: visit.id_number,
      detail: {
        reportId: id, reportNo, visitId: visit.id, digest, reportKind: content.kind === 'entity' ? 'full' : 'special', applicant: applicant.kind, counts: seal.c, dataAsOf: fresh.dataAsOf, stale: fresh.stale,
        ...(content.kind === 'special' ? { fields: seal.f, period: content.period } : {}),
      },
    });
    return { ...r, id };
  });
  return issuedOf(row, 0);
}

/** The full report of the visit's entity (法人和非法人组织公共信用信息报告). */
export function issueEntity(ctx: CoreContext, caller: Caller, input: { visitId: number }): Promise<IssuedReport> {
  return issueOf(ctx, caller, input.visitId, () => ({ kind: 'entity' }));
}

/** A special report (专项信用报告) for the chosen fields and period; a request the profile does not allow is refused by name. */
export function issueSpecial(ctx: CoreContext, caller: Caller, input: { visitId: number } & SpecialRequest): Promise<IssuedReport> {
  return issueOf(ctx, caller, input.visitId, (rules, today) => {
    const checked = checkSpecialRequest(rules, today, input);
    if (!checked.ok) {
      const p = checked.problem;
      const field = p.reason === 'field_unknown' ? 'fields' : p.reason === 'period_reversed' || p.reason === 'period_too_long' ? 'from' : p.reason === 'period_future' ? 'to' : p.date === input.from ? 'from' : 'to';
      throw new AppError('VALIDATION', `The special report's request is not valid (${p.reason}).`, { field, ...p });
    }
    return { kind: 'special', checked: checked.value };
  });
}
