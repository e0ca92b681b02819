import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { newPasswordError } from './passwordCheck';

/** The owner's own password change: checked here by the shared rule, then by the core. */
export function ChangePasswordForm({ username, onDone, onCancel, cancelLabel }: { username: string; onDone: (s: SessionInfo) => void; onCancel?: () => void; cancelLabel?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string | null>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function validate() {
    const e = {
      current: values.current === '' ? t('password.required') : null,
      next: newPasswordError(values.next, username, locale, t),
      confirm: values.confirm !== values.next ? t('password.mismatch') : null,
    };
    setErrors(e);
    return !e.current && !e.next && !e.confirm;
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setError(null);
    if (!validate()) return;
    setBusy(true);
    try {
      onDone(await call('auth.changePassword', { currentPassword: values.current, newPassword: values.next }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BAD_CREDENTIALS') setValues((v) => ({ ...v, current: '' }));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof values) => ({
    value: values[key],
    error: errors[key] ?? undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      setValues((old) => ({ ...old, [key]: v }));
      if (errors[key]) setErrors((old) => ({ ...old, [key]: null }));
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput label={t('password.current')} autoComplete="current-password" withAsterisk data-autofocus data-testid="change-current" {...field('current')} />
        <PasswordInput label={t('password.new')} description={t('setup.passwordRule')} autoComplete="new-password" withAsterisk data-testid="change-new" {...field('next')} />
        <PasswordInput label={t('password.confirm')} autoComplete="new-password" withAsterisk data-testid="change-confirm" {...field('confirm')} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{cancelLabel ?? t('action.cancel')}</Button>}
          <Button type="submit" loading={busy} data-testid="change-submit">{t('password.change')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
