import { Button, Card, Group, List, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseArrangementNotice } from '../../../../shared/calendar/parseArrangementNotice';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { apiFieldErrors } from '../form/apiFieldErrors';
import { useLocale } from '../../i18n';
import { YearMonths, type MarkedDay } from './YearMonths';

/** The fields of calendar.propose a refusal can name; the day lists are all the pasted text. */
const TEXT_FIELDS = ['holidays', 'workdays', 'days'];

/**
 * An administrator enters a year's arrangement: the notice pasted (or typed day by day) is read as
 * it is typed, each unreadable line said at the text, and the days shown month by month before
 * anything is sent. The core's own refusals (a statutory holiday left out, a year no notice can
 * exist for yet) come back to the field they concern.
 */
export function ProposeForm({ nextYear, onSubmitted }: { nextYear: number; onSubmitted: (year: number) => Promise<void> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [year, setYear] = useState<number | string>(nextYear);
  const [notice, setNotice] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setYear(nextYear), [nextYear]);

  const y = typeof year === 'number' && Number.isInteger(year) ? year : null;
  const parsed = useMemo(() => (y !== null && text.trim() !== '' ? parseArrangementNotice(text, y) : null), [text, y]);
  // The notice's number, when the pasted text holds it and nothing else was typed; it follows
  // the text (a wrong notice pasted, then the right one) until the person types their own.
  const filled = useRef('');
  const noticeNo = parsed?.noticeNo ?? '';
  useEffect(() => {
    const before = filled.current;
    filled.current = noticeNo;
    setNotice((now) => (now === '' || now === before ? noticeNo : now));
  }, [noticeNo]);

  const errorOf = apiFieldErrors(error, locale);
  const textApiError = TEXT_FIELDS.map(errorOf).find(Boolean) ?? null;
  const problems = parsed?.problems ?? [];
  const days: MarkedDay[] = parsed ? [...parsed.holidays.map((d) => ({ ...d, kind: 'holiday' as const })), ...parsed.workdays.map((d) => ({ ...d, kind: 'workday' as const }))] : [];
  const fieldError = errorOf('year') || errorOf('notice') || textApiError;

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (!parsed || y === null) return;
    setBusy(true);
    setError(null);
    try {
      await call('calendar.propose', { year: y, notice: notice.trim(), holidays: parsed.holidays.map((d) => d.date), workdays: parsed.workdays.map((d) => d.date) });
      setText('');
      setNotice('');
      await onSubmitted(y);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder data-testid="calendar-propose">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600}>{t('calendar.propose')}</Text>
          <Text size="sm" c="dimmed">{t('calendar.proposeHint')}</Text>
          <Group align="flex-start" wrap="nowrap">
            <NumberInput label={t('calendar.yearLabel')} value={year} onChange={(v) => { setYear(v); setError(null); }} min={2000} max={2100} allowDecimal={false} w={120} withAsterisk error={errorOf('year')} data-testid="calendar-year" />
            <TextInput label={t('calendar.noticeLabel')} placeholder={t('calendar.noticePlaceholder')} value={notice} onChange={(e) => setNotice(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} withAsterisk error={errorOf('notice')} data-testid="calendar-notice" />
          </Group>
          <Textarea
            label={t('calendar.text')}
            description={t('calendar.textHint')}
            value={text}
            onChange={(e) => { setText(e.currentTarget.value); if (textApiError) setError(null); }}
            autosize
            minRows={6}
            maxRows={14}
            withAsterisk
            styles={{ input: { fontFamily: 'inherit' } }}
            error={problems.length > 0 ? <ProblemList problems={problems.map((p) => p[locale])} /> : textApiError}
            data-testid="calendar-text"
          />
          <Stack gap={4} data-testid="calendar-preview">
            <Group justify="space-between">
              <Text fw={600} size="sm">{t('calendar.preview')}</Text>
              {parsed && <Text size="sm" data-testid="calendar-preview-summary">{t('calendar.summary', { holidays: parsed.holidays.length, workdays: parsed.workdays.length })}</Text>}
            </Group>
            {parsed && parsed.skipped.length > 0 && <Text size="xs" c="dimmed">{t('calendar.skipped', { lines: parsed.skipped.join(locale === 'zh' ? '、' : ', ') })}</Text>}
            {y !== null && days.length > 0 ? <YearMonths year={y} days={days} testId="calendar-preview-months" /> : <Text size="sm" c="dimmed">{t('calendar.previewEmpty')}</Text>}
          </Stack>
          {/* A refusal that names no field of this form (a lost session, a role) is said here. */}
          {!fieldError && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!parsed || problems.length > 0 || parsed.holidays.length === 0} data-testid="calendar-submit">{t('calendar.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ProblemList({ problems }: { problems: string[] }) {
  return (
    <List size="xs" spacing={2} data-testid="calendar-problems">
      {problems.map((p, i) => <List.Item key={i}>{p}</List.Item>)}
    </List>
  );
}
