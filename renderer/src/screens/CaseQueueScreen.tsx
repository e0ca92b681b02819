import { Badge, Button, Checkbox, Drawer, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind, ObjectionCase, QueueRow, RepairCase, WorkloadRow } from '../../../shared/cases/caseTypes';
import { OBJECTION_OUTCOMES } from '../../../shared/cases/caseTypes';
import { chinaDateTime } from '../../../shared/time';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ReceiptPreview } from '../components/cases/ReceiptPreview';

const ROW_HEIGHT = 40;

/** The manager's queue: due-soon and overdue first, filtered and paged in the core, virtualised rows. */
export function CaseQueueScreen() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseKind>('objection');
  const [due, setDue] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [staff, setStaff] = useState<{ id: number; name: string }[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [workload, setWorkload] = useState<WorkloadRow[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const parent = useRef<HTMLDivElement>(null);

  const input = useCallback(
    (c: string | null) => ({ kind, cursor: c, limit: 200, ...(due === 'all' ? {} : { due: due as 'overdue' | 'due_soon' }), ...(search.trim() ? { search: search.trim() } : {}) }),
    [kind, due, search],
  );
  const load = useCallback(async () => {
    try {
      const page = await call('cases.queue', input(null));
      setRows(page.rows);
      setCursor(page.nextCursor);
      setTotal(page.total);
      setSelected(new Set());
      setWorkload(await call('cases.workload', { kind }));
    } catch (err) {
      setError(err);
    }
  }, [input, kind]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void call('cases.staff', {}).then(setStaff, setError);
  }, []);

  const virt = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virt.getVirtualItems();
  useEffect(() => {
    const last = items.at(-1);
    if (!last || !cursor || last.index < rows.length - 20) return;
    const c = cursor;
    setCursor(null);
    void call('cases.queue', input(c)).then((page) => {
      setRows((r) => [...r, ...page.rows]);
      setCursor(page.nextCursor);
    }, setError);
  }, [items, cursor, rows.length, input]);

  async function assign() {
    try {
      await call('cases.assign', { kind, ids: [...selected], assigneeId: assignee ? Number(assignee) : null });
      await load();
    } catch (err) {
      setError(err);
    }
  }
  const cols = '32px 170px 110px 170px 1fr 110px 150px 120px';
  return (
    <Stack data-testid="case-queue">
      <Group justify="space-between">
        <Title order={3}>{t('cases.queue')}</Title>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as CaseKind)} data={[{ value: 'objection', label: t('cases.objection') }, { value: 'repair', label: t('cases.repair') }]} />
      </Group>
      <Group>
        <SegmentedControl value={due} onChange={setDue} data={[{ value: 'all', label: t('cases.all') }, { value: 'overdue', label: t('cases.overdue') }, { value: 'due_soon', label: t('cases.dueSoon') }]} data-testid="queue-due" />
        <TextInput placeholder={t('cases.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} data-testid="queue-search" />
        <Text size="sm" c="dimmed">{t('cases.total', { n: total })}</Text>
        <Select placeholder={t('cases.assignTo')} data={staff.map((s) => ({ value: String(s.id), label: s.name }))} value={assignee} onChange={setAssignee} w={180} />
        <Button disabled={selected.size === 0 || !assignee} onClick={() => void assign()}>{t('cases.assign')} ({selected.size})</Button>
      </Group>
      <ErrorAlert error={error} />
      <div style={{ display: 'grid', gridTemplateColumns: cols, fontWeight: 600, fontSize: 13, padding: '0 8px' }}>
        <span />
        <span>{t('cases.caseNo')}</span>
        <span>{t('cases.state')}</span>
        <span>{t('cases.due')}</span>
        <span>{t('cases.provider')}</span>
        <span>{t('cases.received')}</span>
        <span>{t('cases.subject')}</span>
        <span>{t('cases.assignee')}</span>
      </div>
      <div ref={parent} style={{ height: 460, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)' }} data-testid="queue-rows">
        <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]!;
            return (
              <div key={r.id} data-testid="queue-row" data-case-no={r.caseNo} onClick={() => setOpenId(r.id)}
                style={{ position: 'absolute', top: v.start, height: ROW_HEIGHT, width: '100%', display: 'grid', gridTemplateColumns: cols, alignItems: 'center', padding: '0 8px', cursor: 'pointer', fontSize: 13, borderBottom: '1px solid var(--mantine-color-gray-2)', background: r.overdue ? 'var(--mantine-color-red-0)' : undefined }}>
                <Checkbox size="xs" checked={selected.has(r.id)} onClick={(e) => e.stopPropagation()} onChange={(e) => {
                  const next = new Set(selected);
                  if (e.currentTarget.checked) next.add(r.id);
                  else next.delete(r.id);
                  setSelected(next);
                }} />
                <Text size="sm" ff="monospace">{r.caseNo}</Text>
                <span>{t(`cases.states.${r.state}`)}</span>
                <span>
                  {r.calendarGap ? <Badge color="orange" size="sm">{t('cases.calendarGap', { year: r.calendarGap.slice(0, 4) })}</Badge>
                    : r.overdue ? <Badge color="red" size="sm">{r.dueOn} · {t('cases.daysLate', { n: r.daysLate })}</Badge>
                    : r.dueOn ? <Text size="sm">{r.dueOn}{r.daysLeft !== null ? ` · ${t('cases.daysLeft', { n: r.daysLeft })}` : ''}</Text> : '—'}
                  {r.paused && <Badge size="xs" ml={4}>{t('cases.paused')}</Badge>}
                </span>
                <Text size="sm" truncate>{r.providerUnit}</Text>
                <span>{r.receivedOn}</span>
                <Text size="sm" ff="monospace">{r.idNumberMasked}</Text>
                <span>{r.assignee ?? t('cases.unassigned')}</span>
              </div>
            );
          })}
        </div>
      </div>
      <Title order={5}>{t('cases.workload')}</Title>
      <Table w={520}>
        <Table.Thead><Table.Tr><Table.Th>{t('cases.assignee')}</Table.Th><Table.Th>{t('cases.open')}</Table.Th><Table.Th>{t('cases.overdue')}</Table.Th><Table.Th>{t('cases.dueSoon')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {workload.map((w) => (
            <Table.Tr key={w.assigneeId ?? 0}><Table.Td>{w.assignee ?? t('cases.unassigned')}</Table.Td><Table.Td>{w.open}</Table.Td><Table.Td>{w.overdue}</Table.Td><Table.Td>{w.dueSoon}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer opened={openId !== null} onClose={() => { setOpenId(null); void load(); }} position="right" size="xl" title={t(`cases.${kind}`)}>
        {openId !== null && <CasePage kind={kind} id={openId} />}
      </Drawer>
    </Stack>
  );
}

type AnyCase = ObjectionCase | RepairCase;

/** A case: state and deadlines, actions allowed now, records at intake vs now, full history, receipts. */
function CasePage({ kind, id }: { kind: CaseKind; id: number }) {
  const { t } = useTranslation();
  const [c, setC] = useState<AnyCase | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string>('upheld');
  const [content, setContent] = useState('');
  const [receipt, setReceipt] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void (kind === 'objection' ? call('objection.get', { id }) : call('repair.get', { id })).then(setC, setError);
  }, [kind, id]);
  async function act(input: Record<string, unknown>) {
    setError(null);
    try {
      setC(kind === 'objection' ? await call('objection.act', { id, ...input } as never) : await call('repair.act', { id, ...input } as never));
      setReason('');
    } catch (err) {
      setError(err);
    }
  }
  if (!c) return <ErrorAlert error={error} />;
  const r = reason.trim() || t(`cases.states.${c.state}`);
  const pairs = c.kind === 'objection' ? c.records : [c.record];
  return (
    <Stack data-testid="case-page">
      <Group>
        <Text ff="monospace" fw={700} data-testid="case-no">{c.caseNo}</Text>
        <Badge data-testid="case-state">{t(`cases.states.${c.state}`)}</Badge>
        {c.overdue && <Badge color="red">{t('cases.daysLate', { n: c.daysLate })}</Badge>}
        {c.escalatedAt && <Badge color="orange">{t('cases.escalated')}</Badge>}
        <Text size="sm">{t('cases.dueOn')}: {c.kind === 'objection' ? (c.deadlines.dueOn ?? '—') : (c.dueOn ?? '—')}</Text>
        <Text size="sm">{t('cases.provider')}: {c.providerUnit}</Text>
      </Group>
      <Textarea label={t('cases.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} data-testid="case-reason" />
      <Group gap="xs">
        {c.kind === 'objection' && c.state === 'received' && <><Button size="xs" onClick={() => void act({ action: 'accept' })}>{t('cases.accept')}</Button><Button size="xs" color="red" variant="light" onClick={() => void act({ action: 'reject', reason: r })}>{t('cases.reject')}</Button></>}
        {c.kind === 'objection' && c.state === 'accepted' && <><Button size="xs" onClick={() => void act({ action: 'verify', route: 'own' })} data-testid="verify-own">{t('cases.verifyOwn')}</Button><Button size="xs" variant="light" onClick={() => void act({ action: 'verify', route: 'provider' })}>{t('cases.verifyProvider')}</Button></>}
        {c.kind === 'objection' && c.state === 'verifying' && (
          <>
            <Select size="xs" value={outcome} onChange={(v) => v && setOutcome(v)} data={OBJECTION_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))} allowDeselect={false} data-testid="decide-outcome" />
            {(outcome === 'corrected' || outcome === 'supplemented') && <TextInput size="xs" placeholder={t('cases.correctedContent')} value={content} onChange={(e) => setContent(e.currentTarget.value)} />}
            <Button size="xs" onClick={() => void act({ action: 'decide', outcome, reason: r, ...(content.trim() ? { correctedContent: content.trim() } : {}) })} data-testid="decide">{t('cases.decide')}</Button>
          </>
        )}
        {c.kind === 'objection' && c.state === 'decided' && <Button size="xs" onClick={() => void act({ action: 'notify', reason: r })}>{t('cases.notify')}</Button>}
        {((c.kind === 'objection' && (c.state === 'notified' || c.state === 'rejected')) || (c.kind === 'repair' && ['approved', 'denied', 'rejected'].includes(c.state))) && <Button size="xs" onClick={() => void act({ action: 'close' })}>{t('cases.close')}</Button>}
        {c.kind === 'repair' && (c.state === 'accepted' || c.state === 'forwarded') && (
          <>
            <Button size="xs" color="teal" onClick={() => void act({ action: 'approve', reason: r })}>{t('cases.approve')}</Button>
            <Button size="xs" color="red" variant="light" onClick={() => void act({ action: 'deny', reason: r })}>{t('cases.deny')}</Button>
            {c.state === 'accepted' && <Button size="xs" variant="light" onClick={() => void act({ action: 'forward' })}>{t('cases.forward')}</Button>}
          </>
        )}
      </Group>
      <ErrorAlert error={error} />
      <Title order={5}>{t('cases.recordsBoth')}</Title>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>{t('cases.record')}</Table.Th><Table.Th>{t('cases.atIntake')}</Table.Th><Table.Th>{t('cases.now')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => (
            <Table.Tr key={p.recordId}>
              <Table.Td>{p.atIntake.title}<br /><Text size="xs" c="dimmed">{p.atIntake.documentNo}</Text></Table.Td>
              <Table.Td>{p.atIntake.content}<br /><Badge size="xs" variant="light">{p.atIntake.status}</Badge></Table.Td>
              <Table.Td>{p.now?.content ?? '—'}<br /><Badge size="xs" variant="light" data-testid="record-now-status">{p.now?.status ?? '—'}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('cases.history')}</Title>
      <Table data-testid="case-history">
        <Table.Tbody>
          {c.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{chinaDateTime(e.at)}</Table.Td>
              <Table.Td>{e.actor ?? '—'}</Table.Td>
              <Table.Td>{e.fromState ? t(`cases.states.${e.fromState}`) : ''} → {e.toState ? t(`cases.states.${e.toState}`) : e.action}</Table.Td>
              <Table.Td>{e.reason ?? ''}{e.action === 'escalated' ? ` (${String(e.detail.providerUnit)}, ${t('cases.daysLate', { n: Number(e.detail.daysLate) })})` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('cases.receipts')}</Title>
      <Group gap="xs">
        {c.receipts.map((rc) => <Button key={rc.id} size="xs" variant="subtle" onClick={() => setReceipt(rc.id)}>{rc.receiptNo} ({t('cases.printed', { n: rc.copies })})</Button>)}
      </Group>
      {receipt !== null && <ReceiptLoader id={receipt} />}
    </Stack>
  );
}

function ReceiptLoader({ id }: { id: number }) {
  const [doc, setDoc] = useState<Awaited<ReturnType<typeof call<'cases.receipt'>>> | null>(null);
  useEffect(() => {
    void call('cases.receipt', { id }).then(setDoc);
  }, [id]);
  return doc ? <ReceiptPreview key={doc.id} receipt={doc} /> : null;
}
