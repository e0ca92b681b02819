import { chinaDate, daysInMonth } from '../calendar/dates';
import { EARLIEST_BIRTH_YEAR, findBadIdChar, normaliseIdNumber, validateIdNumber } from './idNumber';
import type { IdNumberError, IdNumberInfo } from './idNumber';

// Checks a number while it is being typed (DESIGN.md §4: "validated as typed"), so the clerk
// sees a wrong character the moment it is entered instead of after the 18th.

export type IdPartialResult =
  | { ok: true; complete: false; length: number }
  | { ok: true; complete: true; value: IdNumberInfo }
  | IdNumberError;

export function checkIdNumberPartial(raw: string, today: Date): IdPartialResult {
  const id = normaliseIdNumber(raw);
  if (id.length >= 18) return withComplete(validateIdNumber(id, today));
  const badChar = findBadIdChar(id);
  if (badChar) return badChar;
  const birth = id.slice(6, 14);
  if (birth.length > 0 && !birthPrefixPossible(birth, chinaDate(today))) {
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

function withComplete(result: { ok: true; value: IdNumberInfo } | IdNumberError): IdPartialResult {
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
