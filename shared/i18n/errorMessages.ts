import { STATUTORY_HOLIDAY_NAMES } from '../calendar/holidayNames';
import type { ApiErrorBody, ErrorCode } from '../errors';
import { REPORT_MAX_RECORDS } from '../domain/report';
import { attachmentMessage } from './attachmentMessages';
import { CASE_CHANGED_PLAIN, caseChangedMessage } from './caseChangedMessage';
import { BUNDLE_MESSAGES } from './bundleRefusals';
import { CARD_MESSAGES, FOREIGN_NUMBER_REASONS, cardMessage } from './cardMessages';
import { ENTITY_MESSAGES } from './entityMessages';
import { fieldLabel } from './fieldLabels';
import { HALL_FIELD_REASONS } from './hallMessages';
import { launchMessage } from './launchMessages';
import { officeHostMessage, OFFICE_HOST_MESSAGES } from './officeHostMessages';
import type { Params, Sentences } from './sentences';
import { SYNC_MESSAGES } from './syncRefusals';
import { SPECIAL_REPORT_REASONS } from './specialReportReasons';

export type Locale = 'zh' | 'en';

// One plain sentence per error code, in both languages the console speaks. Codes that other
// modules add without a sentence here fall back to the English message the core sent.
const MESSAGES: Partial<Record<ErrorCode, { zh: string; en: string }>> = {
  METHOD_UNKNOWN: { zh: '系统不支持该操作。', en: 'This action is not supported.' },
  VALIDATION: { zh: '输入有误，请检查标出的字段。', en: 'Some input is not valid; check the marked fields.' },
  UNAUTHENTICATED: { zh: '请先登录。', en: 'Please log in.' },
  SESSION_LOCKED: { zh: '长时间未操作，工作台已锁定。请输入密码继续。', en: 'The console locked itself after a period without use. Enter your password to continue.' },
  SESSION_EXPIRED: { zh: '登录已过期，请重新登录。', en: 'Your session has expired. Please log in again.' },
  FORBIDDEN: { zh: '您的角色无权执行此操作。', en: 'Your role does not allow this action.' },
  BAD_CREDENTIALS: { zh: '用户名或密码错误。', en: 'The user name or password is wrong.' },
  ACCOUNT_LOCKED: { zh: '密码错误次数过多，账户已暂时锁定，请稍后再试。', en: 'Too many wrong passwords: this account is locked for a while.' },
  ACCOUNT_DISABLED: { zh: '该账户已停用，请联系管理员。', en: 'This account is disabled. Ask the administrator.' },
  ALREADY_INITIALISED: { zh: '本窗口已设置管理员。', en: 'This office already has an administrator.' },
  WEAK_PASSWORD: { zh: '密码至少 10 位，须同时包含字母和数字，不能包含用户名，也不能是常见弱密码。', en: 'The password needs at least 10 characters with letters and digits, must not contain the user name, and must not be a common one.' },
  PASSWORD_CHANGE_REQUIRED: { zh: '您的密码是管理员设置或重置的：请先设置只有您本人知道的新密码，再继续。', en: 'An administrator set or reset your password: choose your own new password to continue.' },
  SECOND_ADMIN_REQUIRED: { zh: '此项须由另一名管理员批准（不能是提出人，也不能是被修改的账户本人）。', en: 'A second administrator must approve this (not the one who asked, nor the account concerned).' },
  CANNOT_CHANGE_OWN_ACCOUNT: { zh: '不能对自己的账户执行此操作，请由另一名管理员办理。', en: 'You cannot do this to your own account; another administrator can.' },
  LAST_ADMIN: { zh: '这是最后一名在用的管理员账户，不能停用或改为其他角色。', en: 'This is the last active administrator; it cannot be disabled or given another role.' },
  CASE_NOT_YOURS: { zh: '该案件不是您经办的窗口业务，无权查看。如需查看请联系负责人。', en: 'This case did not come from one of your visits, so you cannot open it. Ask a manager.' },
  USERNAME_TAKEN: { zh: '该用户名已被使用。', en: 'That user name is already taken.' },
  NOT_FOUND: { zh: '未找到相应记录。', en: 'Nothing was found.' },
  NAME_MISMATCH: { zh: '姓名与该身份证号码的登记姓名不一致，请核对身份证。', en: 'The name does not match the name on record for this ID number. Check the ID card.' },
  PURPOSE_REQUIRED: { zh: '请选择查询用途；选择“其他”时须说明。无用途不得查询。', en: 'Choose a purpose (describe it for “Other”): no purpose, no query.' },
  CONFLICT: { zh: '操作与当前状态冲突。', en: 'This conflicts with the current state.' },
  // Cases (objections, credit repair):
  ILLEGAL_TRANSITION: { zh: '案件状态已经改变（可能已由他人办理），这一步不再适用。请按案件当前状态办理。', en: 'The case has moved on (someone else may have handled it); this step no longer applies. Continue from its current state.' },
  CASE_CHANGED: CASE_CHANGED_PLAIN,
  NOT_ELIGIBLE: { zh: '该信息目前不符合信用修复条件：须已满足最短公示期、不属于不可修复情形，并已履行义务、签署信用承诺书。', en: 'This record cannot be repaired now: the shortest publicity period must be reached, it must not be a non-repairable kind, and obligations and a credit commitment are needed.' },
  PROFILE_FORBIDS: { zh: '本窗口采用的规则配置不允许这项操作（如延长时限或暂停计时）。', en: "The office's rule profile does not allow this (for example an extension or stopping the clock)." },
  // Counter service: authorization, reports, statements:
  AUTHORIZATION_REQUIRED: { zh: '代理查询须提供信息主体的书面授权：请扫描授权书并上传。', en: 'An agent needs the written authorization: scan the letter and attach it.' },
  AUTHORIZATION_EXPIRED: { zh: '授权书已过有效期，不能代理查询。', en: 'The authorization has expired; the agent cannot query.' },
  AUTHORIZATION_NOT_YET_VALID: { zh: '授权书尚未生效，请在授权起始日期后再来办理。', en: 'The authorization is not yet valid; come back on or after its start date.' },
  AUTHORIZATION_SCOPE_EMPTY: { zh: '授权范围为空：请勾选授权书载明的信息类别。', en: 'The authorization covers no section: tick the sections the letter names.' },
  NOTARISATION_REQUIRED: { zh: '本地规则要求代理查询的授权书经过公证。', en: "The office's rules require the agent's authorization to be notarised." },
  AGENT_IS_SUBJECT: { zh: '代理人与信息主体为同一人，请按本人查询办理。', en: 'The agent and the subject are the same person: serve this as a self query.' },
  ATTACHMENT_INVALID: { zh: '文件无法识别：请上传 PNG、JPEG 图片或 PDF 文件。', en: 'The file could not be read: attach a PNG or JPEG image or a PDF.' },
  ATTACHMENT_TOO_LARGE: { zh: '文件过大，请降低扫描分辨率后重新上传。', en: 'The file is too large; scan at a lower resolution.' },
  ATTACHMENT_QUOTA_EXCEEDED: { zh: '附件存储空间已达上限（本案件或本窗口），请删减附件或联系管理员。', en: 'The attachment storage limit (for this case or this office) is reached; attach fewer files or ask the administrator.' },
  FREE_REPORTS_USED: { zh: '本年度免费报告次数已用完，须经申请人确认后方可出具。', en: "This year's free reports are used up; issue another only after the applicant confirms." },
  REPORT_KIND_MISMATCH: { zh: '该报告种类与本次查询的主体不符：个人查询出具个人报告，法人和非法人组织查询出具法人报告或专项信用报告。', en: 'This kind of report does not fit the visit: a person gets a personal report, a legal entity its entity report or a special report.' },
  REPORT_ALREADY_ISSUED: { zh: '本次查询已出具另一份报告。每次查询出具一份报告，请新建查询后再出具。', en: 'This visit has already issued another report; one visit issues one report, so start a new visit for another.' },
  REPORT_TOO_LARGE: { zh: `该主体的信用记录和名单记录超过一份报告可容纳的 ${REPORT_MAX_RECORDS.toLocaleString('en-US')} 条，报告未出具，也未计入免费次数。请联系平台核查该主体的数据：这么大的档案几乎都是数据错误。`, en: `This subject's records and list entries are more than the ${REPORT_MAX_RECORDS.toLocaleString('en-US')} one report carries; no report was issued or counted. Contact the platform to check this subject's data: a file this large is almost always a data error.` },
  PRINT_COPY_STALE: { zh: '该份已由他人打印或记录，页面上的份数已过时：请重新预览后再打印。', en: 'Someone else has printed or recorded this copy meanwhile, so its copy number is out of date: preview again, then print.' },
  NOT_DECIDED: { zh: '案件尚未作出决定，不能出具告知书。', en: 'The case has not been decided yet, so there is no decision notice to print.' },
  STATEMENT_TOO_LONG: { zh: '本人声明超过规定字数，请精简。', en: 'The statement is longer than allowed; shorten it.' },
  STATEMENT_IN_PERSON: {
    zh: '声明须由信息主体本人当面提出（单位由其法定代表人本人提出）：代理人、经办人的授权只及于查询，不能代为声明。',
    en: "A statement is made by the subject in person (for an organisation, its legal representative in person): an agent's letter covers the query, not a statement.",
  },
  UNLOCK_REFUSED: { zh: '无法解锁本窗口的数据：口令错误或密钥文件不匹配。', en: "The office's data could not be unlocked: the passphrase is wrong or the key file does not match." },
  KEYSTORE_UNAVAILABLE: { zh: '本机没有可用的系统密钥库，请改用窗口解锁口令启动。', en: 'This computer has no usable OS keystore; start with the office unlock passphrase instead.' },
  DATA_DIR_UNENCRYPTED: { zh: '该数据目录尚未加密，请先按运维手册执行一次加密。', en: 'This data directory is not encrypted yet; encrypt it once as the operations guide describes.' },
  SYNC_IMPORT_IN_PROGRESS: { zh: '正在导入平台同步包，信用记录暂时不能修改；导入完成后请再试一次（查询、打印报告和受理不受影响）。', en: 'A platform bundle is being imported, so credit records cannot be changed right now; try again once it has finished (lookups, reports and intake go on as usual).' },
  DB_KEY_WRONG: { zh: '数据库无法用本窗口的密钥打开。', en: "The database cannot be opened with this office's key." },
  MIGRATION_LEDGER_MISMATCH: { zh: '数据库的结构记录与本版本不一致，已拒绝打开。请恢复备份或安装正确的版本。', en: "The database's migration ledger disagrees with this version; it was not opened. Restore a backup or install the matching version." },
  DOCUMENT_CHARACTER_UNPRINTABLE: { zh: '文书中有一个字符所有内置字体都无法打印，文书未生成。请联系管理员。', en: 'A character in this document has no glyph in any bundled font, so it was not printed. Tell the administrator.' },
  DOCUMENT_NOT_MADE: { zh: '文书未能生成，本次未出具任何文件。请重试；如仍不成功，请联系管理员。', en: 'The document could not be made, and nothing was produced. Try again, and tell the administrator if it keeps happening.' },
  REPORT_ALTERED: { zh: '该报告的存档内容已被改动，与签名不符，不能重印。请联系审计员。', en: "This report's stored content was altered and no longer matches its signature; it cannot be printed again. Tell the auditor." },
  VISIT_CLOSED: { zh: '这次接待是在之前某天开始的，已经结束。请重新查询，开始新的接待。', en: 'This visit was opened on an earlier day and is over; look the subject up again to start a new visit.' },
  REQUEST_TOO_LARGE: { zh: '文件或内容过大，超过了本操作允许的大小。请缩小文件（如降低扫描分辨率）后重试。', en: 'The file or content is larger than this action allows. Make it smaller (for example scan at a lower resolution) and try again.' },
  FILTER_INVALID: { zh: '筛选条件有误，请检查。', en: 'The filter is not valid; check it.' },
  DATABASE_CORRUPT: {
    zh: '数据库文件已损坏，为免损坏扩大，本窗口已停止写入（无法登录、受理或出具报告）。请停止使用，并请管理员从最近的备份恢复。',
    en: 'The database file is damaged. To keep the damage from spreading, this console no longer writes (no sign-in, intake or report). Stop using it and ask the administrator to restore the latest backup.',
  },
  INTERNAL: { zh: '系统内部错误，已记录。请重试。', en: 'Something went wrong inside CreditDesk. It was logged; please try again.' },
  ...CARD_MESSAGES,
  ...ENTITY_MESSAGES,
  ...OFFICE_HOST_MESSAGES,
};

