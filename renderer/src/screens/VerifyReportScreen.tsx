import { Alert, Button, Card, FileInput, Group, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REPORT_SECTIONS } from '../../../shared/domain/record';
import type { ReportVerification } from '../../../shared/domain/report';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

// ZXing (C++ compiled to WebAssembly) finds the QR on a full-page scan or a phone photo at its
// original resolution. Its .wasm ships with the app (a Vite asset URL): never the package's CDN.
prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWasmUrl : prefix + path) } });

/** Decodes a QR code from an image file on this machine: nothing leaves the console. */
async function decodeQrImage(file: File): Promise<string | null> {
  const results = await readBarcodes(file, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  // A page carries one report QR; prefer the one that looks like it.
  const texts = results.filter((r) => r.isValid).map((r) => r.text);
  return texts.find((x) => x.startsWith('CDR1.')) ?? texts[0] ?? null;
}

export function VerifyReportScreen() {
  const { t } = useTranslation();
  const [reportNo, setReportNo] = useState('');
  const [code, setCode] = useState('');
  const [qrText, setQrText] = useState('');
  const [result, setResult] = useState<ReportVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function verify(input: { qrText: string } | { reportNo: string; code: string }) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('report.verify', input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function fromImage(file: File | null) {
    if (!file) return;
    setError(null);
    setResult(null);
    const text = await decodeQrImage(file).catch(() => null);
    if (!text) return setError(new Error(t('verify.noQr')));
    setQrText(text);
    await verify({ qrText: text });
  }

  const submitCode = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    void verify({ reportNo: reportNo.trim(), code: code.trim() });
  };
  const submitQr = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    void verify({ qrText: qrText.trim() });
  };

  return (
    <Stack>
      <Title order={3}>{t('verify.title')}</Title>
      <Text size="sm" c="dimmed">{t('verify.offline')}</Text>
      <Card withBorder>
        <Tabs defaultValue="code">
          <Tabs.List>
            <Tabs.Tab value="code" data-testid="verify-tab-code">{t('verify.byCode')}</Tabs.Tab>
            <Tabs.Tab value="qr" data-testid="verify-tab-qr">{t('verify.byQr')}</Tabs.Tab>
            <Tabs.Tab value="image" data-testid="verify-tab-image">{t('verify.byImage')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="code" pt="sm">
            <form onSubmit={submitCode}>
              <Group align="flex-end" grow>
                <TextInput label={t('verify.reportNo')} value={reportNo} onChange={(e) => setReportNo(e.currentTarget.value)} maxLength={40} data-testid="verify-no" styles={{ input: { fontFamily: 'monospace' } }} />
                <TextInput label={t('verify.code')} value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} maxLength={24} data-testid="verify-code" styles={{ input: { fontFamily: 'monospace' } }} />
                <Button type="submit" loading={busy} disabled={!reportNo.trim() || !code.trim()} data-testid="verify-submit" style={{ flexGrow: 0 }}>{t('verify.check')}</Button>
              </Group>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="qr" pt="sm">
            <form onSubmit={submitQr}>
              <Stack gap="xs">
                <Textarea label={t('verify.qrText')} value={qrText} onChange={(e) => setQrText(e.currentTarget.value)} autosize minRows={3} maxLength={2000} data-testid="verify-qr" styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
                <Button type="submit" loading={busy} disabled={!qrText.trim()} data-testid="verify-qr-submit" style={{ alignSelf: 'flex-end' }}>{t('verify.check')}</Button>
              </Stack>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="image" pt="sm">
            <FileInput label={t('verify.image')} accept="image/*" onChange={(f) => void fromImage(f)} clearable data-testid="verify-image" />
          </Tabs.Panel>
        </Tabs>
      </Card>
      <ErrorAlert error={error} />
      {result && <VerificationResult result={result} />}
    </Stack>
  );
}

/** Counts as the seal carries them: the personal sections, an entity report's sections, or a special report's fields. */
function countsText(result: ReportVerification, t: TFunction): string {
  if (result.entityCounts) {
    const label = (key: string) => t(result.kind === 'special' ? `verify.specialField.${key}` : `verify.entitySection.${key}`, { defaultValue: key });
    return result.entityCounts.map((c) => `${label(c.key)} ${c.count}`).join('；');
  }
  return REPORT_SECTIONS.map((s) => `${t(`section.${s}`)} ${result.counts?.[s] ?? t('verify.notInScope')}`).join('；');
}

function VerificationResult({ result }: { result: ReportVerification }) {
  const { t } = useTranslation();
  if (!result.genuine) {
    return (
      <Alert color="red" variant="filled" title={t('verify.notGenuine')} data-testid="verify-result" data-genuine="false">
        {result.failure ? t(`verify.failure.${result.failure}`) : null}
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light" title={t('verify.genuine')} data-testid="verify-result" data-genuine="true">
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          <Table.Tr><Table.Td>{t('verify.reportNo')}</Table.Td><Table.Td>{result.reportNo}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('verify.office')}</Table.Td><Table.Td>{result.office?.name ?? ''}（{result.office?.code}）</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('verify.issuedAt')}</Table.Td><Table.Td>{result.issuedAt ? chinaDateTime(result.issuedAt) : ''}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('verify.subject')}</Table.Td><Table.Td>{result.subjectNameMasked} {result.subjectIdMasked}</Table.Td></Table.Tr>
          <Table.Tr data-testid="verify-kind" data-kind={result.kind ?? ''}><Table.Td>{t('verify.kind')}</Table.Td><Table.Td>{result.kind ? t(`verify.kinds.${result.kind}`) : ''}</Table.Td></Table.Tr>
          {result.period && <Table.Tr><Table.Td>{t('verify.period')}</Table.Td><Table.Td>{t('verify.periodText', result.period)}</Table.Td></Table.Tr>}
          <Table.Tr>
            <Table.Td>{t(result.kind === 'special' ? 'verify.fields' : 'verify.counts')}</Table.Td>
            <Table.Td>{countsText(result, t)}</Table.Td>
          </Table.Tr>
          {result.copiesPrinted !== null && <Table.Tr><Table.Td>{t('verify.copies')}</Table.Td><Table.Td>{result.copiesPrinted}</Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
