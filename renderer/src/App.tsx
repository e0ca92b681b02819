import { Alert, AppShell, Badge, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeStatus, SessionInfo } from '../../shared/contract';
import { call, onApiError, setSessionToken } from './api/client';
import { ErrorAlert } from './components/ErrorAlert';
import { setLocale, useLocale } from './i18n';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SCREENS } from './screens/registry';
import { OFFICE_CHANGED } from './state/officeChanged';
import { SessionContext, type SessionState } from './state/session';
import { useIdleLock } from './state/useIdleLock';

export function App() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<OfficeStatus | null>(null);
  const [statusError, setStatusError] = useState<unknown>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [locked, setLocked] = useState(false);
  const [screen, setScreen] = useState<string | null>(null);

  useEffect(() => {
    call('auth.status', {}).then(setStatus, setStatusError);
  }, []);

  // Provisioning renames the office; the header follows at once instead of at the next login.
  useEffect(() => {
    const refresh = () => void call('auth.status', {}).then(setStatus, () => undefined);
    window.addEventListener(OFFICE_CHANGED, refresh);
    return () => window.removeEventListener(OFFICE_CHANGED, refresh);
  }, []);

  const signIn = useCallback((s: SessionInfo) => {
    // The start-up integrity check runs in the background; fetch its outcome with each sign-in.
    call('auth.status', {}).then(setStatus, () => undefined);
    setSessionToken(s.token);
    setSession(s);
    setLocked(false);
  }, []);

  const signOut = useCallback(() => {
    setSessionToken(undefined);
    setSession(null);
    setLocked(false);
    setScreen(null);
  }, []);

  useEffect(
    () =>
      onApiError((e) => {
        if (e.code === 'SESSION_LOCKED') setLocked(true);
        if (e.code === 'SESSION_EXPIRED' || e.code === 'UNAUTHENTICATED') signOut();
      }),
    [signOut],
  );

  useIdleLock(Boolean(session) && !locked, session?.idleLockMinutes ?? 10, () => {
    void call('auth.lock', {}).finally(() => setLocked(true));
  });

  const state = useMemo<SessionState | null>(
    () => (session ? { session, can: (p) => session.permissions.includes(p) } : null),
    [session],
  );
  const visible = state ? SCREENS.filter((s) => state.can(s.permission)) : [];
  const active = visible.find((s) => s.key === screen) ?? visible.find((s) => session && s.landing?.includes(session.account.role)) ?? visible[0];

  const languageSwitch = (
    <Button variant="subtle" size="xs" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} data-testid="language">
      {t('app.language')}
    </Button>
  );

  if (statusError) return <Center h="100vh"><ErrorAlert error={statusError} /></Center>;
  if (!status) return <Center h="100vh"><Loader /></Center>;
  if (!status.initialised && !session) return <FirstRunScreen status={status} onDone={(s) => { setStatus({ ...status, initialised: true }); signIn(s); }} languageSwitch={languageSwitch} />;
  if (!session || !state) return <LoginScreen status={status} onLogin={signIn} languageSwitch={languageSwitch} />;
  if (locked) return <LockScreen session={session} onUnlock={signIn} onSwitchUser={signOut} languageSwitch={languageSwitch} />;

  const Active = active?.component;
  return (
    <SessionContext.Provider value={state}>
      <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Title order={4}>{t('app.title')}</Title>
              <Text size="sm" c="dimmed">{status.officeName} · {status.officeCode}</Text>
              {status.demo && <Badge color="orange">{t('app.demo')}</Badge>}
            </Group>
            <Group gap="xs">
              <Text size="sm" data-testid="whoami">{session.account.displayName} · {t(`role.${session.account.role}`)}</Text>
              {languageSwitch}
              <Button size="xs" variant="default" onClick={() => void call('auth.lock', {}).finally(() => setLocked(true))}>{t('action.lock')}</Button>
              <Button size="xs" variant="default" onClick={() => void call('auth.logout', {}).finally(signOut)} data-testid="logout">{t('action.logout')}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Stack gap={2}>
            {visible.map((s) => (
              <NavLink key={s.key} label={t(s.label)} active={s.key === active?.key} onClick={() => setScreen(s.key)} data-testid={`nav-${s.key}`} />
            ))}
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main>
          {status.integrity === 'failed' && <Alert color="red" mb="md" data-testid="integrity-failed">{t('app.integrityFailed')}</Alert>}
          {Active ? <Active /> : null}
        </AppShell.Main>
      </AppShell>
    </SessionContext.Provider>
  );
}
