import { ENTITY_REPORT_SECTIONS, REPORT_SECTIONS } from '../../../shared/domain/record';
import {
  SCOPE_SECTIONS, sectionCounts, type IssuedReport, type ReportApplicant, type ReportContent, type ReportDocument, type ReportQuota,
  type ReportSeal, type ReportVerification, type SectionCounts,
} from '../../../shared/domain/report';
import { AppError } from '../../../shared/errors';
import { maskIdNumber, maskName, type MaskingOptions } from '../../../shared/masking';
import { chinaDate } from '../../../shared/calendar/dates';
import { assembleReport } from '../../report/assembleReport';
import { isEntityContent, type EntityContent } from '../../../shared/domain/entityReport';
import { pdfDocumentOf } from '../../report/pdf/pdfDocument';
import type { PdfJob } from '../../report/pdf/pdfJob';
import { loadFallbackFonts } from '../../report/pdf/fonts';
import { assertPrintable, notoCovers, stringsOf } from '../../report/pdf/glyphCoverage';
import type { ReportLang } from '../../report/reportLabels';
import { digestOf, normaliseCode, parseQrText, signatureValid, signSeal, verifyCodeOf } from '../../report/seal';
import { findAuthorization } from '../../store/authorizationStore';
import { findVisit, type VisitRow } from '../../store/queryLogStore';
import {
  countPrints, countReportsInYear, countReportsWithPrefix, findReport, findReportByNo, findReportByVisit, insertPrint, insertReport, type ReportRow,
} from '../../store/reportStore';
import { findSubjectById } from '../../store/subjectStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { officeOfVisit } from './officeOfVisit';
import { officeSigningKey, trustedOfficeKeys } from '../office/officeKeyService';
import { activeProfile } from '../office/profileService';

// The printed report: numbered, assembled as of the moment of issue, hashed and signed with the
// office key, counted against the subject's free reports, and kept so that every later copy is
// the same report. Issue, previews, prints and verifications all leave audit events.

/** A visit serves the day it was opened; the next day is a new visit with a new query log entry. */
export async function openVisit(ctx: CoreContext, caller: Caller, visitId: number): Promise<VisitRow> {
  const visit = await findVisit(ctx.db, visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'There is no such visit.', { visitId });
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can act on it.');
  if (chinaDate(new Date(visit.started_at)) !== chinaDate(ctx.now())) {
    throw new AppError('VISIT_CLOSED', 'This visit was opened on an earlier day; start a new visit.', { startedAt: visit.started_at });
  }
  return visit;
}

export function issuedOf(row: ReportRow, copiesPrinted: number): IssuedReport {
  const content = JSON.parse(row.contentJson) as ReportContent | EntityContent;
  if (isEntityContent(content)) {
    // The personal sections' counts do not apply; an entity report's own are on its face and its seal.
    const counts = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, null])) as SectionCounts;
    return {
      reportId: row.id, reportNo: row.reportNo, visitId: row.visitId, issuedAt: row.issuedAt, verifyCode: row.verifyCode, beyondFree: row.beyondFree,
      copiesPrinted, counts, noRecord: false, kind: content.kind, freshness: content.freshness,
    };
  }
  return {
    reportId: row.id,
    reportNo: row.reportNo,
    visitId: row.visitId,
    issuedAt: row.issuedAt,
    verifyCode: row.verifyCode,
    beyondFree: row.beyondFree,
    copiesPrinted,
    counts: sectionCounts(content),
    noRecord: !content.subject.found,
    kind: 'personal',
    freshness: null,
  };
}

export async function quota(ctx: CoreContext, caller: Caller, input: { visitId: number }): Promise<ReportQuota> {
  const visit = await openVisit(ctx, caller, input.visitId);
  const year = chinaDate(ctx.now()).slice(0, 4);
  const [used, profile, existing] = await Promise.all([
    countReportsInYear(ctx.db, visit.id_number, year),
    activeProfile(ctx),
    findReportByVisit(ctx.db, visit.id),
  ]);
  const free = profile.reports.freePerYear;
  // The free reports a year are a person's; an entity's reports are never beyond them.
  return { year, used, free, nextBeyondFree: visit.subject_kind !== 'entity' && !existing && used >= free, issued: existing ? issuedOf(existing, await countPrints(ctx.db, existing.id)) : null };
}

