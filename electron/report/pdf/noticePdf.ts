import { label, type Bi, type ReportLang } from '../reportLabels';
import { MM, PdfLayout, type FinishedPdf } from './layout';
import { pageLabel } from './reportPdf';

// The decision notice (告知书) a manager prints when an objection or a repair application is
// decided and the subject is notified: case number, the records concerned, the outcome and its
// reasons, how to appeal or add a statement, and the office's seal block.

export interface NoticeContent {
  kind: 'objection' | 'repair';
  noticeNo: string;
  caseNo: string;
  officeName: string;
  /** A person's ID number masked; an organisation's code whole, after its name (issue 24: both public). */
  subjectIdMasked: string;
  subjectKind: 'person' | 'entity';
  subjectName: string;
  applicant: Bi;
  receivedOn: string;
  decidedOn: string;
  outcome: Bi;
  reasons: string;
  records: { title: string; documentNo: string; providerUnit: string; decidedOn: string }[];
}

const N = {
  objectionTitle: ['异议申请处理结果告知书', 'Notice of the decision on an objection'],
  repairTitle: ['信用修复申请处理结果告知书', 'Notice of the decision on a credit repair application'],
  noticeNo: ['告知书编号', 'Notice No.'],
  caseNo: ['案件编号', 'Case No.'],
  subject: ['信息主体证件号码', 'Subject ID number'],
  entitySubject: ['信息主体名称及统一社会信用代码', 'Organisation and its credit code'],
  applicant: ['申请人', 'Applicant'],
  receivedOn: ['受理日期', 'Received'],
  decidedOn: ['决定日期', 'Decided'],
  outcome: ['处理结果', 'Outcome'],
  reasons: ['理由', 'Reasons'],
  records: ['涉及的信用信息', 'Records concerned'],
  seq: ['序号', 'No.'],
  title: ['信息名称', 'Entry'],
  documentNo: ['文书号', 'Document No.'],
  provider: ['提供单位', 'Provided by'],
  decided: ['决定日期', 'Decided'],
  remedies: ['救济途径', 'How to appeal or add a statement'],
  seal: ['（盖章）', '(office seal)'],
  greeting: ['经审核，现将您的申请处理结果告知如下：', 'Your application has been examined; the decision is as follows:'],
} as const satisfies Record<string, Bi>;

const REMEDIES: readonly Bi[] = [
  [
    '对本决定不服的，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到之日起六个月内依法提起行政诉讼。',
    'If you disagree with this decision you may apply for administrative reconsideration within 60 days of receiving this notice, or bring an administrative lawsuit within six months.',
  ],
  [
    '您可以就所涉信息到信用服务窗口提交本人声明，声明将随该信息在此后出具的信用报告中展示。',
    'You may make a personal statement on the records concerned at a credit service counter; it will be shown with them on every later report.',
  ],
  [
    '对信息内容有新的证据的，可以再次提出异议申请；修复申请未获准的，在条件满足后可以重新申请。',
    'With new evidence you may object again; a repair application that was refused may be made again once the conditions are met.',
  ],
];

export async function renderNoticePdf(c: NoticeContent, lang: ReportLang): Promise<FinishedPdf> {
  const bi = (b: Bi) => label(b, lang);
  const title = c.kind === 'objection' ? N.objectionTitle : N.repairTitle;
  const layout = new PdfLayout({
    info: { Title: `${title[0]} ${c.noticeNo}`, Author: c.officeName, Subject: c.caseNo, Keywords: `${c.noticeNo} ${lang}`, CreationDate: new Date(`${c.decidedOn}T00:00:00+08:00`) },
    withQr: false,
  });
  layout.paragraph({ text: title[0], heavy: true, size: 17 }, { align: 'center', after: lang === 'en' ? 0 : 3 * MM });
  if (lang === 'en') layout.paragraph({ text: title[1], size: 10, color: '#444444' }, { align: 'center', after: 3 * MM });
  layout.paragraph({ text: bi(N.greeting), size: 9.5 }, { after: 2 * MM });
  layout.keyValues(
    [
      [bi(N.noticeNo), c.noticeNo],
      [bi(N.caseNo), c.caseNo],
      c.subjectKind === 'entity' ? [bi(N.entitySubject), `${c.subjectName} ${c.subjectIdMasked}`] : [bi(N.subject), c.subjectIdMasked],
      [bi(N.applicant), bi(c.applicant)],
      [bi(N.receivedOn), c.receivedOn],
      [bi(N.decidedOn), c.decidedOn],
      [bi(N.outcome), [{ text: bi(c.outcome), heavy: true, size: 10 }]],
      [bi(N.reasons), c.reasons],
    ],
    { labelShare: 0.28, size: 9 },
  );
  layout.heading(bi(N.records));
  layout.table(
    [
      { header: bi(N.seq), share: 11, align: 'right' },
      { header: bi(N.title), share: 56 },
      { header: bi(N.documentNo), share: 45 },
      { header: bi(N.provider), share: 45 },
      { header: bi(N.decided), share: 25 },
    ],
    c.records.map((r, i) => [String(i + 1), [{ text: r.title, heavy: true }], r.documentNo, r.providerUnit, r.decidedOn]),
  );
  layout.heading(bi(N.remedies), 10 * MM);
  REMEDIES.forEach((r, i) => layout.paragraph({ text: `${i + 1}. ${bi(r)}`, size: 9 }, { after: 1 * MM }));
  layout.sealBlock([c.officeName, c.decidedOn], bi(N.seal));
  return layout.finish({
    headerLeft: `${title[0]}　${bi(N.noticeNo)}：${c.noticeNo}`,
    headerRight: null,
    footerLines: [{ text: `${c.officeName}　${bi(N.caseNo)}：${c.caseNo}`, color: '#444444' }],
    pageLabel: pageLabel(lang),
    qrText: null,
  });
}
