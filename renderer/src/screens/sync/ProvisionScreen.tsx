import { Alert, Anchor, Button, Card, FileInput, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ComponentPropsWithoutRef, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvisionResult, TrustPreviewView } from '../../../../shared/contract/sync';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import { bundlePurposeWords, bundleSenderWords } from '../../../../shared/i18n/bundleChannel';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FingerprintConfirm } from '../../components/sync/FingerprintConfirm';
import { NotProvisionedAlert } from '../../components/sync/NotProvisionedAlert';
import { base64OfFile, saveBase64 } from '../../components/sync/fileBytes';
import { useBlobUrl } from '../../components/sync/useBlobUrl';
import { useSyncStatus } from '../../components/sync/useSyncStatus';
import { useLocale } from '../../i18n';
import { OFFICE_CHANGED } from '../../state/officeChanged';

const OFFICE_CODE = /^\d{6}-\d{2}$/;
/** What the core reports before any office code was set (electron/core.ts). */
const UNSET_CODE = '000000-00';
const chunks = (fp: string): string[] => {
  const groups = fp.split(' ').filter(Boolean);
  return [groups.slice(0, 8).join(' '), groups.slice(8).join(' ')].filter(Boolean);
};
/** Trust files are small; the core refuses anything above 256 KiB, so say so before uploading. */
const MAX_TRUST_BYTES = 256 * 1024;

/** The enrollment request as a saved file, offered right after provisioning and at any later time. */
function EnrollmentDownload({ request, label }: { request: ProvisionResult; label: string }) {
  const url = useBlobUrl(request.requestBase64);
  if (!url) return null;
  return (
    <Anchor href={url} download={request.requestFileName} data-testid="enrollment-download">
      {label}
    </Anchor>
  );
}

export function ProvisionScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, error: statusError, reload } = useSyncStatus();
  const [officeCode, setOfficeCode] = useState('');
  const [officeName, setOfficeName] = useState('');
  const [trustFile, setTrustFile] = useState<File | null>(null);
  const [trustBase64, setTrustBase64] = useState<string | null>(null);
  const [preview, setPreview] = useState<TrustPreviewView | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [request, setRequest] = useState<ProvisionResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function chooseTrust(file: File | null) {
    setTrustFile(file);
    setPreview(null);
    setTrustBase64(null);
    setConfirmed(null);
    setError(null);
    if (!file) return;
    if (file.size > MAX_TRUST_BYTES) return setError(new Error(t('sync.provision.trustTooLarge')));
    try {
      const base64 = await base64OfFile(file);
      setPreview(await call('sync.trustPreview', { trust: { kind: 'upload', fileName: file.name, base64 } }));
      setTrustBase64(base64);
    } catch (e) {
      setError(e);
    }
  }

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!trustFile || !trustBase64 || !confirmed) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('sync.provision', {
        officeCode: officeCode.trim(), officeName: officeName.trim(), confirmFingerprint: confirmed,
        trust: { kind: 'upload', fileName: trustFile.name, base64: trustBase64 },
      });
      setRequest(r);
      saveBase64(r.requestBase64, r.requestFileName);
      reload();
      window.dispatchEvent(new Event(OFFICE_CHANGED));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function requestAgain() {
    setError(null);
    try {
      const r = await call('sync.enrollmentRequest', {});
      setRequest(r);
    } catch (err) {
      setError(err);
    }
  }

  // An office already named (the demo, or a console set up before sync) starts from its own code and name.
  const known = status && !status.provisioned && OFFICE_CODE.test(status.officeCode) && status.officeCode !== UNSET_CODE;
  useEffect(() => {
    if (!known || !status) return;
    setOfficeCode((c) => c || status.officeCode);
    setOfficeName((n) => n || status.officeName);
  }, [known, status]);

  if (statusError) return <ErrorAlert error={statusError} />;
  if (!status) return <Loader />;

  if (status.provisioned) {
    return (
      <Stack>
        <Title order={3}>{t('sync.provision.title')}</Title>
        <Alert color="green" variant="light" title={t('sync.provision.provisioned')} data-testid="sync-provisioned">
          {request ? t('sync.provision.done') : null}
        </Alert>
        <Card withBorder>
          <Table variant="vertical" withTableBorder maw={760}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('sync.provision.office')}</Table.Th>
                <Table.Td data-testid="sync-office">{status.officeName} · {status.officeCode}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.provision.keyring')}</Table.Th>
                <Table.Td>
                  <Text size="sm">{t('sync.provision.version', { v: status.keyringVersion })}</Text>
                  {/* Two rows of eight groups, as on the platform's sheet, never wrapped mid-way. */}
                  {chunks(status.keyringFingerprint ?? '').map((line) => (
                    <Text key={line} size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{line}</Text>
                  ))}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.provision.channels')}</Table.Th>
                <Table.Td>
                  {status.channels.length === 0
                    ? t('sync.provision.noChannel')
                    : status.channels.map((c) => (
                        <Text key={`${c.sender}/${c.channel}`} size="sm" data-testid="sync-channel">
                          {t('sync.provision.channel', { sender: bundleSenderWords(c.sender, locale), purpose: bundlePurposeWords(c.channel, locale), n: c.lastSequence, at: chinaDateTime(c.updatedAt) })}
                        </Text>
                      ))}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
        <Group>
          {request ? (
            <EnrollmentDownload request={request} label={t('sync.provision.download', { name: request.requestFileName })} />
          ) : (
            <Button variant="default" onClick={() => void requestAgain()} data-testid="enrollment-again">{t('sync.provision.downloadAgain')}</Button>
          )}
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    );
  }

  const codeBad = officeCode.trim() !== '' && !OFFICE_CODE.test(officeCode.trim());
  const ready = OFFICE_CODE.test(officeCode.trim()) && officeName.trim() !== '' && preview !== null && confirmed !== null;
  return (
    <Stack>
      <Title order={3}>{t('sync.provision.title')}</Title>
      <NotProvisionedAlert />
      <Text size="sm">{t('sync.provision.steps')}</Text>
      <Card withBorder>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Group align="flex-start" grow maw={760}>
              <TextInput
                label={t('sync.provision.officeCode')} description={t('sync.provision.officeCodeHint')} value={officeCode} maxLength={9}
                onChange={(e) => setOfficeCode(e.currentTarget.value)} error={codeBad ? t('sync.provision.officeCodeBad') : undefined}
                styles={{ input: { fontFamily: 'monospace' } }} data-testid="office-code" withAsterisk
              />
              <TextInput label={t('sync.provision.officeName')} description={t('sync.provision.officeNameHint')} value={officeName} maxLength={100} onChange={(e) => setOfficeName(e.currentTarget.value)} data-testid="office-name" withAsterisk />
            </Group>
            <FileInput
              label={t('sync.provision.trustFile')} placeholder={t('sync.provision.trustPlaceholder')} accept=".json,application/json" value={trustFile}
              onChange={(f) => void chooseTrust(f)} clearable maw={760}
              fileInputProps={{ 'data-testid': 'trust-file' } as ComponentPropsWithoutRef<'input'>}
            />
            {preview && <FingerprintConfirm key={preview.fingerprint} fingerprint={preview.fingerprint} version={preview.keyringVersion} onChange={setConfirmed} />}
            <ErrorAlert error={error} />
            <Group>
              <Button type="submit" loading={busy} disabled={!ready} data-testid="provision-submit">{t('sync.provision.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