function sealOf(content: ReportContent, digest: string, keyId: string, masking: MaskingOptions): ReportSeal {
  const counts: SectionCounts = sectionCounts(content);
  return {
    v: 1,
    n: content.reportNo,
    o: content.office.code,
    t: content.issuedAt,
    s: maskName(content.subject.name, masking),
    i: maskIdNumber(content.subject.idNumber, masking),
    c: REPORT_SECTIONS.map((s) => counts[s] ?? -1),
    d: digest,
    k: keyId,
  };
}

/**
 * Who asked, as the report prints it. An agent's letter is checked again at issue: a letter valid
 * this morning is still valid, but never trust the visit alone.
 */
export async function applicantOf(ctx: CoreContext, visit: VisitRow, masking: MaskingOptions, today: string) {
  const authorization = visit.applicant_kind === 'agent' ? await findAuthorization(ctx.db, visit.id) : undefined;
  if (visit.applicant_kind === 'agent') {
    // Checked again at issue: a letter valid this morning is still valid, but never trust the visit alone.
    if (!authorization) throw new AppError('AUTHORIZATION_REQUIRED', 'This agent visit has no recorded authorization.');
    if (authorization.validTo < today) throw new AppError('AUTHORIZATION_EXPIRED', `The authorization expired on ${authorization.validTo}.`);
  }
  const applicant: ReportApplicant = authorization
    ? {
        kind: 'agent',
        agentName: authorization.agentName,
        agentIdNumberMasked: maskIdNumber(authorization.agentIdNumber, masking),
        documentNo: authorization.documentNo,
        validFrom: authorization.validFrom,
        validTo: authorization.validTo,
        notarised: authorization.notarised,
      }
    : { kind: 'self' };
  return { applicant, authorization };
}

const entityVisitRefusal = () =>
  new AppError('REPORT_KIND_MISMATCH', 'This visit is for a legal entity: issue its entity report or a special report, not a personal report.', { expected: 'personal', subjectKind: 'entity' });

/** Issues the visit's report (once per visit: asking again returns the same report). */
export async function issue(ctx: CoreContext, caller: Caller, input: { visitId: number; confirmBeyondFree: boolean }): Promise<IssuedReport> {
  const visit = await openVisit(ctx, caller, input.visitId);
  // An entity's visit (found or not) never gets a personal report: not even a "no record" one for its code.
  if (visit.subject_kind === 'entity') throw entityVisitRefusal();
  const existing = await findReportByVisit(ctx.db, visit.id);
  if (existing) return issuedOf(existing, await countPrints(ctx.db, existing.id));

  const now = ctx.now();
  const today = chinaDate(now);
  const profile = await activeProfile(ctx);
  const purpose = ctx.catalogs.purposes.find((p) => p.code === visit.purpose_code);
  if (!purpose) throw new AppError('PURPOSE_REQUIRED', 'The visit has no purpose from the catalogue: no purpose, no report.');
  const { applicant, authorization } = await applicantOf(ctx, visit, profile.masking, today);
  const subject = visit.subject_id === null ? null : ((await findSubjectById(ctx.db, visit.subject_id)) ?? null);
  if (subject?.kind === 'entity') throw entityVisitRefusal();
  const key = officeSigningKey(ctx);
  // A name beyond Noto Sans SC (𠮷, CJK Extension B–F) needs the fallback fonts: inflated here, on
  // the thread pool, rather than inside the transaction's printability check.
  if (!notoCovers(`${visit.name}${subject?.name ?? ''}`)) await loadFallbackFonts();

  const row = await ctx.db.transaction(async (tx) => {
    const year = today.slice(0, 4);
    const used = await countReportsInYear(tx, visit.id_number, year);
    const beyondFree = used >= profile.reports.freePerYear;
    if (beyondFree && !input.confirmBeyondFree) {
      throw new AppError(
        'FREE_REPORTS_USED',
        `This person has had ${used} reports in ${year}; ${profile.reports.freePerYear} a year are free. Confirm with the applicant to issue another.`,
        { used, free: profile.reports.freePerYear, year },
      );
    }
    const prefix = `${ctx.office.code}-${today.replaceAll('-', '')}-`;
    const reportNo = `${prefix}${String((await countReportsWithPrefix(tx, prefix)) + 1).padStart(5, '0')}`;
    const content = await assembleReport(tx, {
      reportNo,
      office: officeOfVisit(ctx, visit),
      now,
      purpose,
      purposeText: visit.purpose_text,
      applicant,
      scope: authorization ? authorization.scope : SCOPE_SECTIONS,
      subject,
      typed: { idNumber: visit.id_number, name: visit.name },
      queryHistoryYears: profile.reports.queryHistoryYears,
      publicationRules: profile,
      purposes: ctx.catalogs.purposes,
    });
    // A report that cannot be printed whole is not issued (nor counted against the free ones).
    assertPrintable(stringsOf(content));
    const digest = digestOf(content);
    const seal = sealOf(content, digest, key.keyId, profile.masking);
    const { qrText, signature } = signSeal(seal, key.privateKey);
    const r: Omit<ReportRow, 'id'> = {
      reportNo,
      visitId: visit.id,
      subjectId: subject?.id ?? null,
      idNumber: visit.id_number,
      issuedAt: content.issuedAt,
      issuedYear: year,
      clerkId: caller.accountId,
      beyondFree,
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
      detail: { reportId: id, reportNo, visitId: visit.id, digest, beyondFree, applicant: applicant.kind, scope: content.scope, counts: seal.c },
    });
    return { ...r, id };
  });
  return issuedOf(row, 0);
}

