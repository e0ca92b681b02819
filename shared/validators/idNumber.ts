import { chinaDate, daysInMonth } from '../calendar/dates';

// Citizen identity number, GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date,
// 3-digit order code (odd = male, even = female), ISO 7064 MOD 11-2 check character.

export type IdErrorCode =
  | 'ID_EMPTY'
  | 'ID_LEGACY_15'
  | 'ID_LENGTH'
  | 'ID_CHARS'
  | 'ID_ADDRESS'
  | 'ID_BIRTH_DATE'
  | 'ID_BIRTH_FUTURE'
  | 'ID_CHECK_DIGIT';

export interface IdNumberInfo {
  /** Normalised: no spaces, check character X in upper case. */
  idNumber: string;
  regionCode: string;
  birthDate: string;
  gender: 'M' | 'F';
}

export interface IdNumberError {
  ok: false;
  code: IdErrorCode;
  /** Plain English for logs; the UI localises by code. */
  message: string;
  /** 1-based position of the first offending character, when one can be named. */
  position?: number;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | IdNumberError;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// The standard's numbers start with people born in the 1800s (example 440524188001010014).
export const EARLIEST_BIRTH_YEAR = 1800;

/** The check character for 17 digits (ISO 7064 MOD 11-2); throws on anything else. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Removes spaces people type or paste between groups, turns the full-width digits and Ｘ that a
 * Chinese input method produces into ASCII, and upper-cases a trailing x.
 */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/**
 * Province-level prefixes of GB/T 2260 (domain-rules.md "Address code"): 11–15, 21–23, 31–37,
 * 41–46, 50–54, 61–65, 71, and 81/82/83 for the residence permits of Hong Kong, Macao and Taiwan
 * residents (2018). A full historical code list is not available offline, and people keep an
 * abandoned code for life (362324, once 丰城县), so below the province only two things are
 * refused: a mainland code ending 0000, which names a province itself and never an issuing
 * county-level office, and a residence-permit code other than 810000/820000/830000 (the only
 * ones the 2018 rules use). 000000 fails the province check.
 */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);
const PERMIT_PREFIXES: ReadonlySet<string> = new Set(['81', '82', '83']);

/** The address-code check on the first 2 to 6 digits typed so far; null when they can still be right. */
export function checkAddressCode(digits: string): IdNumberError | null {
  if (digits.length >= 2 && !PROVINCE_PREFIXES.has(digits.slice(0, 2))) {
    return fail('ID_ADDRESS', `Characters 1–2 (${digits.slice(0, 2)}) are not a province code`, 1);
  }
  if (digits.length >= 6) {
    const code = digits.slice(0, 6);
    const permit = PERMIT_PREFIXES.has(code.slice(0, 2));
    if (permit ? !code.endsWith('0000') : code.endsWith('0000')) {
      return fail('ID_ADDRESS', `Characters 1–6 (${code}) are not an address code that issues ID numbers`, 3);
    }
  }
  return null;
}

function fail(code: IdErrorCode, message: string, position?: number): IdNumberError {
  return position === undefined ? { ok: false, code, message } : { ok: false, code, message, position };
}

/** First offending character of a (possibly partial) number, or null. */
export function findBadIdChar(value: string): IdNumberError | null {
  for (let i = 0; i < value.length && i < 18; i += 1) {
    const c = value[i] ?? '';
    const fine = i < 17 ? c >= '0' && c <= '9' : (c >= '0' && c <= '9') || c === 'X';
    if (!fine) {
      return fail('ID_CHARS', i < 17 ? `Character ${i + 1} must be a digit` : 'The last character must be a digit or X', i + 1);
    }
  }
  return null;
}

/** Birth date YYYYMMDD checked against the real calendar and today's date in China. */
export function checkBirthDate(yyyymmdd: string, todayIso: string): IdNumberError | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('ID_BIRTH_DATE', `Characters 7–14 (${yyyymmdd}) are not a real birth date`, 7);
  }
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (iso > todayIso) return fail('ID_BIRTH_FUTURE', `Birth date ${iso} lies in the future`, 7);
  return null;
}

/**
 * Full validation of an 18-character number. `today` is the office clock (ctx.now()), read as a
 * date in China; null skips only the "born in the future" check, for callers without the office
 * clock (the contract schema), whose service repeats the check with it.
 */
export function validateIdNumber(raw: string, today: Date | null): IdNumberResult {
  const id = normaliseIdNumber(raw);
  if (id.length === 0) return fail('ID_EMPTY', 'No ID number given');
  if (id.length === 15 && /^\d{15}$/.test(id)) {
    // First-generation cards (15 digits, 2-digit year, no check character) stopped being valid
    // on 2013-01-01; the applicant needs the 18-digit number of a current card.
    return fail('ID_LEGACY_15', 'A 15-digit first-generation ID number is no longer valid; use the 18-digit number on the current card');
  }
  if (id.length !== 18) return fail('ID_LENGTH', `An ID number has 18 characters, not ${id.length}`);
  const badChar = findBadIdChar(id);
  if (badChar) return badChar;
  const badAddress = checkAddressCode(id);
  if (badAddress) return badAddress;
  const badBirth = checkBirthDate(id.slice(6, 14), today === null ? '9999-12-31' : chinaDate(today));
  if (badBirth) return badBirth;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return fail('ID_CHECK_DIGIT', 'The check character does not match: a character was probably mistyped', 18);
  }
  return {
    ok: true,
    value: {
      idNumber: id,
      regionCode: id.slice(0, 6),
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    },
  };
}