// Validator reasons (shared/validators) that the counter shows next to the number it checks: an ID
// number or an organisation's unified social credit code.
const ID_REASONS: Record<string, { zh: string; en: string }> = {
  ID_EMPTY: { zh: '请输入身份证号码。', en: 'Enter the ID number.' },
  ID_LEGACY_15: { zh: '这是 15 位旧版身份证号码，请使用 18 位号码（可换领新证）。', en: 'This is a legacy 15-digit number; use the 18-character ID number.' },
  ID_LENGTH: { zh: '身份证号码应为 18 位。', en: 'An ID number has 18 characters.' },
  ID_CHARS: { zh: '前 17 位须为数字，最后一位为数字或 X。', en: 'The first 17 characters are digits; the last is a digit or X.' },
  ID_ADDRESS: { zh: '号码前 6 位不是有效的行政区划代码（省级代码不存在或为 000000 等），请核对号码。', en: 'The first 6 digits are not a valid address code (no such province, or a code such as 000000); check the number.' },
  ID_BIRTH_DATE: { zh: '号码中的出生日期不存在。', en: 'The birth date inside the number is not a real date.' },
  ID_BIRTH_FUTURE: { zh: '号码中的出生日期晚于今天。', en: 'The birth date inside the number is in the future.' },
  ID_CHECK_DIGIT: { zh: '校验位不正确，请核对号码。', en: 'The check character does not match; check the number.' },
  // The foreigner's permanent residence number (9…), typed or read.
  ...FOREIGN_NUMBER_REASONS,
  // The unified social credit code (shared/validators/creditCode.ts), typed for an organisation.
  CC_EMPTY: { zh: '请输入统一社会信用代码。', en: 'Enter the unified social credit code.' },
  CC_LENGTH: { zh: '统一社会信用代码应为 18 位。', en: 'A unified social credit code has 18 characters.' },
  CC_CHARS: { zh: '统一社会信用代码只含数字和大写字母，不用 I、O、Z、S、V。', en: 'A unified social credit code holds digits and capital letters, never I, O, Z, S or V.' },
  CC_CHECK_CHAR: { zh: '统一社会信用代码的校验位（第 18 位）不正确，可能有字符输错，请核对营业执照。', en: 'The check character (the 18th) does not match: a character was probably mistyped; check the business licence.' },
  CC_DEPARTMENT: { zh: '第 1 位不是登记管理部门的代码（如 1 机构编制、5 民政、9 市场监管），请核对。', en: 'The 1st character is not a registering department (such as 1 establishment, 5 civil affairs, 9 market regulation); check the code.' },
  CC_INSTITUTION_TYPE: { zh: '第 2 位不是该登记管理部门登记的机构类别（如市场监管下 1 企业、2 个体工商户、3 农民专业合作社），请核对。', en: 'The 2nd character is not a kind of organisation that department registers (under market regulation: 1 enterprise, 2 individual business, 3 cooperative); check the code.' },
  CC_REGION: { zh: '第 3–8 位不是有效的登记管理机关行政区划码，请核对。', en: "Characters 3–8 are not a valid region code of the registering authority; check the code." },
  CC_ORG_CHECK: { zh: '第 9–17 位的组织机构代码校验不通过（其自身的校验码不符），可能有字符输错，请核对。', en: 'Characters 9–17 are not a valid organisation code (its own check character does not match): a character was probably mistyped; check the code.' },
  // An old registration number (注册号), typed to find an entity registered before the code.
  REGISTRATION_NO_FORM: { zh: '注册号应为 6–20 位数字或大写字母（不含空格），请核对原营业执照。', en: 'A registration number has 6–20 digits or capital letters; check the old business licence.' },
};

