import { Checkbox, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ScopeSection } from '../../../../shared/domain/report';
import type { AgentAuthorization } from '../../../../shared/contract/counter';
import { SCOPE_SECTIONS } from '../../../../shared/domain/report';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/contract/limits';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { DateField } from '../form/DateField';
import { rangeError } from '../form/dateRange';
import { idReasonMessage, type Locale } from '../../../../shared/i18n/errorMessages';
import { checkIdNumberPartial } from '../../../../shared/validators/idNumberPartial';
import { officeNow } from '../../state/officeClock';
import classes from './AgentForm.module.css';

/** The form holds exactly what counter.lookup accepts for an agent. */
export type AgentDraft = AgentAuthorization;
/** The same letter for another kind of scope: an entity's letter names the reports it covers (issue 24). */
export type AgentDraftOf<S extends string> = Omit<AgentDraft, 'scope'> & { scope: S[] };

export const EMPTY_AGENT: AgentDraft = { agentIdNumber: '', agentName: '', documentNo: '', scope: [], validFrom: '', validTo: '', notarised: false, attachmentSha256: null };

const MIME: Record<string, 'image/png' | 'image/jpeg' | 'application/pdf'> = { 'image/png': 'image/png', 'image/jpeg': 'image/jpeg', 'application/pdf': 'application/pdf' };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The agent's fields in the order the form shows them: the first with a problem gets the focus. */
export const AGENT_FIELDS = ['agentIdNumber', 'agentName', 'documentNo', 'validFrom', 'validTo', 'scope', 'letter'] as const;
export type AgentField = (typeof AGENT_FIELDS)[number];
export type AgentProblems = Partial<Record<AgentField, string>>;

/**
 * What the clerk can fix before the lookup, each in a sentence naming the field: what is missing,
 * an ID number that cannot be one, the end date before the start date. The core refuses the same
 * (the contract's schema, and checkAuthorization for the letter and the scope); the form says it
 * first so that one press shows every problem at once, the subject's and the agent's together.
 */
export function agentDraftProblems(value: AgentDraftOf<string>, t: TFunction, locale: Locale): AgentProblems {
  const problems: AgentProblems = {};
  const required = (field: AgentField) => t(`agent.required.${field}`);
  const id = value.agentIdNumber.trim();
  if (!id) problems.agentIdNumber = required('agentIdNumber');
  else {
    const check = checkIdNumberPartial(id, officeNow());
    const reason = !check.ok ? check.code : check.complete ? null : 'ID_LENGTH';
    if (reason) problems.agentIdNumber = idReasonMessage(reason, locale) ?? required('agentIdNumber');
  }
  if (!value.agentName.trim()) problems.agentName = required('agentName');
  if (!value.documentNo.trim()) problems.documentNo = required('documentNo');
  if (!value.validFrom) problems.validFrom = required('validFrom');
  if (!value.validTo) problems.validTo = required('validTo');
  const range = rangeError(value.validFrom, value.validTo);
  if (range) problems.validTo = t(range);
  if (value.scope.length === 0) problems.scope = required('scope');
  if (!value.attachmentSha256) problems.letter = required('letter');
  return problems;
}

/** The element to take the eye to for a field: its input, or the first box of a group. */
export const AGENT_FIELD_TARGET: Record<AgentField, string> = {
  agentIdNumber: '[data-testid="agent-id"]',
  agentName: '[data-testid="agent-name"]',
  documentNo: '[data-testid="agent-doc"]',
  validFrom: '[data-testid="agent-from"]',
  validTo: '[data-testid="agent-to"]',
  scope: '[data-testid="agent-scope"] input',
  letter: '[data-testid="agent-letter"]',
};

/**
 * Who the agent is and what the written authorization says, in two parts (the agent, then the
 * letter's scope and scan) that the counter lays side by side or one under the other; the letter
 * is uploaded as soon as it is chosen. `problems` are shown once the clerk has pressed 查询;
 * `errorOf` marks the fields the core refused (paths as in counter.lookup's input).
 */
