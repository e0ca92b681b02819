import type { Bi } from './reportLabels';

// Printed labels of the two entity reports (issue 24). Shared words (record columns, annotation,
// statement, page, verification) come from reportLabels.ts, so a word is translated once.

export const E = {
  title: ['法人和非法人组织公共信用信息报告', 'Public Credit Information Report of Legal Persons and Unincorporated Organisations'],
  specialTitle: ['专项信用报告', 'Special Credit Report'],
  kindEntity: ['法人和非法人组织公共信用信息报告', 'entity public credit report'],
  kindSpecial: ['专项信用报告（无违法违规记录证明）', 'special credit report (certificate of no violations)'],
  identity: ['主体信息', 'The entity'],
  entityName: ['主体名称', 'Name'],
  creditCode: ['统一社会信用代码', 'Unified social credit code'],
  legalRep: ['法定代表人（负责人）', 'Legal representative'],
  region: ['登记地区代码', 'Region code'],
  registrationNo: ['注册号', 'Registration No.'],
  entityType: ['主体类型', 'Type'],
  establishedOn: ['成立日期', 'Established'],
  registeredCapital: ['注册资本', 'Registered capital'],
  address: ['住所', 'Address'],
  businessScope: ['经营范围', 'Business scope'],
  registrationAuthority: ['登记机关', 'Registration authority'],
  operatingStatus: ['登记状态', 'Status'],
  legalRepInPerson: ['法定代表人（负责人）本人到场', 'The legal representative in person'],
  dataDate: ['数据日期', 'Data as of'],
  dataNone: ['本机构尚未导入信用平台的数据更新', 'this office has applied no platform update yet'],
  staleWarning: [
    '注意：本报告所依据的平台数据已超过 {days} 日未更新，可能未反映最新信息。',
    'Note: the platform data behind this report are more than {days} days old and may not show the latest information.',
  ],
  noRecord: ['无记录', 'No record'],
  repairedMark: ['已修复', 'repaired'],
  period: ['查询期间', 'Period'],
  periodText: ['{from} 至 {to}（含首尾两日）', '{from} to {to}, both days included'],
  fields: ['查询领域', 'Fields'],
  categoriesConsulted: ['核查的信息类别', 'Categories checked'],
  sourcesConsulted: ['信息来源', 'Sources consulted'],
  validUntil: ['有效期', 'Valid until'],
  validText: ['自出具之日起至 {date}', 'from issue until {date}'],
  noViolation: ['经查询，该主体在上述期间内于本领域无违法违规记录。', 'No illegal or irregular record in this field in the period.'],
  foundRecords: ['经查询，该主体在上述期间内于本领域有以下记录：', 'The following records were found in this field in the period:'],
  repairedOmitted: ['已完成信用修复的行政处罚信息不予列示。', 'Penalties whose credit repair is complete are not listed.'],
  repairedShown: ['已完成信用修复的行政处罚信息予以列示，并标注“已修复”。', 'Penalties whose credit repair is complete are listed, marked “repaired”.'],
  conclusion: ['核查结论', 'Findings'],
  summary: ['信息概要', 'Summary'],
  statements: ['主体声明', 'Statements of the entity'],
} as const satisfies Record<string, Bi>;

// Section, kind and status names are said once for print and screen (shared/i18n/entityLabels.ts).
export { ENTITY_SECTION_TITLES, ENTITY_TYPE_LABELS, OPERATING_STATUS_LABELS } from '../../shared/i18n/entityLabels';

export const ENTITY_NOTES: readonly Bi[] = [
  [
    '本报告依据截至数据日期本机构从信用平台归集的公共信用信息生成，章节依照《公共信用信息报告标准（2022年版）》。超过公示期限的信息、已撤销的信息和已完成信用修复的信息不予展示。',
    'Built from the public credit information this office holds from the platform as of the data date, in the sections of the public credit information report standard (2022). Entries past their publicity period, revoked entries and repaired entries are not shown.',
  ],
  [
    '“异议标注”表示信息主体已对该条信息提出异议，正在核查处理；“主体声明”是信息主体对信息所作的说明，不代表出具机构的意见。',
    '“Objection” marks an entry the entity disputes while it is checked; a statement is the entity’s own explanation, not the office’s view.',
  ],
  [
    '扫描页脚二维码，或在信用服务窗口“报告核验”中输入报告编号和验证码，可核验本报告真伪及报告种类。',
    'Scan the QR code in the footer, or enter the report number and verification code under “Verify a report” at a counter, to check this report and its kind.',
  ],
];

export const SPECIAL_NOTES: readonly Bi[] = [
  [
    '本报告按申请主体选定的领域和期间，核查行政处罚（含简易程序）、行政强制、严重失信主体名单、失信被执行人和刑事判决信息，可替代上述领域主管部门出具的无违法违规记录证明。',
    'For the fields and period the entity chose, this report checks administrative penalties (simplified procedure included), administrative enforcement, serious-dishonesty lists, dishonest judgment debtors and criminal judgments; it stands in for the certificates of no violations of those fields’ departments.',
  ],
  [
    '记录以决定日期计入期间；超过公示期限的信息和已撤销的信息不予列示。',
    'A record counts in the period by its decision date; entries past their publicity period and revoked entries are not listed.',
  ],
  [
    '扫描页脚二维码，或在信用服务窗口“报告核验”中输入报告编号和验证码，可核验本报告真伪及报告种类。',
    'Scan the QR code in the footer, or enter the report number and verification code under “Verify a report” at a counter, to check this report and its kind.',
  ],
];
