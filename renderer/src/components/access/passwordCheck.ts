import type { TFunction } from 'i18next';
import { passwordReasonMessage, type Locale } from '../../../../shared/i18n/errorMessages';
import { passwordProblem } from '../../../../shared/validators/passwordRules';

/** The field error for a new password, by the same rule the core enforces; null when it passes. */
export function newPasswordError(password: string, username: string | null, locale: Locale, t: TFunction): string | null {
  if (password === '') return t('password.required');
  const problem = passwordProblem(password, username);
  return problem ? passwordReasonMessage(problem, locale) : null;
}
