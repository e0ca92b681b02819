// Unified social credit code, GB 32100-2015: registration department (1), institution type (1),
// region code (6, GB/T 2260), organization code (9, GB 11714), check character (1), over an
// alphabet of 31 characters that leaves out I, O, Z, S and V (easily confused with 1, 0, 2, 5, U).
import { REGISTRATION_DEPARTMENTS } from './creditCodeDepartments';
import { PROVINCE_PREFIXES } from './idNumber';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeErrorCode = 'CC_EMPTY' | 'CC_LENGTH' | 'CC_CHARS' | CreditCodeWarningCode;
/** What a platform record may carry with a warning; typed at the counter, each of these blocks. */
export type CreditCodeWarningCode = 'CC_DEPARTMENT' | 'CC_INSTITUTION_TYPE' | 'CC_REGION' | 'CC_ORG_CHECK' | 'CC_CHECK_CHAR';

export interface CreditCodeInfo {
  /** Normalised: no spaces, upper case. */
  creditCode: string;
  registrationDept: string;
  institutionType: string;
  regionCode: string;
  organizationCode: string;
  /** Problems tolerated in platform mode; empty for a clean code. */
  warnings: { code: CreditCodeWarningCode; message: string }[];
}

export type CreditCodeResult =
  | { ok: true; value: CreditCodeInfo }
  | { ok: false; code: CreditCodeErrorCode; message: string; position?: number };

export interface CreditCodeOptions {
  /**
   * 'manual': typed by staff, a bad check character blocks. 'platform': the record came from the
   * credit platform; some early pilot codes were issued with a check character that fails the
   * algorithm, and refusing them would drop real registrations, so it is only a warning.
   */
  mode: 'manual' | 'platform';
}

// GB 11714-1997: the organisation code's eight characters weighted 3 7 9 10 5 8 4 2, digits as
// their value and letters A–Z as 10–35; the check is 11 − (Σ mod 11), with 10 written X and 11 as 0.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character of an organisation code's first eight characters (digits and A–Z). */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('organizationCodeCheckChar needs 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(first8[i] ?? '', 36) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Characters 3–8, the GB/T 2260 region of the registering authority. Unlike an ID number's, a
 * province's own code (110000) is right here: provincial authorities register organisations, and
 * national ones write 100000. The Hong Kong, Macao and Taiwan prefixes never register here.
 */
function regionProblem(region: string): string | null {
  if (!/^\d{6}$/.test(region)) return `Characters 3–8 (${region}) must be the six digits of a region code`;
  if (region === '100000') return null;
  const province = region.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(province) || ['71', '81', '82', '83'].includes(province)) {
    return `Characters 3–4 (${province}) are not a mainland province's code`;
  }
  return null;
}

/** The first problem of the code's parts (department, type, region, organisation code), in reading order. */
function partProblem(code: string): { code: CreditCodeWarningCode; message: string; position: number } | null {
  const dept = REGISTRATION_DEPARTMENTS[code[0] ?? ''];
  if (!dept) return { code: 'CC_DEPARTMENT', message: `Character 1 (${code[0]}) is not a registration department`, position: 1 };
  if (!dept.types[code[1] ?? '']) {
    return { code: 'CC_INSTITUTION_TYPE', message: `Character 2 (${code[1]}) is not a kind of organisation that department ${code[0]} registers`, position: 2 };
  }
  const region = regionProblem(code.slice(2, 8));
  if (region) return { code: 'CC_REGION', message: region, position: 3 };
  const org = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(org) || organizationCodeCheckChar(org.slice(0, 8)) !== org[8]) {
    return { code: 'CC_ORG_CHECK', message: `Characters 9–17 (${org}) are not an organisation code: its own check character does not match`, position: 17 };
  }
  return null;
}

/** The check character for the first 17 characters; throws if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`Character ${i + 1} is not in the GB 32100 alphabet`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check] ?? '';
}

export function normaliseCreditCode(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, '').toUpperCase();
}

export function validateCreditCode(raw: string, options: CreditCodeOptions): CreditCodeResult {
  const code = normaliseCreditCode(raw);
  if (code.length === 0) return { ok: false, code: 'CC_EMPTY', message: 'No credit code given' };
  if (code.length !== 18) {
    return { ok: false, code: 'CC_LENGTH', message: `A unified social credit code has 18 characters, not ${code.length}` };
  }
  for (let i = 0; i < 18; i += 1) {
    const c = code[i] ?? '';
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      const hint = 'IOZSV'.includes(c) ? ` (the letters I, O, Z, S and V are never used)` : '';
      return { ok: false, code: 'CC_CHARS', message: `Character ${i + 1} (${c}) is not allowed${hint}`, position: i + 1 };
    }
  }
  const warnings: CreditCodeInfo['warnings'] = [];
  // The check character first: a mistyped character is far likelier than an impossible part, and
  // it is the one thing the clerk can fix by looking again.
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    const message = 'The check character does not match';
    if (options.mode === 'manual') {
      return { ok: false, code: 'CC_CHECK_CHAR', message: `${message}: a character was probably mistyped`, position: 18 };
    }
    warnings.push({ code: 'CC_CHECK_CHAR', message: `${message} (accepted from the platform: early pilot codes fail the check)` });
  }
  const part = partProblem(code);
  if (part) {
    if (options.mode === 'manual') return { ok: false, ...part };
    warnings.push({ code: part.code, message: `${part.message} (accepted from the platform, which registered it)` });
  }
  return {
    ok: true,
    value: {
      creditCode: code,
      registrationDept: code.slice(0, 1),
      institutionType: code.slice(1, 2),
      regionCode: code.slice(2, 8),
      organizationCode: code.slice(8, 17),
      warnings,
    },
  };
}
