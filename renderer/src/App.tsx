import { Alert, AppShell, Badge, Button, Center, Group, Loader, Menu, Modal, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLanguage, IconLock, IconLogout } from '@tabler/icons-react';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeStatus, SessionInfo } from '../../shared/contract';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { call, onApiError, setSessionToken, type ApiError } from './api/client';
import { ChangePasswordForm } from './components/access/ChangePasswordForm';
import { AuthCard } from './components/AuthCard';
import { ErrorAlert } from './components/ErrorAlert';
import { setLocale, useLocale } from './i18n';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { DEFAULT_NAV_ICON, SCREENS } from './screens/registry';
import { CalendarWarning } from './components/cases/CalendarWarning';
import { followOfficeTime } from './state/officeClock';
import { officeLabel } from './state/officeLabel';
import { forgetVisit } from './state/visitStorage';
import { forgetSession, saveScreen, saveSession, savedScreen, savedSession } from './state/savedSession';
import { OFFICE_CHANGED } from './state/officeChanged';
import { SessionContext, type SessionState } from './state/session';
import { useIdleLock } from './state/useIdleLock';

export function App() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<OfficeStatus | null>(null);
  const [statusError, setStatusError] = useState<unknown>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  // Why the console is locked decides what the lock screen says; null when it is not locked.
  const [locked, setLockedReason] = useState<'manual' | 'idle' | null>(null);
  const setLocked = useCallback((reason: 'manual' | 'idle' | false) => setLockedReason((now) => (reason === false ? null : (now ?? reason))), []);
  const wide = useMediaQuery('(min-width: 1200px)', true);
  const [screen, setScreenState] = useState<string | null>(savedScreen);
  const setScreen = useCallback((key: string | null) => {
    saveScreen(key);
    setScreenState(key);
  }, []);
  // A reload of this tab resumes its session (savedSession.ts) once the core has confirmed it.
  const [resuming, setResuming] = useState(() => savedSession() !== null);
  const [changingPassword, setChangingPassword] = useState(false);
  const [hostDown, setHostDown] = useState<ApiError | null>(null);

  const takeStatus = useCallback((s: OfficeStatus) => {
    followOfficeTime(s.officeTime);
    setStatus(s);
  }, []);
  const reconnect = useCallback(() => {
    call('auth.status', {}).then((s) => {
      takeStatus(s);
      setHostDown(null);
      notifications.show({ message: t('app.hostBack'), color: 'green' });
    }, () => undefined);
  }, [t, takeStatus]);

  useEffect(() => {
    call('auth.status', {}).then(takeStatus, setStatusError);
  }, [takeStatus]);

  // Provisioning renames the office; the header follows at once instead of at the next login.
  useEffect(() => {
    const refresh = () => void call('auth.status', {}).then(takeStatus, () => undefined);
    window.addEventListener(OFFICE_CHANGED, refresh);
    return () => window.removeEventListener(OFFICE_CHANGED, refresh);
  }, [takeStatus]);

  const signIn = useCallback((s: SessionInfo) => {
    // The start-up integrity check runs in the background; fetch its outcome with each sign-in.
    call('auth.status', {}).then(takeStatus, () => undefined);
    setSessionToken(s.token);
    saveSession(s);
    setSession(s);
    setLocked(false);
  }, [setLocked, takeStatus]);

  const signOut = useCallback(() => {
    // Logging out or switching user ends the visit in progress; a lock or a reload keeps it.
    forgetVisit();
    forgetSession();
    setSessionToken(undefined);
    setSession(null);
    setLocked(false);
    setScreen(null);
  }, [setLocked, setScreen]);

  useEffect(() => {
    const saved = savedSession();
    if (!saved) return;
    setSessionToken(saved.token);
    call('auth.whoami', {})
      .then(signIn, (err: unknown) => {
        // Locked while away (or before the reload): the lock screen, as without the reload.
        if ((err as { code?: string }).code === 'SESSION_LOCKED') {
          setSession(saved);
          setLocked('idle');
        } else signOut();
      })
      .finally(() => setResuming(false));
    // Once, at start: later sign-ins and sign-outs keep the saved session themselves.
  }, []);

  useEffect(
    () =>
      onApiError((e) => {
        // The core locks a session that stayed idle; a manual lock is already known here.
        if (e.code === 'SESSION_LOCKED') setLocked('idle');
        if (e.code === 'SESSION_EXPIRED' || e.code === 'UNAUTHENTICATED') signOut();
        if (e.code === 'PASSWORD_CHANGE_REQUIRED') setSession((s) => (s ? { ...s, account: { ...s.account, mustChangePassword: true } } : s));
        // Damage found mid-session: the restore banner shows at once, above whatever screen is open.
        if (e.code === 'DATABASE_CORRUPT') call('auth.status', {}).then(takeStatus, () => undefined);
        // A window whose office host is gone or refuses it (issue 23): said above every screen until it answers again.
        if (e.code === 'HOST_UNREACHABLE' || e.code === 'WINDOW_REFUSED') setHostDown(e);
      }),
    [signOut, setLocked, takeStatus],
  );

  useIdleLock(Boolean(session) && !locked, session?.idleLockMinutes ?? 10, () => {
    void call('auth.lock', {}).finally(() => setLocked('idle'));
  });

  const state = useMemo<SessionState | null>(
    () => (session ? { session, can: (p) => session.permissions.includes(p) } : null),
    [session],
  );
  const visible = state ? SCREENS.filter((s) => state.can(s.permission)) : [];
  const active = visible.find((s) => s.key === screen) ?? visible.find((s) => session && s.landing?.includes(session.account.role)) ?? visible[0];

  const languageSwitch = (
    <Button variant="subtle" size="xs" leftSection={<IconLanguage size={14} />} onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} data-testid="language">
      {t('app.language')}
    </Button>
  );

  if (statusError) return <Center h="100vh"><ErrorAlert error={statusError} /></Center>;
  if (!status || resuming) return <Center h="100vh"><Loader /></Center>;
  if (!status.initialised && !session) return <FirstRunScreen status={status} onDone={(s) => { setStatus({ ...status, initialised: true }); signIn(s); }} languageSwitch={languageSwitch} />;
  if (!session || !state) return <LoginScreen status={status} onLogin={signIn} languageSwitch={languageSwitch} />;
  if (locked) return <LockScreen session={session} reason={locked} onUnlock={signIn} onSwitchUser={signOut} languageSwitch={languageSwitch} />;
  // After an administrator's reset, nothing else until the owner has chosen a new password.
  if (session.account.mustChangePassword) {
    return (
      <AuthCard title={t('password.forcedTitle')} subtitle={t('password.forcedHint')} corner={languageSwitch}>
        <Text fw={600} data-testid="forced-change">{session.account.displayName} ({session.account.username})</Text>
        <ChangePasswordForm username={session.account.username} onDone={signIn} cancelLabel={t('action.logout')} onCancel={() => void call('auth.logout', {}).finally(signOut)} />
      </AuthCard>
    );
  }

  const Active = active?.component;
  return (
    <SessionContext.Provider value={state}>
      <AppShell header={{ height: 56 }} navbar={{ width: wide ? 200 : 168, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Title order={4}>{t('app.title')}</Title>
              <Text size="sm" c="dimmed" visibleFrom="lg" data-testid="office-label">{officeLabel(status, t)}</Text>
              {status.window && <Badge variant="light" data-testid="window-badge">{t('app.atWindow', { number: status.window.number })}</Badge>}
              {status.demo && <Badge color="orange">{t('app.demo')}</Badge>}
            </Group>
            <Group gap="xs">
              {/* The account menu keeps the header one line wide at 1024 px in either language. */}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton data-testid="account-menu">
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" data-testid="whoami">{session.account.displayName} · {t(`role.${session.account.role}`)}</Text>
                      <Text size="xs" c="dimmed">▾</Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setChangingPassword(true)} data-testid="change-password">{t('password.change')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
              {languageSwitch}
              <Button size="xs" variant="default" leftSection={<IconLock size={14} />} onClick={() => void call('auth.lock', {}).finally(() => setLocked('manual'))} data-testid="lock">{t('action.lock')}</Button>
              <Button size="xs" variant="default" leftSection={<IconLogout size={14} />} onClick={() => void call('auth.logout', {}).finally(signOut)} data-testid="logout">{t('action.logout')}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Stack gap={2}>
            {visible.map((s) => {
              const Icon = s.icon ?? DEFAULT_NAV_ICON;
              return <NavLink key={s.key} label={t(s.label)} leftSection={<Icon size={18} stroke={1.6} />} active={s.key === active?.key} onClick={() => setScreen(s.key)} data-testid={`nav-${s.key}`} />;
            })}
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main>
          {hostDown && (
            <Alert color="red" mb="md" title={errorMessage(hostDown.body, locale)} data-testid="host-down">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('app.hostDownBody')}</Text>
                <Button size="xs" variant="white" color="red" onClick={reconnect} data-testid="host-reconnect">{t('app.hostRetry')}</Button>
              </Group>
            </Alert>
          )}
          {status.integrity === 'failed' && (
            <Alert color="red" mb="md" data-testid="integrity-failed">
              {t('app.integrityFailed')}{' '}
              {status.latestBackup
                ? t('app.latestBackup', { name: status.latestBackup.name, at: status.latestBackup.at })
                : t('app.noBackup')}
            </Alert>
          )}
          {(session.account.role === 'admin' || session.account.role === 'manager') && <CalendarWarning />}
          {/* A screen loaded on first use (the dashboard and its charts) shows a loader meanwhile. */}
          {Active ? (
            <Suspense fallback={<Center py="xl"><Loader /></Center>}>
              <Active />
            </Suspense>
          ) : null}
        </AppShell.Main>
        <Modal opened={changingPassword} onClose={() => setChangingPassword(false)} title={t('password.change')}>
          <ChangePasswordForm
            username={session.account.username}
            onCancel={() => setChangingPassword(false)}
            onDone={(s) => {
              setChangingPassword(false);
              setSession(s);
              notifications.show({ message: t('password.changed'), color: 'teal' });
            }}
          />
        </Modal>
      </AppShell>
    </SessionContext.Provider>
  );
}