// Why a password was refused (details.reason of WEAK_PASSWORD).
const PASSWORD_REASONS: Record<string, { zh: string; en: string }> = {
  too_short: { zh: '密码至少需要 10 位。', en: 'The password needs at least 10 characters.' },
  needs_letters_and_digits: { zh: '密码须同时包含字母和数字。', en: 'The password needs both letters and digits.' },
  contains_username: { zh: '密码不能与用户名相同，也不能包含用户名。', en: 'The password must not be or contain the user name.' },
  common: { zh: '这是最常见的弱密码之一，攻击者会最先尝试，请换一个不常见的密码。', en: 'This password is among the first ones an attacker tries; choose a less common one.' },
  same_as_current: { zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
};

/** Why a password is refused, for a form field (the same sentences as the API error). */
export function passwordReasonMessage(reason: string, locale: Locale): string | null {
  return PASSWORD_REASONS[reason]?.[locale] ?? null;
}

// Which self-action was refused (details.action of CANNOT_CHANGE_OWN_ACCOUNT).
const OWN_ACCOUNT_ACTIONS: Record<string, { zh: string; en: string }> = {
  disable: { zh: '不能停用自己的账户，请由另一名管理员办理。', en: 'You cannot disable your own account; another administrator can.' },
  reset_own: { zh: '请用“修改密码”更改自己的密码（需输入当前密码）。', en: 'Change your own password with "Change password" (you need your current one).' },
  set_own_role: { zh: '不能更改自己的角色，请由另一名管理员办理。', en: 'You cannot change your own role; another administrator can.' },
};

// Why a search or log filter was refused, so the screen says it instead of showing nothing.
const FILTER_REASONS: Record<string, { zh: string; en: string }> = {
  DATES_REVERSED: { zh: '截止日期早于起始日期，请调换或更正日期。', en: 'The end date is before the start date; swap or correct the dates.' },
  ID_PARTIAL_SHORT: { zh: '按身份证号码部分查找时，请至少输入 4 位数字。', en: 'To search by part of an ID number, type at least 4 digits.' },
  ID_PARTIAL_CHARS: { zh: '身份证号码只含数字和末位 X，请检查输入。', en: 'An ID number holds only digits and a final X; check what was typed.' },
  SEARCH_UNKNOWN: { zh: '请输入案件编号、身份证号码（或其中至少 4 位数字）或姓名。', en: 'Search by a case number, an ID number (or at least 4 of its digits) or a name.' },
};

export function idReasonMessage(reason: string, locale: Locale): string | null {
  return ID_REASONS[reason]?.[locale] ?? null;
}

// What a schema rule (zod issue code, or a custom reason) means for the person filling the field.
const FIELD_REASONS: Record<string, { zh: string; en: string }> = {
  required: { zh: '此项为必填项。', en: 'This field is required.' },
  too_small: { zh: '内容太短或数值太小。', en: 'This is too short or too small.' },
  too_big: { zh: '内容太长或数值太大。', en: 'This is too long or too large.' },
  invalid_format: { zh: '格式不正确。', en: 'The format is not right.' },
  date_format: { zh: '日期应为“年-月-日”，如 2026-12-01。', en: 'A date is written YYYY-MM-DD, for example 2026-12-01.' },
  invalid_value: { zh: '请从给出的选项中选择。', en: 'Choose one of the options offered.' },
  invalid_type: { zh: '此项为必填项，或填写的类型不对。', en: 'This field is required or has the wrong kind of value.' },
  END_BEFORE_START: { zh: '截止日期不能早于起始日期。', en: 'The end date cannot be before the start date.' },
  malformed_text: { zh: '含有无法识别的字符（不成对的代理码元），请删除后重新输入。', en: 'Contains a character that is not valid text (an unpaired surrogate); delete it and type the text again.' },
  other: { zh: '填写的内容不符合要求。', en: 'This value is not accepted.' },
  ...HALL_FIELD_REASONS,
};

export interface FieldIssue {
  /** Dotted path of the input field, as the contract names it ("applicant.validTo"). */
  path: string;
  /** One sentence for that field, in the console's language. */
  message: string;
}

interface RawIssue {
  path?: unknown;
  reason?: unknown;
  message?: unknown;
  limit?: unknown;
}

function issueSentence(issue: RawIssue, locale: Locale): string {
  const reason = typeof issue.reason === 'string' ? issue.reason : 'other';
  const id = idReasonMessage(reason, locale);
  if (id) return id;
  if (reason === 'too_small' && (issue.limit === 1 || issue.limit === undefined)) return FIELD_REASONS.required![locale];
  if (reason === 'too_big' && typeof issue.limit === 'number') return locale === 'zh' ? `不能超过 ${issue.limit} 个字符。` : `At most ${issue.limit} characters.`;
  if (reason === 'invalid_format' && issue.message === 'YYYY-MM-DD') return FIELD_REASONS.date_format![locale];
  return (FIELD_REASONS[reason] ?? FIELD_REASONS.other!)[locale];
}

/** The fields a VALIDATION error names, each with its own sentence, so a form can mark them. */
export function fieldIssues(error: ApiErrorBody, locale: Locale): FieldIssue[] {
  if (error.code !== 'VALIDATION') return [];
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    return (issues as RawIssue[]).filter((i) => typeof i.path === 'string' && i.path !== '').map((i) => ({ path: i.path as string, message: issueSentence(i, locale) }));
  }
  // Services name the one field they refuse in details.field, and why in details.reason.
  const field = error.details?.field;
  if (typeof field !== 'string') return [];
  const reason = error.details?.reason;
  const own = typeof reason === 'string' ? SERVICE_FIELD_REASONS[reason] : undefined;
  return [{ path: field, message: own ? own(error.details ?? {})[locale] : locale === 'en' && error.message ? error.message : FIELD_REASONS.other![locale] }];
}

