import { Badge, Button, Card, Group, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AccountInfo, type Role } from '../../../shared/domain/account';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

export function AccountsScreen() {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<AccountInfo[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'clerk' as Role, password: '' });
  const [error, setError] = useState<unknown>(null);

  const reload = () => call('accounts.list', {}).then(setAccounts, setError);
  useEffect(() => {
    void reload();
  }, []);

  async function create(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    try {
      await call('accounts.create', { ...form, username: form.username.trim(), displayName: form.displayName.trim() });
      notifications.show({ message: t('accounts.created'), color: 'teal' });
      setForm({ username: '', displayName: '', role: 'clerk', password: '' });
      await reload();
    } catch (err) {
      setError(err);
    }
  }

  async function toggle(a: AccountInfo) {
    try {
      await call('accounts.setDisabled', { id: a.id, disabled: !a.disabled });
      await reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Stack>
      <Title order={3}>{t('accounts.title')}</Title>
      <Card withBorder>
        <form onSubmit={create}>
          <Group align="flex-end">
            <TextInput label={t('accounts.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} required data-testid="account-username" />
            <TextInput label={t('accounts.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} required data-testid="account-name" />
            <Select label={t('accounts.role')} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={form.role} onChange={(v) => v && setForm({ ...form, role: v as Role })} allowDeselect={false} />
            <PasswordInput label={t('login.password')} description={t('setup.passwordRule')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} required data-testid="account-password" />
            <Button type="submit" data-testid="account-create">{t('accounts.create')}</Button>
          </Group>
        </form>
      </Card>
      <ErrorAlert error={error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.username')}</Table.Th>
            <Table.Th>{t('accounts.displayName')}</Table.Th>
            <Table.Th>{t('accounts.role')}</Table.Th>
            <Table.Th>{t('accounts.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.username}</Table.Td>
              <Table.Td>{a.displayName}</Table.Td>
              <Table.Td>{t(`role.${a.role}`)}</Table.Td>
              <Table.Td>
                <Badge color={a.disabled ? 'gray' : a.locked ? 'orange' : 'teal'}>{t(a.disabled ? 'accounts.disabled' : a.locked ? 'accounts.locked' : 'accounts.active')}</Badge>
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="default" onClick={() => void toggle(a)}>{t(a.disabled ? 'accounts.enable' : 'accounts.disable')}</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
