import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDelivery, EvaluationSettings, EvaluationTestResult } from '../../../shared/contract';
import { EVALUATION_ADAPTERS, type EvaluationAdapter, type EvaluationFailure } from '../../../shared/domain/hall';
import { EVALUATION_URL_MAX } from '../../../shared/contract/limits';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { apiFieldErrors } from '../components/form/apiFieldErrors';
import { useLocale } from '../i18n';

/**
 * The hall's evaluation device (好差评, issue 23): whether a visit's end is told to it, and where;
 * "发送测试通知" to try the address on the spot; and how today's notifications went, so a device
 * that stopped answering shows here (the counter never hears of it).
 */
export function HallEvaluationScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [settings, setSettings] = useState<EvaluationSettings | null>(null);
  const [form, setForm] = useState<{ adapter: EvaluationAdapter; url: string }>({ adapter: 'none', url: '' });
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState<EvaluationTestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  useEffect(() => {
    void call('hall.evaluation', {}).then((s) => {
      setSettings(s);
      setForm({ adapter: s.adapter, url: s.url });
    }, setError);
  }, []);
  if (!settings) return <ErrorAlert error={error} />;
  const errorOf = apiFieldErrors(error, locale);
  const change = (next: Partial<typeof form>) => {
    setForm({ ...form, ...next });
    setSaved(false);
    setTested(null);
    setError(null);
  };
  async function run(kind: 'save' | 'test') {
    setBusy(kind);
    setError(null);
    setSaved(false);
    setTested(null);
    try {
      if (kind === 'save') {
        const s = await call('hall.configureEvaluation', form);
        setSettings(s);
        setForm({ adapter: s.adapter, url: s.url });
        setSaved(true);
      } else setTested(await call('hall.testEvaluation', form));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }
  const failureText = (reason: EvaluationFailure, status: number | null) => t(`hall.settings.failure.${reason}`, { status: status ?? '' });
  const http = form.adapter === 'http';
  return (
    <Stack maw={720} data-testid="hall-evaluation-settings">
      <Title order={3}>{t('hall.settings.title')}</Title>
      <Text size="sm" c="dimmed">{t('hall.settings.hint')}</Text>
      <Card withBorder>
        <Stack gap="sm">
          <Select
            label={t('hall.settings.adapter')}
            value={form.adapter}
            allowDeselect={false}
            onChange={(v) => change({ adapter: v === 'http' ? 'http' : 'none' })}
            data={EVALUATION_ADAPTERS.map((a) => ({ value: a, label: t(`hall.settings.adapters.${a}`) }))}
            data-testid="hall-adapter"
          />
          {http && (
            <>
              <TextInput
                label={t('hall.settings.url')}
                description={t('hall.settings.urlHint')}
                value={form.url}
                maxLength={EVALUATION_URL_MAX}
                onChange={(e) => change({ url: e.currentTarget.value })}
                error={errorOf('url')}
                autoComplete="off"
                spellCheck={false}
                data-testid="hall-url"
              />
              <Text size="xs" c="dimmed">{t('hall.settings.timeout', { seconds: settings.timeoutMs / 1000 })}</Text>
            </>
          )}
        </Stack>
      </Card>
      {saved && <Alert color="teal" data-testid="hall-saved">{t('hall.settings.saved')}</Alert>}
      {tested && (
        <Alert color={tested.delivered ? 'teal' : 'orange'} data-testid="hall-tested" data-delivered={String(tested.delivered)}>
          {tested.delivered ? t('hall.settings.testDelivered', { status: tested.httpStatus ?? '' }) : t('hall.settings.testFailed', { reason: tested.reason ? failureText(tested.reason, tested.httpStatus) : '—' })}
        </Alert>
      )}
      {/* A refused address is marked on its field; anything else is said here. */}
      {!errorOf('url') && <ErrorAlert error={error} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">{http ? t('hall.settings.testHint') : ''}</Text>
        <Group gap="xs">
          {http && <Button variant="default" onClick={() => void run('test')} loading={busy === 'test'} data-testid="hall-test">{t('hall.settings.test')}</Button>}
          <Button onClick={() => void run('save')} loading={busy === 'save'} data-testid="hall-save">{t('hall.settings.save')}</Button>
        </Group>
      </Group>
      <DeliveryCard delivery={settings.delivery} failureText={failureText} />
    </Stack>
  );
}

function DeliveryCard({ delivery, failureText }: { delivery: EvaluationDelivery; failureText: (reason: EvaluationFailure, status: number | null) => string }) {
  const { t } = useTranslation();
  const { today, lastDelivered, lastFailure } = delivery;
  return (
    <Card withBorder data-testid="hall-delivery">
      <Stack gap={4}>
        <Title order={5}>{t('hall.settings.delivery')}</Title>
        <Text size="sm" data-testid="hall-delivery-counts">{t('hall.settings.counts', today)}</Text>
        {!lastDelivered && !lastFailure && <Text size="sm" c="dimmed">{t('hall.settings.noneYet')}</Text>}
        {lastDelivered && <Text size="sm" c="dimmed">{t('hall.settings.lastDelivered', { id: lastDelivered.visitId, at: chinaDateTime(lastDelivered.at) })}</Text>}
        {lastFailure && (
          <Text size="sm" c="orange.8" data-testid="hall-last-failure">
            {t('hall.settings.lastFailure', { id: lastFailure.visitId, at: chinaDateTime(lastFailure.at), reason: failureText(lastFailure.reason, lastFailure.httpStatus) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
