import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleOutView, ExportFile } from '../../../../shared/contract/sync';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CountsTable } from '../../components/sync/CountsTable';
import { ExportHistoryTable } from '../../components/sync/ExportHistoryTable';
import { NotProvisionedAlert } from '../../components/sync/NotProvisionedAlert';
import { formatSize, saveBase64 } from '../../components/sync/fileBytes';
import { useBlobUrl } from '../../components/sync/useBlobUrl';
import { useSyncStatus } from '../../components/sync/useSyncStatus';

/** The file just written (or written again): saved at once, with a link in case the save was dismissed. */
function WrittenFile({ file }: { file: ExportFile }) {
  const { t } = useTranslation();
  const url = useBlobUrl(file.base64);
  const size = formatSize(file.sizeBytes);
  return (
    <Alert color={file.base64 ? 'green' : 'orange'} variant="light" data-testid="export-written">
      <Stack gap={4}>
        <Text size="sm">{t('sync.export.written', { n: file.sequence, name: file.fileName, size })}</Text>
        {url ? (
          <Anchor href={url} download={file.fileName} size="sm" data-testid="export-download">{t('sync.export.save', { name: file.fileName })}</Anchor>
        ) : (
          <Text size="sm">{t('sync.export.tooLarge', { size })}</Text>
        )}
      </Stack>
    </Alert>
  );
}

export function ExportScreen() {
  const { t } = useTranslation();
  const { status, error: statusError } = useSyncStatus();
  const [pending, setPending] = useState<Record<string, number> | null>(null);
  const [history, setHistory] = useState<BundleOutView[]>([]);
  const [written, setWritten] = useState<ExportFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [again, setAgain] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([call('sync.exportPending', {}), call('sync.exportHistory', { limit: 50 })]).then(([p, h]) => {
      setPending(p);
      setHistory(h);
    }, setError);
  }, []);
  useEffect(() => {
    if (status?.provisioned) load();
  }, [status?.provisioned, load]);

  function deliver(f: ExportFile) {
    setWritten(f);
    if (f.base64) saveBase64(f.base64, f.fileName);
  }

  async function write() {
    setBusy(true);
    setError(null);
    try {
      deliver(await call('sync.exportWrite', {}));
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function writeAgain(sequence: number) {
    setAgain(sequence);
    setError(null);
    try {
      deliver(await call('sync.exportAgain', { sequence }));
    } catch (e) {
      setError(e);
    } finally {
      setAgain(null);
    }
  }

  if (statusError) return <ErrorAlert error={statusError} />;
  if (!status) return <Loader />;
  if (!status.provisioned) {
    return (
      <Stack>
        <Title order={3}>{t('sync.export.title')}</Title>
        <NotProvisionedAlert />
      </Stack>
    );
  }
  const nothing = pending !== null && Object.values(pending).every((n) => n === 0);
  return (
    <Stack>
      <Title order={3}>{t('sync.export.title')}</Title>
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600} size="sm">{t('sync.export.pending')}</Text>
          {pending ? <CountsTable counts={pending} testId="export-pending" /> : <Loader size="sm" />}
          {nothing && <Text size="sm" c="dimmed">{t('sync.export.nothingPending')}</Text>}
          <Group>
            <Button onClick={() => void write()} loading={busy} disabled={pending === null} data-testid="export-write">{t('sync.export.write')}</Button>
          </Group>
        </Stack>
      </Card>
      {written && <WrittenFile file={written} />}
      <ErrorAlert error={error} />
      <Title order={4}>{t('sync.export.history')}</Title>
      <Text size="sm" c="dimmed">{t('sync.export.againHint')}</Text>
      <ExportHistoryTable rows={history} busySequence={again} onWriteAgain={(s) => void writeAgain(s)} />
    </Stack>
  );
}
