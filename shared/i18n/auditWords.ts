import { bundlePurposeWords, bundleSenderWords } from './bundleChannel';
import { ENTITY_REPORT_KIND_LABELS, SPECIAL_FIELD_LABELS } from './entityLabels';
import { SERVICE_ITEMS } from '../domain/hall';
import type { Locale } from './errorMessages';

// More words for the audit log (issue 28: the auditor read `clerkId: 2`, `loan_application`,
// `sender: platform`, `upheld`): detail keys, the values the core writes, and keys whose meaning
// depends on the object they sit in (a filter's from/to are dates, a transition's are states).
// auditLabels.ts reads these after its own tables.

type Label = { zh: string; en: string };

export const MORE_FIELDS: Record<string, Label> = {
  table: { zh: '登记表', en: 'Register' }, sha256: { zh: '文件摘要', en: 'File digest' }, listEntriesKept: { zh: '保留的名单条目', en: 'List entries kept' },
  sender: { zh: '发送方', en: 'Sender' }, channel: { zh: '数据包类别', en: 'Bundle kind' }, acknowledged: { zh: '平台确认的导出', en: 'Exports the platform acknowledged' },
  keyringVersion: { zh: '密钥环版本', en: 'Keyring version' }, fingerprint: { zh: '密钥环指纹', en: 'Keyring fingerprint' }, confirmedBy: { zh: '核对人', en: 'Confirmed by' },
  problems: { zh: '发现的问题', en: 'Findings' }, previousCheckpoint: { zh: '上一个签署点', en: 'Previous checkpoint' }, arrangedThrough: { zh: '安排截至', en: 'Arranged through' },
  authorizationNo: { zh: '授权书编号', en: 'Authorization no.' }, genuine: { zh: '真实有效', en: 'Genuine' }, failure: { zh: '未通过原因', en: 'Why it failed' }, length: { zh: '字数', en: 'Length' },
  phase: { zh: '进行到', en: 'Stage' }, decidedOn: { zh: '决定日期', en: 'Decided on' }, correctedContent: { zh: '更正后的内容', en: 'Corrected content' },
  requestedBy: { zh: '申请人', en: 'Requested by' }, approvedBy: { zh: '批准人', en: 'Approved by' }, said: { zh: '说明', en: 'Explanation' },
  // An entity's lookup (issue 24).
  subjectKind: { zh: '查询对象类别', en: 'Subject kind' }, foundBy: { zh: '查找方式', en: 'Found by' }, clerkConfirmed: { zh: '受理员已核对确认', en: 'Confirmed by the clerk' },
  reportKind: { zh: '申请的报告', en: 'Report asked for' }, legalRepIdNumber: { zh: '法定代表人身份证号', en: "Legal representative's ID number" },
  licenceSighted: { zh: '已查验营业执照', en: 'Business licence checked' }, idNumber: { zh: '身份证号', en: 'ID number' },
  // An entity's report (issue 24).
  dataAsOf: { zh: '数据日期', en: 'Data as of' }, stale: { zh: '数据已超过时限', en: 'Data older than allowed' }, fields: { zh: '查询领域', en: 'Fields' },
  period: { zh: '查询期间', en: 'Period' },
  // A report checked on the verify screen (issue 24: the auditor read `by: qr`).
  by: { zh: '核验方式', en: 'Checked by' },
  // The office host's windows (issue 23).
  number: { zh: '窗口号', en: 'Window number' }, lock: { zh: '暂停范围', en: 'Paused for' }, fromName: { zh: '原名称', en: 'Old name' }, toName: { zh: '新名称', en: 'New name' },
  // Hall integration (issue 23): the hall's numbers on a visit, its end, the evaluation device.
  queueTicket: { zh: '排队号', en: 'Queue ticket' }, hallCaseNo: { zh: '办件编号', en: 'Hall case no.' }, serviceItems: { zh: '办理事项', en: 'Services' },
  evaluation: { zh: '通知评价器', en: 'Evaluation device told' }, evaluationAdapter: { zh: '评价器对接方式', en: 'Evaluation hook' }, evaluationUrl: { zh: '评价器地址', en: 'Evaluation device address' },
  attempts: { zh: '尝试次数', en: 'Attempts' }, httpStatus: { zh: '评价器应答状态码', en: 'Device HTTP status' }, delivered: { zh: '已送达', en: 'Delivered' },
  certSha256: { zh: '证书摘要', en: 'Certificate digest' }, window: { zh: '窗口号', en: 'Window' }, openedAt: { zh: '登录所在窗口', en: 'Opened at window' }, usedAt: { zh: '使用所在窗口', en: 'Used at window' }, officeName: { zh: '窗口单位名称', en: 'Office name' },
};

