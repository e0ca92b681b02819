import { LABEL_COLON } from '../../../shared/i18n/punctuation';
import { bilingual } from '../../../shared/i18n/bilingual';

// Strings of the console shell, login, counter and logs. Each feature keeps its own file like this
// one and registers it in ./resources.ts, so features never edit each other's strings.
export const common = bilingual({
  zh: {
    colon: LABEL_COLON.zh,
    calendarWarning: { title: '{{years}} 年的国务院放假安排尚未载入', body: '涉及该年的办理时限按周末和法定节假日预计，并标注“预计”；安排载入后自动重算并记入审计日志。请从平台数据包导入，或由管理员录入、另一名管理员或科长确认。' },
    app: { integrityFailed: '数据库完整性检查未通过：请停止使用并联系管理员从最近的备份恢复。', latestBackup: '最近的备份：{{name}}（{{at}}）。', noBackup: '本窗口尚无备份。', title: '信用服务窗口工作台', short: '信用窗口', office: '服务窗口', demo: '演示', language: 'English', atWindow: '{{number}} 号窗口', hostDownBody: '在与办公主机恢复连接之前，本窗口不能办理业务，也不在本机保存任何数据。主机恢复后请点“重新连接”。', hostRetry: '重新连接', hostBack: '已重新连接办公主机。' },
    nav: { counter: '窗口受理', queryLog: '查询登记', audit: '审计日志', accounts: '账户管理' },
    action: { login: '登录', logout: '退出', lock: '锁定', unlock: '解锁', save: '保存', cancel: '取消', search: '查询', more: '加载更多', refresh: '刷新' },
    login: { title: '工作人员登录', username: '用户名', password: '密码', locked: '工作台已锁定', lockedHint: '为保护个人信息，工作台在无操作一段时间后自动锁定。', switchUser: '切换账户' },
    setup: { title: '首次启动：设置管理员', hint: '本数据目录尚无账户。请设置第一位管理员；其他账户由管理员在“账户管理”中创建。', displayName: '姓名', confirm: '确认密码', mismatch: '两次输入的密码不一致', passwordRule: '至少 10 位，包含字母和数字；不含用户名，不用常见弱密码' },
    role: { clerk: '窗口受理员', manager: '科长', operator: '同步操作员', auditor: '审查员', admin: '管理员' },
    counter: {
      newVisit: '新的查询', idNumber: '身份证号码', name: '姓名', applicant: '申请人', self: '本人', purpose: '查询用途', purposeText: '用途说明',
      lookup: '查询', idOk: '号码有效：{{birth}} 出生，{{gender}}', male: '男', female: '女', noRecord: '本窗口缓存中没有该身份证号码的信用记录。',
      noRecordHint: '可为申请人出具“无记录”报告。', platformUpdating: '平台数据正在更新，此处显示的是更新开始前的数据；查询、打印和受理照常办理。', visit: '受理编号 {{id}}', clear: '结束本次接待',
    },
    subject: {
      disputed: '异议处理中', identity: '身份信息', reveal: '显示完整', revealed: '已显示（已记录）', gender: '性别', birthYear: '出生年份', region: '地区代码',
      summary: '概要', published: '公示中', hidden: '不予展示', negative: '公示中的失信/处罚记录', lists: '名单', greenChannel: '可享“绿色通道”“容缺受理”服务', greenChannelNo: '不满足“绿色通道”条件',
      records: '信用记录', noRecords: '本栏目无记录', lists_title: '红黑名单及联合奖惩措施', measures: '措施', mandatory: '必须', recommended: '推荐', recentQueries: '近两年查询记录',
      decided: '决定日期', publicity: '公示期', provider: '提供单位', document: '文书号', until: '至', open: '长期',
      hiddenReason: { publicity_ended: '公示期已满', revoked: '已撤销', repaired: '已修复', not_yet_public: '尚未公示' },
    },
    section: { basic: '基本信息', licences: '行政许可', penalties: '行政处罚', dishonesty: '失信被执行人及严重失信主体名单', honours: '红名单及表彰荣誉', other: '其他信息' },
    // The subject view's tabs: a name short enough for six tabs in the counter's middle column (the full name is the tab's title).
    sectionShort: { basic: '基本信息', licences: '行政许可', penalties: '行政处罚', dishonesty: '失信名单', honours: '红名单荣誉', other: '其他信息' },
    severity: { minor: '轻微', ordinary: '一般', serious: '严重' },
    list: { red: '红名单', black: '黑名单', dishonest_debtor: '失信被执行人', abnormal_operation: '经营异常名录', active: '有效', exited: '已移出', removed: '已删除' },
    queryLog: { title: '查询使用登记', from: '起始日期', to: '截止日期', at: '时间', clerk: '受理员', subject: '查询对象', purpose: '用途', outcome: '结果', found: '有记录', no_record: '无记录', applicant: '申请人', agent: '代理人', empty: '没有符合条件的查询记录' },
    audit: { title: '审计日志', verify: '校验哈希链', ok: '哈希链完整：已校验 {{n}} 条', broken: '哈希链在第 {{seq}} 条断裂：{{reason}}', seq: '序号', at: '时间', actor: '操作人', action: '操作', target: '对象', detail: '详情' },
    accounts: { title: '账户', create: '新建账户', username: '用户名', displayName: '姓名', role: '角色', status: '状态', active: '正常', disabled: '已停用', locked: '已锁定', disable: '停用', enable: '启用', resetPassword: '重置密码', newPassword: '新密码', created: '账户已创建' },
  },
  en: {
    colon: LABEL_COLON.en,
    calendarWarning: { title: "The State Council's holiday arrangement for {{years}} is not loaded", body: 'Deadlines in that year are counted on weekends and the statutory holidays and marked provisional; they are recounted, and audited, once the arrangement is loaded. Import it from a platform bundle, or have an administrator enter it and a second administrator or a manager confirm it.' },
    app: { integrityFailed: 'The database failed its integrity check: stop using it and ask the administrator to restore the latest backup.', latestBackup: 'Latest backup: {{name}} ({{at}}).', noBackup: 'This office has no backup yet.', title: 'CreditDesk — Credit Service Window', short: 'CreditDesk', office: 'Office', demo: 'Demo', language: '中文', atWindow: 'Window {{number}}', hostDownBody: 'Until the office host answers again this window can do no work, and it keeps nothing on this machine. Once the host is back, press Reconnect.', hostRetry: 'Reconnect', hostBack: 'Connected to the office host again.' },
    nav: { counter: 'Counter', queryLog: 'Query log', audit: 'Audit log', accounts: 'Accounts' },
    action: { login: 'Log in', logout: 'Log out', lock: 'Lock', unlock: 'Unlock', save: 'Save', cancel: 'Cancel', search: 'Search', more: 'Load more', refresh: 'Refresh' },
    login: { title: 'Staff login', username: 'User name', password: 'Password', locked: 'Console locked', lockedHint: 'The console locks itself after a period without use to protect personal data.', switchUser: 'Switch user' },
    setup: { title: 'First start: set up the administrator', hint: 'This data directory has no accounts yet. Set up the first administrator; they create the other accounts under Accounts.', displayName: 'Full name', confirm: 'Confirm password', mismatch: 'The two passwords differ', passwordRule: 'At least 10 characters, letters and digits; not the user name, not a common password' },
    role: { clerk: 'Clerk', manager: 'Manager', operator: 'Sync operator', auditor: 'Auditor', admin: 'Administrator' },
    counter: {
      newVisit: 'New visit', idNumber: 'ID number', name: 'Name', applicant: 'Applicant', self: 'The subject in person', purpose: 'Purpose', purposeText: 'Describe the purpose',
      lookup: 'Look up', idOk: 'Valid number: born {{birth}}, {{gender}}', male: 'male', female: 'female', noRecord: 'There is no record for this ID number in this office’s cache.',
      noRecordHint: 'A “no record” report can be printed for the applicant.', platformUpdating: 'Platform data is being updated; this shows the data as it was before the update began. Lookups, reports and intake go on as usual.', visit: 'Visit {{id}}', clear: 'End this visit',
    },
    subject: {
      disputed: 'under objection', identity: 'Identity', reveal: 'Reveal', revealed: 'Revealed (logged)', gender: 'Gender', birthYear: 'Year of birth', region: 'Region code',
      summary: 'Summary', published: 'Published', hidden: 'Not shown', negative: 'Published negative records', lists: 'Lists', greenChannel: 'Eligible for “green channel” and “accept with missing documents” services', greenChannelNo: 'Not eligible for the green channel',
      records: 'Credit records', noRecords: 'No records in this section', lists_title: 'Red/black lists and joint measures', measures: 'Measures', mandatory: 'mandatory', recommended: 'recommended', recentQueries: 'Queries in the last two years',
      decided: 'Decided', publicity: 'Publicity', provider: 'Provider', document: 'Document', until: 'to', open: 'open-ended',
      hiddenReason: { publicity_ended: 'publicity period over', revoked: 'revoked', repaired: 'repaired', not_yet_public: 'not yet published' },
    },
    section: { basic: 'Basic information', licences: 'Administrative licences', penalties: 'Administrative penalties', dishonesty: 'Dishonest debtors and serious-dishonesty lists', honours: 'Red list and honours', other: 'Other records' },
    sectionShort: { basic: 'Basic', licences: 'Licences', penalties: 'Penalties', dishonesty: 'Dishonesty', honours: 'Honours', other: 'Other' },
    severity: { minor: 'minor', ordinary: 'ordinary', serious: 'serious' },
    list: { red: 'Red list', black: 'Black list', dishonest_debtor: 'Dishonest judgment debtor', abnormal_operation: 'Abnormal-operation list', active: 'active', exited: 'exited', removed: 'removed' },
    queryLog: { title: 'Query register', from: 'From', to: 'To', at: 'Time', clerk: 'Clerk', subject: 'Subject', purpose: 'Purpose', outcome: 'Outcome', found: 'found', no_record: 'no record', applicant: 'Applicant', agent: 'agent', empty: 'No queries match' },
    audit: { title: 'Audit log', verify: 'Verify hash chain', ok: 'Hash chain intact: {{n}} events checked', broken: 'Hash chain broken at event {{seq}}: {{reason}}', seq: 'Seq', at: 'Time', actor: 'Actor', action: 'Action', target: 'Target', detail: 'Detail' },
    accounts: { title: 'Accounts', create: 'New account', username: 'User name', displayName: 'Full name', role: 'Role', status: 'Status', active: 'active', disabled: 'disabled', locked: 'locked', disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password', newPassword: 'New password', created: 'Account created' },
  },
});
