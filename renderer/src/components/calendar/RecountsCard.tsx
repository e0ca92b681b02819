import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import type { DeadlineRecountView } from '../../../../shared/contract/calendar';

/**
 * The open cases whose due date a newly loaded arrangement moved (by bundle or by entry), newest
 * first: the manager tells the applicants concerned. Each line is an audited recount.
 */
export function RecountsCard({ rows }: { rows: DeadlineRecountView[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="calendar-recounts">
      <Stack gap="xs">
        <Text fw={600}>{t('calendar.recounts.title')}</Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="calendar-no-recounts">{t('calendar.recounts.none')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.recounts.at')}</Table.Th>
                <Table.Th>{t('calendar.recounts.case')}</Table.Th>
                <Table.Th>{t('calendar.recounts.from')}</Table.Th>
                <Table.Th>{t('calendar.recounts.to')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.at}-${r.kind}-${r.caseNo}`} data-testid="calendar-recount" data-case-no={r.caseNo}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{chinaDateTime(r.at)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`calendar.recounts.kind.${r.kind}`)} {r.caseNo}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.from ?? t('calendar.recounts.noDate')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.to ?? t('calendar.recounts.noDate')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
