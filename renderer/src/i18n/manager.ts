import { bilingual } from '../../../shared/i18n/bilingual';
// Strings of the dashboards, exports and the auditor's log screens (zh and en).
export const manager = bilingual({
  zh: {
    nav: { dashboard: '工作概览' },
    cases: { mine: '只看我承办的案件', viewAttachment: '查看附件', attachmentTitle: '附件：{{name}}', attachmentLoading: '正在打开附件……', saveAttachment: '另存到本机', search: '姓名、身份证号码（至少 4 位）或案件编号' },
    export: { csv: '导出 CSV', xlsx: '导出 Excel' },
    audit: { who: '操作人', anyone: '全部人员', nobody: '没有该人员', what: '操作', anything: '全部操作', wholeGroup: '{{group}}（全部）', from: '起始日期', to: '截止日期', reset: '清除条件', empty: '没有符合条件的审计记录。',
      exportedHead: '最近一次导出到平台（第 {{export}} 号，{{at}}）的审计链末端：第 {{seq}} 条，校验值 {{hash}}…，{{ack}}。请与平台所存的末端核对：不一致说明本机数据库被替换成了旧副本（本机校验无法发现）。',
      exportedHeadNone: '尚未向平台导出过审计链，暂无可与平台核对的末端。', acknowledged: '平台已确认收到', notAcknowledged: '平台尚未确认' },
    queryLog: { anyClerk: '全部受理员', subjectId: '查询对象身份证号码', subjectIdHint: '完整号码或其中至少 4 位', anyPurpose: '全部用途', personPurposes: '个人查询', entityPurposes: '单位查询' },
    dashboard: {
      office: '本窗口工作概览', mine: '我的今日工作', asOf: '{{date}}（北京时间）', today: '今日', cases: '在办案件', myCases: '我承办的在办案件',
      open: '在办', dueToday: '今日到期', dueThisWeek: '本周内到期（至 {{date}}）', overdue: '已超期', onTime: '近30天按时办结率（{{n}} 件）',
      chartCounter: '近30天窗口业务', chartCases: '近30天受理的异议与修复', chartOnTime: '近30天按时办结率',
      series: { visits: '接待人次', reports: '出具报告', reprints: '补打报告', objections: '受理异议', repairs: '受理修复', onTimePct: '按时办结率' },
      byWindow: { title: '今日各窗口', window: '窗口', console: '本机', lookups: '查询', reports: '出具报告', intakes: '受理案件' },
    },
  },
  en: {
    nav: { dashboard: 'Overview' },
    cases: { mine: 'Only cases assigned to me', viewAttachment: 'View attachment', attachmentTitle: 'Attachment: {{name}}', attachmentLoading: 'Opening the attachment…', saveAttachment: 'Save a copy', search: 'Name, ID number (4+ digits) or case no.' },
    export: { csv: 'Export CSV', xlsx: 'Export Excel' },
    audit: { who: 'Who', anyone: 'Anyone', nobody: 'No such person', what: 'What', anything: 'Any action', wholeGroup: '{{group}} (all)', from: 'From', to: 'To', reset: 'Clear filter', empty: 'No audit events match.',
      exportedHead: 'Chain head in the last export to the platform (no. {{export}}, {{at}}): event {{seq}}, MAC {{hash}}…, {{ack}}. Compare it with the head the platform holds: a difference means this database was replaced by an older copy (local verification cannot tell).',
      exportedHeadNone: 'The audit chain has not been exported to the platform yet: there is no head to compare with the platform.', acknowledged: 'acknowledged by the platform', notAcknowledged: 'not yet acknowledged by the platform' },
    queryLog: { anyClerk: 'Any clerk', subjectId: 'Subject ID number', subjectIdHint: 'Whole number or 4+ of its digits', anyPurpose: 'Any purpose', personPurposes: 'Persons', entityPurposes: 'Organisations' },
    dashboard: {
      office: 'Office overview', mine: 'My day', asOf: '{{date}} (China time)', today: 'Today', cases: 'Open cases', myCases: 'Open cases assigned to me',
      open: 'Open', dueToday: 'Due today', dueThisWeek: 'Due this week (to {{date}})', overdue: 'Overdue', onTime: 'Decided on time, last 30 days ({{n}} cases)',
      chartCounter: 'Counter work, last 30 days', chartCases: 'Objections and repairs received, last 30 days', chartOnTime: 'Decided on time, last 30 days',
      series: { visits: 'Visits', reports: 'Reports issued', reprints: 'Reprints', objections: 'Objections received', repairs: 'Repairs received', onTimePct: 'On time' },
      byWindow: { title: 'Today by window', window: 'Window', console: 'This console', lookups: 'Lookups', reports: 'Reports issued', intakes: 'Cases received' },
    },
  },
});
