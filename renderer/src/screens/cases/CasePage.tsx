import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEvent, CaseKind, CaseRecordPair, ObjectionCase, RepairCase } from '../../../../shared/cases/caseTypes';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import { deadlineText } from '../../../../shared/cases/provisionalDeadline';
import { ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttachmentButtons, AttachmentViewer, type AttachmentRef } from '../../components/cases/AttachmentViewer';
import { DecisionNotice } from '../../components/cases/DecisionNotice';
import { ReceiptPreview } from '../../components/cases/ReceiptPreview';
import { applicantLine } from '../../components/cases/applicantLine';
import { eligibilityLine } from '../../components/cases/eligibilityLine';
import { useLocale } from '../../i18n';
import { CaseActions, type CaseAction } from './CaseActions';
import { CaseClock } from './CaseClock';

type AnyCase = ObjectionCase | RepairCase;

// Reasons the core writes itself (in English, for logs); shown to staff in their language.
const SYSTEM_REASONS: Record<string, string> = { 'accepted at the counter': 'cases.sysReason.counter', 'deadline passed': 'cases.sysReason.deadline' };

/** A case: state and deadlines, actions allowed now, records at intake vs now, full history, receipts. */
/**
 * `onLayer` tells the drawer around the page whether a layer of its own (the attachment viewer)
 * is open, so that Escape closes only the top layer: every Mantine layer listens for it.
 */
