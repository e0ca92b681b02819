import { Checkbox, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeSection } from '../../../../shared/domain/report';
import type { AgentAuthorization } from '../../../../shared/contract/counter';
import { SCOPE_SECTIONS } from '../../../../shared/domain/report';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';

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

/** Who the agent is and what the written authorization says; the letter is uploaded as soon as it is chosen. */
export function AgentForm({ value, onChange }: { value: AgentDraft; onChange: (next: AgentDraft) => void }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<AgentDraft>) => onChange({ ...value, ...patch });

  async function upload(file: File | null) {
    set({ attachmentSha256: null });
    setError(null);
    if (!file) return;
    const mimeType = MIME[file.type];
    if (!mimeType) return setError(new Error(t('agent.letter')));
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
      <Group grow align="flex-start">
        <TextInput label={t('agent.idNumber')} value={value.agentIdNumber} onChange={(e) => set({ agentIdNumber: e.currentTarget.value.toUpperCase() })} maxLength={20} required data-testid="agent-id" styles={{ input: { fontFamily: 'monospace' } }} />
        <TextInput label={t('agent.name')} value={value.agentName} onChange={(e) => set({ agentName: e.currentTarget.value })} maxLength={40} required data-testid="agent-name" />
        <TextInput label={t('agent.documentNo')} value={value.documentNo} onChange={(e) => set({ documentNo: e.currentTarget.value })} maxLength={60} required data-testid="agent-doc" />
      </Group>
      <Group grow align="flex-start">
        <TextInput type="date" label={t('agent.validFrom')} value={value.validFrom} onChange={(e) => set({ validFrom: e.currentTarget.value })} required data-testid="agent-from" />
        <TextInput type="date" label={t('agent.validTo')} value={value.validTo} onChange={(e) => set({ validTo: e.currentTarget.value })} required data-testid="agent-to" />
        <Checkbox mt="xl" label={t('agent.notarised')} checked={value.notarised} onChange={(e) => set({ notarised: e.currentTarget.checked })} data-testid="agent-notarised" />
      </Group>
      <Checkbox.Group label={t('agent.scope')} value={value.scope} onChange={(v) => set({ scope: SCOPE_SECTIONS.filter((s) => v.includes(s)) })} data-testid="agent-scope">
        <Group gap="md" mt={4}>
          {SCOPE_SECTIONS.map((s) => (
            <Checkbox key={s} value={s} label={sectionLabel(s)} data-testid={`scope-${s}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <FileInput label={t('agent.letter')} accept="image/png,image/jpeg,application/pdf" onChange={(f) => void upload(f)} clearable data-testid="agent-letter" />
      {uploading && <Text size="sm">{t('agent.uploading')}</Text>}
      {value.attachmentSha256 && <Text size="xs" c="dimmed" data-testid="agent-letter-ok">{t('agent.uploaded', { hash: value.attachmentSha256.slice(0, 16) })}</Text>}
      <ErrorAlert error={error} />
    </Stack>
  );
}
