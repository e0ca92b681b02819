import { fieldIssues } from '../../../../shared/i18n/errorMessages';
import type { Locale } from '../../../../shared/i18n/errorMessages';
import { ApiError } from '../../api/client';

/**
 * The fields a refused request names, as `errorOf(path)` for each input's `error` prop: the core's
 * VALIDATION issues carry the contract's field path, so the form marks exactly the field at fault.
 */
export function apiFieldErrors(error: unknown, locale: Locale): (path: string) => string | null {
  const issues = error instanceof ApiError ? fieldIssues(error.body, locale) : [];
  return (path) => issues.find((i) => i.path === path)?.message ?? null;
}
