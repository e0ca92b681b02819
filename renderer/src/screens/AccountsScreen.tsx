import { Alert, Badge, Button, Card, Group, Menu, Modal, NumberInput, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRequest, ChangeOutcome } from '../../../shared/contract';
import { IDLE_LOCK_MINUTES } from '../../../shared/contract/limits';
import { ROLES, type AccountInfo, type Role } from '../../../shared/domain/account';
import { call } from '../api/client';
import { newPasswordError } from '../components/access/passwordCheck';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLocale } from '../i18n';
import { useSession } from '../state/session';

const USERNAME = /^[A-Za-z0-9._-]{2,32}$/;

type Dialog = { kind: 'reset' | 'role'; account: AccountInfo } | null;

export function AccountsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { session, can } = useSession();
  const [accounts, setAccounts] = useState<AccountInfo[]>([]);
  const [pending, setPending] = useState<AdminRequest[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'clerk' as Role, password: '' });
  const [formErrors, setFormErrors] = useState<Partial<Record<'username' | 'displayName' | 'password', string | null>>>({});
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [idle, setIdle] = useState<number | string>(session.idleLockMinutes);

  const reload = async () => {
    try {
      const [list, reqs] = await Promise.all([call('accounts.list', {}), call('accounts.requests', {})]);
      setAccounts(list);
      setPending(reqs);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  async function act(run: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await run();
      notifications.show({ message, color: 'teal' });
      await reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  async function create(e: SyntheticEvent) {
    e.preventDefault();
    const username = form.username.trim();
    const errors = {
      username: USERNAME.test(username) ? null : t('accounts.usernameRule'),
      displayName: form.displayName.trim() === '' ? t('password.required') : null,
      password: newPasswordError(form.password, username, locale, t),
    };
    setFormErrors(errors);
    if (errors.username || errors.displayName || errors.password) return;
    if (await act(() => call('accounts.create', { ...form, username, displayName: form.displayName.trim() }), t('accounts.created'))) {
      setForm({ username: '', displayName: '', role: 'clerk', password: '' });
    }
  }

  const outcomeMessage = (o: ChangeOutcome, done: string) => (o.status === 'pending' ? t('accounts.pendingDone') : done);
  const input = (key: 'username' | 'displayName' | 'password') => ({
    value: form[key],
    error: formErrors[key] ?? undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: v }));
      if (formErrors[key]) setFormErrors((old) => ({ ...old, [key]: null }));
    },
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const idleValid = typeof idle === 'number' && Number.isInteger(idle) && idle >= IDLE_LOCK_MINUTES.min && idle <= IDLE_LOCK_MINUTES.max;

  return (
    <Stack>
      <Title order={3}>{t('accounts.title')}</Title>
      <Card withBorder>
        <form onSubmit={create} noValidate>
          <Group align="flex-start">
            <TextInput label={t('accounts.username')} withAsterisk data-testid="account-username" {...input('username')} />
            <TextInput label={t('accounts.displayName')} withAsterisk data-testid="account-name" {...input('displayName')} />
            <Select label={t('accounts.role')} data={roleOptions} value={form.role} onChange={(v) => v && setForm({ ...form, role: v as Role })} allowDeselect={false} data-testid="account-role" />
            <PasswordInput label={t('login.password')} description={t('setup.passwordRule')} withAsterisk autoComplete="new-password" data-testid="account-password" {...input('password')} w={260} />
            <Button type="submit" mt={24} data-testid="account-create">{t('accounts.create')}</Button>
          </Group>
        </form>
      </Card>
      <ErrorAlert error={error} />
      {pending.length > 0 && (
        <Card withBorder data-testid="pending-requests">
          <Stack gap="xs">
            <Text fw={600}>{t('accounts.requests')}</Text>
            <Text size="sm" c="dimmed">{t('accounts.requestsHint')}</Text>
            {pending.map((r) => (
              <Group key={r.id} justify="space-between" data-testid="pending-request">
                <Text size="sm">
                  {r.account.displayName} ({r.account.username}) · {r.kind === 'reset_password' ? t('accounts.requestReset') : t('accounts.requestRole', { role: t(`role.${r.role}`) })} ·{' '}
                  {t('accounts.requestedBy', { name: r.requestedBy.username, at: new Date(r.requestedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB') })}
                </Text>
                <Group gap="xs">
                  {r.requestedBy.id !== session.account.id && r.account.id !== session.account.id && (
                    <Button size="compact-sm" onClick={() => void act(() => call('accounts.approveRequest', { id: r.id }), t('accounts.approved'))} data-testid="approve-request">
                      {t('accounts.approve')}
                    </Button>
                  )}
                  <Button size="compact-sm" variant="default" onClick={() => void act(() => call('accounts.cancelRequest', { id: r.id }), t('accounts.cancelled'))}>
                    {t('accounts.cancelRequest')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.username')}</Table.Th>
            <Table.Th>{t('accounts.displayName')}</Table.Th>
            <Table.Th>{t('accounts.role')}</Table.Th>
            <Table.Th>{t('accounts.status')}</Table.Th>
            <Table.Th>{t('accounts.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id} data-username={a.username}>
              <Table.Td>{a.username}</Table.Td>
              <Table.Td>{a.displayName}</Table.Td>
              <Table.Td>{t(`role.${a.role}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={a.disabled ? 'gray' : a.locked ? 'orange' : 'teal'}>{t(a.disabled ? 'accounts.disabled' : a.locked ? 'accounts.locked' : 'accounts.active')}</Badge>
                  {a.mustChangePassword && <Badge color="yellow" variant="light">{t('accounts.mustChange')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {a.locked && (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => void act(() => call('accounts.unlock', { id: a.id }), t('accounts.unlocked'))} data-testid="account-unlock">
                      {t('accounts.unlock')}
                    </Button>
                  )}
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="compact-xs" variant="default" data-testid="account-actions">{t('accounts.actions')} ▾</Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDialog({ kind: 'reset', account: a })} data-testid="action-reset">{t('accounts.resetPassword')}</Menu.Item>
                      <Menu.Item onClick={() => setDialog({ kind: 'role', account: a })} data-testid="action-role">{t('accounts.changeRole')}</Menu.Item>
                      <Menu.Item
                        color={a.disabled ? undefined : 'red'}
                        onClick={() => void act(() => call('accounts.setDisabled', { id: a.id, disabled: !a.disabled }), t(a.disabled ? 'accounts.enable' : 'accounts.disable'))}
                        data-testid="action-disable"
                      >
                        {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can('settings.manage') && (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>{t('accounts.settings')}</Text>
            <Group align="flex-start">
              <NumberInput
                label={t('accounts.idleLock')}
                description={t('accounts.idleLockHint', { min: IDLE_LOCK_MINUTES.min, max: IDLE_LOCK_MINUTES.max })}
                value={idle}
                onChange={setIdle}
                min={IDLE_LOCK_MINUTES.min}
                max={IDLE_LOCK_MINUTES.max}
                allowDecimal={false}
                error={idleValid ? undefined : t('accounts.idleLockHint', { min: IDLE_LOCK_MINUTES.min, max: IDLE_LOCK_MINUTES.max })}
                w={260}
                data-testid="idle-minutes"
              />
              <Button mt={44} disabled={!idleValid} onClick={() => void act(() => call('accounts.setIdleLock', { minutes: Number(idle) }), t('accounts.idleSaved'))} data-testid="idle-save">
                {t('action.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <AccountDialog
        dialog={dialog}
        onClose={() => setDialog(null)}
        onDone={async (o, done) => {
          setDialog(null);
          notifications.show({ message: outcomeMessage(o, done), color: o.status === 'pending' ? 'blue' : 'teal' });
          await reload();
        }}
        roleOptions={roleOptions}
      />
    </Stack>
  );
}

function AccountDialog({
  dialog,
  onClose,
  onDone,
  roleOptions,
}: {
  dialog: Dialog;
  onClose: () => void;
  onDone: (o: ChangeOutcome, doneMessage: string) => Promise<void>;
  roleOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [password, setPassword] = useState({ next: '', confirm: '' });
  const [role, setRole] = useState<Role>('clerk');
  const [errors, setErrors] = useState<{ next?: string | null; confirm?: string | null }>({});
  const [error, setError] = useState<unknown>(null);
  const a = dialog?.account;

  useEffect(() => {
    setPassword({ next: '', confirm: '' });
    setErrors({});
    setError(null);
    if (a) setRole(a.role);
  }, [dialog]);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (!dialog || !a) return;
    setError(null);
    try {
      if (dialog.kind === 'reset') {
        const next = newPasswordError(password.next, a.username, locale, t);
        const confirm = password.confirm !== password.next ? t('password.mismatch') : null;
        setErrors({ next, confirm });
        if (next || confirm) return;
        await onDone(await call('accounts.resetPassword', { id: a.id, password: password.next }), t('accounts.resetDone'));
      } else {
        await onDone(await call('accounts.setRole', { id: a.id, role }), t('accounts.roleDone'));
      }
    } catch (err) {
      setError(err);
    }
  }

  const title = a ? t(dialog?.kind === 'reset' ? 'accounts.resetTitle' : 'accounts.roleTitle', { name: `${a.displayName} (${a.username})` }) : '';
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={title}>
      {a && (
        <form onSubmit={submit} noValidate>
          <Stack>
            {dialog?.kind === 'reset' ? (
              <>
                <Text size="sm" c="dimmed">{t('accounts.resetHint')}</Text>
                {a.role === 'admin' && <Alert color="blue" variant="light">{t('accounts.resetAdminHint')}</Alert>}
                <PasswordInput
                  label={t('password.new')}
                  description={t('setup.passwordRule')}
                  withAsterisk
                  autoComplete="new-password"
                  value={password.next}
                  error={errors.next ?? undefined}
                  onChange={(e) => setPassword({ ...password, next: e.currentTarget.value })}
                  data-autofocus
                  data-testid="reset-password"
                />
                <PasswordInput
                  label={t('password.confirm')}
                  withAsterisk
                  autoComplete="new-password"
                  value={password.confirm}
                  error={errors.confirm ?? undefined}
                  onChange={(e) => setPassword({ ...password, confirm: e.currentTarget.value })}
                  data-testid="reset-confirm"
                />
              </>
            ) : (
              <>
                {(a.role === 'admin' || role === 'admin') && <Alert color="blue" variant="light">{t('accounts.roleAdminHint')}</Alert>}
                <Select label={t('accounts.role')} data={roleOptions} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} data-testid="role-select" />
              </>
            )}
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('action.cancel')}</Button>
              <Button type="submit" data-testid="dialog-submit">{t('action.save')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