/**
 * The stored content still hashes to the stored digest, and that is the digest the signed seal
 * carries: a report row edited underneath the console is never reprinted or vouched for.
 */
export function storedReportIntact(row: ReportRow): boolean {
  const parsed = parseQrText(row.qrPayload);
  try {
    return parsed !== null && parsed.seal.d === row.digest && digestOf(JSON.parse(row.contentJson)) === row.digest;
  } catch {
    return false;
  }
}

/** Owner of the report (the issuing clerk) or a manager may preview and print it again. */
async function reportFor(ctx: CoreContext, caller: Caller, reportId: number): Promise<ReportRow> {
  const row = await findReport(ctx.db, reportId);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such report.', { reportId });
  if (!storedReportIntact(row)) {
    throw new AppError('REPORT_ALTERED', `Report ${row.reportNo} was altered in the database since it was issued; it cannot be printed again. Run \`creditdesk audit verify\`.`, { reportNo: row.reportNo });
  }
  if (row.clerkId !== caller.accountId && caller.role !== 'manager') {
    throw new AppError('FORBIDDEN', 'Only the clerk who issued this report, or a manager, can print it.');
  }
  return row;
}

/** The job that renders a stored report's copy `copyNo`: its stored content and its seal's frame, plain data. */
export function reportPdfJob(row: ReportRow, lang: ReportLang, copyNo: number): PdfJob {
  const content = JSON.parse(row.contentJson) as ReportContent | EntityContent;
  const frame = { lang, qrText: row.qrPayload, verifyCode: row.verifyCode, copyNo };
  // Each kind has its own renderer; preview and print of every kind go through this one path.
  if (!isEntityContent(content)) return { kind: 'report', input: { content, ...frame } };
  return content.kind === 'entity' ? { kind: 'entityReport', input: { content, ...frame } } : { kind: 'specialReport', input: { content, ...frame } };
}

async function documentOf(ctx: CoreContext, row: ReportRow, lang: ReportLang, copyNo: number): Promise<ReportDocument> {
  const pdf = await ctx.pdf.render(reportPdfJob(row, lang, copyNo));
  return { ...pdfDocumentOf(pdf), copyNo, reprint: copyNo > 1 };
}

/**
 * The PDF of the next copy exactly as it would print (a reprint says so on every page). Nothing is
 * counted here: the copy is counted by `printed` once the print job was accepted, so a cancelled
 * print leaves the next copy number where it was.
 */
export async function preview(ctx: CoreContext, caller: Caller, input: { reportId: number; lang: ReportLang }): Promise<ReportDocument> {
  const row = await reportFor(ctx, caller, input.reportId);
  const copyNo = (await countPrints(ctx.db, row.id)) + 1;
  const doc = await documentOf(ctx, row, input.lang, copyNo);
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'report.preview', target: row.idNumber, detail: { reportId: row.id, reportNo: row.reportNo, copyNo, sha256: doc.sha256 } }),
  );
  return doc;
}

