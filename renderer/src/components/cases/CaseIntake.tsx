import { Alert, Button, Card, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeResult, ObjectionScope } from '../../../../shared/cases/caseTypes';
import { OBJECTION_SCOPES } from '../../../../shared/cases/caseTypes';
import type { RepairCheckResult } from '../../../../shared/contract/cases';
import type { SubjectView } from '../../../../shared/domain/subjectView';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { ReceiptPreview } from './ReceiptPreview';

/** On the subject view: accept an objection or a repair application; both end in a printed receipt. */
export function CaseIntake({ visitId, view, onDone }: { visitId: number; view: SubjectView; onDone?: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'objection' | 'repair' | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const close = () => {
    setMode(null);
    if (result) onDone?.();
    setResult(null);
  };
  return (
    <Card withBorder data-testid="case-intake">
      <Group justify="space-between">
        <Title order={5}>{t('cases.objection')} · {t('cases.repair')}</Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => setMode('objection')} data-testid="open-objection">{t('cases.acceptObjection')}</Button>
          <Button variant="light" color="teal" onClick={() => setMode('repair')} data-testid="open-repair">{t('cases.applyRepair')}</Button>
        </Group>
      </Group>
      <Modal opened={mode !== null} onClose={close} size="xl" title={mode === 'repair' ? t('cases.applyRepair') : t('cases.acceptObjection')}>
        {result ? <ReceiptPreview receipt={result.receipt} /> : mode === 'objection' ? <ObjectionForm visitId={visitId} view={view} onDone={setResult} /> : mode === 'repair' ? <RepairForm visitId={visitId} view={view} onDone={setResult} /> : null}
      </Modal>
    </Card>
  );
}

function ObjectionForm({ visitId, view, onDone }: { visitId: number; view: SubjectView; onDone: (r: IntakeResult) => void }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState<string[]>([]);
  const [scope, setScope] = useState<ObjectionScope>('wrong');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = view.records.filter((r) => r.status !== 'revoked' && r.status !== 'repaired');
  async function submit() {
    setBusy(true);
    try {
      onDone(await call('objection.intake', { visitId, recordIds: ids.map(Number), scope, description }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack>
      <Checkbox.Group label={t('cases.chooseRecords')} value={ids} onChange={setIds}>
        <Stack gap={4} mt={4}>
          {candidates.map((r) => (
            <Checkbox key={r.id} value={String(r.id)} label={`${r.title} · ${r.documentNo} · ${r.providerUnit}`} disabled={r.status === 'under_objection'} data-testid={`objection-record-${r.id}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select label={t('cases.scope')} value={scope} onChange={(v) => v && setScope(v as ObjectionScope)} data={OBJECTION_SCOPES.map((s) => ({ value: s, label: t(`cases.scopes.${s}`) }))} data-testid="objection-scope" allowDeselect={false} />
      <Textarea label={t('cases.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={2000} autosize minRows={3} data-testid="objection-description" />
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={busy} disabled={ids.length === 0 || description.trim() === ''} data-testid="objection-submit">{t('cases.submit')}</Button>
      </Group>
    </Stack>
  );
}

function RepairForm({ visitId, view, onDone }: { visitId: number; view: SubjectView; onDone: (r: IntakeResult) => void }) {
  const { t } = useTranslation();
  const [recordId, setRecordId] = useState<string | null>(null);
  const [check, setCheck] = useState<RepairCheckResult | null>(null);
  const [obligations, setObligations] = useState(false);
  const [commitment, setCommitment] = useState(false);
  const [training, setTraining] = useState('');
  const [error, setError] = useState<unknown>(null);
  const negatives = view.records.filter((r) => r.severity !== null && r.hiddenReason === null);
  async function choose(id: string | null) {
    setRecordId(id);
    setCheck(null);
    setError(null);
    if (!id) return;
    try {
      setCheck(await call('repair.check', { visitId, recordId: Number(id) }));
    } catch (err) {
      setError(err);
    }
  }
  async function submit() {
    try {
      onDone(await call('repair.intake', { visitId, recordId: Number(recordId), evidence: { obligationsPerformed: obligations, creditCommitment: commitment, trainingCertificate: training.trim() || null, note: null } }));
    } catch (err) {
      setError(err);
    }
  }
  const e = check?.eligibility;
  const line =
    !e ? null
    : e.status === 'eligible' ? t('cases.eligible', { since: e.since })
    : e.status === 'not_yet' ? t('cases.notYet', { date: e.earliestOn })
    : e.status === 'non_repairable' ? t('cases.nonRepairable', { rule: e.rule.label.zh })
    : e.status === 'expired' ? t('cases.expired', { date: e.publicationEndedOn })
    : e.status === 'not_published' ? t('cases.notPublished')
    : t('cases.notApplicable');
  return (
    <Stack>
      <Select label={t('cases.record')} value={recordId} onChange={(v) => void choose(v)} data={negatives.map((r) => ({ value: String(r.id), label: `${r.title} · ${r.documentNo}` }))} data-testid="repair-record" />
      {line && <Alert color={e?.status === 'eligible' ? 'teal' : 'orange'} data-testid="repair-eligibility">{t('cases.eligibility')}: {line}{check?.dueOn && e?.status === 'eligible' ? ` · ${t('cases.dueOn')} ${check.dueOn}` : ''}</Alert>}
      <Checkbox label={t('cases.obligations')} checked={obligations} onChange={(ev) => setObligations(ev.currentTarget.checked)} />
      <Checkbox label={t('cases.commitment')} checked={commitment} onChange={(ev) => setCommitment(ev.currentTarget.checked)} />
      <TextInput label={t('cases.training')} value={training} onChange={(ev) => setTraining(ev.currentTarget.value)} maxLength={200} />
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} disabled={e?.status !== 'eligible' || !obligations || !commitment} data-testid="repair-submit">{t('cases.submit')}</Button>
      </Group>
    </Stack>
  );
}
