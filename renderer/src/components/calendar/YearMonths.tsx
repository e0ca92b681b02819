import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysInMonth, isWeekend, toDayNumber, weekdayOf } from '../../../../shared/calendar/dates';
import classes from './YearMonths.module.css';

export interface MarkedDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A year as twelve small months with its days off and make-up working days marked, for the person
 * who checks an arrangement against the State Council's notice (the preview of what was pasted,
 * and a pending entry before it is confirmed).
 */
export function YearMonths({ year, days, testId }: { year: number; days: readonly MarkedDay[]; testId?: string }) {
  const { t } = useTranslation();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const months = t('calendar.months').split(' ');
  const weekdays = t('calendar.weekdays').split(' ');
  return (
    <div className={classes.root} data-testid={testId}>
      <div className={classes.months}>
        {months.map((monthName, i) => {
          const month = i + 1;
          // Monday first: blanks before the 1st.
          const lead = (weekdayOf(toDayNumber(`${year}-${pad(month)}-01`)) + 6) % 7;
          return (
            <div key={month} className={classes.month}>
              <div className={classes.monthName}>{monthName}</div>
              <div className={classes.grid}>
                {weekdays.map((w, k) => <div key={`h${k}`} className={classes.head}>{w}</div>)}
                {Array.from({ length: lead }, (_, k) => <div key={`b${k}`} />)}
                {Array.from({ length: daysInMonth(year, month) }, (_, k) => {
                  const date = `${year}-${pad(month)}-${pad(k + 1)}`;
                  const marked = byDate.get(date);
                  const kind = marked?.kind ?? (isWeekend(toDayNumber(date)) ? 'weekend' : 'plain');
                  const label = marked ? `${date} ${t(`calendar.legend.${marked.kind}`)}${marked.name ? ` · ${marked.name}` : ''}` : undefined;
                  return (
                    <div key={date} className={`${classes.day} ${kind === 'plain' ? '' : classes[kind]}`} data-kind={marked?.kind} data-date={marked ? date : undefined} data-mark={kind === 'workday' ? t('calendar.workdayMark') : undefined} title={label}>
                      {k + 1}
                    </div>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
      <CalendarLegend />
    </div>
  );
}

function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <div className={classes.legend} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
      {(['holiday', 'workday', 'weekend'] as const).map((kind) => (
        <Text key={kind} span size="xs">
          <span className={`${classes.day} ${classes.swatch} ${classes[kind]}`} data-mark={kind === 'workday' ? t('calendar.workdayMark') : undefined}>&nbsp;</span>
          {t(`calendar.legend.${kind}`)}
        </Text>
      ))}
    </div>
  );
}