// Why a service refused a field (details.reason), with the values it named (details).
const SERVICE_FIELD_REASONS: Record<string, (d: Record<string, unknown>) => { zh: string; en: string }> = {
  ...SPECIAL_REPORT_REASONS,
  // The office calendar (calendar.propose).
  year_not_next: (d) => ({
    zh: `只能录入已载入日历之后的一年（${String(d.expected)} 年）；更早的年份由平台数据包提供。`,
    en: `Only the year after the loaded calendar (${String(d.expected)}) can be entered by hand; earlier years come from the platform.`,
  }),
  year_unknowable: (d) => ({
    zh: `现在还不可能有 ${String(d.year)} 年的放假安排通知（最晚只到 ${String(d.latest)} 年）。`,
    en: `No notice for ${String(d.year)} can have been published yet (${String(d.latest)} at the latest).`,
  }),
  statutory_holiday_missing: (d) => ({
    zh: `${String(d.date)}（${String(d.name)}）是法定节假日，安排中必须列为放假。`,
    en: `${String(d.date)} (${STATUTORY_HOLIDAY_NAMES[String(d.name)] ?? String(d.name)}) is a statutory holiday: list it among the holidays.`,
  }),
  date_outside_year: (d) => ({ zh: `${String(d.date)} 不在 ${String(d.year)} 年内。`, en: `${String(d.date)} is not in ${String(d.year)}.` }),
  workday_not_weekend: (d) => ({
    zh: `${String(d.date)} 本来就是工作日：调休上班日只能是周六或周日。`,
    en: `${String(d.date)} is a weekday: a make-up working day is a Saturday or Sunday.`,
  }),
  days_conflict: (d) => ({ zh: `${String(d.date)} 既列为放假又列为上班，请核对。`, en: `${String(d.date)} is listed both as a holiday and as a working day; check the list.` }),
  arrangement_inconsistent: () => ({ zh: '这份放假安排前后矛盾，无法据此计算工作日，请核对日期。', en: 'The arrangement contradicts itself, so no working days can be counted from it; check the dates.' }),
  // Objections (objection.intake, objection.act).
  different_providers: () => ({
    zh: '所选信息来自不同的提供单位：一件异议只针对一个提供单位的信息，请按提供单位分开提出。',
    en: 'The chosen records come from different providing units; take one objection per unit.',
  }),
  corrected_content_required: () => ({ zh: '更正或补充的结论须写明信息更正后的内容。', en: 'A corrected or supplemented outcome needs the record content as it must now read.' }),
  // The case queue (cases.queue, cases.assign) and the accounts screen (accounts.setIdleLock).
  cursor_invalid: () => ({ zh: '翻页位置已失效，请重新载入列表。', en: 'The page cursor is not valid; reload the queue.' }),
  assignee_inactive: () => ({ zh: '案件只能分配给在用的窗口受理员或科长。', en: 'Cases can only be assigned to an active clerk or manager.' }),
  // How the identity at the counter was taken (counter.lookup's identity, issue 25).
  card_read_unknown: () => ({ zh: '这次读卡记录不属于本次办理的人，或已超过 10 分钟：请重新读卡。', en: 'That card read is not of this person, not yours, or older than 10 minutes: read the card again.' }),
  expired_card_note: () => ({ zh: '证件已过期：请写明接受该证件的理由。', en: 'The card has expired: write why it is accepted.' }),
  typed_reason_required: () => ({ zh: '本窗口的规则要求说明为何手工输入而不读卡（如读卡器故障、证件无法读取）。', en: "The office's rules ask why the identity is typed instead of read (reader broken, card unreadable)." }),
  typed_note_required: () => ({ zh: '请简要说明未读卡的原因。', en: 'Say in a few words why the card was not read.' }),
  idle_lock_range: (d) => ({ zh: `自动锁定时间须在 ${String(d.min)}–${String(d.max)} 分钟之间。`, en: `The idle lock is between ${String(d.min)} and ${String(d.max)} minutes.` }),
};

