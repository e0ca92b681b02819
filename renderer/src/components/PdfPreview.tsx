import { Alert, Box, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from '../../../shared/domain/report';
import { ErrorAlert } from './ErrorAlert';
import { canPrintThroughOs, osPrinters, pdfBlobUrl, printPdf, savePdf } from './printPdf';

/**
 * The PDF exactly as it prints, in the browser's own PDF viewer (a blob: URL of the core's bytes),
 * with print and save. `onDone` hears of a copy that left the console (job accepted, or file
 * saved), so the caller can count it; a cancelled or failed print is never reported.
 */
export function PdfPreview({ doc, name, onDone, height = '80vh' }: { doc: PdfDocument; name: string; onDone?: (kind: 'print' | 'pdf') => Promise<void>; height?: number | string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const stack = useRef<HTMLDivElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [printers, setPrinters] = useState<{ name: string; isDefault: boolean }[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const u = pdfBlobUrl(doc.pdfBase64);
    setUrl(u);
    setLoaded(false);
    setAsking(false);
    return () => URL.revokeObjectURL(u);
  }, [doc.pdfBase64]);
  useEffect(() => {
    if (!canPrintThroughOs()) return;
    void osPrinters().then((list) => {
      setPrinters(list);
      setPrinter((p) => p ?? list.find((x) => x.isDefault)?.name ?? list[0]?.name ?? null);
    });
  }, []);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const print = () =>
    run(async () => {
      const r = await printPdf(doc.pdfBase64, frame.current, printer);
      if (r.outcome === 'accepted') await onDone?.('print');
      else if (r.outcome === 'ask') setAsking(Boolean(onDone));
      else setError(new Error(t('pdf.failed', { reason: r.reason })));
    });
  const save = () =>
    run(async () => {
      if (await savePdf(doc.pdfBase64, name)) await onDone?.('pdf');
    });
  const confirm = (printed: boolean) =>
    run(async () => {
      setAsking(false);
      if (printed) await onDone?.('print');
    });

  return (
    <Stack gap="xs" data-testid="pdf-preview" data-sha256={doc.sha256} data-pages={doc.pages} ref={stack} tabIndex={-1} style={{ outline: 'none' }}>
      <Group gap="xs">
        {printers.length > 0 && (
          <Select size="xs" w={260} label={t('pdf.printer')} data={printers.map((p) => p.name)} value={printer} onChange={setPrinter} allowDeselect={false} data-testid="pdf-printer" />
        )}
        <Button size="xs" onClick={() => void print()} loading={busy} data-testid="pdf-print">{t('pdf.print')}</Button>
        <Button size="xs" variant="default" onClick={() => void save()} loading={busy} data-testid="pdf-save">{t('pdf.save')}</Button>
        <Text size="xs" c="dimmed">{t('pdf.pages', { n: doc.pages })}</Text>
        {onDone && <Text size="xs" c="dimmed" data-testid="pdf-counted">{t('pdf.counted')}</Text>}
      </Group>
      {asking && (
        <Alert color="blue" variant="light" data-testid="pdf-ask">
          <Group gap="xs">
            <Text size="sm">{t('pdf.ask')}</Text>
            <Button size="xs" onClick={() => void confirm(true)} data-testid="pdf-ask-yes">{t('pdf.yes')}</Button>
            <Button size="xs" variant="default" onClick={() => void confirm(false)} data-testid="pdf-ask-no">{t('pdf.no')}</Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={error} />
      {/* Not sandboxed: Chromium refuses to show a PDF in a sandboxed frame. The frame holds only the
          core's PDF bytes (blob: of type application/pdf), shown by the browser's viewer. */}
      {/* Keys pressed inside the viewer never reach the console (Escape, Alt+N), so Tab skips the
          frame, and focus comes back to the preview when the pointer leaves it. Until the viewer
          has the document, a plain "opening" state covers the frame instead of a dark blank. */}
      {url && (
        <Box pos="relative">
          {!loaded && (
            <Group gap="xs" justify="center" data-testid="pdf-loading" style={{ position: 'absolute', inset: 0, background: 'var(--mantine-color-gray-1)', border: '1px solid var(--mantine-color-gray-4)' }}>
              <Loader size="sm" data-pdf-loader />
              <Text size="sm" c="dimmed">{t('pdf.loading')}</Text>
            </Group>
          )}
          <iframe
            ref={frame}
            src={url}
            title={name}
            tabIndex={-1}
            data-testid="pdf-frame"
            onLoad={() => setLoaded(true)}
            onMouseLeave={() => {
              if (document.activeElement === frame.current) stack.current?.focus();
            }}
            style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)', background: loaded ? '#525659' : 'transparent', display: 'block' }}
          />
        </Box>
      )}
    </Stack>
  );
}
