import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDocument } from '../../../../shared/cases/caseTypes';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';

/** The receipt exactly as it prints: the stored standalone HTML in a sandboxed iframe; each print is counted. */
export function ReceiptPreview({ receipt }: { receipt: ReceiptDocument }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [doc, setDoc] = useState(receipt);
  const [error, setError] = useState<unknown>(null);
  async function print() {
    try {
      frame.current?.contentWindow?.print();
      setDoc(await call('cases.receiptPrinted', { id: doc.id }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Stack gap="xs" data-testid="receipt-preview">
      <Group justify="space-between">
        <Text fw={600}>{t('cases.receipt')} {doc.receiptNo}</Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">{t('cases.printed', { n: doc.copies })}</Text>
          <Button size="xs" onClick={() => void print()} data-testid="receipt-print">{t('cases.print')}</Button>
        </Group>
      </Group>
      <iframe ref={frame} title={doc.receiptNo} srcDoc={doc.html} sandbox="allow-modals allow-same-origin" style={{ width: '100%', height: 520, border: '1px solid #ccc', background: '#fff' }} />
      <ErrorAlert error={error} />
    </Stack>
  );
}
