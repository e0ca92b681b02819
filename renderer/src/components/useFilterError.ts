import { useCallback, useState } from 'react';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n';

/**
 * A log filter the core refused (reversed dates, too few digits): the sentence goes next to the
 * field it names, so the screen never just shows an empty table.
 */
export function useFilterError() {
  const locale = useLocale();
  const [refused, setRefused] = useState<{ field: string; body: ApiError['body'] } | null>(null);
  /** True when the error was a filter error (and is now shown at its field). */
  const take = useCallback((err: unknown): boolean => {
    if (err instanceof ApiError && err.code === 'FILTER_INVALID') {
      setRefused({ field: String(err.body.details?.field ?? ''), body: err.body });
      return true;
    }
    return false;
  }, []);
  const clear = useCallback(() => setRefused(null), []);
  const fieldError = (field: string) => (refused?.field === field ? errorMessage(refused.body, locale) : null);
  return { fieldError, take, clear };
}
