import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeResult } from '../../../../shared/cases/caseTypes';
import type { RepairCheckResult } from '../../../../shared/contract/cases';
import { deadlineText } from '../../../../shared/cases/provisionalDeadline';
import type { SubjectView } from '../../../../shared/domain/subjectView';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { eligibilityLine } from './eligibilityLine';
import { recordOptions } from './recordSections';

/** Repair intake from one negative record: eligibility first, then the evidence, then the receipt. */
export function RepairForm({ visitId, view, onDone }: { visitId: number; view: SubjectView; onDone: (r: IntakeResult) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [recordId, setRecordId] = useState<string | null>(null);
  const [check, setCheck] = useState<RepairCheckResult | null>(null);
  const [obligations, setObligations] = useState(false);
  const [commitment, setCommitment] = useState(false);
  const [training, setTraining] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const negatives = view.records.filter((r) => r.severity !== null && r.hiddenReason === null);

  async function choose(id: string | null) {
    setRecordId(id);
    setCheck(null);
    setError(null);
    setTried(false);
    if (!id) return;
    try {
      setCheck(await call('repair.check', { visitId, recordId: Number(id) }));
    } catch (err) {
      setError(err);
    }
  }
  const e = check?.eligibility;
  const eligible = e?.status === 'eligible' && !check?.openCase;
  // The two conditions the measures require before acceptance; said plainly rather than a dead button.
  const missing = [!obligations && t('cases.obligations'), !commitment && t('cases.commitment')].filter(Boolean).join('；');

  async function submit() {
    setTried(true);
    setError(null);
    if (!eligible || missing) return;
    setBusy(true);
    try {
      onDone(await call('repair.intake', { visitId, recordId: Number(recordId), evidence: { obligationsPerformed: obligations, creditCommitment: commitment, trainingCertificate: training.trim() || null, note: null } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const line = e ? eligibilityLine(t, locale, e) : null;
  return (
    <Stack data-testid="repair-form">
      {negatives.length === 0 && <Text size="sm" c="dimmed">{t('cases.noRepairCandidates')}</Text>}
      <Select label={t('cases.record')} placeholder={t('cases.chooseRecord')} value={recordId} onChange={(v) => void choose(v)} data={recordOptions(negatives, view.identity.kind === 'entity', locale, (r) => `${r.title} · ${r.documentNo}`)} data-testid="repair-record" />
      {line && (
        <Alert color={e?.status === 'eligible' ? 'teal' : 'orange'} data-testid="repair-eligibility" data-status={e?.status}>
          {t('cases.eligibility')}{t('colon')}{line}
          {check?.dueOn && e?.status === 'eligible' ? ` · ${t('cases.dueOn')} ${deadlineText(check.dueOn, check.arrangedThrough, locale)}` : ''}
        </Alert>
      )}
      {check?.openCase && <Alert color="orange" data-testid="repair-open-case">{t('cases.openRepair', { caseNo: check.openCase })}</Alert>}
      {eligible && (
        <>
          <Checkbox label={t('cases.obligations')} checked={obligations} onChange={(ev) => setObligations(ev.currentTarget.checked)} data-testid="repair-obligations" />
          <Checkbox label={t('cases.commitment')} checked={commitment} onChange={(ev) => setCommitment(ev.currentTarget.checked)} data-testid="repair-commitment" />
          <TextInput label={t('cases.training')} value={training} onChange={(ev) => setTraining(ev.currentTarget.value)} maxLength={200} data-testid="repair-training" />
          {tried && missing && <Text size="sm" c="red" data-testid="repair-missing">{t('cases.errors.conditions', { missing })}</Text>}
        </>
      )}
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={busy} disabled={!eligible} data-testid="repair-submit">{t('cases.submit')}</Button>
      </Group>
    </Stack>
  );
}
