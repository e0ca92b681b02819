import { Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarStatusView, DeadlineRecountView } from '../../../shared/contract/calendar';
import { call } from '../api/client';
import { CoverageCard } from '../components/calendar/CoverageCard';
import { PendingEntryCard } from '../components/calendar/PendingEntryCard';
import { RecountsCard } from '../components/calendar/RecountsCard';
import { ProposeForm } from '../components/calendar/ProposeForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { CALENDAR_CHANGED } from '../state/calendarChanged';
import { useSession } from '../state/session';

/**
 * The office calendar (issue 27): which years are loaded and from where, the entries waiting for a
 * second person, and — for administrators — the form that enters next year's arrangement from the
 * State Council's notice. Administrators and managers see it (calendar.manage).
 */
export function CalendarScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [status, setStatus] = useState<CalendarStatusView | null>(null);
  const [recounts, setRecounts] = useState<DeadlineRecountView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const reload = useCallback(async () => {
    try {
      setStatus(await call('calendar.status', {}));
      setRecounts((await call('calendar.recounts', {})).rows);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  async function confirm(id: number, year: number) {
    setConfirming(id);
    setError(null);
    try {
      setStatus(await call('calendar.confirm', { id }));
      setRecounts((await call('calendar.recounts', {})).rows);
      window.dispatchEvent(new Event(CALENDAR_CHANGED));
      notifications.show({ message: t('calendar.confirmed', { year }), color: 'teal' });
    } catch (err) {
      setError(err);
      await reload();
    } finally {
      setConfirming(null);
    }
  }

  async function submitted(year: number) {
    notifications.show({ message: t('calendar.submitted', { year }), color: 'teal' });
    await reload();
  }

  return (
    <Stack maw={1180} data-testid="calendar-screen">
      <Title order={3}>{t('calendar.title')}</Title>
      <Text size="sm" c="dimmed">{t('calendar.hint')}</Text>
      <ErrorAlert error={error} />
      {status && (
        <>
          <CoverageCard status={status} />
          <Text fw={600} mt="xs">{t('calendar.pending')}</Text>
          {status.pending.length === 0 ? (
            <Card withBorder><Text size="sm" c="dimmed" data-testid="calendar-no-pending">{t('calendar.noPending')}</Text></Card>
          ) : (
            status.pending.map((entry) => <PendingEntryCard key={entry.id} entry={entry} busy={confirming === entry.id} onConfirm={() => void confirm(entry.id, entry.year)} />)
          )}
          <RecountsCard rows={recounts} />
          {session.account.role === 'admin' && <ProposeForm nextYear={status.coverage.toYear + 1} onSubmitted={submitted} />}
        </>
      )}
    </Stack>
  );
}
