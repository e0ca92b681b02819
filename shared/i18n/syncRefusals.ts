// Refusals decided above the format layer: business rules on the content of a verified bundle
// (ID check digits, duplicate ids, references to cases) and the office's own preconditions. Like
// the format's refusals (bundleRefusals.ts) each has a stable code and a sentence in both
// languages (bundle-security.md 12). Part of the one error catalogue (errorMessages.ts).
import { STATUTORY_HOLIDAY_NAMES } from '../calendar/holidayNames';
import { an, purposeZh, whereEn, whereZh } from './bundleRefusals';
import type { Locale } from './errorMessages';
import { detailText, q } from './refusalDetails';
import { sentences as m, type Params, type Sentences } from './sentences';

// Why an ID number or credit code was refused (shared/validators codes), as a short phrase.
const ID_REASON: Record<string, { zh: string; en: string }> = {
  ID_EMPTY: { zh: '号码为空', en: 'empty' }, ID_LEGACY_15: { zh: '15 位旧号码', en: 'a legacy 15-digit number' },
  ID_LENGTH: { zh: '位数不对', en: 'wrong length' }, ID_CHARS: { zh: '含有不允许的字符', en: 'characters not allowed' },
  ID_ADDRESS: { zh: '行政区划代码无效', en: 'no such address code' }, ID_BIRTH_DATE: { zh: '出生日期不存在', en: 'no such birth date' },
  ID_BIRTH_FUTURE: { zh: '出生日期晚于今天', en: 'birth date in the future' }, ID_CHECK_DIGIT: { zh: '校验位不正确', en: 'wrong check character' },
  CC_EMPTY: { zh: '代码为空', en: 'empty' }, CC_LENGTH: { zh: '位数不对', en: 'wrong length' },
  CC_CHARS: { zh: '含有不允许的字符', en: 'characters not allowed' }, CC_CHECK_CHAR: { zh: '校验位不正确', en: 'wrong check character' },
  NOT_NORMALISED: { zh: '未按规范书写（如末位写成了小写“x”）', en: 'not written in normal form' },
  // Stored by earlier versions:
  'not normalised': { zh: '未按规范书写（如末位写成了小写“x”）', en: 'not normalised' },
};
const idReason = (p: Params, locale: Locale): string => ID_REASON[String(p.reason)]?.[locale] ?? (locale === 'zh' ? '号码无效' : String(p.reason));

// What a reference names (syncApplyStore's MissingReference, the records of a forwarded objection).
const WHAT: Record<string, (p: Params) => { zh: string; en: string }> = {
  subject: () => ({ zh: '主体', en: 'subject' }),
  record: () => ({ zh: '信用记录', en: 'record' }),
  measure: () => ({ zh: '措施', en: 'measure' }),
  objection_record: (p) => ({ zh: `异议 ${p.caseNo} 所涉的信用记录`, en: `record of objection ${p.caseNo}` }),
};
const what = (p: Params, locale: Locale): string => WHAT[String(p.what)]?.(p)[locale] ?? (locale === 'zh' ? '记录' : String(p.what));

// An objection's state as the case pages name it.
const STATE_ZH: Record<string, string> = {
  received: '已接收', accepted: '已受理', rejected: '不予受理', verifying: '核查中', decided: '已决定', notified: '已告知', closed: '已办结',
};

