import { Button, Card, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeResult } from '../../../../shared/cases/caseTypes';
import type { SubjectView } from '../../../../shared/domain/subjectView';
import { ObjectionForm } from './ObjectionForm';
import { ReceiptPreview } from './ReceiptPreview';
import { RepairForm } from './RepairForm';

/**
 * On the subject view: accept an objection or a repair application; both end in a printed receipt.
 * `onAnnotated` tells the view which records now carry the objection annotation, so the clerk sees
 * it at once without looking the person up again.
 */
export function CaseIntake({ visitId, view, onAnnotated }: { visitId: number; view: SubjectView; onAnnotated: (recordIds: number[]) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'objection' | 'repair' | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const close = () => {
    setMode(null);
    setResult(null);
  };
  const objected = (r: IntakeResult, recordIds: number[]) => {
    setResult(r);
    if (r.state === 'accepted') onAnnotated(recordIds);
  };
  const title = mode === 'repair' ? t('cases.applyRepair') : t('cases.acceptObjection');
  return (
    <Card withBorder data-testid="case-intake">
      <Group justify="space-between">
        <div>
          <Title order={5}>{t('cases.objection')} · {t('cases.repair')}</Title>
          <Text size="xs" c="dimmed">{t('cases.intakeHint')}</Text>
          {view.identity.kind === 'entity' && <Text size="xs" c="dimmed" data-testid="case-intake-entity">{t('cases.entityHint')}</Text>}
        </div>
        <Group gap="xs">
          <Button variant="light" onClick={() => setMode('objection')} data-testid="open-objection">{t('cases.acceptObjection')}</Button>
          <Button variant="light" color="teal" onClick={() => setMode('repair')} data-testid="open-repair">{t('cases.applyRepair')}</Button>
        </Group>
      </Group>
      <Modal opened={mode !== null} onClose={close} size="xl" title={result ? `${title} · ${t('cases.receipt')}` : title} data-testid="case-dialog">
        {result ? (
          <>
            <ReceiptPreview receipt={result.receipt} caseNo={result.caseNo} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close} data-testid="case-dialog-done">{t('cases.done')}</Button>
            </Group>
          </>
        ) : mode === 'objection' ? (
          <ObjectionForm visitId={visitId} view={view} onDone={objected} />
        ) : mode === 'repair' ? (
          <RepairForm visitId={visitId} view={view} onDone={setResult} />
        ) : null}
      </Modal>
    </Card>
  );
}
