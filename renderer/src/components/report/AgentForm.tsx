import { Checkbox, FileInput, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeSection } from '../../../../shared/domain/report';
import type { AgentAuthorization } from '../../../../shared/contract/counter';
import { SCOPE_SECTIONS } from '../../../../shared/domain/report';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/contract/limits';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { DateField } from '../form/DateField';
import { rangeError } from '../form/dateRange';

/** The form holds exactly what counter.lookup accepts for an agent. */
export type AgentDraft = AgentAuthorization;

export const EMPTY_AGENT: AgentDraft = { agentIdNumber: '', agentName: '', documentNo: '', scope: [], validFrom: '', validTo: '', notarised: false, attachmentSha256: null };

const MIME: Record<string, 'image/png' | 'image/jpeg' | 'application/pdf'> = { 'image/png': 'image/png', 'image/jpeg': 'image/jpeg', 'application/pdf': 'application/pdf' };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Problems the clerk can fix before the lookup: the end date before the start date. */
export function agentDraftProblem(value: AgentDraft): 'form.endBeforeStart' | null {
  return rangeError(value.validFrom, value.validTo);
}

/**
 * Who the agent is and what the written authorization says; the letter is uploaded as soon as it
 * is chosen. `errorOf` marks the fields the core refused (paths as in counter.lookup's input).
 */
export function AgentForm({ value, onChange, errorOf = () => null }: { value: AgentDraft; onChange: (next: AgentDraft) => void; errorOf?: (path: string) => string | null }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const set = (patch: Partial<AgentDraft>) => onChange({ ...value, ...patch });
  const range = agentDraftProblem(value);
  const err = (field: string) => errorOf(`applicant.${field}`);

  async function upload(file: File | null) {
    set({ attachmentSha256: null });
    setError(null);
    setFileProblem(null);
    if (!file) return;
    const mimeType = MIME[file.type];
    // Type and size are checked here so the clerk reads which file is wrong and why.
    if (!mimeType) return setFileProblem(t('form.fileType', { name: file.name }));
    if (file.size > ATTACHMENT_MAX_BYTES) return setFileProblem(t('cases.errors.fileTooLarge', { name: file.name, kb: Math.ceil(file.size / 1024), max: Math.floor(ATTACHMENT_MAX_BYTES / 1024) }));
    setUploading(true);
    try {
      const r = await call('attachment.upload', { fileName: file.name, mimeType, dataBase64: await base64Of(file) });
      onChange({ ...value, attachmentSha256: r.sha256 });
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  }

  const sectionLabel = (s: ScopeSection) => (s === 'query_history' ? t('agent.queryHistory') : t(`section.${s}`));
  return (
    <Stack gap="xs" data-testid="agent-form">
      <Title order={5}>{t('agent.title')}</Title>
      <SimpleGrid type="container" cols={{ base: 1, '420px': 2 }} spacing="xs" verticalSpacing="xs">
        <TextInput label={t('agent.idNumber')} withAsterisk value={value.agentIdNumber} onChange={(e) => set({ agentIdNumber: e.currentTarget.value.toUpperCase() })} error={err('agentIdNumber')} maxLength={20} data-testid="agent-id" styles={{ input: { fontFamily: 'monospace' } }} />
        <TextInput label={t('agent.name')} withAsterisk value={value.agentName} onChange={(e) => set({ agentName: e.currentTarget.value })} error={err('agentName')} maxLength={40} data-testid="agent-name" />
        <TextInput label={t('agent.documentNo')} withAsterisk value={value.documentNo} onChange={(e) => set({ documentNo: e.currentTarget.value })} error={err('documentNo')} maxLength={60} data-testid="agent-doc" />
        <DateField label={t('agent.validFrom')} withAsterisk value={value.validFrom} onChange={(v) => set({ validFrom: v })} error={err('validFrom')} testId="agent-from" />
        <DateField label={t('agent.validTo')} withAsterisk value={value.validTo} onChange={(v) => set({ validTo: v })} error={range ? t(range) : err('validTo')} testId="agent-to" />
      </SimpleGrid>
      <Checkbox label={t('agent.notarised')} checked={value.notarised} onChange={(e) => set({ notarised: e.currentTarget.checked })} data-testid="agent-notarised" />
      <Checkbox.Group label={t('agent.scope')} withAsterisk error={err('scope')} value={value.scope} onChange={(v) => set({ scope: SCOPE_SECTIONS.filter((s) => v.includes(s)) })} data-testid="agent-scope">
        <Group gap="xs" mt={4}>
          {SCOPE_SECTIONS.map((s) => (
            <Checkbox key={s} value={s} label={sectionLabel(s)} data-testid={`scope-${s}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <FileInput label={t('agent.letter')} accept="image/png,image/jpeg,application/pdf" onChange={(f) => void upload(f)} error={fileProblem ?? err('attachmentSha256')} clearable data-testid="agent-letter" />
      {uploading && <Text size="sm">{t('agent.uploading')}</Text>}
      {value.attachmentSha256 && <Text size="xs" c="dimmed" data-testid="agent-letter-ok">{t('agent.uploaded', { hash: value.attachmentSha256.slice(0, 16) })}</Text>}
      <ErrorAlert error={error} />
    </Stack>
  );
}