// CONFLICT is one code for many situations; services name theirs in details.reason.
const CONFLICT_REASONS: Record<string, { zh: string; en: string }> = {
  OWN_ACCOUNT: { zh: '不能停用自己正在使用的账户。请由另一位管理员操作。', en: 'You cannot disable the account you are using; ask another administrator.' },
  RECORD_UNDER_OBJECTION: { zh: '所选记录已在另一件异议案件中处理，不能重复提出。', en: 'A chosen record is already under objection in another case.' },
  PROVIDER_REPLIED: { zh: '提供单位已经答复，不能再次登记答复。', en: 'The provider has already replied.' },
  CLOCK_STOPPED: { zh: '计时已经暂停。', en: 'The clock is already stopped.' },
  CLOCK_RUNNING: { zh: '计时没有暂停，无需恢复。', en: 'The clock is not stopped.' },
  RESUME_FIRST: { zh: '请先恢复计时，再作出决定。', en: 'Resume the clock before deciding.' },
  REPAIR_OPEN: { zh: '该记录已有一件正在办理的信用修复申请。', en: 'This record already has an open repair application.' },
};

// A bundle or sync refusal crosses the API as SYNC_REFUSED naming its code in details.reason and
// its values in details.params; its sentences live in the two refusal catalogues, each code once.
const REFUSALS: Record<string, Sentences> = { ...BUNDLE_MESSAGES, ...SYNC_MESSAGES };

