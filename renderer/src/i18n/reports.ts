import { bilingual } from '../../../shared/i18n/bilingual';
import { specialFieldNames } from '../../../shared/i18n/entityLabels';
// Strings of the counter's authorization form, the report preview and printing, statements and
// the "verify a report" screen.
export const reports = bilingual({
  zh: {
    nav: { verify: '报告核验' },
    agent: {
      applicant: '代理人', title: '代理人及书面授权', idNumber: '代理人身份证号码', name: '代理人姓名', documentNo: '授权书编号',
      scope: '授权范围', validFrom: '授权起始日期', validTo: '授权截止日期', notarised: '授权书已公证', letter: '授权书扫描件（PNG、JPEG 或 PDF）',
      uploaded: '已上传：{{hash}}', uploading: '正在上传…', view: '查看', queryHistory: '查询记录',
      letterTitle: '授权范围及授权书扫描件',
      required: {
        agentIdNumber: '请输入代理人身份证号码。', agentName: '请输入代理人姓名。', documentNo: '请输入授权书编号。',
        validFrom: '请填写授权起始日期。', validTo: '请填写授权截止日期。', scope: '请勾选授权书写明的查询范围（至少一项）。', letter: '请上传授权书扫描件。',
      },
    },
    report: {
      title: '信用报告', quota: '{{year}} 年已出具 {{used}} 份，免费 {{free}} 份', beyond: '本年度免费次数已用完。请向申请人说明并确认后再出具。',
      confirmBeyond: '申请人已确认超出免费次数', issue: '生成报告', issued: '报告编号 {{no}}，验证码 {{code}}', noRecord: '无记录报告',
      preview: '预览', copies: '已出具 {{n}} 份', reprintNote: '下一份为重印件（第 {{n}} 份），页面上会注明。',
      closePreview: '关闭预览', beyondFree: '超出免费次数', copyLabel: '本份：第 {{n}} 份（{{kind}}）', original: '正本', reprint: '重印件',
    },
    pdf: {
      print: '打印', save: '另存为 PDF', printer: '打印机', pages: '共 {{n}} 页', failed: '打印失败：{{reason}}。未计入打印份数。',
      ask: '打印机是否已打出这一份？只有打出的份数才会登记。', yes: '已打出，登记', no: '未打出',
      loading: '正在打开 PDF…', counted: '打印出来或另存为 PDF，都计为出具一份。',
    },
    notice: { button: '打印处理结果告知书', title: '处理结果告知书' },
    statement: {
      title: '本人声明', subject: '针对全部信息', record: '针对的记录', text: '声明内容', add: '添加声明', count: '{{n}} / {{max}} 字', added: '声明已记录，将显示在报告中。',
      selfOnly: '本人声明须由信息主体本人提出。', none: '暂无本人声明',
      entityTitle: '主体声明', entityOnly: '主体声明须由法定代表人本人提出，经办人不能代为声明。', entityNone: '暂无主体声明',
    },
    verify: {
      title: '报告核验', byCode: '编号与验证码', byQr: '二维码文本', byImage: '二维码图片', reportNo: '报告编号', code: '验证码', qrText: '二维码内容',
      image: '选择二维码图片', check: '核验', genuine: '报告真实有效', notGenuine: '无法确认为真实报告', office: '出具机构', issuedAt: '出具时间',
      subject: '信息主体', counts: '各类信息条数', copies: '已打印份数', notInScope: '未授权', noQr: '图片中没有识别到二维码。',
      failure: { malformed: '不是本系统出具的报告二维码。', unknown_key: '出具机构的签名密钥不在本窗口的可信名单中。', bad_signature: '签名校验失败：内容被改动或不是该机构出具。', not_found: '本窗口没有该编号的报告；请使用二维码核验。', code_mismatch: '验证码与报告编号不符。', record_altered: '本窗口存档的该报告内容已被改动，与签名不符；请联系审计员。' },
      offline: '核验在本机离线完成，不需要联网。编号与验证码可核验本窗口出具的报告；二维码可核验可信名单中任何机构出具的报告。',
      kind: '报告种类', period: '查询期间', periodText: '{{from}} 至 {{to}}', fields: '各领域记录条数',
      kinds: { personal: '个人公共信用信息报告', entity: '法人和非法人组织公共信用信息报告', special: '专项信用报告' },
      entitySection: {
        registration: '登记基础信息', licences: '行政许可', penalties: '行政处罚', enforcement: '行政强制', serious_dishonesty: '严重失信主体名单', abnormal_operation: '经营异常名录',
        judicial: '司法判决及执行', tax_credit: '纳税信用', contract_performance: '合同履约', credit_commitment: '信用承诺', credit_evaluation: '信用评价', honours: '表彰荣誉及红名单', other: '其他',
      },
      specialField: specialFieldNames(0),
    },
  },
  en: {
    nav: { verify: 'Verify a report' },
    agent: {
      applicant: 'Agent', title: 'Agent and written authorization', idNumber: "Agent's ID number", name: "Agent's name", documentNo: 'Authorization No.',
      scope: 'Authorized sections', validFrom: 'Valid from', validTo: 'Valid until', notarised: 'Notarised', letter: 'Scanned letter (PNG, JPEG or PDF)',
      uploaded: 'Uploaded: {{hash}}', uploading: 'Uploading…', view: 'View', queryHistory: 'Query history',
      letterTitle: 'Authorized sections and the scanned letter',
      required: {
        agentIdNumber: "Enter the agent's ID number.", agentName: "Enter the agent's name.", documentNo: 'Enter the authorization number.',
        validFrom: 'Enter the date the authorization is valid from.', validTo: 'Enter the date the authorization is valid until.',
        scope: 'Tick the sections the letter authorizes (at least one).', letter: 'Attach the scanned letter.',
      },
    },
    report: {
      title: 'Credit report', quota: '{{used}} of {{free}} free reports used in {{year}}', beyond: 'The free reports for this year are used up. Tell the applicant and confirm before issuing.',
      confirmBeyond: 'The applicant confirmed a report beyond the free ones', issue: 'Issue report', issued: 'Report {{no}}, verification code {{code}}', noRecord: '“No record” report',
      preview: 'Preview', copies: '{{n}} copies made', reprintNote: 'The next copy is a reprint (copy {{n}}); the page says so.',
      closePreview: 'Close preview', beyondFree: 'beyond the free reports', copyLabel: 'This copy: copy {{n}} ({{kind}})', original: 'original', reprint: 'reprint',
    },
    pdf: {
      print: 'Print', save: 'Save as PDF', printer: 'Printer', pages: '{{n}} pages', failed: 'Printing failed: {{reason}}. The copy was not counted.',
      ask: 'Did the printer print this copy? Only copies that came out are recorded.', yes: 'Printed, record it', no: 'Not printed',
      loading: 'Opening the PDF…', counted: 'A copy printed or saved as a PDF counts as one copy made.',
    },
    notice: { button: 'Print decision notice', title: 'Decision notice' },
    statement: {
      title: 'Personal statement', subject: 'On the whole file', record: 'On record', text: 'Statement', add: 'Add statement', count: '{{n}} / {{max}} characters', added: 'Statement recorded; it will show on reports.',
      selfOnly: 'A personal statement is taken from the subject in person.', none: 'No personal statements',
      entityTitle: 'Statement of the organisation', entityOnly: "The organisation's statement is made by its legal representative in person; an agent cannot make it.", entityNone: 'No statements of the organisation',
    },
    verify: {
      title: 'Verify a report', byCode: 'Number and code', byQr: 'QR text', byImage: 'QR image', reportNo: 'Report No.', code: 'Verification code', qrText: 'QR content',
      image: 'Choose an image of the QR code', check: 'Verify', genuine: 'Genuine report', notGenuine: 'Not confirmed as genuine', office: 'Issued by', issuedAt: 'Issued at',
      subject: 'Subject', counts: 'Entries per section', copies: 'Copies printed', notInScope: 'not authorized', noQr: 'No QR code was found in the image.',
      failure: { malformed: 'This is not a CreditDesk report QR code.', unknown_key: "The issuing office's key is not on this office's trusted roster.", bad_signature: 'The signature does not verify: the content was changed or was not issued by that office.', not_found: 'This office has no report with that number; verify with the QR code instead.', code_mismatch: 'The verification code does not match the report number.', record_altered: "This office's stored copy of the report was altered and no longer matches its signature; tell the auditor." },
      offline: "Verification runs on this machine, offline. Number and code verify this office's reports; the QR code verifies any office on the trusted roster.",
      kind: 'Kind of report', period: 'Period', periodText: '{{from}} to {{to}}', fields: 'Records per field',
      kinds: { personal: 'Personal public credit report', entity: 'Public credit report of a legal entity', special: 'Special credit report' },
      entitySection: {
        registration: 'Registration', licences: 'Licences', penalties: 'Penalties', enforcement: 'Enforcement', serious_dishonesty: 'Serious-dishonesty lists', abnormal_operation: 'Abnormal operation',
        judicial: 'Judgments and enforcement', tax_credit: 'Tax credit', contract_performance: 'Contracts', credit_commitment: 'Commitments', credit_evaluation: 'Evaluations', honours: 'Honours and red lists', other: 'Other',
      },
      specialField: specialFieldNames(1),
    },
  },
});
