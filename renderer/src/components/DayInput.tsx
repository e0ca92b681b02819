import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { IconCalendar } from '@tabler/icons-react';
import { useLocale } from '../i18n';

/** A China calendar day as YYYY-MM-DD, picked in the console's language (not the browser's). */
export function DayInput({ label, value, onChange, error, testId, w = 150 }: { label: string; value: string; onChange: (v: string) => void; error?: string | null; testId: string; w?: number }) {
  const locale = useLocale();
  return (
    <DatePickerInput
      label={label}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat="YYYY-MM-DD"
      locale={locale === 'zh' ? 'zh-cn' : 'en'}
      firstDayOfWeek={1}
      // Days are named by their ISO date: unambiguous for screen readers and for tests alike.
      getDayAriaLabel={(d) => dayjs(d).format('YYYY-MM-DD')}
      clearable
      leftSection={<IconCalendar size={16} />}
      error={error ?? undefined}
      w={w}
      data-testid={testId}
    />
  );
}
