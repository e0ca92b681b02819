import type { RecordCategory, ReportSection, Severity } from '../../shared/domain/record';
import type { ListType } from '../../shared/domain/list';

// Printed labels. Chinese always comes first; with the console in English each label carries its
// English after it, so the same paper serves the subject and an English-reading clerk.

export type ReportLang = 'zh' | 'en';
export type Bi = readonly [zh: string, en: string];

export const L = {
  title: ['个人公共信用信息报告', 'Personal Public Credit Information Report'],
  reportNo: ['报告编号', 'Report No.'],
  office: ['出具机构', 'Issued by'],
  issuedAt: ['出具时间', 'Issued at'],
  purpose: ['查询用途', 'Purpose'],
  applicant: ['查询方式', 'Requested by'],
  self: ['本人查询', 'The subject in person'],
  agent: ['代理查询', 'Agent with written authorization'],
  agentName: ['代理人', 'Agent'],
  authorizationNo: ['授权书编号', 'Authorization No.'],
  validity: ['授权有效期', 'Valid'],
  notarised: ['已公证', 'notarised'],
  scopeNote: ['本报告为代理查询，仅包含授权范围内的信息：', 'Agent query: only the authorized sections are included: '],
  copyOriginal: ['正本', 'Original'],
  copyReprint: ['重印件', 'Reprint'],
  copyNo: ['第 {n} 份', 'copy {n}'],
  page: ['第 {x} 页 / 共 {y} 页', 'Page {x} of {y}'],
  verifyCode: ['验证码', 'Verification code'],
  verifyHint: ['扫码或在“报告核验”中输入编号与验证码核验真伪', 'Scan, or enter number and code under “Verify a report”'],
  identity: ['身份信息', 'Identity'],
  name: ['姓名', 'Name'],
  idNumber: ['身份证号码', 'ID number'],
  gender: ['性别', 'Gender'],
  birthDate: ['出生日期', 'Date of birth'],
  region: ['登记地区代码', 'Region code'],
  male: ['男', 'male'],
  female: ['女', 'female'],
  noRecordTitle: ['无记录', 'No record'],
  noRecord: [
    '经查询，截至出具时点，本平台未归集该身份证号码对应主体的公共信用信息。',
    'As of the time of issue, this platform holds no public credit information for this ID number.',
  ],
  summary: ['信息概要', 'Summary'],
  section: ['信息类别', 'Section'],
  count: ['条数', 'Entries'],
  annotations: ['异议标注', 'Objection annotations'],
  statementsCount: ['本人声明', 'Personal statements'],
  none: ['无', 'none'],
  noEntries: ['本类别无公示信息。', 'No published entries in this section.'],
  documentNo: ['文书号', 'Document No.'],
  decidedOn: ['决定日期', 'Decided'],
  publicity: ['公示期', 'Published'],
  publicityOpen: ['长期', 'no end'],
  provider: ['提供单位', 'Provided by'],
  severity: ['严重程度', 'Severity'],
  annotation: ['异议标注：该信息主体已提出异议，正在核查处理中', 'Objection: the subject disputes this entry; it is being checked'],
  caseNo: ['案件号', 'case'],
  since: ['自', 'since'],
  statement: ['本人声明', 'Personal statement'],
  listEntered: ['列入日期', 'Listed'],
  listExit: ['移出日期', 'Exit'],
  basis: ['依据', 'Basis'],
  decidingUnit: ['认定单位', 'Decided by'],
  measures: ['联合奖惩措施', 'Joint measures'],
  statements: ['本人声明', 'Personal statements'],
  noStatements: ['无本人声明。', 'No personal statements.'],
  queryHistory: ['查询记录（近两年）', 'Query history (last two years)'],
  queryAt: ['查询时间', 'Date'],
  queryOffice: ['查询机构', 'Office'],
  queryPurpose: ['查询用途', 'Purpose'],
  noQueries: ['近两年无查询记录。', 'No queries in the last two years.'],
  notes: ['报告说明', 'Notes'],
  seq: ['序号', 'No.'],
  recordColumn: ['类别　信息名称　文书号　决定日期　公示期　提供单位 / 内容', 'kind, entry, document No., decided, published from — to, provided by / details'],
  listCol: ['名单', 'List'],
  listDates: ['列入 / 移出', 'Listed / exit'],
  reasonBasis: ['列入原因及依据', 'Reason and basis'],
  statementDate: ['日期', 'Date'],
  statementText: ['声明内容', 'Statement'],
  continued: ['（续）', '(cont.)'],
  reprintNotice: ['本件为重印件，与正本内容一致。', 'This is a reprint; its content is that of the original.'],
} as const satisfies Record<string, Bi>;