export const SYNC_MESSAGES = {
  SYNC_NOT_PROVISIONED: m(() => '本窗口尚未完成同步配置（未导入平台信任文件），请先完成配置。', () => 'This office is not provisioned for sync yet (no platform trust file); provision it first.'),
  SYNC_ALREADY_PROVISIONED: m(() => '本窗口已经完成同步配置；更换平台密钥请导入平台签发的密钥环更新包。', () => 'This office is already provisioned; a new platform key arrives as a keyring update bundle.'),
  SYNC_TRUST_FILE_INVALID: m((p) => `平台信任文件无效：${p.detailZh ?? '文件内容不符合要求'}。`, (p) => `The platform trust file is not valid: ${p.detail}`),
  SYNC_FINGERPRINT_MISMATCH: m(() => '输入的指纹与信任文件不一致；请与平台打印的指纹单逐组核对，不一致时不要继续。', () => 'The fingerprint entered does not match the trust file; compare it group by group with the platform\'s printed sheet and stop if it differs.'),
  SYNC_OFFICE_CODE_INVALID: m(() => '窗口编码格式应为 6 位行政区划代码加“-”加 2 位序号，如 370306-02。', () => 'An office code is a 6-digit region code, a hyphen and a 2-digit number, e.g. 370306-02.'),
  SYNC_CONTENT_INVALID: m((p) => `文件 ${p.name} ${whereZh(p.line)}内容不符合规定：${detailText(p, 'zh')}。`, (p) => `File ${p.name}, ${whereEn(p.line)} does not follow the content rules: ${detailText(p, 'en')}`),
  SYNC_ID_NUMBER_INVALID: m((p) => `文件 ${p.name} ${whereZh(p.line)}的身份证号码或统一社会信用代码无效（${idReason(p, 'zh')}），整个同步包未导入。`, (p) => `File ${p.name}, ${whereEn(p.line)} holds an invalid ID number or credit code (${idReason(p, 'en')}); nothing was imported.`),
  SYNC_CALENDAR_YEAR_UNKNOWABLE: m(
    (p) => `文件 ${p.name} ${whereZh(p.line)}给出了 ${p.year} 年的节假日安排，而该安排不可能已经公布（最晚到 ${p.latest} 年）；整个同步包未导入。`,
    (p) => `File ${p.name}, ${whereEn(p.line)} gives a holiday arrangement for ${p.year}, which cannot have been published yet (${p.latest} at the latest); nothing was imported.`,
  ),
  SYNC_CALENDAR_HOLIDAY_MISSING: m(
    (p) => `文件 ${p.name} ${whereZh(p.line)}的 ${p.year} 年节假日安排缺少法定节假日 ${p.date}（${p.holiday}）；整个同步包未导入。`,
    (p) => `File ${p.name}, ${whereEn(p.line)} gives ${p.year} without its statutory holiday ${p.date} (${STATUTORY_HOLIDAY_NAMES[String(p.holiday)] ?? p.holiday}); nothing was imported.`,
  ),
  SYNC_DUPLICATE_ID: m((p) => `文件 ${p.name} 中编号${q(p.id)}出现了两次，整个同步包未导入。`, (p) => `File ${p.name} lists id ${p.id} twice; nothing was imported.`),
  SYNC_SUBJECT_CAP_EXCEEDED: m(
    (p) => `文件 ${p.name} 使主体 ${p.subject} 的${p.kind === 'listEntries' ? '名单记录' : '信用记录'}超过每个主体 ${Number(p.cap).toLocaleString('en-US')} 条的上限（本窗口已有的与本同步包合计）；整个同步包未导入。现实中没有这么多记录的主体，请联系平台核查该主体的数据。`,
    (p) => `File ${p.name} gives subject ${p.subject} more than ${Number(p.cap).toLocaleString('en-US')} ${p.kind === 'listEntries' ? 'list entries' : 'records'}, the cap for one subject (what the office holds and this bundle together); nothing was imported. No real subject has this many: ask the platform to check this subject's data.`,
  ),
  SYNC_UNKNOWN_REFERENCE: m((p) => `文件 ${p.name} ${whereZh(p.line)}引用了不存在的${what(p, 'zh')}${q(p.id)}。`, (p) => `File ${p.name}, ${whereEn(p.line)} refers to ${what(p, 'en')} ${p.id}, which does not exist.`),
  SYNC_UNKNOWN_OBJECTION: m((p) => `同步包含有异议 ${p.caseNo} 的处理结果，但本窗口从未转送过该异议；整个同步包未导入，请联系平台。`, (p) => `The bundle holds an outcome for objection ${p.caseNo}, which this office never forwarded; nothing was imported. Contact the platform.`),
  SYNC_OUTCOME_NOT_EXPECTED: m((p) => `异议 ${p.caseNo} 当前状态为“${STATE_ZH[String(p.state)] ?? p.state}”，不能接收转送单位的处理结果。`, (p) => `Objection ${p.caseNo} is "${p.state}" and cannot take a providing unit's outcome now.`),
  SYNC_UNKNOWN_EXPORT: m((p) => `平台确认收到第 ${p.sequence} 号导出包，但本窗口没有写出过该包。`, (p) => `The platform acknowledges export ${p.sequence}, which this office never wrote.`),
  SYNC_IMPORT_CANCELLED: m(() => '导入已取消，没有任何改动。', () => 'The import was cancelled; nothing changed.'),
  SYNC_NOT_STAGED: m(() => '找不到待导入的文件，请重新选择文件。', () => 'The file to import is no longer staged; choose it again.'),
  SYNC_FILE_MISSING: m(() => '找不到这个文件（可能已被移走，或 U 盘已拔出），请重新选择文件。', () => 'The file is not there (moved, or the USB stick was removed); choose the file again.'),
  SYNC_FILE_UNREADABLE: m((p) => `无法读取文件：${errnoZh(String(p.detail))}。`, (p) => `The file cannot be read: ${errnoEn(String(p.detail))}.`),
  SYNC_FILE_TOO_LARGE: m((p) => `文件超过窗口上传上限（${p.limit} 字节）；请用工作人员命令行导入（creditdesk sync import）。`, (p) => `The file is larger than the console accepts (${p.limit} bytes); import it with the staff command line (creditdesk sync import).`),
  SYNC_NOT_AN_UPDATE: m((p) => `这是${purposeZh(p.purpose)}包，窗口只能导入平台发来的更新包或密钥环包。`, (p) => `This is ${an(p.purpose)} bundle; an office imports only update or keyring bundles from the platform.`),
  SYNC_EXPORT_NOT_FOUND: m((p) => `没有第 ${p.sequence} 号导出包。`, (p) => `There is no export ${p.sequence}.`),
  SYNC_EXPORT_MISSING: m((p) => `第 ${p.sequence} 号导出包尚未被平台确认，但其文件已不在数据目录中（被移走或删除）；请从备份恢复数据目录中的“exports”文件夹。`, (p) => `Export ${p.sequence} is not yet acknowledged by the platform, but its file is no longer in the data directory (moved or deleted); restore the exports folder of the data directory from a backup.`),
  SYNC_EXPORT_GONE: m((p) => `第 ${p.sequence} 号导出包已被平台确认，不再保留；无需重写。`, (p) => `Export ${p.sequence} was acknowledged by the platform and is no longer kept; there is no need to write it again.`),
} satisfies Record<string, Sentences>;

// What the operating system said, put so a clerk can act on it.
function errnoZh(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '选中的是文件夹，不是文件';
  return `系统错误 ${code}`;
}
function errnoEn(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'this account may not read it';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return `system error ${code}`;
}

