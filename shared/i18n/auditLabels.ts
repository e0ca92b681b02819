import { errorCodeSentence, type Locale } from './errorMessages';
import { keyedValueText, MORE_FIELDS, MORE_VALUES, NESTED_FIELDS } from './auditWords';
import { LABEL_COLON } from './punctuation';

// Readable names for audit events and their details, for the audit screen and its exports: one
// label per action code, in both languages. Case events are "<kind>.<step>", named from both parts.

type Label = { zh: string; en: string };

const ACTIONS = {
  'auth.login': { zh: '登录', en: 'Logged in' },
  'auth.login_failed': { zh: '登录失败', en: 'Login failed' },
  'auth.lockout': { zh: '多次登录失败，账户锁定', en: 'Account locked after failed logins' },
  'auth.lock': { zh: '锁定工作台', en: 'Locked the console' },
  'auth.unlock': { zh: '解锁工作台', en: 'Unlocked the console' },
  'auth.unlock_failed': { zh: '解锁失败', en: 'Unlock failed' },
  'auth.logout': { zh: '退出登录', en: 'Logged out' },
  'account.create': { zh: '创建账户', en: 'Created an account' },
  'account.disable': { zh: '停用账户', en: 'Disabled an account' },
  'account.enable': { zh: '启用账户', en: 'Enabled an account' },
  'account.reset_password': { zh: '重置密码', en: 'Reset a password' },
  'permission.refused': { zh: '越权操作被拒绝', en: 'Action refused: no permission' },
  'counter.lookup': { zh: '窗口查询', en: 'Counter lookup' },
  // A visit or query-register row put under the audit chain (auditRowIn): one per lookup each.
  'row.visit': { zh: '来访登记入审计链', en: 'Visit entered in the audit chain' },
  'row.query_log': { zh: '查询登记入审计链', en: 'Query register entry chained' },
  'counter.name_mismatch': { zh: '姓名与号码不符', en: 'Name did not match the ID number' },
  'counter.agent_refused': { zh: '代理查询被拒绝', en: 'Agent lookup refused' },
  'counter.legal_rep_refused': { zh: '法定代表人核验不符，查询被拒绝', en: 'Legal representative did not match; lookup refused' },
  'subject.reveal': { zh: '显示完整身份信息', en: 'Revealed full identity' },
  'statement.create': { zh: '登记本人声明', en: 'Recorded a personal statement' },
  'attachment.upload': { zh: '上传附件', en: 'Uploaded an attachment' },
  'attachment.view': { zh: '查看附件', en: 'Viewed an attachment' },
  'account.unlock': { zh: '解除账户锁定', en: 'Unlocked an account' },
  'account.set_role': { zh: '变更角色', en: 'Changed a role' },
  // The office host's windows (issue 23).
  'window.enrollment_code': { zh: '生成窗口注册码', en: 'Made a window enrollment code' },
  'window.enroll': { zh: '注册窗口', en: 'Enrolled a window' },
  'window.enroll_refused': { zh: '窗口注册被拒绝', en: 'Window enrollment refused' },
  'window.enroll_locked': { zh: '注册码错误次数过多，暂停注册', en: 'Enrollment paused after too many wrong codes' },
  'window.revoke': { zh: '吊销窗口', en: 'Revoked a window' },
  'window.disable': { zh: '停用窗口', en: 'Disabled a window' },
  'window.enable': { zh: '启用窗口', en: 'Enabled a window' },
  'window.rename': { zh: '重命名窗口', en: 'Renamed a window' },
  'auth.session_refused': { zh: '登录凭据在其他窗口被使用，已拒绝', en: 'A sign-in used at another window was refused' },
  'account.reset_requested': { zh: '申请重置密码（待另一管理员批准）', en: 'Requested a password reset (awaits another administrator)' },
  'account.role_requested': { zh: '申请变更角色（待另一管理员批准）', en: 'Requested a role change (awaits another administrator)' },
  'account.approval_refused': { zh: '批准被拒绝', en: 'Approval refused' },
  'account.request_cancelled': { zh: '撤回申请', en: 'Withdrew a request' },
  'settings.idle_lock': { zh: '设置自动锁定时间', en: 'Set the idle-lock time' },
  'attachment.expire': { zh: '清除未关联的上传', en: 'Removed an unlinked upload' },
  'auth.change_password': { zh: '修改密码', en: 'Changed their password' },
  'auth.change_password_failed': { zh: '修改密码失败（当前密码不对）', en: 'Password change refused: wrong current password' },
  'calendar.proposed': { zh: '提议节假日安排', en: 'Proposed a holiday calendar' },
  'calendar.confirmed': { zh: '确认节假日安排', en: 'Confirmed a holiday calendar' },
  'case.read': { zh: '查阅案件', en: 'Read a case' },
  'case.read_refused': { zh: '查阅案件被拒绝', en: 'Case read refused' },
  'case.notice': { zh: '打印告知书', en: 'Printed a decision notice' },
  'report.issue': { zh: '出具信用报告', en: 'Issued a credit report' },
  'report.preview': { zh: '预览信用报告', en: 'Previewed a credit report' },
  'report.print': { zh: '打印信用报告', en: 'Printed a credit report' },
  'report.reprint': { zh: '补打信用报告', en: 'Reprinted a credit report' },
  'report.verify': { zh: '核验信用报告', en: 'Verified a credit report' },
  'receipt.printed': { zh: '打印受理回执', en: 'Printed a receipt' },
  'settings.rule_profile': { zh: '更改规则配置', en: 'Changed the rule profile' },
  'settings.card_reader': { zh: '设置身份证读卡器', en: 'Set up the ID card reader' },
  'settings.card_reader_test': { zh: '测试身份证读卡器', en: 'Tested the ID card reader' },
  'counter.card_read': { zh: '读取身份证件', en: 'Read an ID card' },
  'counter.card_refused': { zh: '读取的证件未通过核验', en: 'A card read was refused' },
  'counter.identity_refused': { zh: '不予采信的读卡核验', en: 'A claimed card read was refused' },
  'sync.provisioned': { zh: '配置服务窗口', en: 'Provisioned the office' },
  'sync.import_applied': { zh: '导入数据包', en: 'Imported a bundle' },
  'sync.import_refused': { zh: '拒绝导入数据包', en: 'Refused a bundle' },
  'sync.import_cancelled': { zh: '取消导入数据包', en: 'Cancelled a bundle import' },
  'sync.import_already': { zh: '数据包已导入过', en: 'Bundle already imported' },
  'sync.export_written': { zh: '导出数据包', en: 'Exported a bundle' },
  'sync.export_rewritten': { zh: '重新导出数据包', en: 'Exported a bundle again' },
  'dashboard.exported': { zh: '导出工作概览', en: 'Exported the dashboard' },
  'audit.exported': { zh: '导出审计日志', en: 'Exported the audit log' },
  'audit.break_acknowledged': { zh: '确认审计日志异常并重新签署', en: 'Acknowledged an audit-log break and signed the head again' },
  'querylog.exported': { zh: '导出查询登记', en: 'Exported the query register' },
  // Hall integration (issue 23): a visit's end, and the evaluation device (好差评).
  'counter.visit_end': { zh: '结束接待', en: 'Ended a visit' },
  'hall.evaluation_failed': { zh: '未能通知评价器', en: 'The evaluation device was not told' },
  'settings.hall_evaluation': { zh: '设置好差评评价器', en: 'Set up the evaluation device' },
  'settings.hall_evaluation_test': { zh: '测试好差评评价器', en: 'Tested the evaluation device' },
} satisfies Record<string, Label>;

