// Strings of objections, credit repair, receipts and the manager's queues (zh and en).
export const cases = {
  zh: {
    nav: { cases: '异议与修复' },
    cases: {
      objection: '异议', repair: '信用修复', acceptObjection: '受理异议', applyRepair: '申请信用修复', chooseRecords: '选择异议涉及的信息',
      scope: '异议类型', description: '申请人陈述', attachment: '附件（可选）', submit: '受理并打印回执', receipt: '受理回执', print: '打印', printed: '已打印 {{n}} 份',
      record: '信用信息', eligibility: '修复条件', eligible: '已满足最短公示期（自 {{since}} 起）', notYet: '尚未满足最短公示期，最早可于 {{date}} 申请',
      nonRepairable: '不得提前修复：{{rule}}', expired: '最长公示期已满（{{date}}），已自动停止公示，无需申请', notPublished: '该信息不予公示，无需修复', notApplicable: '该类信息不适用信用修复',
      obligations: '已纠正失信行为、履行法定义务', commitment: '已签署信用承诺书', training: '信用修复培训证明编号（如有）', note: '说明', dueOn: '办理时限',
      queue: '案件队列', search: '案件编号或身份证号码', due: '时限', all: '全部', overdue: '已超期', dueSoon: '即将到期', state: '状态', assignee: '承办人', unassigned: '未分配',
      assignTo: '分配给', assign: '分配所选', workload: '承办人工作量', open: '在办', caseNo: '案件编号', subject: '信息主体', provider: '提供单位', received: '受理日期',
      daysLate: '超期 {{n}} 天', daysLeft: '剩余 {{n}} 天', escalated: '已督办', paused: '已暂停计时', calendarGap: '{{year}} 年节假日未载入', history: '办理过程', recordsBoth: '受理时与现在的信息',
      atIntake: '受理时', now: '现在', receipts: '回执', actions: '办理', reason: '理由', outcome: '处理结果', verifyOwn: '自行核查', verifyProvider: '转提供单位核查', decide: '作出决定',
      notify: '告知申请人', close: '办结', accept: '受理', reject: '不予受理', approve: '准予修复', deny: '不予修复', forward: '转认定单位', correctedContent: '更正后的内容', total: '共 {{n}} 件',
      scopes: { wrong: '信息错误', missing: '信息遗漏', duplicated: '信息重复', should_not_publish: '不应公示', past_period: '超过公示期仍公示', inconsistent_with_authority: '与认定机关不一致' },
      states: { received: '已接收', accepted: '已受理', rejected: '不予受理', verifying: '核查中', decided: '已决定', notified: '已告知', closed: '已办结', forwarded: '已转认定单位', approved: '准予修复', denied: '不予修复' },
      outcomes: { corrected: '更正', revoked: '撤销', supplemented: '补充', display_stopped: '停止公示', removed_from_list: '移出名单', upheld: '维持', undeterminable: '无法核实' },
    },
  },
  en: {
    nav: { cases: 'Objections & repair' },
    cases: {
      objection: 'Objection', repair: 'Credit repair', acceptObjection: 'Accept an objection', applyRepair: 'Apply for credit repair', chooseRecords: 'Records objected to',
      scope: 'Objection scope', description: "Applicant's description", attachment: 'Attachment (optional)', submit: 'Accept and print receipt', receipt: 'Acceptance receipt', print: 'Print', printed: '{{n}} copies printed',
      record: 'Record', eligibility: 'Eligibility', eligible: 'Shortest publicity period reached (since {{since}})', notYet: 'Shortest period not yet reached; earliest application on {{date}}',
      nonRepairable: 'Cannot be repaired early: {{rule}}', expired: 'Longest period ended ({{date}}); publication stopped by itself, no application needed', notPublished: 'Not published; nothing to repair', notApplicable: 'Credit repair does not apply to this record',
      obligations: 'Misconduct corrected, obligations performed', commitment: 'Credit commitment signed', training: 'Training certificate no. (if any)', note: 'Note', dueOn: 'Due',
      queue: 'Case queue', search: 'Case number or ID number', due: 'Deadline', all: 'All', overdue: 'Overdue', dueSoon: 'Due soon', state: 'State', assignee: 'Assignee', unassigned: 'Unassigned',
      assignTo: 'Assign to', assign: 'Assign selected', workload: 'Workload', open: 'Open', caseNo: 'Case no.', subject: 'Subject', provider: 'Provider', received: 'Received',
      daysLate: '{{n}} days late', daysLeft: '{{n}} days left', escalated: 'Escalated', paused: 'Clock stopped', calendarGap: 'Calendar for {{year}} not loaded', history: 'History', recordsBoth: 'Records at intake and now',
      atIntake: 'At intake', now: 'Now', receipts: 'Receipts', actions: 'Actions', reason: 'Reason', outcome: 'Outcome', verifyOwn: 'Verify ourselves', verifyProvider: 'Forward to provider', decide: 'Decide',
      notify: 'Notify applicant', close: 'Close', accept: 'Accept', reject: 'Reject', approve: 'Approve repair', deny: 'Deny repair', forward: 'Forward to deciding authority', correctedContent: 'Corrected content', total: '{{n}} cases',
      scopes: { wrong: 'Wrong', missing: 'Missing', duplicated: 'Duplicated', should_not_publish: 'Should not be published', past_period: 'Published past its period', inconsistent_with_authority: 'Inconsistent with the deciding authority' },
      states: { received: 'Received', accepted: 'Accepted', rejected: 'Rejected', verifying: 'Verifying', decided: 'Decided', notified: 'Notified', closed: 'Closed', forwarded: 'Forwarded', approved: 'Approved', denied: 'Denied' },
      outcomes: { corrected: 'Corrected', revoked: 'Revoked', supplemented: 'Supplemented', display_stopped: 'Display stopped', removed_from_list: 'Removed from list', upheld: 'Upheld', undeterminable: 'Undeterminable' },
    },
  },
};
