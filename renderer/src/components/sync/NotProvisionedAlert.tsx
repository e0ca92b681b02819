import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Said wherever sync is unavailable until the office is provisioned, with what to do about it. */
export function NotProvisionedAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('sync.notProvisioned')} data-testid="sync-not-provisioned">
      {t('sync.notProvisionedHint')}
    </Alert>
  );
}
