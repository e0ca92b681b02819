import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind, NoticeDocument } from '../../../../shared/cases/caseTypes';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { PdfPreview } from '../PdfPreview';

/** The manager prints the decision notice (告知书) of a decided case for the subject. */
export function DecisionNotice({ kind, id }: { kind: CaseKind; id: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [doc, setDoc] = useState<NoticeDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      setDoc(await call('cases.notice', { kind, id, lang: locale }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button size="xs" variant="light" onClick={() => void open()} loading={busy} data-testid="case-notice">{t('notice.button')}</Button>
      <ErrorAlert error={error} />
      <Modal opened={doc !== null} onClose={() => setDoc(null)} size="xl" title={t('notice.title')}>
        {doc && <PdfPreview doc={doc} name={doc.noticeNo} height="70vh" />}
      </Modal>
    </>
  );
}
