import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/sync';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import { CountsTable } from './CountsTable';

/** A checked bundle before it is applied: who sent it, which number, how long it is valid, what it changes. */
export function ImportPreviewCard({ preview, busy, onApply, onCancel }: { preview: ImportPreview; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const row = (label: string, value: string, testId?: string) => (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td data-testid={testId}>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder data-testid="import-preview">
      <Stack>
        <Title order={5}>{t('sync.import.preview')}</Title>
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Table variant="vertical" withTableBorder maw={520}>
            <Table.Tbody>
              {row(t('sync.import.fileName'), preview.fileName)}
              {row(t('sync.import.sender'), preview.sender === 'platform' ? t('sync.import.platform') : preview.sender, 'preview-sender')}
              {row(t('sync.import.purpose'), t(`sync.import.purposeName.${preview.purpose}`, { defaultValue: preview.purpose }))}
              {row(t('sync.import.sequence'), String(preview.sequence), 'preview-sequence')}
              {row(t('sync.import.createdAt'), chinaDateTime(preview.createdAt), 'preview-created')}
              {row(t('sync.import.expiresAt'), chinaDateTime(preview.expiresAt), 'preview-expires')}
              <Table.Tr>
                <Table.Th>{t('sync.import.hash')}</Table.Th>
                <Table.Td><Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{preview.bundleHash}</Text></Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Stack gap="xs">
            <Text fw={600} size="sm">{t('sync.import.changes')}</Text>
            <CountsTable counts={preview.counts} testId="preview-counts" />
          </Stack>
        </Group>
        <Group>
          <Button onClick={onApply} loading={busy} data-testid="import-apply">{t('sync.import.apply')}</Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>{t('sync.import.cancel')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
