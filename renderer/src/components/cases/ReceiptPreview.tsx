import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDocument } from '../../../../shared/cases/caseTypes';
import { call } from '../../api/client';
import { PdfPreview } from '../PdfPreview';

/** The receipt's PDF exactly as it prints; a copy is counted once its print job was accepted. */
export function ReceiptPreview({ receipt, caseNo }: { receipt: ReceiptDocument; caseNo?: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState(receipt);
  async function printed() {
    setDoc(await call('cases.receiptPrinted', { id: doc.id, copyNo: doc.copyNo }));
  }
  return (
    <Stack gap="xs" data-testid="receipt-preview">
      <Group justify="space-between">
        <div>
          {caseNo && <Text fw={700} data-testid="receipt-case-no">{t('cases.caseNo')}{t('colon')}{caseNo}</Text>}
          <Text size="sm">{t('cases.receipt')} <span data-testid="receipt-no">{doc.receiptNo}</span></Text>
        </div>
        <Text size="sm" c="dimmed" data-testid="receipt-copies">{t('cases.printed', { count: doc.copies })}</Text>
      </Group>
      <PdfPreview doc={doc} name={doc.receiptNo} onDone={printed} height={520} />
    </Stack>
  );
}
