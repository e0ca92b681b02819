import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printDocument } from '../printDocument';
import type { ReceiptDocument } from '../../../../shared/cases/caseTypes';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';

/** The receipt exactly as it prints: the stored standalone HTML in a sandboxed iframe; each print is counted. */
export function ReceiptPreview({ receipt, caseNo }: { receipt: ReceiptDocument; caseNo?: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [doc, setDoc] = useState(receipt);
  const [error, setError] = useState<unknown>(null);
  async function print() {
    setError(null);
    try {
      // Counted first: a copy that was handed out must be on record even if the print dialog fails.
      const printed = await call('cases.receiptPrinted', { id: doc.id });
      setDoc(printed);
      await printDocument(frame.current, printed.html);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Stack gap="xs" data-testid="receipt-preview">
      <Group justify="space-between">
        <div>
          {caseNo && <Text fw={700} data-testid="receipt-case-no">{t('cases.caseNo')}: {caseNo}</Text>}
          <Text size="sm">{t('cases.receipt')} <span data-testid="receipt-no">{doc.receiptNo}</span></Text>
        </div>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="receipt-copies">{t('cases.printed', { count: doc.copies })}</Text>
          <Button size="xs" onClick={() => void print()} data-testid="receipt-print">{t('cases.print')}</Button>
        </Group>
      </Group>
      <iframe ref={frame} title={doc.receiptNo} srcDoc={doc.html} sandbox="allow-modals allow-same-origin" data-testid="receipt-frame" style={{ width: '100%', height: 520, border: '1px solid var(--mantine-color-gray-4)', background: '#fff' }} />
      <ErrorAlert error={error} />
    </Stack>
  );
}
