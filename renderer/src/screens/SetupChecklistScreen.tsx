import { Alert, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupChecklist } from '../../../shared/contract/setup';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

/** The first administrator's landing screen: what the office still needs before it serves people. */
export function SetupChecklistScreen() {
  const { t } = useTranslation();
  const [list, setList] = useState<SetupChecklist | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    call('setup.checklist', {}).then(setList, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <Stack maw={860} data-testid="setup-checklist">
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('setupList.title')}</Title>
          <Text size="sm" c="dimmed">{t('setupList.hint')}</Text>
        </div>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={load}>{t('setupList.refresh')}</Button>
      </Group>
      <ErrorAlert error={error} />
      {list?.complete && <Alert color="teal" data-testid="setup-complete">{t('setupList.allDone')}</Alert>}
      {list?.steps.map((s) => (
        <Card key={s.step} withBorder data-testid={`setup-step-${s.step}`} data-done={s.done}>
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color={s.done ? 'teal' : 'gray'} size="lg" radius="xl">
              {s.done ? <IconCircleCheck size={20} /> : <IconCircleDashed size={20} />}
            </ThemeIcon>
            <div style={{ flex: 1 }}>
              <Group justify="space-between">
                <Text fw={600}>{t(`setupList.step.${s.step}.title`)}</Text>
                <Text size="sm" c={s.done ? 'teal' : 'orange'}>{s.done ? t('setupList.done') : t('setupList.todo')}</Text>
              </Group>
              <Text size="sm" c="dimmed">{s.done ? t(`setupList.step.${s.step}.done`, s.facts) : t(`setupList.step.${s.step}.todo`)}</Text>
            </div>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
