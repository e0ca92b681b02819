import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedReport, ReportDocument, ReportQuota } from '../../../../shared/domain/report';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { PdfPreview } from '../PdfPreview';

/**
 * Issue, preview and print the visit's report. The preview is the PDF of the next copy, the very
 * bytes that print; the copy is counted only once its print job was accepted (or the file saved),
 * and then the next copy (a reprint, which says so on the page) is previewed.
 */
export function ReportPanel({ visitId, issueReport, title, before, issueDisabled = false }: {
  visitId: number;
  /** How this visit's report is issued: the personal report by default, an entity's report otherwise (issue 24). */
  issueReport?: (() => Promise<IssuedReport>) | undefined;
  title?: string | undefined;
  /** What the clerk chooses or is warned of before issuing (the special report's fields, stale data). */
  before?: ReactNode;
  issueDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [quota, setQuota] = useState<ReportQuota | null>(null);
  const [issued, setIssued] = useState<IssuedReport | null>(null);
  const [confirmBeyond, setConfirmBeyond] = useState(false);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
      const r = issueReport ? await issueReport() : await call('report.issue', { visitId, confirmBeyondFree: confirmBeyond });
      setIssued(r);
      // The free-report count now includes this report.
      call('report.quota', { visitId }).then(setQuota, () => undefined);
      setDoc(await call('report.preview', { reportId: r.reportId, lang: locale }));
    });
  const preview = () => run(async () => issued && setDoc(await call('report.preview', { reportId: issued.reportId, lang: locale })));
  async function printed(kind: 'print' | 'pdf') {
    if (!issued || !doc) return;
    const r = await call('report.printed', { reportId: issued.reportId, copyNo: doc.copyNo, kind });
    setIssued(r);
    const next = await call('report.preview', { reportId: issued.reportId, lang: locale });
    // The next copy replaces the preview only while it is open: a preview closed while the save
    // dialog or the print job was still running stays closed (it reopened itself as copy 2).
    setDoc((open) => (open ? next : null));
  }

  const needsConfirm = Boolean(quota?.nextBeyondFree && !issued);
  return (
    <Card withBorder data-testid="report-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{title ?? t('report.title')}</Title>
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
        {!issued && before}
        <ErrorAlert error={error} />
        <Group>
          {!issued && <Button onClick={() => void issue()} loading={busy} disabled={(needsConfirm && !confirmBeyond) || issueDisabled} data-testid="report-issue">{t('report.issue')}</Button>}
          {issued && <Button variant="default" onClick={() => void preview()} loading={busy} data-testid="report-preview">{t('report.preview')}</Button>}
        </Group>
        {/* The counter's action column is narrow: the A4 preview opens over the screen instead. */}
        <Modal opened={Boolean(doc && issued)} onClose={() => setDoc(null)} size="min(920px, 96vw)" title={issued ? t('report.issued', { no: issued.reportNo, code: issued.verifyCode }) : t('report.title')} data-testid="report-preview-modal">
          {doc && issued && (
            <Stack gap="xs">
              <Text size="sm" data-testid="report-copy" data-copy-no={doc.copyNo}>{t('report.copyLabel', { n: doc.copyNo, kind: t(doc.reprint ? 'report.reprint' : 'report.original') })}</Text>
              <PdfPreview doc={doc} name={issued.reportNo} onDone={printed} />
            </Stack>
          )}
        </Modal>
      </Stack>
    </Card>
  );
}
