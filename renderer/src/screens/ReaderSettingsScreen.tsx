import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderSettings, ReaderTestResult } from '../../../shared/contract';
import { READER_ADAPTER_CHOICES, READER_LIBRARY_ADAPTERS, type ReaderAdapterChoice } from '../../../shared/contract/reader';
import { READER_LIBRARY_PORT } from '../../../shared/validators/readerLibrary';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLocale } from '../i18n';

/**
 * The ID card reader the counter uses (issue 25): the adapter, its address on this computer (or,
 * for a vendor library, its bare file name and the reader's port) and the read timeout, with
 * "测试读卡器" to try the choice on the spot before or after saving it.
 */
export function ReaderSettingsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, setForm] = useState<ReaderSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState<ReaderTestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  useEffect(() => {
    void call('reader.settings', {}).then(setForm, setError);
  }, []);
  if (!form) return <ErrorAlert error={error} />;
  const change = (next: Partial<ReaderSettings>) => {
    setForm({ ...form, ...next });
    setSaved(false);
    setTested(null);
  };
  async function run(kind: 'save' | 'test') {
    if (!form) return;
    setBusy(kind);
    setError(null);
    setSaved(false);
    setTested(null);
    try {
      if (kind === 'save') {
        setForm(await call('reader.configure', form));
        setSaved(true);
      } else setTested(await call('reader.test', form));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }
  const usesReader = form.adapter !== 'none';
  const usesLibrary = READER_LIBRARY_ADAPTERS.includes(form.adapter);
  return (
    <Stack maw={720} data-testid="reader-settings">
      <Title order={3}>{t('reader.title')}</Title>
      <Text size="sm" c="dimmed">{t('reader.hint')}</Text>
      <Card withBorder>
        <Stack gap="sm">
          <Select
            label={t('reader.adapter')}
            value={form.adapter}
            allowDeselect={false}
            onChange={(v) => change({ adapter: (v ?? 'none') as ReaderAdapterChoice })}
            data={READER_ADAPTER_CHOICES.map((a) => ({ value: a, label: t(`reader.adapters.${a}`) }))}
            data-testid="reader-adapter"
          />
          {usesLibrary && (
            <Group align="flex-end" grow>
              <TextInput
                label={t('reader.library')}
                description={t(`reader.libraryHint.${form.adapter}`)}
                value={form.library ?? ''}
                maxLength={100}
                onChange={(e) => change({ library: e.currentTarget.value })}
                data-testid="reader-library"
              />
              <NumberInput
                label={t('reader.libraryPort')}
                description={t('reader.libraryPortHint')}
                min={READER_LIBRARY_PORT.min}
                max={READER_LIBRARY_PORT.max}
                allowDecimal={false}
                value={form.libraryPort ?? READER_LIBRARY_PORT.default}
                onChange={(v) => change({ libraryPort: Math.round(Number(v || READER_LIBRARY_PORT.default)) })}
                data-testid="reader-library-port"
              />
            </Group>
          )}
          {usesReader && !usesLibrary && (
            <TextInput
              label={t('reader.url')}
              placeholder={t(`reader.urlHint.${form.adapter}`)}
              description={t(`reader.urlHint.${form.adapter}`)}
              value={form.url}
              maxLength={200}
              onChange={(e) => change({ url: e.currentTarget.value })}
              data-testid="reader-url"
            />
          )}
          {usesReader && (
            <NumberInput
              label={t('reader.timeout')}
              w={200}
              min={1}
              max={30}
              value={form.timeoutMs / 1000}
              onChange={(v) => change({ timeoutMs: Math.round(Number(v || 8) * 1000) })}
              data-testid="reader-timeout"
            />
          )}
        </Stack>
      </Card>
      {saved && <Alert color="teal" data-testid="reader-saved">{t('reader.saved')}</Alert>}
      {tested && (
        <Alert color={tested.reachable ? 'teal' : 'orange'} data-testid="reader-tested" data-reachable={String(tested.reachable)}>
          {tested.state === null ? t('reader.readOk') : tested.reachable ? t('reader.reachable') : errorMessage({ code: tested.state as never, message: '', details: tested.reason ? { reason: tested.reason } : undefined }, locale)}
          {tested.securityModuleId && <Text size="sm">{t('reader.module', { id: tested.securityModuleId })}</Text>}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">{usesReader ? t('reader.testHint') : ''}</Text>
        <Group gap="xs">
          {usesReader && (
            <Button variant="default" onClick={() => void run('test')} loading={busy === 'test'} data-testid="reader-test">{t('reader.test')}</Button>
          )}
          <Button onClick={() => void run('save')} loading={busy === 'save'} data-testid="reader-save">{t('reader.save')}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
