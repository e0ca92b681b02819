import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BundleOutView } from '../../../../shared/contract/sync';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import { countsLine } from './CountsTable';
import { formatSize } from './fileBytes';

/** Exports with their acknowledgement; an unacknowledged one still kept here can be saved again. */
export function ExportHistoryTable({ rows, busySequence, onWriteAgain }: { rows: BundleOutView[]; busySequence: number | null; onWriteAgain: (sequence: number) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('sync.export.empty')}</Text>;
  return (
    <Table striped withTableBorder data-testid="export-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('sync.export.sequence')}</Table.Th>
          <Table.Th w={170}>{t('sync.export.createdAt')}</Table.Th>
          <Table.Th>{t('sync.export.contents')}</Table.Th>
          <Table.Th w={90}>{t('sync.export.size')}</Table.Th>
          <Table.Th w={220}>{t('sync.export.ack')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.sequence} data-sequence={r.sequence}>
            <Table.Td ff="monospace">{r.sequence}</Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{chinaDateTime(r.createdAt)}</Table.Td>
            <Table.Td>
              <Text size="sm">{countsLine(r.counts, t) || t('sync.nothing')}</Text>
              <Text size="xs" c="dimmed" ff="monospace">{r.fileName}</Text>
            </Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{formatSize(r.sizeBytes)}</Table.Td>
            <Table.Td>
              {r.acknowledgedAt ? (
                <Badge color="green" variant="light" tt="none">{t('sync.export.acknowledged', { at: chinaDateTime(r.acknowledgedAt) })}</Badge>
              ) : (
                <>
                  <Badge color="orange" variant="light" tt="none" mr="xs">{t('sync.export.waiting')}</Badge>
                  {r.kept ? (
                    <Button size="compact-xs" variant="default" loading={busySequence === r.sequence} onClick={() => onWriteAgain(r.sequence)} data-testid={`export-again-${r.sequence}`}>
                      {t('sync.export.writeAgain')}
                    </Button>
                  ) : (
                    <Text span size="xs" c="dimmed">{t('sync.export.notKept')}</Text>
                  )}
                </>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
