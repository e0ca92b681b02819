import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { CALENDAR_CHANGED } from '../../state/calendarChanged';

/**
 * The year's holiday arrangement is missing (the current year at any time, the next one from
 * 1 November): administrators and managers are told on every screen, until it is loaded by a
 * platform bundle or entered and confirmed, that the deadlines in it are provisional.
 */
export function CalendarWarning() {
  const { t, i18n } = useTranslation();
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    const read = () => void call('calendar.status', {}).then((s) => setYears(s.warn ? s.missingYears : []), () => setYears([]));
    read();
    // A year confirmed on the calendar screen ends the warning at once, not at the next login.
    window.addEventListener(CALENDAR_CHANGED, read);
    return () => window.removeEventListener(CALENDAR_CHANGED, read);
  }, []);
  if (years.length === 0) return null;
  const list = years.join(i18n.language.startsWith('zh') ? '、' : ' and ');
  return (
    <Alert color="orange" mb="md" data-testid="calendar-warning" title={t('calendarWarning.title', { years: list })}>
      {t('calendarWarning.body')}
    </Alert>
  );
}
