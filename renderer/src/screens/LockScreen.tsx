import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { call } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { recallVisit } from '../state/visitStorage';

export function LockScreen({
  session,
  reason,
  onUnlock,
  onSwitchUser,
  languageSwitch,
}: {
  session: SessionInfo;
  /** Who locked it: the clerk (lock button) or the idle timer / the core; the screen says which. */
  reason: 'manual' | 'idle';
  onUnlock: (s: SessionInfo) => void;
  onSwitchUser: () => void;
  languageSwitch: ReactNode;
}) {
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
    <AuthCard title={t('login.locked')} subtitle={t(reason === 'manual' ? 'lock.manual' : 'lock.idle')} corner={languageSwitch}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fw={600} data-testid="lock-reason" data-reason={reason}>{session.account.displayName} ({session.account.username})</Text>
          {recallVisit(session.account.id) !== null && <Text size="sm" c="dimmed" data-testid="lock-visit-kept">{t('lock.visitKept')}</Text>}
          <PasswordInput label={t('login.password')} withAsterisk value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus data-testid="unlock-password" />
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
