import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, ExportFormat } from '../../../shared/contract/exportFile';
import { saveExport } from './saveExport';

/** CSV and Excel buttons; `run` asks the core for the file (which audits the export). */
export function ExportButtons({ run, onError, testId }: { run: (format: ExportFormat) => Promise<ExportedFile>; onError: (e: unknown) => void; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const go = async (format: ExportFormat) => {
    setBusy(format);
    try {
      saveExport(await run(format));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" leftSection={<IconFileText size={16} />} loading={busy === 'csv'} onClick={() => void go('csv')} data-testid={`${testId}-csv`}>{t('export.csv')}</Button>
      <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === 'xlsx'} onClick={() => void go('xlsx')} data-testid={`${testId}-xlsx`}>{t('export.xlsx')}</Button>
    </Group>
  );
}