export const SECTION_TITLES: Record<ReportSection, Bi> = {
  basic: ['基本信息', 'Basic information'],
  licences: ['行政许可信息', 'Administrative licences'],
  penalties: ['行政处罚信息', 'Administrative penalties'],
  dishonesty: ['失信被执行人及严重失信主体名单信息', 'Dishonest judgment debtors and black lists'],
  honours: ['守信激励（红名单）及表彰荣誉信息', 'Red lists and honours'],
  other: ['其他信息', 'Other records'],
};

export const SCOPE_TITLES: Record<ReportSection | 'query_history', Bi> = { ...SECTION_TITLES, query_history: L.queryHistory };

export const CATEGORY_LABELS: Record<RecordCategory, Bi> = {
  basic: ['基本信息', 'basic'],
  admin_licence: ['行政许可', 'licence'],
  admin_penalty: ['行政处罚', 'penalty'],
  dishonest_debtor: ['失信被执行人', 'dishonest debtor'],
  black_list: ['严重失信主体名单', 'black list'],
  red_list: ['红名单', 'red list'],
  honour: ['表彰荣誉', 'honour'],
  tax_credit: ['纳税信用', 'tax credit'],
  social_insurance: ['社会保险', 'social insurance'],
  contract_performance: ['合同履约', 'contract performance'],
  volunteer_service: ['志愿服务', 'volunteer service'],
  credit_commitment: ['信用承诺', 'credit commitment'],
  admin_enforcement: ['行政强制', 'administrative enforcement'],
  judicial_judgment: ['司法判决', 'judicial judgment'],
  credit_evaluation: ['信用评价', 'credit evaluation'],
  other: ['其他', 'other'],
};

export const SEVERITY_LABELS: Record<Severity, Bi> = {
  minor: ['轻微', 'minor'],
  ordinary: ['一般', 'ordinary'],
  serious: ['严重', 'serious'],
};

export const LIST_TYPE_LABELS: Record<ListType, Bi> = {
  red: ['红名单', 'red list'],
  black: ['严重失信主体名单', 'black list'],
  dishonest_debtor: ['失信被执行人名单', 'dishonest judgment debtors'],
  abnormal_operation: ['经营异常名录', 'abnormal-operation list'],
};

export const NOTES: readonly Bi[] = [
  [
    '本报告依据截至出具时点本平台归集的公共信用信息生成。超过公示期限的信息、已撤销的信息和已完成信用修复的信息不予展示。',
    'Built from the public credit information held at the time of issue. Entries past their publicity period, revoked entries and repaired entries are not shown.',
  ],
  [
    '行政处罚信息的公示期自处罚决定之日起算：轻微的原则上不公示（公示的最长3个月），一般的3个月至1年，严重的1年至3年，期满自动停止公示。',
    'Penalties are published from the decision date: minor ones in principle not (at most 3 months), ordinary ones 3 months to 1 year, serious ones 1 to 3 years; publication then stops automatically.',
  ],
  [
    '“异议标注”表示信息主体已对该条信息提出异议，正在核查处理；“本人声明”是信息主体对信息所作的说明，不代表出具机构的意见。',
    '“Objection” marks an entry the subject disputes while it is checked; a personal statement is the subject’s own explanation, not the office’s view.',
  ],
  [
    '对本报告所载信息有异议的，可持本人有效身份证件到信用服务窗口提出异议申请；符合条件的，可申请信用修复。',
    'To dispute an entry, bring your ID card to a credit service counter; where the conditions are met you may apply for credit repair.',
  ],
  [
    '扫描页脚二维码，或在信用服务窗口“报告核验”中输入报告编号和验证码，可核验本报告真伪。',
    'Scan the QR code in the footer, or enter the report number and verification code under “Verify a report” at a counter, to check this report.',
  ],
  [
    '本报告仅供信息主体本人或其授权代理人按所述用途使用，请妥善保管。',
    'For the subject or their authorized agent, for the stated purpose only. Keep it safe.',
  ],
];

export function label(b: Bi, lang: ReportLang): string {
  return lang === 'en' ? `${b[0]} ${b[1]}` : b[0];
}

/**
 * The issuing office as printed: its name and code, and the window that issued the document when
 * it came from a window of the office host (issue 23: 第 3 号窗口).
 */
export function issuingOffice(office: { code: string; name: string; window?: number }, lang: ReportLang): string {
  const at = office.window === undefined ? '' : `　第 ${office.window} 号窗口${lang === 'en' ? ` Window ${office.window}` : ''}`;
  return `${office.name}（${office.code}）${at}`;
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