const CASE_KINDS = { objection: { zh: '异议', en: 'Objection' }, repair: { zh: '信用修复', en: 'Repair' } } satisfies Record<string, Label>;
const CASE_STEPS = {
  received: { zh: '接收申请', en: 'received' },
  accepted: { zh: '受理', en: 'accepted' },
  accept: { zh: '受理', en: 'accepted' },
  reject: { zh: '不予受理', en: 'rejected' },
  verify: { zh: '开始核查', en: 'verification started' },
  forward: { zh: '转送', en: 'forwarded' },
  provider_reply: { zh: '登记提供单位答复', en: 'provider reply recorded' },
  provider_outcome: { zh: '提供单位处理结果', en: 'provider outcome' },
  pause: { zh: '暂停计时', en: 'clock stopped' },
  resume: { zh: '恢复计时', en: 'clock restarted' },
  extend: { zh: '延长时限', en: 'deadline extended' },
  decide: { zh: '作出决定', en: 'decided' },
  decision: { zh: '决定', en: 'decision' },
  notify: { zh: '告知申请人', en: 'applicant notified' },
  close: { zh: '办结', en: 'closed' },
  approve: { zh: '准予修复', en: 'approved' },
  deny: { zh: '不予修复', en: 'denied' },
  escalated: { zh: '超期督办', en: 'escalated (overdue)' },
  assigned: { zh: '分配承办人', en: 'assigned' },
  recounted: { zh: '按载入的放假安排重算时限', en: 'deadline recounted on the loaded holiday arrangement' },
} satisfies Record<string, Label>;

