import { z } from 'zod';
import { validatePersonIdNumber } from '../validators/personIdNumber';

/**
 * A person's number: a citizen ID number checked as GB 11643 demands (residence permits included),
 * or a foreigner's permanent residence number (9…); the issue carries the validator's reason.
 */
export const personIdNumber = z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    // The office clock and rule profile are not known here: the counter service repeats the check
    // with ctx.now() and the profile's choices for the foreigner's number.
    const result = validatePersonIdNumber(raw, null, { foreignCheckDigit: false, foreignSexFromOrderCode: false });
    if (result.ok) return result.value.idNumber;
    ctx.addIssue({ code: 'custom', message: result.code, params: { reason: result.code } });
    return z.NEVER;
  });
