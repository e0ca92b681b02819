import { Alert } from '@mantine/core';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n';

/** Shows an error as one plain sentence in the console's language; nothing when there is none. */
export function ErrorAlert({ error }: { error: unknown }) {
  const locale = useLocale();
  if (!error) return null;
  const text = error instanceof ApiError ? errorMessage(error.body, locale) : String((error as Error).message ?? error);
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error">
      {text}
    </Alert>
  );
}
