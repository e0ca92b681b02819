import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

const POLL_MS = 300;
/** Without news for this long (verification, the commit, or a slow disk), the bar stops pretending. */
const STALL_MS = 1500;

/**
 * Progress of an import being applied, polled while the apply call runs. Before the apply reports
 * its first batch (it verifies everything again first) and whenever it stalls, the bar turns into
 * an indeterminate one, so it never sits still and looks hung.
 */
export function ImportProgressBar({ stagedId }: { stagedId: string }) {
  const { t } = useTranslation();
  const [p, setP] = useState<{ done: number; total: number } | null>(null);
  const [stalled, setStalled] = useState(true);
  const last = useRef({ done: -1, at: Date.now() });

  useEffect(() => {
    let alive = true;
    const tick = async () => {
      const next = await call('sync.importProgress', { stagedId }).catch(() => null);
      if (!alive) return;
      const now = Date.now();
      if (next && next.done !== last.current.done) last.current = { done: next.done, at: now };
      setP(next);
      setStalled(!next || next.total === 0 || now - last.current.at > STALL_MS);
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    void tick();
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [stagedId]);

  const determinate = !stalled && p !== null && p.total > 0;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm">{t('sync.import.applying')}</Text>
      {determinate ? (
        <Progress value={(100 * p.done) / p.total} size="lg" transitionDuration={200} data-testid="import-progress-bar" />
      ) : (
        <Progress value={100} size="lg" striped animated data-testid="import-progress-indeterminate" />
      )}
      <Text size="xs" c="dimmed">{determinate ? t('sync.import.progress', { done: p.done.toLocaleString(), total: p.total.toLocaleString() }) : t('sync.import.working')}</Text>
    </Stack>
  );
}
