import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import type { CalendarStatusView } from '../../../../shared/contract/calendar';
import { LABEL_COLON } from '../../../../shared/i18n/punctuation';
import { useLocale } from '../../i18n';
import { YearMonths } from './YearMonths';

type PendingEntry = CalendarStatusView['pending'][number];

/**
 * A year entered by hand, shown month by month for the second person to check against the notice.
 * The one who entered it is told it waits for someone else (the core refuses them anyway).
 */
export function PendingEntryCard({ entry, busy, onConfirm }: { entry: PendingEntry; busy: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const colon = LABEL_COLON[useLocale()];
  const holidays = entry.days.filter((d) => d.kind === 'holiday').length;
  const field = (label: string, value: string) => (
    <Text size="sm"><Text span size="sm" c="dimmed">{label}{colon}</Text>{value}</Text>
  );
  return (
    <Card withBorder data-testid="calendar-pending">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{t('calendar.entry', { year: entry.year })}</Text>
            <Group gap="lg">
              {field(t('calendar.notice'), entry.notice)}
              {field(t('calendar.proposer'), entry.proposer)}
              {field(t('calendar.proposedAt'), chinaDateTime(entry.proposedAt))}
            </Group>
            <Text size="sm">{t('calendar.summaryWeekdays', { holidays, workdays: entry.days.length - holidays })}</Text>
          </Stack>
          {!entry.mine && (
            <Button onClick={onConfirm} loading={busy} data-testid="calendar-confirm">{t('calendar.confirm')}</Button>
          )}
        </Group>
        {entry.mine && <Alert color="blue" variant="light" data-testid="calendar-waiting">{t('calendar.waiting')}</Alert>}
        <YearMonths year={entry.year} days={entry.days} testId="calendar-pending-months" />
      </Stack>
    </Card>
  );
}
