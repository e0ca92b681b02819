import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { call } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';

export function LockScreen({ session, onUnlock, onSwitchUser, languageSwitch }: { session: SessionInfo; onUnlock: (s: SessionInfo) => void; onSwitchUser: () => void; languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    try {
      onUnlock(await call('auth.unlock', { password }));
    } catch (err) {
      setError(err);
      setPassword('');
    }
  }

  return (
    <AuthCard title={t('login.locked')} subtitle={t('login.lockedHint')} corner={languageSwitch}>
      <form onSubmit={submit}>
        <Stack>
          <Text fw={600}>{session.account.displayName} ({session.account.username})</Text>
          <PasswordInput label={t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus required data-testid="unlock-password" />
          <ErrorAlert error={error} />
          <Group grow>
            <Button variant="default" onClick={onSwitchUser}>{t('login.switchUser')}</Button>
            <Button type="submit" data-testid="unlock-submit">{t('action.unlock')}</Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