/** Every refusal code of the catalogue, beside the API's own codes (shared/errors.ts). */
export const REFUSAL_CODES: readonly string[] = Object.keys(REFUSALS);

/** A refusal's sentence with the values it names, or null for a code this version does not know. */
export function refusalSentence(code: string, params: Params, locale: Locale): string | null {
  return Object.hasOwn(REFUSALS, code) ? REFUSALS[code]![locale](params) : null;
}

/** Why a PDF worker stopped making a document (details.reason of DOCUMENT_NOT_MADE, electron/report/pdf/pdfPool.ts). */
const DOCUMENT_NOT_MADE_REASONS: Record<string, (d: Record<string, unknown>) => { zh: string; en: string }> = {
  too_slow: (d) => ({
    zh: `文书未能在 ${String(d.seconds)} 秒内生成，已停止，本次未出具任何文件。请重试；如仍不成功，请联系管理员。`,
    en: `The document was not made within ${String(d.seconds)} seconds, so making it was stopped and nothing was produced. Try again, and tell the administrator if it keeps happening.`,
  }),
  too_much_memory: (d) => ({
    zh: `生成文书所需内存超过 ${String(d.megabytes)} MB 的上限，已停止，本次未出具任何文件。请联系管理员。`,
    en: `Making the document needed more than ${String(d.megabytes)} MB of memory, so it was stopped and nothing was produced. Tell the administrator.`,
  }),
  worker_stopped: () => ({
    zh: '生成文书的线程意外停止，本次文书未生成，其他业务不受影响。请重试。',
    en: 'The thread making the document stopped unexpectedly, so this document was not made; nothing else was affected. Try again.',
  }),
};

