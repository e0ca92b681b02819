import { Alert, Button, Card, Code, Group, Modal, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentCodeView, WindowsOverview, WindowView } from '../../../shared/contract/windows';
import { ENROLLMENT_CODE_MINUTES, WINDOW_NAME_MAX, WINDOW_NUMBER_MAX } from '../../../shared/domain/officeWindow';
import { ApiError, call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { EnrollCodeCard } from '../components/windows/EnrollCodeCard';
import { WindowsTable, type WindowAction } from '../components/windows/WindowsTable';

type Dialog = { kind: 'rename' | 'revoke'; window: WindowView } | { kind: 'replace'; number: number; holder: string } | null;

/**
 * The office host's windows (issue 23), for the administrator: a one-time code for a new window
 * (read aloud, typed or scanned on the workstation), and rename, disable, enable and revoke of the
 * enrolled ones. The rules and the audit are the core's (windowService), as for the command line.
 */
export function WindowsScreen() {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<WindowsOverview | null>(null);
  const [form, setForm] = useState<{ number: number | string; name: string }>({ number: '', name: '' });
  const [code, setCode] = useState<EnrollmentCodeView | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setOverview(await call('windows.list', {}));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  async function enroll(replace: boolean) {
    if (typeof form.number !== 'number') return;
    setBusy(true);
    setError(null);
    try {
      setCode(await call('windows.enroll', { number: form.number, name: form.name, replace }));
      setDialog(null);
      setForm({ number: '', name: '' });
    } catch (err) {
      const details = err instanceof ApiError ? err.body.details : undefined;
      if (!replace && details?.reason === 'window_number_taken') setDialog({ kind: 'replace', number: form.number, holder: String(details.name ?? '') });
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: SyntheticEvent) {
    e.preventDefault();
    void enroll(false);
  }

  async function change(w: WindowView, action: WindowAction, name?: string) {
    setBusy(true);
    setError(null);
    try {
      if (action === 'rename') await call('windows.rename', { id: w.id, name: name ?? '' });
      else await call(`windows.${action}`, { id: w.id });
      notifications.show({ message: t(`windows.done.${action}`, { number: w.number }), color: 'teal' });
      setDialog(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      await reload();
    }
  }

  function onAction(w: WindowView, action: WindowAction) {
    if (action === 'rename') {
      setNewName(w.name);
      setDialog({ kind: 'rename', window: w });
    } else if (action === 'revoke') setDialog({ kind: 'revoke', window: w });
    else void change(w, action);
  }

  return (
    <Stack maw={1180} data-testid="windows-screen">
      <Title order={3}>{t('windows.title')}</Title>
      <Text size="sm" c="dimmed">{t('windows.hint', { minutes: ENROLLMENT_CODE_MINUTES })}</Text>
      {overview && (
        <Alert color={overview.hostListen ? 'blue' : 'yellow'} variant="light" data-testid="windows-host">
          {overview.hostListen ? t('windows.hostStopped', { listen: overview.hostListen }) : (
            <>{t('windows.hostNever')} <Code data-testid="windows-host-command">{t('windows.hostCommand')}</Code></>
          )}
        </Alert>
      )}
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Text fw={600}>{t('windows.add')}</Text>
            <Group align="flex-end">
              <NumberInput label={t('windows.number')} min={1} max={WINDOW_NUMBER_MAX} allowDecimal={false} allowNegative={false} w={130} value={form.number} onChange={(v) => setForm({ ...form, number: v })} data-testid="window-number" />
              <TextInput label={t('windows.name')} placeholder={t('windows.namePlaceholder')} maxLength={WINDOW_NAME_MAX} w={260} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} data-testid="window-name-input" />
              <Button type="submit" loading={busy && !dialog} disabled={typeof form.number !== 'number' || !overview?.hostListen} data-testid="window-enroll">{t('windows.makeCode')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ErrorAlert error={error} />
      {code && <EnrollCodeCard code={code} onClose={() => { setCode(null); void reload(); }} />}
      <Text fw={600} mt="xs">{t('windows.list')}</Text>
      {overview && <WindowsTable rows={overview.windows} onAction={onAction} />}

      <Modal opened={dialog?.kind === 'replace'} onClose={() => setDialog(null)} title={dialog?.kind === 'replace' ? t('windows.replaceTitle', { number: dialog.number }) : ''}>
        {dialog?.kind === 'replace' && (
          <Stack>
            <Text size="sm">{t('windows.replaceBody', { number: dialog.number, name: dialog.holder })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>{t('action.cancel')}</Button>
              <Button color="red" loading={busy} onClick={() => void enroll(true)} data-testid="window-replace-confirm">{t('windows.replace')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'rename'} onClose={() => setDialog(null)} title={dialog?.kind === 'rename' ? t('windows.renameTitle', { number: dialog.window.number }) : ''}>
        {dialog?.kind === 'rename' && (
          <form onSubmit={(e) => { e.preventDefault(); void change(dialog.window, 'rename', newName); }} noValidate>
            <Stack>
              <TextInput label={t('windows.name')} maxLength={WINDOW_NAME_MAX} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} data-autofocus data-testid="window-rename-input" />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDialog(null)}>{t('action.cancel')}</Button>
                <Button type="submit" loading={busy} data-testid="window-rename-save">{t('action.save')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'revoke'} onClose={() => setDialog(null)} title={dialog?.kind === 'revoke' ? t('windows.revokeTitle', { number: dialog.window.number, name: dialog.window.name }) : ''}>
        {dialog?.kind === 'revoke' && (
          <Stack>
            <Text size="sm">{t('windows.revokeBody')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>{t('action.cancel')}</Button>
              <Button color="red" loading={busy} onClick={() => void change(dialog.window, 'revoke')} data-testid="window-revoke-confirm">{t('windows.revokeConfirm')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
