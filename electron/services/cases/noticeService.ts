import type { NoticeDocument, ObjectionOutcome } from '../../../shared/cases/caseTypes';
import { AppError } from '../../../shared/errors';
import { chinaDate } from '../../../shared/calendar/dates';
import type { NoticeContent } from '../../report/pdf/noticePdf';
import { pdfDocumentOf } from '../../report/pdf/pdfDocument';
import type { PdfJob } from '../../report/pdf/pdfJob';
import type { Bi, ReportLang } from '../../report/reportLabels';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { getObjection } from './objectionService';
import { getRepair } from './repairService';

// The decision notice (告知书): printed by the manager once a case is decided, rendered from the
// case as it stands (the decision, its reasons and the records at intake), audited on each print.

const OUTCOMES: Record<ObjectionOutcome, Bi> = {
  corrected: ['异议成立，已更正相关信息', 'Upheld: the information has been corrected'],
  revoked: ['异议成立，已撤销相关信息', 'Upheld: the information has been revoked'],
  supplemented: ['异议成立，已补充相关信息', 'Upheld: the information has been supplemented'],
  display_stopped: ['异议成立，已停止公示相关信息', 'Upheld: the information is no longer published'],
  removed_from_list: ['异议成立，已移出名单', 'Upheld: the entry has been removed from the list'],
  upheld: ['异议不成立，维持原信息', 'Not upheld: the information stands'],
  undeterminable: ['无法核实，按有关规定处理', 'Could not be verified; handled as the rules provide'],
};
const REPAIR_OUTCOMES = {
  approved: ['准予信用修复，相关信息停止公示', 'Repair granted: the information is no longer published'],
  denied: ['不予信用修复', 'Repair refused'],
} as const satisfies Record<string, Bi>;
const APPLICANT: Record<'self' | 'agent', Bi> = { self: ['信息主体本人', 'The subject in person'], agent: ['代理人', 'An agent'] };
// An organisation's "self" is its legal representative in person, its agent the 经办人 with its letter (issue 24).
const ENTITY_APPLICANT: Record<'self' | 'agent', Bi> = { self: ['法定代表人本人', 'The legal representative in person'], agent: ['经办人（持单位授权委托书）', "An agent with the organisation's letter"] };

type RecordAtIntake = NoticeContent['records'][number];
interface DecidedCase {
  caseNo: string;
  idNumberMasked: string;
  subjectKind: 'person' | 'entity';
  subjectName: string;
  applicantKind: 'self' | 'agent';
  receivedOn: string;
  decidedAt: string;
  outcomeReason: string | null;
}

/** What either kind of decided case puts on its notice; only the outcome and records differ. */
function noticeOf(ctx: CoreContext, kind: 'objection' | 'repair', c: DecidedCase, outcome: Bi, records: RecordAtIntake[]): NoticeContent {
  return {
    kind,
    noticeNo: `${c.caseNo}-N`,
    caseNo: c.caseNo,
    officeName: ctx.office.name,
    subjectIdMasked: c.idNumberMasked,
    subjectKind: c.subjectKind,
    subjectName: c.subjectName,
    applicant: (c.subjectKind === 'entity' ? ENTITY_APPLICANT : APPLICANT)[c.applicantKind],
    receivedOn: c.receivedOn,
    decidedOn: chinaDate(new Date(c.decidedAt)),
    outcome,
    reasons: c.outcomeReason ?? '—',
    records,
  };
}

const recordOf = (r: RecordAtIntake): RecordAtIntake => ({ title: r.title, documentNo: r.documentNo, providerUnit: r.providerUnit, decidedOn: r.decidedOn });

async function contentOf(ctx: CoreContext, kind: 'objection' | 'repair', id: number): Promise<NoticeContent> {
  if (kind === 'objection') {
    const c = await getObjection(ctx, id);
    if (!c.outcome || !c.decidedAt || !['decided', 'notified', 'closed'].includes(c.state)) {
      throw new AppError('NOT_DECIDED', `Objection ${c.caseNo} is ${c.state}; a notice is printed once it is decided.`, { caseNo: c.caseNo, state: c.state });
    }
    return noticeOf(ctx, kind, { ...c, decidedAt: c.decidedAt }, OUTCOMES[c.outcome], c.records.map((p) => recordOf(p.atIntake)));
  }
  const c = await getRepair(ctx, id);
  const decided = c.events.find((e) => e.toState === 'approved' || e.toState === 'denied')?.toState as 'approved' | 'denied' | undefined;
  if (!decided || !c.decidedAt) {
    throw new AppError('NOT_DECIDED', `Repair application ${c.caseNo} is ${c.state}; a notice is printed once it is decided.`, { caseNo: c.caseNo, state: c.state });
  }
  return noticeOf(ctx, kind, { ...c, decidedAt: c.decidedAt }, REPAIR_OUTCOMES[decided], [recordOf(c.record.atIntake)]);
}

/** The job that renders a decided case's notice, from the case as it stands. */
export async function noticePdfJob(ctx: CoreContext, input: { kind: 'objection' | 'repair'; id: number; lang: ReportLang }): Promise<PdfJob & { kind: 'notice' }> {
  return { kind: 'notice', content: await contentOf(ctx, input.kind, input.id), lang: input.lang };
}

export async function decisionNotice(ctx: CoreContext, caller: Caller, input: { kind: 'objection' | 'repair'; id: number; lang: ReportLang }): Promise<NoticeDocument> {
  const job = await noticePdfJob(ctx, input);
  const { content } = job;
  const doc = { noticeNo: content.noticeNo, ...pdfDocumentOf(await ctx.pdf.render(job)) };
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'case.notice', target: content.caseNo, detail: { kind: input.kind, id: input.id, sha256: doc.sha256 } }),
  );
  return doc;
}