const UNKNOWN = { zh: '操作未能完成。请重试；如仍不成功，请联系管理员。', en: 'The action could not be completed. Try again, and ask the administrator if it keeps failing.' };

/**
 * The sentence for an error code written into a record (an audit detail) without its values, or
 * null for an unknown code or a refusal whose sentence needs values (a sentence of no parameters
 * takes none).
 */
export function errorCodeSentence(code: string, locale: Locale): string | null {
  const own = MESSAGES[code as ErrorCode]?.[locale];
  if (own) return own;
  const refusal = Object.hasOwn(REFUSALS, code) ? REFUSALS[code]![locale] : undefined;
  return refusal && refusal.length === 0 ? refusal({}) : null;
}

/** The sentence to show a person for an error, in their language. */
export function errorMessage(error: ApiErrorBody, locale: Locale): string {
  const officeHost = officeHostMessage(error, locale);
  if (officeHost) return officeHost;
  if (error.code === 'VALIDATION') {
    const [first] = fieldIssues(error, locale);
    if (first) {
      const label = fieldLabel(first.path, locale);
      return label ? (locale === 'zh' ? `“${label}”：${first.message}` : `${label}: ${first.message}`) : first.message;
    }
    // A service's reason without a field on the screen still has its own sentence in both languages.
    const own = typeof error.details?.reason === 'string' ? SERVICE_FIELD_REASONS[error.details.reason] : undefined;
    if (own) return own(error.details ?? {})[locale];
  }
  const reason = error.details?.reason;
  // Browser mode's way in (the launch page's key): say how to get in.
  const launch = launchMessage(error, locale);
  if (launch) return launch;
  if (error.code === 'DOCUMENT_CHARACTER_UNPRINTABLE' && typeof error.details?.character === 'string') {
    const { character, codePoint } = error.details;
    return locale === 'zh'
      ? `字符“${character}”（${String(codePoint)}）在所有内置字体中都没有字形，为避免打印成方框，文书未生成。请联系管理员。`
      : `The character “${character}” (${String(codePoint)}) has no glyph in any bundled font; rather than print a box, the document was not made. Tell the administrator.`;
  }
  const documentReason = error.code === 'DOCUMENT_NOT_MADE' && typeof reason === 'string' ? DOCUMENT_NOT_MADE_REASONS[reason] : undefined;
  if (documentReason) return documentReason(error.details ?? {})[locale];
  const caseChanged = caseChangedMessage(error, locale);
  if (caseChanged) return caseChanged;
  const attachment = attachmentMessage(error, locale);
  if (attachment) return attachment;
  const card = cardMessage(error, locale, idReasonMessage);
  if (card) return card;
  if (error.code === 'WEAK_PASSWORD' && typeof reason === 'string' && PASSWORD_REASONS[reason]) return PASSWORD_REASONS[reason][locale];
  const action = error.details?.action;
  if (error.code === 'CANNOT_CHANGE_OWN_ACCOUNT' && typeof action === 'string' && OWN_ACCOUNT_ACTIONS[action]) return OWN_ACCOUNT_ACTIONS[action][locale];
  const conflict = error.code === 'CONFLICT' && typeof error.details?.reason === 'string' ? CONFLICT_REASONS[error.details.reason] : undefined;
  if (conflict) return conflict[locale];
  const filterReason = error.code === 'FILTER_INVALID' ? FILTER_REASONS[String(error.details?.reason)] : undefined;
  if (filterReason) return filterReason[locale];
  // Sync refusals name their own code and values (bundle-security.md 12).
  const refusal = error.code === 'SYNC_REFUSED' && typeof reason === 'string' ? refusalSentence(reason, refusalParams(error.details?.params), locale) : null;
  if (refusal) return refusal;
  const known = MESSAGES[error.code];
  // A code without a sentence here: English readers get the core's sentence, Chinese readers
  // never see English inside Chinese, so they get the general sentence for an unexpected failure.
  if (!known) return locale === 'en' && error.message ? error.message : UNKNOWN[locale];
  return locale === 'en' && error.message ? error.message : known[locale];
}

/** A refusal's values as sent: only strings and numbers are values of a sentence. */
function refusalParams(v: unknown): Params {
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
}