export function CasePage({ kind, id, onChanged, onLayer }: { kind: CaseKind; id: number; onChanged: () => void; onLayer?: (open: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [c, setC] = useState<AnyCase | null>(null);
  const [receipt, setReceipt] = useState<number | null>(null);
  const [viewing, setViewing] = useState<AttachmentRef | null>(null);
  useEffect(() => onLayer?.(viewing !== null), [viewing, onLayer]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fetchCase = useCallback(() => (kind === 'objection' ? call('objection.get', { id }) : call('repair.get', { id })), [kind, id]);
  useEffect(() => {
    void fetchCase().then(setC, setError);
  }, [fetchCase]);
  async function act(input: CaseAction): Promise<boolean> {
    setError(null);
    setBusy(true);
    try {
      // The version shown goes with the step, so a case changed meanwhile is refused, never overwritten.
      const sent = { id, version: c?.version, ...input };
      setC(kind === 'objection' ? await call('objection.act', sent as never) : await call('repair.act', sent as never));
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      // Someone else moved the case on: show where it is now (the sentence says who, what and when),
      // so the offered steps are the right ones and the next step carries the new version.
      if (err instanceof ApiError && (err.body.code === 'CASE_CHANGED' || err.body.code === 'ILLEGAL_TRANSITION')) {
        void fetchCase().then((fresh) => {
          setC(fresh);
          onChanged();
        }, () => undefined);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }
  if (!c) return <ErrorAlert error={error} />;
  const dueOn = c.kind === 'objection' ? c.deadlines.dueOn : c.dueOn;
  const gap = c.kind === 'objection' ? c.deadlines.calendarGap : c.calendarGap;
  const arrangedThrough = c.kind === 'objection' ? c.deadlines.arrangedThrough : c.arrangedThrough;
  const pairs = c.kind === 'objection' ? c.records : [c.record];
  const open = c.closedAt === null && !['decided', 'notified', 'approved', 'denied', 'rejected'].includes(c.state);
  const reason = (e: CaseEvent) => (e.reason && SYSTEM_REASONS[e.reason] ? t(SYSTEM_REASONS[e.reason]!) : (e.reason ?? ''));
  const step = (e: CaseEvent) =>
    e.action === 'received' ? t('cases.events.received')
    : e.toState && e.fromState ? `${t(`cases.states.${e.fromState}`)} → ${t(`cases.states.${e.toState}`)}` : e.toState ? t(`cases.states.${e.toState}`) : t(`cases.events.${e.action}`, { defaultValue: e.action });
  return (
    <Stack data-testid="case-page">
      <Group>
        <Text ff="monospace" fw={700} data-testid="case-no">{c.caseNo}</Text>
        <Badge data-testid="case-state" data-state={c.state}>{t(`cases.states.${c.state}`)}</Badge>
        {c.overdue && <Badge color="red">{t('cases.daysLate', { count: c.daysLate })}</Badge>}
        {c.escalatedAt && <Badge color="orange">{t('cases.escalated')}</Badge>}
        {c.kind === 'objection' && c.paused && <Badge color="gray">{t('cases.paused')}</Badge>}
      </Group>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
        <Text size="sm" data-testid="case-subject">
          {t('cases.subject')}{t('colon')}{c.subjectKind === 'entity' && `${c.subjectName} `}<Text span ff="monospace">{c.idNumberMasked}</Text> · {applicantLine(t, c)}
        </Text>
        <Text size="sm">{t('cases.provider')}{t('colon')}{c.providerUnit}</Text>
        <Text size="sm">{t('cases.received')}{t('colon')}{c.receivedOn}</Text>
        <Text size="sm" data-testid="case-due">
          {t('cases.dueOn')}{t('colon')}{!open ? t('cases.noDeadline') : dueOn ? deadlineText(dueOn, arrangedThrough, locale) : gap ? t('cases.calendarGap', { year: gap.slice(0, 4) }) : '—'}
        </Text>
        {c.kind === 'objection' && <Text size="sm">{t('cases.scope')}{t('colon')}{t(`cases.scopes.${c.scope}`)}</Text>}
        {c.kind === 'objection' && c.route && <Text size="sm">{t('cases.route')}{t('colon')}{t(`cases.routes.${c.route}`)}</Text>}
        {c.kind === 'objection' && c.outcome && <Text size="sm" data-testid="case-outcome">{t('cases.outcome')}{t('colon')}{t(`cases.outcomes.${c.outcome}`)}</Text>}
        <Text size="sm">{t('cases.assignee')}{t('colon')}{c.assignee ?? t('cases.unassigned')}</Text>
      </SimpleGrid>
      {c.kind === 'objection' && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}><b>{t('cases.description')}:</b> {c.description}</Text>}
      {c.kind === 'objection' && c.attachments.length > 0 && (
        <Group gap="xs" data-testid="case-attachments"><Text size="sm">{t('cases.attachments')}:</Text><AttachmentButtons files={c.attachments} onOpen={setViewing} /></Group>
      )}
      <AttachmentViewer file={viewing} onClose={() => setViewing(null)} />
      {c.kind === 'repair' && <Text size="sm" data-testid="case-eligibility">{t('cases.eligibility')}{t('colon')}{eligibilityLine(t, locale, c.eligibility)}</Text>}
      {c.kind === 'repair' && <Text size="sm">{t('cases.evidence')}{t('colon')}{[c.evidence.obligationsPerformed && t('cases.obligations'), c.evidence.creditCommitment && t('cases.commitment'), c.evidence.trainingCertificate && `${t('cases.training')} ${c.evidence.trainingCertificate}`].filter(Boolean).join('；')}</Text>}
      {c.kind === 'objection' && c.closedAt === null && <CaseClock c={c} busy={busy} onAct={act} />}
      {/* Not remounted when the case moves: a step refused because someone else moved the case
          (CASE_CHANGED) keeps the reason the manager typed; a step that succeeds clears it itself. */}
      <CaseActions c={c} busy={busy} onAct={act} />
      {c.decidedAt !== null && (c.kind === 'repair' || c.outcome !== null) && <Group><DecisionNotice kind={c.kind} id={c.id} /></Group>}
      <ErrorAlert error={error} />
      <Title order={5}>{t('cases.recordsBoth')}</Title>
      <RecordPairs pairs={pairs} />
      <Title order={5}>{t('cases.history')}</Title>
      <Table data-testid="case-history" fz="sm">
        <Table.Tbody>
          {c.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td w={150}>{chinaDateTime(e.at)}</Table.Td>
              <Table.Td w={90}>{e.actor ?? t('cases.system')}</Table.Td>
              <Table.Td w={190}>{step(e)}</Table.Td>
              <Table.Td>{reason(e)}{e.action === 'escalated' ? ` (${String(e.detail.providerUnit)}, ${t('cases.daysLate', { count: Number(e.detail.daysLate) })})` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('cases.receipts')}</Title>
      <Group gap="xs">
        {c.receipts.map((rc) => <Button key={rc.id} size="xs" variant="subtle" onClick={() => setReceipt(rc.id)} data-testid="case-receipt">{rc.receiptNo} ({t('cases.printed', { count: rc.copies })})</Button>)}
      </Group>
      {receipt !== null && <ReceiptLoader id={receipt} />}
    </Stack>
  );
}

function RecordPairs({ pairs }: { pairs: CaseRecordPair[] }) {
  const { t } = useTranslation();
  const status = (s: string | undefined) => (s ? t(`cases.recordStatus.${s}`, { defaultValue: s }) : '—');
  return (
    <Table fz="sm" data-testid="case-records">
      <Table.Thead><Table.Tr><Table.Th>{t('cases.record')}</Table.Th><Table.Th>{t('cases.atIntake')}</Table.Th><Table.Th>{t('cases.now')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {pairs.map((p) => (
          <Table.Tr key={p.recordId}>
            <Table.Td>{p.atIntake.title}<br /><Text size="xs" c="dimmed">{p.atIntake.documentNo}</Text></Table.Td>
            <Table.Td>{p.atIntake.content}<br /><Badge size="xs" variant="light">{status(p.atIntake.status)}</Badge></Table.Td>
            <Table.Td>{p.now?.content ?? '—'}<br /><Badge size="xs" variant="light" data-testid="record-now-status" data-status={p.now?.status}>{status(p.now?.status)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReceiptLoader({ id }: { id: number }) {
  const [doc, setDoc] = useState<Awaited<ReturnType<typeof call<'cases.receipt'>>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void call('cases.receipt', { id }).then(setDoc, setError);
  }, [id]);
  return doc ? <ReceiptPreview key={doc.id} receipt={doc} /> : <ErrorAlert error={error} />;
}
