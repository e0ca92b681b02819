import { Button, Checkbox, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeResult, ObjectionScope } from '../../../../shared/cases/caseTypes';
import { OBJECTION_SCOPES } from '../../../../shared/cases/caseTypes';
import type { SubjectView } from '../../../../shared/domain/subjectView';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { AttachmentPicker, type UploadedFile } from './AttachmentPicker';
import { recordsBySection } from './recordSections';
import { DESCRIPTION_MAX, objectionCandidates, objectionProblems, type ObjectionProblem } from './intakeChecks';

/** Objection intake: records, scope, the applicant's words, scans; accepted at the counter. */
export function ObjectionForm({ visitId, view, onDone }: { visitId: number; view: SubjectView; onDone: (r: IntakeResult, recordIds: number[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [ids, setIds] = useState<string[]>([]);
  const [scope, setScope] = useState<ObjectionScope>('wrong');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  // Shown only after a first attempt, so the empty form does not open covered in red.
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = objectionCandidates(view.records);
  // An entity's records under its report's sections; a person's as one list.
  const groups = view.identity.kind === 'entity' ? recordsBySection(candidates, locale) : [{ title: '', records: candidates }];
  const chosen = candidates.filter((r) => ids.includes(String(r.id)));
  const problems = objectionProblems(chosen, description);
  const say = (p: ObjectionProblem | undefined) => (p ? t(`cases.errors.${p.key}`, 'units' in p ? { units: p.units } : 'n' in p ? { n: p.n, max: p.max } : {}) : null);
  const length = description.trim().length;

  async function submit() {
    setTried(true);
    setError(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const recordIds = chosen.map((r) => r.id);
      onDone(await call('objection.intake', { visitId, recordIds, scope, description: description.trim(), attachments: files }), recordIds);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack data-testid="objection-form">
      <Checkbox.Group label={t('cases.chooseRecords')} value={ids} onChange={setIds} error={tried ? say(problems.find((p) => p.field === 'records')) : null} data-testid="objection-records">
        <Stack gap={4} mt={4}>
          {candidates.length === 0 && <Text size="sm" c="dimmed">{t('cases.noCandidates')}</Text>}
          {groups.map((g) => (
            <Stack key={g.title} gap={4} data-testid="objection-record-group">
              {g.title && <Text size="xs" fw={700} c="dimmed" mt={4} data-testid="objection-section">{g.title}</Text>}
              {g.records.map((r) => (
                <Checkbox
                  key={r.id}
                  value={String(r.id)}
                  label={[r.title, r.documentNo, r.providerUnit].filter(Boolean).join(' · ')}
                  description={r.status === 'under_objection' ? t('cases.alreadyDisputed') : undefined}
                  disabled={r.status === 'under_objection'}
                  data-testid="objection-record"
                />
              ))}
            </Stack>
          ))}
        </Stack>
      </Checkbox.Group>
      <Select label={t('cases.scope')} value={scope} onChange={(v) => v && setScope(v as ObjectionScope)} data={OBJECTION_SCOPES.map((s) => ({ value: s, label: t(`cases.scopes.${s}`) }))} data-testid="objection-scope" allowDeselect={false} />
      <Textarea
        label={t('cases.description')}
        description={t('cases.chars', { n: length, max: DESCRIPTION_MAX })}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={tried || length > DESCRIPTION_MAX ? say(problems.find((p) => p.field === 'description')) : null}
        autosize
        minRows={3}
        maxRows={10}
        data-testid="objection-description"
      />
      <AttachmentPicker value={files} onChange={setFiles} />
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={busy} data-testid="objection-submit">{t('cases.submit')}</Button>
      </Group>
    </Stack>
  );
}