export function AgentForm<S extends string = ScopeSection>({
  value,
  onChange,
  problems = {},
  errorOf = () => null,
  partClassName,
  readCard,
  identity,
  scopeChoices = SCOPE_SECTIONS as readonly string[] as readonly S[],
  scopeLabel,
}: {
  value: AgentDraftOf<S>;
  onChange: (next: AgentDraftOf<S>) => void;
  problems?: AgentProblems;
  errorOf?: (path: string) => string | null;
  partClassName?: string;
  /** The counter's "读卡" for the agent's own card, beside the part's title. */
  readCard?: ReactNode;
  /** How the agent's identity was taken: the card as read, or why it was typed. */
  identity?: ReactNode;
  /** What the letter can authorize: a person's report sections (the default), or an entity's reports. */
  scopeChoices?: readonly S[];
  scopeLabel?: (s: S) => string;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const set = (patch: Partial<AgentDraftOf<S>>) => onChange({ ...value, ...patch });
  // The range is said as soon as both dates are there, before any press.
  const range = rangeError(value.validFrom, value.validTo);
  const err = (field: AgentField, path: string = field) => problems[field] ?? errorOf(`applicant.${path}`);

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

  const sectionLabel = scopeLabel ?? ((s: S) => (s === 'query_history' ? t('agent.queryHistory') : t(`section.${s}`)));
  return (
    // `display: contents`: the two parts are the counter's grid items, side by side when it is wide.
    <div data-testid="agent-form" style={{ display: 'contents' }}>
      <Stack gap="xs" className={`${classes.part} ${partClassName ?? ''}`} data-testid="request-agent">
        <Group justify="space-between" gap="xs">
          <Title order={5}>{t('agent.title')}</Title>
          {readCard}
        </Group>
        <div className={classes.fields}>
          <TextInput label={t('agent.idNumber')} withAsterisk value={value.agentIdNumber} onChange={(e) => set({ agentIdNumber: e.currentTarget.value.toUpperCase() })} error={err('agentIdNumber')} maxLength={20} autoComplete="off" spellCheck={false} data-testid="agent-id" styles={{ input: { fontFamily: 'monospace' } }} />
          <TextInput label={t('agent.name')} withAsterisk value={value.agentName} onChange={(e) => set({ agentName: e.currentTarget.value })} error={err('agentName')} maxLength={40} autoComplete="off" data-testid="agent-name" />
          <TextInput label={t('agent.documentNo')} withAsterisk value={value.documentNo} onChange={(e) => set({ documentNo: e.currentTarget.value })} error={err('documentNo')} maxLength={60} autoComplete="off" data-testid="agent-doc" />
          <DateField label={t('agent.validFrom')} withAsterisk value={value.validFrom} onChange={(v) => set({ validFrom: v })} error={err('validFrom')} testId="agent-from" />
          <DateField label={t('agent.validTo')} withAsterisk value={value.validTo} onChange={(v) => set({ validTo: v })} error={range ? t(range) : err('validTo')} testId="agent-to" />
        </div>
        {identity}
      </Stack>
      <Stack gap="xs" className={partClassName} data-testid="request-letter">
        <Title order={5}>{t('agent.letterTitle')}</Title>
        <Checkbox.Group label={t('agent.scope')} withAsterisk error={err('scope')} value={value.scope} onChange={(v) => set({ scope: scopeChoices.filter((s) => v.includes(s)) })} data-testid="agent-scope">
          <Group gap="xs" mt={4}>
            {scopeChoices.map((s) => (
              <Checkbox key={s} value={s} label={sectionLabel(s)} data-testid={`scope-${s}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox label={t('agent.notarised')} checked={value.notarised} onChange={(e) => set({ notarised: e.currentTarget.checked })} data-testid="agent-notarised" />
        <FileInput label={t('agent.letter')} withAsterisk accept="image/png,image/jpeg,application/pdf" onChange={(f) => void upload(f)} error={fileProblem ?? err('letter', 'attachmentSha256')} clearable data-testid="agent-letter" />
        {uploading && <Text size="sm">{t('agent.uploading')}</Text>}
        {value.attachmentSha256 && <Text size="xs" c="dimmed" data-testid="agent-letter-ok">{t('agent.uploaded', { hash: value.attachmentSha256.slice(0, 16) })}</Text>}
        <ErrorAlert error={error} />
      </Stack>
    </div>
  );
}
