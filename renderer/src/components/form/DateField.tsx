import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../../shared/calendar/dates';
import { officeNow } from '../../state/officeClock';

/**
 * A calendar date as the contract carries it (YYYY-MM-DD), typed or picked from a calendar in the
 * console's language (LocalisedDates sets the calendar's locale). The one date input of the
 * console: it replaces `<input type="date">`, whose format and messages follow the browser.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  withAsterisk,
  testId,
  w,
}: {
  label: ReactNode;
  value: string;
  onChange: (next: string) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
  testId?: string;
  w?: number | string;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat="YYYY-MM-DD"
      placeholder={t('form.datePlaceholder')}
      // An empty field opens on the office's month, not the month of the machine the page runs on.
      defaultDate={chinaDate(officeNow())}
      clearable
      // Days are named by their ISO date: unambiguous for screen readers and for tests alike.
      getDayAriaLabel={(d) => dayjs(d).format('YYYY-MM-DD')}
      leftSection={<IconCalendar size={16} />}
      error={error}
      withAsterisk={withAsterisk}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
      w={w}
    />
  );
}
