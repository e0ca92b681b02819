import { Alert, Card, FileInput, Loader, Stack, Text, Title } from '@mantine/core';
import { useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../shared/contract/sync';
import { MAX_UPLOAD_BYTES } from '../../../../shared/contract/limits';
import { errorMessage } from '../../../../shared/i18n/errorMessages';
import { ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CountsTable } from '../../components/sync/CountsTable';
import { ImportHistoryTable } from '../../components/sync/ImportHistoryTable';
import { ImportPreviewCard } from '../../components/sync/ImportPreviewCard';
import { ImportProgressBar } from '../../components/sync/ImportProgressBar';
import { NotProvisionedAlert } from '../../components/sync/NotProvisionedAlert';
import { base64OfFile } from '../../components/sync/fileBytes';
import { useSyncStatus } from '../../components/sync/useSyncStatus';
import { useLocale } from '../../i18n';

/** A refusal gets its own heading: the clerk must know nothing was written, then what to do. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!(error instanceof ApiError) || error.code !== 'SYNC_REFUSED') return <ErrorAlert error={error} />;
  // Already imported is not a problem to act on: the office already has what the file carries.
  if (error.body.details?.reason === 'BUNDLE_ALREADY_IMPORTED') {
    return <Alert color="gray" variant="light" data-testid="import-already">{errorMessage(error.body, locale)}</Alert>;
  }
  return (
    <Alert color="red" variant="light" title={t('sync.import.refusedTitle')} role="alert" data-testid="import-refused">
      {errorMessage(error.body, locale)}
    </Alert>
  );
}

export function ImportScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, error: statusError, reload } = useSyncStatus();
  const [file, setFile] = useState<File | null>(null);
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [historyVersion, setHistoryVersion] = useState(0);

  async function choose(f: File | null) {
    setFile(f);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!f) return;
    if (f.size > MAX_UPLOAD_BYTES) return setError(new Error(t('sync.import.tooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })));
    setChecking(true);
    try {
      setPreview(await call('sync.importCheck', { source: { kind: 'upload', fileName: f.name, base64: await base64OfFile(f) } }));
    } catch (e) {
      setError(e);
      // Cleared so that choosing the same file again (say, after fetching a missing bundle) checks it again.
      setFile(null);
    } finally {
      setChecking(false);
      // A refusal is kept in the history too.
      setHistoryVersion((v) => v + 1);
    }
  }

  async function apply() {
    if (!preview) return;
    setApplying(preview.stagedId);
    setError(null);
    try {
      setResult(await call('sync.importApply', { stagedId: preview.stagedId }));
      setPreview(null);
      setFile(null);
      reload();
    } catch (e) {
      setError(e);
      setPreview(null);
    } finally {
      setApplying(null);
      setHistoryVersion((v) => v + 1);
    }
  }

  if (statusError) return <ErrorAlert error={statusError} />;
  if (!status) return <Loader />;
  return (
    <Stack>
      <Title order={3}>{t('sync.import.title')}</Title>
      {!status.provisioned && <NotProvisionedAlert />}
      <Card withBorder>
        <Stack gap="xs">
          <FileInput
            label={t('sync.import.choose')} placeholder={t('sync.import.placeholder')} value={file} onChange={(f) => void choose(f)} clearable
            disabled={checking || applying !== null || !status.provisioned} maw={560}
            fileInputProps={{ 'data-testid': 'bundle-file' } as ComponentPropsWithoutRef<'input'>}
          />
          <Text size="sm" c="dimmed">{t('sync.import.checkHint')}</Text>
          {checking && <Text size="sm"><Loader size="xs" mr="xs" />{t('sync.import.checking')}</Text>}
        </Stack>
      </Card>
      {preview && <ImportPreviewCard preview={preview} busy={applying !== null} onApply={() => void apply()} onCancel={() => void choose(null)} />}
      {applying && <ImportProgressBar stagedId={applying} />}
      {error !== null && <Refusal error={error} />}
      {result && (
        <Alert color={result.result === 'applied' ? 'green' : 'gray'} variant="light" title={t('sync.import.resultTitle')} data-testid="import-result">
          <Stack gap="xs">
            <Text size="sm">{result.message[locale]}</Text>
            {result.result === 'applied' && <CountsTable counts={result.counts} testId="result-counts" />}
            {result.acknowledgedExports.length > 0 && <Text size="sm">{t('sync.import.acknowledged', { list: result.acknowledgedExports.join(', ') })}</Text>}
          </Stack>
        </Alert>
      )}
      <Title order={4}>{t('sync.import.history')}</Title>
      <ImportHistoryTable version={historyVersion} />
    </Stack>
  );
}
