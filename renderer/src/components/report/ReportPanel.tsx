import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedReport, ReportDocument, ReportQuota } from '../../../../shared/domain/report';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { printDocument } from '../printDocument';
import { ErrorAlert } from '../ErrorAlert';

/**
 * Issue, preview and print the visit's report. The preview is the very document that prints, shown
 * in an isolated frame; printing registers the copy first and then prints the frame's own window.
 */
export function ReportPanel({ visitId }: { visitId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [quota, setQuota] = useState<ReportQuota | null>(null);
  const [issued, setIssued] = useState<IssuedReport | null>(null);
  const [confirmBeyond, setConfirmBeyond] = useState(false);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const printWhenLoaded = useRef(false);
  const [printCalls, setPrintCalls] = useState(0);

  useEffect(() => {
    call('report.quota', { visitId }).then((q) => {
      setQuota(q);
      setIssued(q.issued);
    }, setError);
  }, [visitId]);

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const issue = () =>
    run(async () => {
      const r = await call('report.issue', { visitId, confirmBeyondFree: confirmBeyond });
      setIssued(r);
      // The free-report count now includes this report.
      call('report.quota', { visitId }).then(setQuota, () => undefined);
      setDoc(await call('report.preview', { reportId: r.reportId, lang: locale }));
    });
  const preview = () => run(async () => issued && setDoc(await call('report.preview', { reportId: issued.reportId, lang: locale })));
  const print = () =>
    run(async () => {
      if (!issued) return;
      const printed = await call('report.print', { reportId: issued.reportId, lang: locale, kind: 'print' });
      setIssued({ ...issued, copiesPrinted: printed.copyNo });
      // The original's document equals its preview: the frame will not reload, so print it now.
      if (doc && doc.html === printed.html) printFrame(printed.html);
      else printWhenLoaded.current = true;
      setDoc(printed);
    });

  function printFrame(html = doc?.html) {
    if (!html) return;
    setPrintCalls((n) => n + 1);
    printDocument(frame.current, html).catch(setError);
  }

  function onFrameLoad() {
    if (!printWhenLoaded.current) return;
    printWhenLoaded.current = false;
    printFrame();
  }

  const needsConfirm = Boolean(quota?.nextBeyondFree && !issued);
  return (
    <Card withBorder data-testid="report-panel" data-print-calls={printCalls}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('report.title')}</Title>
          {quota && <Badge variant="light" color={quota.used >= quota.free ? 'orange' : 'blue'} data-testid="report-quota">{t('report.quota', { year: quota.year, used: quota.used, free: quota.free })}</Badge>}
        </Group>
        {needsConfirm && (
          <Alert color="orange" variant="light">
            <Stack gap={6}>
              <Text size="sm">{t('report.beyond')}</Text>
              <Checkbox label={t('report.confirmBeyond')} checked={confirmBeyond} onChange={(e) => setConfirmBeyond(e.currentTarget.checked)} data-testid="confirm-beyond" />
            </Stack>
          </Alert>
        )}
        {issued && (
          <Group gap="xs">
            <Text size="sm" data-testid="report-issued">{t('report.issued', { no: issued.reportNo, code: issued.verifyCode })}</Text>
            {issued.noRecord && <Badge color="gray">{t('report.noRecord')}</Badge>}
            {issued.beyondFree && <Badge color="orange">{t('report.beyondFree')}</Badge>}
            <Badge variant="outline" data-testid="report-copies">{t('report.copies', { n: issued.copiesPrinted })}</Badge>
          </Group>
        )}
        {issued && issued.copiesPrinted > 0 && <Text size="xs" c="dimmed">{t('report.reprintNote', { n: issued.copiesPrinted + 1 })}</Text>}
        <ErrorAlert error={error} />
        <Group>
          {!issued && <Button onClick={() => void issue()} loading={busy} disabled={needsConfirm && !confirmBeyond} data-testid="report-issue">{t('report.issue')}</Button>}
          {issued && <Button variant="default" onClick={() => void preview()} loading={busy} data-testid="report-preview">{t('report.preview')}</Button>}
          {/* One print button at a time: in the preview while it is open, here otherwise. */}
          {issued && !doc && <Button onClick={() => void print()} loading={busy} data-testid="report-print">{t('report.savePdf')}</Button>}
        </Group>
        {/* The counter's action column is narrow: the A4 preview opens over the screen instead. */}
        <Modal opened={Boolean(doc)} onClose={() => setDoc(null)} size="min(920px, 96vw)" title={issued ? t('report.issued', { no: issued.reportNo, code: issued.verifyCode }) : t('report.title')} data-testid="report-preview-modal">
          {doc && (
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="xs" c="dimmed">{t('report.pages', { n: doc.pages })}</Text>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setDoc(null)}>{t('report.closePreview')}</Button>
                  <Button size="xs" onClick={() => void print()} loading={busy} data-testid="report-print">{t('report.savePdf')}</Button>
                </Group>
              </Group>
              <iframe
                ref={frame}
                title={issued?.reportNo ?? t('report.title')}
                srcDoc={doc.html}
                onLoad={onFrameLoad}
                data-testid="report-frame"
                style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-gray-4)', background: '#d9d9d9' }}
              />
            </Stack>
          )}
        </Modal>
      </Stack>
    </Card>
  );
}
