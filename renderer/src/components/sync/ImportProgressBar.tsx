import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgressView } from '../../../../shared/contract/sync';
import { call } from '../../api/client';

const POLL_MS = 300;
/** Without news for this long (the commit, or a slow disk), the bar stops pretending. */
const STALL_MS = 1500;

/**
 * Progress of an import, polled while the apply call runs: the phase by name (checking; decrypting,
 * checking and writing as the file streams; recording), rows written with an estimate, and a stop
 * button until the content has been read whole. Outside the writing phase, or when it stalls, the
 * bar is an indeterminate one, so it never sits still and looks hung.
 */
export function ImportProgressBar({ stagedId }: { stagedId: string }) {
  const { t } = useTranslation();
  const [p, setP] = useState<ImportProgressView | null>(null);
  const [stalled, setStalled] = useState(true);
  const [stopping, setStopping] = useState(false);
  const last = useRef({ done: -1, at: Date.now() });

  useEffect(() => {
    let alive = true;
    const tick = async () => {
      const next = await call('sync.importProgress', { stagedId }).catch(() => null);
      if (!alive) return;
      const now = Date.now();
      if (next && next.done !== last.current.done) last.current = { done: next.done, at: now };
      setP(next);
      setStalled(!next || next.phase !== 'applying' || next.total === 0 || now - last.current.at > STALL_MS);
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    void tick();
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [stagedId]);

  const duration = (ms: number) => (ms < 90_000 ? t('sync.import.seconds', { n: Math.max(1, Math.round(ms / 1000)) }) : t('sync.import.minutes', { n: Math.round(ms / 60_000) }));
  const determinate = !stalled && p !== null && p.total > 0;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm">{t('sync.import.applying')}</Text>
      <Text size="sm" fw={600} data-testid="import-phase">{p ? t(`sync.import.phase.${p.phase}`) : t('sync.import.working')}</Text>
      {determinate ? (
        <Progress value={(100 * p.done) / p.total} size="lg" transitionDuration={200} data-testid="import-progress-bar" />
      ) : (
        <Progress value={100} size="lg" striped animated data-testid="import-progress-indeterminate" />
      )}
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {p && p.phase === 'applying' && p.total > 0 ? t('sync.import.progress', { done: p.done.toLocaleString(), total: p.total.toLocaleString() }) : t('sync.import.working')}
          {p && (p.estimateMs !== null ? ` · ${t('sync.import.estimate', { time: duration(p.estimateMs) })}` : ` · ${t('sync.import.elapsed', { time: duration(p.elapsedMs) })}`)}
        </Text>
        {p?.cancellable && (
          <Button size="xs" variant="default" loading={stopping} title={t('sync.import.stopHint')} data-testid="import-stop"
            onClick={() => { setStopping(true); void call('sync.importCancel', { stagedId }).finally(() => setStopping(false)); }}>
            {t('sync.import.stop')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