/**
 * Every action the core may write: one with a name in both languages. `auditIn` takes only these, so an
 * event an auditor would read as "other action" does not compile.
 */
export type AuditAction = keyof typeof ACTIONS | `${keyof typeof CASE_KINDS}.${CaseStepAction}`;
/** A step of an objection or repair case as its audit event names it (the part after the dot). */
export type CaseStepAction = keyof typeof CASE_STEPS;

/** The event's name in the console's language; an unknown code is shown as "other" plus its code. */
export function auditActionLabel(action: string, locale: Locale): string {
  const known = (ACTIONS as Record<string, Label>)[action];
  if (known) return known[locale];
  const [kind, step] = action.split('.', 2) as [string, string | undefined];
  const k = (CASE_KINDS as Record<string, Label>)[kind];
  const s = step ? (CASE_STEPS as Record<string, Label>)[step] : undefined;
  if (k && s) return locale === 'zh' ? `${k.zh}：${s.zh}` : `${k.en} ${s.en}`;
  return locale === 'zh' ? '其他操作' : 'Other action';
}

/** Action codes a filter may offer, with their group (the part before the dot). */
export function auditActionCodes(): string[] {
  const cases = Object.keys(CASE_KINDS).flatMap((k) => ['received', 'accepted', 'reject', 'verify', 'forward', 'provider_reply', 'pause', 'resume', 'extend', 'decide', 'notify', 'close', 'approve', 'deny', 'escalated', 'assigned', 'recounted'].map((s) => `${k}.${s}`));
  return [...Object.keys(ACTIONS), ...cases];
}

const GROUPS: Record<string, Label> = {
  auth: { zh: '登录与锁定', en: 'Sign-in and lock' },
  account: { zh: '账户', en: 'Accounts' },
  permission: { zh: '权限', en: 'Permissions' },
  counter: { zh: '窗口查询', en: 'Counter' },
  subject: { zh: '身份信息', en: 'Identity' },
  statement: { zh: '本人声明', en: 'Statements' },
  attachment: { zh: '附件', en: 'Attachments' },
  report: { zh: '信用报告', en: 'Reports' },
  receipt: { zh: '回执', en: 'Receipts' },
  settings: { zh: '设置', en: 'Settings' },
  sync: { zh: '数据同步', en: 'Data sync' },
  objection: { zh: '异议', en: 'Objections' },
  repair: { zh: '信用修复', en: 'Repairs' },
  dashboard: { zh: '导出', en: 'Exports' },
  audit: { zh: '导出', en: 'Exports' },
  querylog: { zh: '导出', en: 'Exports' },
  hall: { zh: '大厅对接', en: 'Hall integration' },
};

export function auditGroupLabel(action: string, locale: Locale): string {
  return GROUPS[action.split('.')[0]!]?.[locale] ?? (locale === 'zh' ? '其他' : 'Other');
}

