import { Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionCase, RepairCase } from '../../../../shared/cases/caseTypes';
import { OBJECTION_OUTCOMES } from '../../../../shared/cases/caseTypes';

export type CaseAction = Record<string, unknown> & { action: string };

// Which of these need the manager's own words: a refusal or a decision must say why, so no
// placeholder reason is invented for them; routine steps fall back to the step's own name.
const REASON_REQUIRED = new Set(['reject', 'decide', 'deny', 'approve']);

/** The steps allowed from the case's current state, one button each; nothing else is offered. */
export function CaseActions({ c, busy, onAct }: { c: ObjectionCase | RepairCase; busy: boolean; onAct: (a: CaseAction) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string>('upheld');
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The corrected content's own message, at its own field (it used to be shown on the reason).
  const [contentProblem, setContentProblem] = useState<string | null>(null);
  const needsContent = c.kind === 'objection' && (outcome === 'corrected' || outcome === 'supplemented');

  async function act(a: CaseAction, label: string) {
    setProblem(null);
    setContentProblem(null);
    const why = reason.trim();
    if (REASON_REQUIRED.has(a.action) && !why) return setProblem(t('cases.errors.reasonRequired', { action: label }));
    if (why.length > 1000) return setProblem(t('cases.errors.reasonTooLong', { n: why.length, max: 1000 }));
    if (a.action === 'decide' && needsContent && !content.trim()) return setContentProblem(t('cases.errors.contentRequired'));
    const withReason = why ? { ...a, reason: why } : a.action === 'notify' ? { ...a, reason: label } : a;
    if (await onAct(withReason)) {
      setReason('');
      setContent('');
    }
  }
  const b = (action: CaseAction, label: string, color?: string) => (
    <Button key={action.action} size="xs" color={color} variant={color ? 'light' : 'filled'} loading={busy} onClick={() => void act(action, label)} data-testid={`case-action-${action.action}`}>{label}</Button>
  );

  const buttons: ReactNode[] = [];
  if (c.kind === 'objection') {
    if (c.state === 'received') buttons.push(b({ action: 'accept' }, t('cases.accept')), b({ action: 'reject' }, t('cases.reject'), 'red'));
    if (c.state === 'accepted') buttons.push(b({ action: 'verify', route: 'own' }, t('cases.verifyOwn')), b({ action: 'verify', route: 'provider' }, t('cases.verifyProvider'), 'blue'));
    if (c.state === 'verifying' && c.route === 'provider' && c.providerRepliedOn === null) buttons.push(b({ action: 'provider_reply' }, t('cases.providerReply'), 'blue'));
    if (c.state === 'decided') buttons.push(b({ action: 'notify' }, t('cases.notify')));
    if (c.state === 'notified' || c.state === 'rejected') buttons.push(b({ action: 'close' }, t('cases.close')));
  } else {
    if (c.state === 'received') buttons.push(b({ action: 'accept' }, t('cases.accept')), b({ action: 'reject' }, t('cases.reject'), 'red'));
    if (c.state === 'accepted' || c.state === 'forwarded') buttons.push(b({ action: 'approve' }, t('cases.approve'), 'teal'), b({ action: 'deny' }, t('cases.deny'), 'red'));
    if (c.state === 'accepted') buttons.push(b({ action: 'forward' }, t('cases.forward'), 'blue'));
    if (['approved', 'denied', 'rejected'].includes(c.state)) buttons.push(b({ action: 'close' }, t('cases.close')));
  }
  const deciding = c.kind === 'objection' && c.state === 'verifying';
  if (buttons.length === 0 && !deciding) return <Text size="sm" c="dimmed" data-testid="case-no-actions">{t('cases.noActions')}</Text>;
  return (
    <Stack gap="xs" data-testid="case-actions">
      <Textarea label={t('cases.reason')} description={t('cases.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxRows={6} error={problem} data-testid="case-reason" />
      {deciding && (
        <Group align="flex-end" gap="xs">
          <Select label={t('cases.outcome')} value={outcome} onChange={(v) => v && setOutcome(v)} data={OBJECTION_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))} allowDeselect={false} w={200} comboboxProps={{ withinPortal: true }} data-testid="decide-outcome" />
          {needsContent && <TextInput label={t('cases.correctedContent')} value={content} onChange={(e) => setContent(e.currentTarget.value)} maxLength={4000} style={{ flex: 1 }} error={contentProblem} data-testid="decide-content" />}
          {b({ action: 'decide', outcome, ...(needsContent && content.trim() ? { correctedContent: content.trim() } : {}) }, t('cases.decide'))}
        </Group>
      )}
      <Group gap="xs">{buttons}</Group>
    </Stack>
  );
}
