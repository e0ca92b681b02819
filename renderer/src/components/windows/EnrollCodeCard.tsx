import { Alert, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import type { EnrollmentCodeView } from '../../../../shared/contract/windows';
import { officeNow } from '../../state/officeClock';

/** Whole minutes and seconds, as read off a clock: 9:05. */
function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds left on the code by the office clock, ticking once a second while it lasts. */
function useRemaining(expiresAt: string): number {
  const [ms, setMs] = useState(() => Date.parse(expiresAt) - officeNow().getTime());
  useEffect(() => {
    const tick = () => setMs(Date.parse(expiresAt) - officeNow().getTime());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return ms;
}

/**
 * The one-time code as the administrator hands it over: the secret large and in groups of four to
 * read aloud, the host's address and pin to type beside it, the QR of the whole code, and how long
 * it lasts by the office clock (the core judges expiry by that clock, not this machine's).
 */
export function EnrollCodeCard({ code, onClose }: { code: EnrollmentCodeView; onClose: () => void }) {
  const { t } = useTranslation();
  const ms = useRemaining(code.expiresAt);
  const at = chinaDateTime(code.expiresAt);
  return (
    <Card withBorder data-testid="enroll-code">
      <Stack gap="sm">
        <Title order={4}>{t('windows.code.title', { number: code.number })}</Title>
        <Text size="sm" data-testid="enroll-name">{t('windows.code.name', { name: code.name })}</Text>
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Image src={`data:image/png;base64,${code.qrPngBase64}`} alt={t('windows.code.qrAlt', { number: code.number })} w={232} h={232} fit="contain" data-testid="enroll-qr" />
          <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Text size="sm" c="dimmed">{t('windows.code.short')}</Text>
            <Text ff="monospace" fz={34} fw={700} lh={1.2} style={{ letterSpacing: '0.08em', wordSpacing: '0.3em' }} data-testid="enroll-short-code">
              {code.shortCode.split('-').join(' ')}
            </Text>
            <Text size="sm" data-testid="enroll-host">{t('windows.code.host', { value: code.host })}</Text>
            <Text size="sm" data-testid="enroll-pin">{t('windows.code.pin', { value: code.pinShort })}</Text>
            {ms > 0 ? (
              <Text fw={600} c={ms < 60_000 ? 'red' : undefined} data-testid="enroll-countdown">{t('windows.code.left', { time: clockText(ms), at })}</Text>
            ) : (
              <Alert color="red" variant="light" data-testid="enroll-expired">{t('windows.code.expired', { at })}</Alert>
            )}
          </Stack>
        </Group>
        <Text size="sm" c="dimmed">{t('windows.code.whole')}</Text>
        <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }} data-testid="enroll-whole-code">{code.code}</Text>
        <Text size="sm" c="dimmed">{t('windows.code.howTo')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="enroll-close">{t('windows.code.close')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