/** Counts the copy the clerk printed (job accepted) or saved; it must be the copy the page says. */
export async function printed(ctx: CoreContext, caller: Caller, input: { reportId: number; copyNo: number; kind: 'print' | 'pdf' }): Promise<IssuedReport> {
  const row = await reportFor(ctx, caller, input.reportId);
  const copies = await ctx.db.transaction(async (tx) => {
    const n = (await countPrints(tx, row.id)) + 1;
    if (input.copyNo !== n) {
      throw new AppError('PRINT_COPY_STALE', `The next copy of ${row.reportNo} is copy ${n}, not copy ${input.copyNo}: preview it again before printing.`, {
        expected: n,
        given: input.copyNo,
      });
    }
    await insertPrint(tx, { reportId: row.id, copyNo: n, kind: input.kind, at: ctx.now().toISOString(), clerkId: caller.accountId });
    await auditIn(tx, ctx, caller, {
      action: n > 1 ? 'report.reprint' : 'report.print',
      target: row.idNumber,
      detail: { reportId: row.id, reportNo: row.reportNo, copyNo: n, kind: input.kind },
    });
    return n;
  });
  return issuedOf(row, copies);
}

function countsFromSeal(c: readonly number[]): SectionCounts {
  return Object.fromEntries(REPORT_SECTIONS.map((s, i) => [s, (c[i] ?? -1) < 0 ? null : c[i]!])) as SectionCounts;
}

const NOT_GENUINE = (failure: ReportVerification['failure'], reportNo: string | null = null): ReportVerification => ({
  genuine: false,
  failure,
  reportNo,
  office: null,
  issuedAt: null,
  subjectNameMasked: null,
  subjectIdMasked: null,
  counts: null,
  copiesPrinted: null,
  kind: null,
  entityCounts: null,
  period: null,
});

/** What a verified seal says about its kind: the personal sections, an entity's sections, or a special report's fields and period. */
function kindOf(seal: ReportSeal): Pick<ReportVerification, 'kind' | 'counts' | 'entityCounts' | 'period'> {
  if (seal.r === undefined) return { kind: 'personal', counts: countsFromSeal(seal.c), entityCounts: null, period: null };
  const keys: readonly string[] = seal.r === 'e' ? ENTITY_REPORT_SECTIONS : (seal.f ?? []);
  const entityCounts = keys.map((key, i) => ({ key, count: seal.c[i] ?? 0 }));
  const [from, to] = (seal.p ?? '').split('/');
  return { kind: seal.r === 'e' ? 'entity' : 'special', counts: null, entityCounts, period: from && to ? { from, to } : null };
}

/** Checks a QR text against the trusted office keys; no database needed for another office's report. */
async function verifyQr(ctx: CoreContext, qrText: string): Promise<ReportVerification> {
  const parsed = parseQrText(qrText);
  if (!parsed) return NOT_GENUINE('malformed');
  const key = (await trustedOfficeKeys(ctx)).find((k) => k.keyId === parsed.seal.k);
  if (!key) return NOT_GENUINE('unknown_key', parsed.seal.n);
  if (key.officeCode !== parsed.seal.o || !signatureValid(parsed.signedPart, parsed.signature, key.publicKeyPem)) {
    return NOT_GENUINE('bad_signature', parsed.seal.n);
  }
  const own = await findReportByNo(ctx.db, parsed.seal.n);
  if (own && own.signature === parsed.signature && !storedReportIntact(own)) return NOT_GENUINE('record_altered', parsed.seal.n);
  return {
    genuine: true,
    failure: null,
    reportNo: parsed.seal.n,
    office: { code: key.officeCode, name: key.officeName },
    issuedAt: parsed.seal.t,
    subjectNameMasked: parsed.seal.s,
    subjectIdMasked: parsed.seal.i,
    ...kindOf(parsed.seal),
    copiesPrinted: own && own.signature === parsed.signature ? await countPrints(ctx.db, own.id) : null,
  };
}

export async function verify(ctx: CoreContext, caller: Caller, input: { qrText: string } | { reportNo: string; code: string }): Promise<ReportVerification> {
  let result: ReportVerification;
  if ('qrText' in input) {
    result = await verifyQr(ctx, input.qrText);
  } else {
    // Number and code: this office's own reports (other offices' need their QR until the roster syncs reports).
    const row = await findReportByNo(ctx.db, input.reportNo.trim().toUpperCase());
    if (!row) result = NOT_GENUINE('not_found', input.reportNo);
    else if (normaliseCode(input.code) !== normaliseCode(verifyCodeOf(row.signature))) result = NOT_GENUINE('code_mismatch', row.reportNo);
    else result = await verifyQr(ctx, row.qrPayload);
  }
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, {
      action: 'report.verify',
      target: result.reportNo,
      detail: { by: 'qrText' in input ? 'qr' : 'code', genuine: result.genuine, failure: result.failure },
    }),
  );
  return result;
}