const FIELDS: Record<string, Label> = {
  role: { zh: '角色', en: 'Role' }, firstRun: { zh: '首次启动', en: 'First run' }, failures: { zh: '失败次数', en: 'Failures' }, reason: { zh: '原因', en: 'Reason' },
  needs: { zh: '所需权限', en: 'Permission needed' }, typedName: { zh: '输入的姓名', en: 'Name typed' }, visitId: { zh: '受理编号', en: 'Visit' }, field: { zh: '字段', en: 'Field' },
  fileName: { zh: '文件名', en: 'File name' }, size: { zh: '大小（字节）', en: 'Size (bytes)' }, mimeType: { zh: '文件类型', en: 'File type' },
  reportId: { zh: '报告序号', en: 'Report' }, reportNo: { zh: '报告编号', en: 'Report no.' }, copyNo: { zh: '份次', en: 'Copy' }, copy: { zh: '份次', en: 'Copy' }, kind: { zh: '方式', en: 'Kind' },
  digest: { zh: '摘要', en: 'Digest' }, beyondFree: { zh: '超出免费次数', en: 'Beyond free reports' }, applicant: { zh: '申请人', en: 'Applicant' }, scope: { zh: '范围', en: 'Scope' }, counts: { zh: '条数', en: 'Counts' },
  from: { zh: '原状态', en: 'From' }, to: { zh: '新状态', en: 'To' }, caseNos: { zh: '案件编号', en: 'Case numbers' }, caseKind: { zh: '案件类别', en: 'Case kind' }, caseId: { zh: '案件序号', en: 'Case' },
  providerUnit: { zh: '提供单位', en: 'Providing unit' }, route: { zh: '核查方式', en: 'Route' }, dueOn: { zh: '时限', en: 'Due' }, daysLate: { zh: '超期天数', en: 'Days late' },
  outcome: { zh: '结果', en: 'Outcome' }, effects: { zh: '处理结果', en: 'Effects' }, recordIds: { zh: '信息序号', en: 'Records' }, attachments: { zh: '附件', en: 'Attachments' },
  format: { zh: '格式', en: 'Format' }, rows: { zh: '行数', en: 'Rows' }, filter: { zh: '筛选条件', en: 'Filter' }, profileId: { zh: '规则配置', en: 'Rule profile' }, profile: { zh: '规则配置', en: 'Rule profile' },
  purposeCode: { zh: '用途', en: 'Purpose' }, sequence: { zh: '序号', en: 'Sequence' }, bundle: { zh: '数据包', en: 'Bundle' }, officeCode: { zh: '窗口代码', en: 'Office code' },
  eligibility: { zh: '修复条件', en: 'Eligibility' }, totalDays: { zh: '总天数', en: 'Total days' }, pauseReason: { zh: '暂停原因', en: 'Pause reason' }, listEntriesExited: { zh: '移出名单', en: 'List entries exited' },
  verified: { zh: '核验结果', en: 'Verified' }, result: { zh: '结果', en: 'Result' }, method: { zh: '方法', en: 'Method' },
  purpose: { zh: '用途', en: 'Purpose' }, found: { zh: '有记录', en: 'Found' }, status: { zh: '状态', en: 'Status' }, since: { zh: '起始', en: 'Since' }, publicationEndsOn: { zh: '公示截止', en: 'Publication ends' },
  code: { zh: '原因', en: 'Reason' }, documentNo: { zh: '授权书编号', en: 'Authorization no.' }, agentIdNumber: { zh: '代理人身份证号', en: 'Agent ID number' },
  afterReset: { zh: '重置后', en: 'After reset' }, bundleHash: { zh: '数据包摘要', en: 'Bundle digest' }, detail: { zh: '详情', en: 'Detail' }, entryId: { zh: '条目序号', en: 'Entry' },
  holidays: { zh: '节假日', en: 'Holidays' }, workdays: { zh: '调休工作日', en: 'Make-up workdays' }, id: { zh: '序号', en: 'ID' }, minutes: { zh: '分钟', en: 'Minutes' },
  mustChange: { zh: '须修改密码', en: 'Must change password' }, notice: { zh: '公告', en: 'Notice' }, proposedBy: { zh: '提议人', en: 'Proposed by' }, received: { zh: '接收', en: 'Received' },
  recordId: { zh: '信息序号', en: 'Record' }, requestId: { zh: '申请序号', en: 'Request' }, rowHash: { zh: '行摘要', en: 'Row digest' }, statementId: { zh: '声明序号', en: 'Statement' },
  wasLockedUntil: { zh: '原锁定至', en: 'Was locked until' }, what: { zh: '查阅内容', en: 'What was read' },
  knownDevice: { zh: '来自已登录过的浏览器或窗口', en: 'From a known browser or window' }, correctPassword: { zh: '密码正确', en: 'Correct password' }, via: { zh: '经由', en: 'Via' },
  firstDate: { zh: '最早日期', en: 'Earliest date' }, minPeriodEnd: { zh: '最短公示期满', en: 'Minimum period ends' }, rule: { zh: '规则', en: 'Rule' },
  adapter: { zh: '读卡方式', en: 'Reader adapter' }, url: { zh: '读卡服务地址', en: 'Reader service address' }, timeoutMs: { zh: '读卡时限（毫秒）', en: 'Read timeout (ms)' }, library: { zh: '读卡库文件', en: 'Reader library file' }, libraryPort: { zh: '读卡器端口', en: 'Reader port' },
  // The office host's windows (issue 23): a window's name, an enrollment code's expiry, the address a try came from.
  name: { zh: '名称', en: 'Name' }, expiresAt: { zh: '失效时间', en: 'Expires at' }, source: { zh: '来源地址', en: 'From address' },
  state: { zh: '读卡器状态', en: 'Reader state' }, cardType: { zh: '证件类型', en: 'Card type' }, expired: { zh: '已过期', en: 'Expired' },
  securityModuleId: { zh: '读卡器安全模块号', en: 'Reader security module' }, identitySource: { zh: '身份核验方式', en: 'Identity taken by' },
  identityReason: { zh: '手工输入原因', en: 'Reason for typing' }, identityNote: { zh: '受理员说明', en: "Clerk's note" },
};

