import { chinaDate } from '../calendar/dates';
import { checkBirthDate, idCheckChar, normaliseIdNumber, PROVINCE_PREFIXES } from './idNumber';

// The number of the foreigner's permanent residence ID card, 2023 form (外国人永久居留身份证,
// issued from 2023-12-01): 18 characters, laid out like a citizen number so that the same systems
// take it. 1: '9' (the foreigner's mark); 2–3: province-level code of the office that took the
// application; 4–6: nationality (3 digits); 7–14: birth date; 15–17: order code; 18: check
// character. Two points are not settled in the published notices and stay rule-profile choices
// (docs/id-card-reader.md): whether the check character follows ISO 7064 MOD 11-2 as GB 11643's
// does, and whether the order code's parity gives the sex.

export type ForeignerIdErrorCode =
  | 'FOREIGN_ID_LEGACY'
  | 'FOREIGN_ID_LENGTH'
  | 'FOREIGN_ID_PREFIX'
  | 'FOREIGN_ID_CHARS'
  | 'FOREIGN_ID_PROVINCE'
  | 'FOREIGN_ID_NATIONALITY'
  | 'ID_BIRTH_DATE'
  | 'ID_BIRTH_FUTURE'
  | 'ID_CHECK_DIGIT';

export interface ForeignerIdOptions {
  /** Verify character 18 with ISO 7064 MOD 11-2 (GB 11643's check). */
  checkDigit: boolean;
}

export interface ForeignerIdInfo {
  idNumber: string;
  provinceCode: string;
  nationalityCode: string;
  birthDate: string;
  /** The order code's parity read as GB 11643 reads it (odd = male); the caller decides whether it counts. */
  orderParitySex: 'M' | 'F';
}

export type ForeignerIdResult = { ok: true; value: ForeignerIdInfo } | { ok: false; code: ForeignerIdErrorCode; message: string };

// Mainland provinces only: Hong Kong, Macao and Taiwan do not issue this card.
const NOT_ISSUING = new Set(['71', '81', '82', '83']);

/** Whether characters 2–3 can be the province of the office that issued a foreigner's card. */
export function isIssuingProvince(province: string): boolean {
  return PROVINCE_PREFIXES.has(province) && !NOT_ISSUING.has(province);
}

function fail(code: ForeignerIdErrorCode, message: string): ForeignerIdResult {
  return { ok: false, code, message };
}

/** `today` is the office clock, read as a date in China; null skips only the "born in the future" check (as validateIdNumber). */
export function validateForeignerIdNumber(raw: string, today: Date | null, options: ForeignerIdOptions): ForeignerIdResult {
  const id = normaliseIdNumber(raw);
  // The 2017 form: 15 characters, 3 letters of nationality first. Still carried until it expires,
  // but its layout gives no birth date to compare, so it is named rather than misread.
  if (/^[A-Z]{3}\d{12}$/.test(id)) return fail('FOREIGN_ID_LEGACY', 'This is the 15-character 2017 form of the permanent residence card, which is not supported');
  if (id.length !== 18) return fail('FOREIGN_ID_LENGTH', `A 2023 permanent residence number has 18 characters, not ${id.length}`);
  if (id[0] !== '9') return fail('FOREIGN_ID_PREFIX', 'A 2023 permanent residence number starts with 9');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('FOREIGN_ID_CHARS', 'The first 17 characters are digits and the last a digit or X');
  const province = id.slice(1, 3);
  if (!isIssuingProvince(province)) {
    return fail('FOREIGN_ID_PROVINCE', `Characters 2–3 (${province}) are not a mainland province code`);
  }
  const nationality = id.slice(3, 6);
  if (nationality === '000') return fail('FOREIGN_ID_NATIONALITY', 'Characters 4–6 (000) are not a nationality code');
  const badBirth = checkBirthDate(id.slice(6, 14), today === null ? '9999-12-31' : chinaDate(today));
  if (badBirth) return fail(badBirth.code === 'ID_BIRTH_FUTURE' ? 'ID_BIRTH_FUTURE' : 'ID_BIRTH_DATE', badBirth.message);
  if (options.checkDigit && idCheckChar(id.slice(0, 17)) !== id[17]) {
    return fail('ID_CHECK_DIGIT', 'The check character does not match');
  }
  return {
    ok: true,
    value: {
      idNumber: id,
      provinceCode: province,
      nationalityCode: nationality,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      orderParitySex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    },
  };
}
