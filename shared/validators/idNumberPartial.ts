import { chinaDate, daysInMonth } from '../calendar/dates';
import { checkAddressCode, EARLIEST_BIRTH_YEAR, findBadIdChar, normaliseIdNumber } from './idNumber';
import { isIssuingProvince } from './foreignerIdNumber';
import { isForeignPermanentNumber, validatePersonIdNumber, type PersonIdInfo, type PersonIdResult } from './personIdNumber';

// Checks a number while it is being typed (DESIGN.md §4: "validated as typed"), so the clerk
// sees a wrong character the moment it is entered instead of after the 18th.

export type IdPartialResult =
  | { ok: true; complete: false; length: number }
  | { ok: true; complete: true; value: PersonIdInfo }
  | Extract<PersonIdResult, { ok: false }>;

// The page does not know the office's rule profile: a foreigner's number is checked here without
// its unconfirmed check character and sex, which the core decides (shared/rules/idCardRules.ts).
const PAGE_OPTIONS = { foreignCheckDigit: false, foreignSexFromOrderCode: false };

/** `today` is the office clock (the core's now, not the machine's), read as a date in China. */
export function checkIdNumberPartial(raw: string, today: Date): IdPartialResult {
  const id = normaliseIdNumber(raw);
  if (id.length >= 18) return withComplete(validatePersonIdNumber(id, today, PAGE_OPTIONS));
  const badChar = findBadIdChar(id);
  if (badChar) return badChar;
  if (isForeignPermanentNumber(id)) {
    // The foreigner's number: '9', then the province of the office that took the application.
    const province = id.slice(1, 3);
    if (province.length === 2 && !isIssuingProvince(province)) {
      return { ok: false, code: 'FOREIGN_ID_PROVINCE', message: `Characters 2–3 (${province}) are not a mainland province code`, position: 2 };
    }
  } else {
    const badAddress = checkAddressCode(id);
    if (badAddress) return badAddress;
  }
  const birth = id.slice(6, 14);
  if (birth.length > 0 && !birthPrefixPossible(birth, chinaDate(today))) {
    // A first-generation number has a 2-digit year (YYMMDD at 7–12, 15 digits in all). Once 15
    // digits are typed that cannot begin an 18-digit number but read as a legacy one, say so
    // instead of calling its birth date impossible (shorter prefixes cannot be told apart).
    if (id.length === 15 && /^\d{15}$/.test(id) && legacyBirthPossible(id.slice(6, 12))) {
      return { ok: false, code: 'ID_LEGACY_15', message: 'A 15-digit first-generation ID number is no longer valid; use the 18-digit number on the current card' };
    }
    // "Future" only once the year is complete; a first digit of 3 is simply not a birth year.
    const code = birth.length >= 4 && birthPrefixPossible(birth, '9999-12-31') ? 'ID_BIRTH_FUTURE' : 'ID_BIRTH_DATE';
    return {
      ok: false,
      code,
      message: code === 'ID_BIRTH_FUTURE' ? 'The birth date would lie in the future' : `Characters 7–${6 + birth.length} cannot begin a real birth date`,
      position: 6 + birth.length,
    };
  }
  return { ok: true, complete: false, length: id.length };
}

/** Whether digits typed at positions 7–12 of a 15-digit number can be a YYMMDD date in 19YY. */
function legacyBirthPossible(yymmdd: string): boolean {
  return birthPrefixPossible(`19${yymmdd}`, '1999-12-31');
}

function withComplete(result: PersonIdResult): IdPartialResult {
  return result.ok ? { ok: true, complete: true, value: result.value } : result;
}

/** Whether some completion of the digits typed so far is a real date in [1800-01-01, today]. */
function birthPrefixPossible(prefix: string, todayIso: string): boolean {
  const todayYear = Number(todayIso.slice(0, 4));
  if (prefix.length < 4) {
    const lo = Number(prefix.padEnd(4, '0'));
    const hi = Number(prefix.padEnd(4, '9'));
    return hi >= EARLIEST_BIRTH_YEAR && lo <= todayYear;
  }
  const year = Number(prefix.slice(0, 4));
  if (year < EARLIEST_BIRTH_YEAR || year > todayYear) return false;
  const monthPart = prefix.slice(4, 6);
  const dayPart = prefix.slice(6, 8);
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    if (!mm.startsWith(monthPart)) continue;
    for (let day = 1; day <= daysInMonth(year, month); day += 1) {
      const dd = String(day).padStart(2, '0');
      if (monthPart.length === 2 && !dd.startsWith(dayPart)) continue;
      if (`${year}-${mm}-${dd}` <= todayIso) return true;
    }
  }
  return false;
}
