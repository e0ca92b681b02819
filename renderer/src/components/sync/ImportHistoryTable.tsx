import { Badge, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleInView } from '../../../../shared/contract/sync';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { countsLine } from './CountsTable';

const COLOR = { applied: 'green', already_imported: 'gray', refused: 'red' } as const;

/** Every import attempt, newest first: applied ones with what they changed, refusals with their sentence. */
export function ImportHistoryTable({ version }: { version: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [rows, setRows] = useState<BundleInView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('sync.importHistory', { limit: 50 }).then(setRows, setError);
  }, [version]);

  if (error) return <ErrorAlert error={error} />;
  if (!rows) return null;
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('sync.import.empty')}</Text>;
  return (
    <Table striped withTableBorder data-testid="import-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('sync.import.at')}</Table.Th>
          <Table.Th w={70}>{t('sync.import.sequence')}</Table.Th>
          <Table.Th w={110}>{t('sync.import.result')}</Table.Th>
          <Table.Th>{t('sync.import.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const sentence = locale === 'zh' ? (r.refusedReasonZh ?? r.refusedReason) : r.refusedReason;
          return (
            <Table.Tr key={r.id} data-result={r.result}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{chinaDateTime(r.at)}</Table.Td>
              <Table.Td ff="monospace">{r.sequence ?? '—'}</Table.Td>
              <Table.Td><Badge color={COLOR[r.result]} variant="light" tt="none">{t(`sync.import.resultName.${r.result}`)}</Badge></Table.Td>
              <Table.Td>
                <Text size="sm">{r.result === 'applied' ? countsLine(r.counts, t) : sentence}</Text>
                {r.fileName && <Text size="xs" c="dimmed" ff="monospace">{r.fileName}</Text>}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
