import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What a bundle carries or changes, one row per kind with rows; kinds without a label show their code. */
export function CountsTable({ counts, testId }: { counts: Record<string, number>; testId?: string }) {
  const { t } = useTranslation();
  const rows = Object.entries(counts).filter(([, n]) => n > 0);
  if (rows.length === 0) return <Text size="sm" c="dimmed" data-testid={testId}>{t('sync.nothing')}</Text>;
  return (
    <Table withTableBorder maw={480} bg="var(--mantine-color-body)" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.countKind')}</Table.Th>
          <Table.Th ta="right">{t('sync.countN')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([kind, n]) => (
          <Table.Tr key={kind} data-kind={kind}>
            <Table.Td>{t(`sync.kind.${kind}`, { defaultValue: kind })}</Table.Td>
            <Table.Td ta="right" ff="monospace">{n.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The same counts on one line, for history tables. */
export function countsLine(counts: Record<string, number>, t: TFunction): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${t(`sync.kind.${kind}`, { defaultValue: kind })} ${n.toLocaleString()}`)
    .join(' · ');
}