/** Keys of an object nested under these keys: a filter's from/to are its dates, not a case's states. */
export const NESTED_FIELDS: Record<string, Record<string, Label>> = {
  filter: {
    from: { zh: '起始日期', en: 'From' }, to: { zh: '截止日期', en: 'To' }, action: { zh: '操作', en: 'Action' }, group: { zh: '操作类别', en: 'Kind of action' },
    actor: { zh: '操作人', en: 'Actor' }, clerkId: { zh: '受理员账户序号', en: 'Clerk account no.' }, windowNumber: { zh: '窗口号', en: 'Window' }, identitySource: { zh: '身份核验方式', en: 'Identity taken by' }, idNumber: { zh: '身份证号', en: 'ID number' }, purposeCode: { zh: '用途', en: 'Purpose' },
  },
};

export const MORE_VALUES: Record<string, Label> = {
  // Registers under the chain (row.visit, row.query_log).
  visit: { zh: '来访登记', en: 'visit register' }, query_log: { zh: '查询登记', en: 'query register' },
  // Objection outcomes and record statuses (shared/domain/record.ts).
  upheld: { zh: '维持原记录', en: 'upheld' }, corrected: { zh: '予以更正', en: 'corrected' }, active: { zh: '公示中', en: 'published' },
  under_objection: { zh: '异议处理中', en: 'under objection' }, revoked: { zh: '已撤销', en: 'revoked' }, repaired: { zh: '已修复', en: 'repaired' }, expired: { zh: '公示期满', en: 'publication ended' },
  // Report sections and their scope.
  basic: { zh: '基本信息', en: 'basic information' }, licences: { zh: '行政许可', en: 'administrative licences' }, penalties: { zh: '行政处罚', en: 'administrative penalties' },
  dishonesty: { zh: '失信名单', en: 'dishonesty lists' }, honours: { zh: '红名单荣誉', en: 'red list and honours' }, other: { zh: '其他信息', en: 'other records' }, query_history: { zh: '查询记录', en: 'query history' },
  // Uploaded file types.
  'image/png': { zh: 'PNG 图片', en: 'PNG image' }, 'image/jpeg': { zh: 'JPEG 图片', en: 'JPEG image' }, 'application/pdf': { zh: 'PDF 文件', en: 'PDF file' },
  // Permissions (shared/contract/permissions.ts), as a refused call names what it needed.
  'counter.lookup': { zh: '窗口查询', en: 'counter lookup' }, 'subject.reveal': { zh: '显示完整身份信息', en: 'revealing full identity' }, 'querylog.read': { zh: '查阅查询登记', en: 'reading the query register' },
  'audit.read': { zh: '查阅审计日志', en: 'reading the audit log' }, 'accounts.manage': { zh: '管理账户', en: 'managing accounts' }, 'settings.manage': { zh: '管理设置', en: 'managing settings' },
  'report.print': { zh: '出具信用报告', en: 'issuing reports' }, 'report.verify': { zh: '核验信用报告', en: 'verifying reports' }, 'statement.create': { zh: '登记本人声明', en: 'recording statements' },
  'case.intake': { zh: '受理案件', en: 'case intake' }, 'case.manage': { zh: '办理案件', en: 'handling cases' }, 'sync.import': { zh: '导入数据包', en: 'importing bundles' },
  'sync.export': { zh: '导出数据包', en: 'exporting bundles' }, 'office.provision': { zh: '同步配置', en: 'sync setup' }, 'dashboard.office': { zh: '全窗口工作概览', en: 'the office dashboard' },
  'dashboard.own': { zh: '本人工作概览', en: 'own dashboard' }, 'calendar.manage': { zh: '管理节假日安排', en: 'managing the holiday calendar' },
  'windows.manage': { zh: '管理窗口', en: 'managing windows' }, session: { zh: '登录后可用', en: 'a signed-in session' },
  // Import stages, identity sources, report verification failures.
  checking: { zh: '检查', en: 'checking' }, applying: { zh: '写入', en: 'applying' }, finishing: { zh: '收尾', en: 'finishing' },
  typed: { zh: '手工输入', en: 'typed in' }, card: { zh: '读取身份证', en: 'ID card read' },
  malformed: { zh: '编码格式不对', en: 'malformed' }, unknown_key: { zh: '签名密钥未知', en: 'unknown signing key' }, bad_signature: { zh: '签名不符', en: 'signature does not match' },
  // Why a window's enrollment was refused or paused (electron/services/office/windowService.ts).
  code_malformed: { zh: '注册码格式不对', en: 'malformed code' }, code_unknown: { zh: '无此注册码', en: 'no such code' }, code_used: { zh: '注册码已用过', en: 'code already used' },
  code_expired: { zh: '注册码已过期', en: 'code expired' }, other_window: { zh: '在其他窗口使用', en: 'used at another window' }, 're-enrolled': { zh: '该窗口号已由新工作站注册', en: 'the number was enrolled by a new workstation' },
  source_locked: { zh: '该地址', en: 'this address' }, all_locked: { zh: '所有地址', en: 'every address' },
  // An entity's visit (issue 24).
  legal_rep: { zh: '法定代表人本人', en: 'legal representative in person' }, entity: { zh: '法人和非法人组织', en: 'legal entity' }, person: { zh: '自然人', en: 'person' },
  credit_code: { zh: '统一社会信用代码', en: 'unified social credit code' }, registration_no: { zh: '注册号', en: 'registration number' },
  // Why the evaluation device was not told (electron/services/hall/evaluationDevice.ts).
  device_unreachable: { zh: '评价器无法连接', en: 'device unreachable' }, device_timeout: { zh: '评价器未在时限内应答', en: 'device did not answer in time' },
  device_http_error: { zh: '评价器拒绝或出错', en: 'device answered with an error' }, device_transport: { zh: '与评价器通信出错', en: 'transport error' },
  device_interrupted: { zh: '发送时工作台关闭，未发送', en: 'interrupted: the console closed before sending' },
  not_found: { zh: '查无此报告', en: 'no such report' }, code_mismatch: { zh: '核验码不符', en: 'verification code does not match' }, record_altered: { zh: '报告存档已被改动', en: 'stored report altered' },
};