export function auditFieldLabel(key: string, locale: Locale): string {
  return FIELDS[key]?.[locale] ?? MORE_FIELDS[key]?.[locale] ?? key;
}

// Enumerated values the core writes in details (states, roles, kinds, its own English reasons).
const VALUES: Record<string, Label> = {
  received: { zh: '已接收', en: 'received' }, accepted: { zh: '已受理', en: 'accepted' }, rejected: { zh: '不予受理', en: 'rejected' }, verifying: { zh: '核查中', en: 'verifying' },
  decided: { zh: '已决定', en: 'decided' }, notified: { zh: '已告知', en: 'notified' }, closed: { zh: '已办结', en: 'closed' }, forwarded: { zh: '已转认定单位', en: 'forwarded' },
  approved: { zh: '准予修复', en: 'approved' }, denied: { zh: '不予修复', en: 'denied' },
  clerk: { zh: '窗口受理员', en: 'clerk' }, manager: { zh: '科长', en: 'manager' }, operator: { zh: '同步操作员', en: 'operator' }, auditor: { zh: '审查员', en: 'auditor' }, admin: { zh: '管理员', en: 'administrator' },
  self: { zh: '本人', en: 'in person' }, agent: { zh: '代理人', en: 'agent' }, own: { zh: '自行核查', en: 'own check' }, provider: { zh: '转提供单位核查', en: 'provider check' },
  print: { zh: '打印', en: 'print' }, pdf: { zh: 'PDF', en: 'PDF' }, csv: { zh: 'CSV', en: 'CSV' }, xlsx: { zh: 'Excel', en: 'Excel' },
  objection: { zh: '异议', en: 'objection' }, repair: { zh: '信用修复', en: 'repair' }, case: { zh: '案件', en: 'case' }, receipt: { zh: '回执', en: 'receipt' }, notice: { zh: '告知书', en: 'notice' }, eligible: { zh: '满足条件', en: 'eligible' },
  'accepted at the counter': { zh: '窗口当场受理', en: 'accepted at the counter' }, 'deadline passed': { zh: '已超过办理时限', en: 'deadline passed' },
};

