import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Turns zod issues into one VALIDATION error that names each field and, where known, the rule broken. */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 20).map((i) => {
    const reason = i.code === 'custom' && i.params && typeof i.params.reason === 'string' ? i.params.reason : i.code;
    // The bound of a length or size rule, so the console can say "at most 40 characters".
    const limit = i.code === 'too_small' ? Number(i.minimum) : i.code === 'too_big' ? Number(i.maximum) : undefined;
    return { path: i.path.map(String).join('.'), reason, message: i.message, ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}) };
  });
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new AppError('VALIDATION', `Invalid input — ${where}${first?.message ?? 'not accepted'}.`, { issues });
}
