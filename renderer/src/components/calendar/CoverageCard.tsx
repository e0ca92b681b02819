import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarSourceRuns, type CalendarSourceRun } from '../../../../shared/calendar/calendarSources';
import type { CalendarStatusView } from '../../../../shared/contract/calendar';

/** Which years the office calendar holds and where each came from; the years still missing. */
export function CoverageCard({ status }: { status: CalendarStatusView }) {
  const { t } = useTranslation();
  const span = (from: number, to: number) => (from === to ? t('calendar.year', { year: from }) : t('calendar.years', { from, to }));
  const source = (r: CalendarSourceRun) => (r.kind === 'bundle' && r.ref === null ? t('calendar.source.bundle') : t(`calendar.source.${r.kind === 'bundle' ? 'bundleRef' : r.kind}`, { ref: r.ref }));
  return (
    <Card withBorder data-testid="calendar-coverage">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('calendar.loaded')}</Text>
          <Badge variant="light" color="teal" data-testid="calendar-through">{t('calendar.through', { year: status.coverage.toYear })}</Badge>
        </Group>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {calendarSourceRuns(status.years).map((r) => (
              <Table.Tr key={r.fromYear} data-testid="calendar-source">
                <Table.Td w={140}>{span(r.fromYear, r.toYear)}</Table.Td>
                <Table.Td>{source(r)}</Table.Td>
              </Table.Tr>
            ))}
            {status.missingYears.map((year) => (
              <Table.Tr key={`missing-${year}`} data-testid="calendar-missing">
                <Table.Td><Text span size="sm" c="orange.8" fw={600}>{t('calendar.year', { year })}</Text></Table.Td>
                <Table.Td><Badge color="orange" variant="light" mr="xs">{t('calendar.missing')}</Badge><Text span size="xs" c="dimmed">{t('calendar.missingHint')}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