const EVALUATION_ADAPTER_WORDS: Record<string, Label> = {
  none: { zh: '不对接', en: 'none' }, http: { zh: '网络推送', en: 'HTTP POST' },
};

const BY: Record<'qr' | 'code', Label> = {
  qr: { zh: '扫描二维码', en: 'QR code scanned' }, code: { zh: '输入报告编号和核验码', en: 'report number and code typed' },
};

/**
 * A value read through its key: a purpose code by the office's catalogue, a bundle's sender and
 * kind in words, an action or group of a filter by its label. undefined when the key says nothing.
 */
export function keyedValueText(key: string, value: unknown, locale: Locale, named: { purpose?: (code: string) => string; action?: (code: string) => string; group?: (code: string) => string }): string | undefined {
  if (typeof value !== 'string') return undefined;
  if ((key === 'purpose' || key === 'purposeCode') && named.purpose) return named.purpose(value);
  if (key === 'sender') return bundleSenderWords(value, locale);
  if (key === 'channel') return bundlePurposeWords(value, locale);
  if (key === 'action' && named.action) return named.action(value);
  if (key === 'group' && named.group) return named.group(value);
  // A report's kind, and how it was checked: words that mean other things under other keys.
  if (key === 'reportKind' && (value === 'full' || value === 'special')) return ENTITY_REPORT_KIND_LABELS[value][locale === 'zh' ? 0 : 1];
  if (key === 'by' && (value === 'qr' || value === 'code')) return BY[value][locale];
  if (key === 'fields' && SPECIAL_FIELD_LABELS[value]) return SPECIAL_FIELD_LABELS[value][locale === 'zh' ? 0 : 1];
  if (key === 'serviceItems' && Object.hasOwn(SERVICE_ITEMS, value)) return SERVICE_ITEMS[value as keyof typeof SERVICE_ITEMS][locale];
  if (key === 'evaluationAdapter') return EVALUATION_ADAPTER_WORDS[value]?.[locale];
  return undefined;
}
