import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n';

/** Date pickers follow the console's language (zh-cn calendar, Monday first), never the browser's locale. */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <DatesProvider settings={{ locale: locale === 'zh' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
