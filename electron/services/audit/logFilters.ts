import { addCalendarDays } from '../../../shared/calendar/dates';
import { AppError } from '../../../shared/errors';
import { chinaDayStartIso } from '../../../shared/calendar/dates';

// Filters of the log screens, checked the same way everywhere: a filter that cannot match is
// refused with its reason (the screen says it), never answered with an empty page.

export const LOG_ID_PARTIAL_MIN = 4;

/** China calendar days [from, to] as an instant range; reversed dates are an error. */
export function dayRange(from: string | undefined, to: string | undefined): { fromIso: string | null; toIsoExclusive: string | null } {
  if (from && to && from > to) {
    throw new AppError('FILTER_INVALID', `The end date ${to} is before the start date ${from}.`, { field: 'to', reason: 'DATES_REVERSED', from, to });
  }
  return { fromIso: from ? chinaDayStartIso(from) : null, toIsoExclusive: to ? chinaDayStartIso(addCalendarDays(to, 1)) : null };
}

/** A whole ID number, or at least four of its digits anywhere in it. */
export function idFilter(raw: string | undefined): { idNumber: string | null; idPartial: string | null } {
  const v = raw?.trim().toUpperCase().replace(/\s+/g, '') ?? '';
  if (!v) return { idNumber: null, idPartial: null };
  if (!/^[0-9]*X?$/.test(v) && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) {
    throw new AppError('FILTER_INVALID', 'An ID number holds only digits and a final X.', { field: 'idNumber', reason: 'ID_PARTIAL_CHARS' });
  }
  if (v.length === 18) return { idNumber: v, idPartial: null };
  if (v.replace('X', '').length < LOG_ID_PARTIAL_MIN) {
    throw new AppError('FILTER_INVALID', `Type at least ${LOG_ID_PARTIAL_MIN} digits of the ID number.`, { field: 'idNumber', reason: 'ID_PARTIAL_SHORT', min: LOG_ID_PARTIAL_MIN });
  }
  return { idNumber: null, idPartial: v };
}