/** A detail value as text: lists joined, yes/no for flags, nested objects as "label: value" pairs. */
export function auditValueText(value: unknown, locale: Locale, purposeLabel?: (code: string) => string, parentKey?: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return locale === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  // A list's items are read through the list's key (a special report's `fields: ['tax']`).
  if (Array.isArray(value)) return value.map((v) => (parentKey ? detailValueText(parentKey, v, locale, purposeLabel) : auditValueText(v, locale, purposeLabel))).join(locale === 'zh' ? '、' : ', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabelFor(k, v, locale, parentKey)}${LABEL_COLON[locale]}${detailValueText(k, v, locale, purposeLabel)}`)
      .join(locale === 'zh' ? '；' : '; ');
  }
  return typeof value === 'string' ? (VALUES[value]?.[locale] ?? MORE_VALUES[value]?.[locale] ?? value) : String(value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_BOUNDS: Record<string, Label> = { from: { zh: '起始日期', en: 'From' }, to: { zh: '截止日期', en: 'To' } };

/** A key's label where it sits: inside a filter, or a from/to that holds a day (issue 28: dates read 原状态/新状态). */
function fieldLabelFor(key: string, value: unknown, locale: Locale, parentKey?: string): string {
  const nested = parentKey ? NESTED_FIELDS[parentKey]?.[key] : undefined;
  if (nested) return nested[locale];
  if (typeof value === 'string' && DAY.test(value) && DATE_BOUNDS[key]) return DATE_BOUNDS[key][locale];
  return auditFieldLabel(key, locale);
}

function detailValueText(key: string, value: unknown, locale: Locale, purposeLabel?: (code: string) => string): string {
  const named = { ...(purposeLabel ? { purpose: purposeLabel } : {}), action: (c: string) => auditActionLabel(c, locale), group: (c: string) => auditGroupLabel(c, locale) };
  return keyedValueText(key, value, locale, named) ?? auditValueText(value, locale, purposeLabel, key);
}

/** The sentences a refusal was given in when it was written (sync refusals), if the event keeps them. */
function saidIn(detail: Record<string, unknown>, locale: Locale): string | undefined {
  const said = detail.said as Partial<Record<Locale, unknown>> | undefined;
  return typeof said?.[locale] === 'string' ? said[locale] : undefined;
}

/** An event's target as the auditor reads it: a register row by its name, a method name quoted. */
export function auditTargetText(action: string, target: string | null, locale: Locale, detail: Record<string, unknown> = {}): string {
  if (target === null) return '';
  // A window by its number; an enrolled workstation's identity keeps its first letters, to tell two
  // workstations that held the same number apart.
  const win = /^window:(?:(\d+)|([0-9a-f-]{36}))$/.exec(target);
  if (win) {
    const number = win[1] ?? (typeof detail.number === 'number' ? String(detail.number) : '?');
    const named = locale === 'zh' ? `${number} 号窗口` : `Window ${number}`;
    return win[2] ? `${named}${locale === 'zh' ? '（' : ' ('}${win[2].slice(0, 8).toUpperCase()}${locale === 'zh' ? '）' : ')'}` : named;
  }
  const row = /^(visit|query_log):(\d+)$/.exec(target);
  if (row) return locale === 'zh' ? `${MORE_VALUES[row[1]!]!.zh}第 ${row[2]} 条` : `${MORE_VALUES[row[1]!]!.en} no. ${row[2]}`;
  if (action === 'settings.idle_lock') return locale === 'zh' ? '自动锁定时间' : 'Idle-lock time';
  // A refused call names the method it tried as the code names it (what IT staff search for): quoted.
  if (action === 'permission.refused') return locale === 'zh' ? `“${target}”` : `"${target}"`;
  return target;
}

/**
 * The details as labelled fields, in the order they were written. `purposeLabel` names purpose
 * codes from the office's purpose catalogue (the one source of those names).
 */
export function auditDetailFields(detail: Record<string, unknown>, locale: Locale, purposeLabel?: (code: string) => string): [label: string, value: string][] {
  return Object.entries(detail)
    .filter(([k]) => k !== 'said')
    .map(([k, v]) => [
      fieldLabelFor(k, v, locale),
      // A refusal's error code reads as the sentence the person was shown, never as the code.
      k === 'code' && typeof v === 'string'
        ? (saidIn(detail, locale) ?? errorCodeSentence(v, locale) ?? auditValueText(v, locale))
        : detailValueText(k, v, locale, purposeLabel),
    ]);
}
