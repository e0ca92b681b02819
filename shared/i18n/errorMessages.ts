import type { ApiErrorBody, ErrorCode } from '../errors';

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
  NOT_INITIALISED: { zh: '本窗口尚未初始化。', en: 'This office has not been set up yet.' },
  WEAK_PASSWORD: { zh: '密码至少 10 位，且须同时包含字母和数字。', en: 'The password needs at least 10 characters with both letters and digits.' },
  USERNAME_TAKEN: { zh: '该用户名已被使用。', en: 'That user name is already taken.' },
  NOT_FOUND: { zh: '未找到相应记录。', en: 'Nothing was found.' },
  ID_INVALID: { zh: '身份证号码无效。', en: 'The ID number is not valid.' },
  NAME_MISMATCH: { zh: '姓名与该身份证号码的登记姓名不一致，请核对身份证。', en: 'The name does not match the name on record for this ID number. Check the ID card.' },
  PURPOSE_REQUIRED: { zh: '请选择查询用途；选择“其他”时须说明。无用途不得查询。', en: 'Choose a purpose (describe it for “Other”): no purpose, no query.' },
  CONFLICT: { zh: '操作与当前状态冲突。', en: 'This conflicts with the current state.' },
  // Cases (objections, credit repair):
  ILLEGAL_TRANSITION: { zh: '案件状态已经改变（可能已由他人办理），这一步不再适用。请按案件当前状态办理。', en: 'The case has moved on (someone else may have handled it); this step no longer applies. Continue from its current state.' },
  NOT_ELIGIBLE: { zh: '该信息目前不符合信用修复条件：须已满足最短公示期、不属于不可修复情形，并已履行义务、签署信用承诺书。', en: 'This record cannot be repaired now: the shortest publicity period must be reached, it must not be a non-repairable kind, and obligations and a credit commitment are needed.' },
  CALENDAR_NOT_COVERED: { zh: '该年度的法定节假日安排尚未载入，无法按工作日计算时限。请导入包含该年度日历的更新包。', en: 'The official holiday calendar for that year is not loaded, so working-day deadlines cannot be counted. Import an update bundle with that year.' },
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
  FREE_REPORTS_USED: { zh: '本年度免费报告次数已用完，须经申请人确认后方可出具。', en: "This year's free reports are used up; issue another only after the applicant confirms." },
  PRINT_COPY_STALE: { zh: '该份已由他人打印或记录，页面上的份数已过时：请重新预览后再打印。', en: 'Someone else has printed or recorded this copy meanwhile, so its copy number is out of date: preview again, then print.' },
  NOT_DECIDED: { zh: '案件尚未作出决定，不能出具告知书。', en: 'The case has not been decided yet, so there is no decision notice to print.' },
  STATEMENT_TOO_LONG: { zh: '本人声明超过规定字数，请精简。', en: 'The statement is longer than allowed; shorten it.' },
  INTERNAL: { zh: '系统内部错误，已记录。请重试。', en: 'Something went wrong inside CreditDesk. It was logged; please try again.' },
};

// Validator reasons (shared/validators) that the counter shows next to the ID field.
const ID_REASONS: Record<string, { zh: string; en: string }> = {
  ID_EMPTY: { zh: '请输入身份证号码。', en: 'Enter the ID number.' },
  ID_LEGACY_15: { zh: '这是 15 位旧版身份证号码，请使用 18 位号码（可换领新证）。', en: 'This is a legacy 15-digit number; use the 18-character ID number.' },
  ID_LENGTH: { zh: '身份证号码应为 18 位。', en: 'An ID number has 18 characters.' },
  ID_CHARS: { zh: '前 17 位须为数字，最后一位为数字或 X。', en: 'The first 17 characters are digits; the last is a digit or X.' },
  ID_BIRTH_DATE: { zh: '号码中的出生日期不存在。', en: 'The birth date inside the number is not a real date.' },
  ID_BIRTH_FUTURE: { zh: '号码中的出生日期晚于今天。', en: 'The birth date inside the number is in the future.' },
  ID_CHECK_DIGIT: { zh: '校验位不正确，请核对号码。', en: 'The check character does not match; check the number.' },
};

export function idReasonMessage(reason: string, locale: Locale): string | null {
  return ID_REASONS[reason]?.[locale] ?? null;
}

/** The sentence to show a person for an error, in their language. */
export function errorMessage(error: ApiErrorBody, locale: Locale): string {
  const issues = error.details?.issues;
  if (error.code === 'VALIDATION' && Array.isArray(issues)) {
    for (const issue of issues as { reason?: string }[]) {
      const idMsg = issue.reason ? idReasonMessage(issue.reason, locale) : null;
      if (idMsg) return idMsg;
    }
  }
  // Sync refusals carry their own specific sentence in both languages (bundle-security.md 12).
  const own = error.code === 'SYNC_REFUSED' ? error.details?.[locale] : undefined;
  if (typeof own === 'string') return own;
  const known = MESSAGES[error.code];
  if (!known) return error.message;
  return locale === 'en' && error.message ? error.message : known[locale];
}
