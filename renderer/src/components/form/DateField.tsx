import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate, isIsoDate } from '../../../../shared/calendar/dates';
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
  // What was typed that has the shape of a date but is none (2026-02-30): said at the field, and
  // never read the lenient way (which rolls it over to 2026-03-02, another real date).
  const [notADate, setNotADate] = useState<string | null>(null);
  const parse = (text: string): string | null => {
    const typed = text.trim();
    if (isIsoDate(typed)) {
      setNotADate(null);
      return typed;
    }
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(typed) && isIsoDate(padded(typed))) {
      setNotADate(null);
      return padded(typed);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) {
      setNotADate(typed);
      if (value) onChange('');
    }
    return null;
  };
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={(v) => {
        setNotADate(null);
        onChange(v ?? '');
      }}
      dateParser={parse}
      valueFormat="YYYY-MM-DD"
      placeholder={t('form.datePlaceholder')}
      // An empty field opens on the office's month, not the month of the machine the page runs on.
      defaultDate={chinaDate(officeNow())}
      clearable
      // Days are named by their ISO date: unambiguous for screen readers and for tests alike.
      getDayAriaLabel={(d) => dayjs(d).format('YYYY-MM-DD')}
      leftSection={<IconCalendar size={16} />}
      error={notADate ? t('form.notADate', { date: notADate }) : error}
      withAsterisk={withAsterisk}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
      w={w}
    />
  );
}

/** 2026-2-3 → 2026-02-03: a date typed without leading zeros is still the date it names. */
function padded(typed: string): string {
  const [y, m, d] = typed.split('-');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
