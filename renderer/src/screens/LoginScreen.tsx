import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeStatus, SessionInfo } from '../../../shared/contract';
import { call } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { apiFieldErrors } from '../components/form/apiFieldErrors';
import { useLocale } from '../i18n';
import { deviceTokenFor, keepDeviceToken } from '../state/loginDevice';
import { officeLabel } from '../state/officeLabel';

export function LoginScreen({ status, onLogin, languageSwitch }: { status: OfficeStatus; onLogin: (s: SessionInfo) => void; languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = apiFieldErrors(error, useLocale());

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const device = deviceTokenFor(username);
      const session = await call('auth.login', { username: username.trim(), password, ...(device ? { device } : {}) });
      keepDeviceToken(session);
      onLogin(session);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('login.title')} subtitle={officeLabel(status, t)} corner={languageSwitch}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus withAsterisk error={errorOf('username')} data-testid="login-username" />
          <PasswordInput label={t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} withAsterisk error={errorOf('password')} data-testid="login-password" />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} data-testid="login-submit">{t('action.login')}</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
