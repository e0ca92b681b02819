import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeStatus, SessionInfo } from '../../../shared/contract';
import { call } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { apiFieldErrors } from '../components/form/apiFieldErrors';
import { useLocale } from '../i18n';
import { keepDeviceToken } from '../state/loginDevice';

export function FirstRunScreen({ onDone, languageSwitch }: { status: OfficeStatus; onDone: (s: SessionInfo) => void; languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: 'admin', displayName: '', password: '', confirm: '' });
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const errorOf = apiFieldErrors(error, useLocale());
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setMismatch(form.password !== form.confirm);
    if (form.password !== form.confirm) return;
    try {
      const session = await call('auth.setupAdmin', { username: form.username.trim(), displayName: form.displayName.trim(), password: form.password });
      keepDeviceToken(session);
      onDone(session);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.hint')} corner={languageSwitch}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('login.username')} value={form.username} onChange={set('username')} withAsterisk error={errorOf('username')} data-testid="setup-username" />
          <TextInput label={t('setup.displayName')} value={form.displayName} onChange={set('displayName')} withAsterisk error={errorOf('displayName')} autoFocus data-testid="setup-name" />
          <PasswordInput label={t('login.password')} description={t('setup.passwordRule')} value={form.password} onChange={set('password')} withAsterisk error={errorOf('password')} data-testid="setup-password" />
          <PasswordInput label={t('setup.confirm')} value={form.confirm} onChange={set('confirm')} withAsterisk error={mismatch ? t('setup.mismatch') : null} data-testid="setup-confirm" />
          <ErrorAlert error={error} />
          <Button type="submit" data-testid="setup-submit">{t('action.save')}</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
