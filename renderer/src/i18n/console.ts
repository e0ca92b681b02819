import { bilingual } from '../../../shared/i18n/bilingual';
// Strings of the one-screen counter, its shortcuts, the lock screen's reasons, form validation
// and the administrator's first-run checklist.
export const consoleStrings = bilingual({
  zh: {
    counterUi: {
      shortcuts: '键盘快捷键', reset: '清空', actions: '办理事项', actionsHint: '查询后可在此出具信用报告、受理异议或信用修复申请、记录本人声明。',
      emptyHint: '输入身份证号码、姓名并选择查询用途后按回车查询。', idFormat: '18 位，最后一位可为 X', noPurpose: '没有匹配的用途',
      hiddenInTab: '另有 {{n}} 条不予展示。',
      shownOf: '已显示 {{shown}} 条，共 {{total}} 条', showMore: '再显示 {{n}} 条', listsShownOf: '已显示 {{shown}} 个名单，共 {{total}} 个', listsMore: '再显示 {{n}} 个',
      shortcut: { newVisit: '新的接待（清空本次查询）', readCard: '读卡（读卡器已设置时）', search: '查询', preview: '生成 / 预览报告', print: '打印报告', help: '显示或隐藏本说明' },
      required: { idNumber: '请输入身份证号码。', name: '请输入姓名。', purpose: '请选择查询用途。', purposeText: '请填写用途说明。', cardNote: '请写明受理过期证件的理由。', typedReason: '本办事处规则要求说明未读卡的原因，请选择。', typedNote: '请用几句话说明未读卡的原因。' },
      subjectPart: '查询对象及用途',
    },
    lock: { manual: '工作台已由您手动锁定。请输入密码继续。', idle: '工作台在长时间无操作后已自动锁定。请输入密码继续。', visitKept: '正在办理的接待已保留，解锁后继续。' },
    form: {
      datePlaceholder: '年-月-日', togglePassword: '显示或隐藏密码', notADate: '{{date}} 不是日历上的日期（例如 2 月没有 30 日），请改正。', endBeforeStart: '截止日期不能早于起始日期。', required: '此项为必填项。',
      fileType: '文件“{{name}}”不是 PNG、JPEG 图片或 PDF 文件，请重新选择。',
    },
    nav: { setup: '开通检查' },
    setupList: {
      title: '开通检查', hint: '以下各项根据本窗口的实际数据自动判断，全部完成后即可开始对外服务。', done: '已完成', todo: '待完成', allDone: '各项均已完成，本窗口可以对外服务。',
      refresh: '重新检查', open: '前往',
      step: {
        office: { title: '服务窗口开通', todo: '由同步操作员或管理员在“同步配置”中导入平台信任文件并设置窗口代码。', done: '窗口代码 {{officeCode}}' },
        trust: { title: '平台信任文件', todo: '导入平台发放的信任文件并核对指纹，之后才能核验和导入更新包。', done: '信任名单第 {{keyringVersion}} 版' },
        accounts: { title: '工作人员账户', todo: '至少为一名窗口受理员建立账户（管理员不办理窗口业务）。', done: '受理员 {{clerks}} 名，科长 {{managers}} 名，同步操作员 {{operators}} 名，审查员 {{auditors}} 名' },
        ruleProfile: { title: '规则配置', todo: '在“规则配置”中选定本地区适用的规则（当前使用通用配置）。', done: '已选定规则配置' },
        printer: { title: '打印机', todo: '在窗口打印一份报告或回执，确认打印机可用、版面正确。', done: '已成功打印过文书' },
      },
    },
    errorsUi: {
      tooLarge: '文件或内容过大，超过了本操作允许的大小。请缩小文件（如降低扫描分辨率）后重试。',
      field: '“{{field}}”：{{message}}',
      fieldInvalid: '填写的内容不符合要求。',
      unreachable: '无法连接工作台核心服务，请确认程序仍在运行。',
      officeNotProvisioned: '本窗口尚未开通',
    },
  },
  en: {
    counterUi: {
      shortcuts: 'Keyboard shortcuts', reset: 'Clear', actions: 'Services', actionsHint: 'After a lookup: issue the credit report, take an objection or a repair application, record a personal statement.',
      emptyHint: 'Enter the ID number and name, choose the purpose and press Enter to look up.', idFormat: '18 characters; the last may be X', noPurpose: 'No matching purpose',
      hiddenInTab: '{{n}} more not shown on the report.',
      shownOf: 'Showing {{shown}} of {{total}}', showMore: 'Show {{n}} more', listsShownOf: 'Showing {{shown}} of {{total}} list entries', listsMore: 'Show {{n}} more',
      shortcut: { newVisit: 'New visit (clears this lookup)', readCard: 'Read the card (when a reader is set up)', search: 'Look up', preview: 'Issue / preview the report', print: 'Print the report', help: 'Show or hide this list' },
      required: { idNumber: 'Enter the ID number.', name: 'Enter the name.', purpose: 'Choose the purpose.', purposeText: 'Describe the purpose.', cardNote: 'Write why the expired card is accepted.', typedReason: "This office's rules ask why the card was not read: choose a reason.", typedNote: 'Say in a few words why the card was not read.' },
      subjectPart: 'Subject and purpose',
    },
    lock: { manual: 'You locked the console. Enter your password to continue.', idle: 'The console locked itself after a period without use. Enter your password to continue.', visitKept: 'The visit in progress is kept; it continues after unlocking.' },
    form: {
      datePlaceholder: 'YYYY-MM-DD', togglePassword: 'Show or hide the password', notADate: '{{date}} is not a calendar date (February has no 30th, for example); correct it.', endBeforeStart: 'The end date cannot be before the start date.', required: 'This field is required.',
      fileType: 'The file “{{name}}” is not a PNG or JPEG image or a PDF; choose another file.',
    },
    nav: { setup: 'Setup checklist' },
    setupList: {
      title: 'Setup checklist', hint: 'Each step is read from the office’s own data; when all are done the office can serve the public.', done: 'Done', todo: 'To do', allDone: 'Every step is done: this office can serve the public.',
      refresh: 'Check again', open: 'Open',
      step: {
        office: { title: 'Office provisioned', todo: 'The sync operator or administrator imports the platform trust file and sets the office code under Sync setup.', done: 'Office code {{officeCode}}' },
        trust: { title: 'Platform trust', todo: 'Import the trust file the platform issued and compare its fingerprint; updates cannot be checked or imported before that.', done: 'Trust roster version {{keyringVersion}}' },
        accounts: { title: 'Staff accounts', todo: 'Create an account for at least one counter clerk (the administrator does not serve the counter).', done: '{{clerks}} clerks, {{managers}} managers, {{operators}} sync operators, {{auditors}} auditors' },
        ruleProfile: { title: 'Rule profile', todo: 'Choose the region’s rule profile under Rule profile (the general profile is in use).', done: 'A rule profile is chosen' },
        printer: { title: 'Printer', todo: 'Print a report or a receipt at the counter to check the printer and the page layout.', done: 'A document has been printed' },
      },
    },
    errorsUi: {
      tooLarge: 'The file or content is larger than this action allows. Make it smaller (for example scan at a lower resolution) and try again.',
      field: '“{{field}}”: {{message}}',
      fieldInvalid: 'This value is not accepted.',
      unreachable: 'The console cannot reach its core. Check that CreditDesk is still running.',
      officeNotProvisioned: 'Office not provisioned yet',
    },
  },
});
