import { Badge, Button, Checkbox, Drawer, Group, SegmentedControl, Select, Stack, Switch, Table, Text, ThemeIcon, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFlag, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind, QueueRow, WorkloadRow } from '../../../shared/cases/caseTypes';
import { provisionalNote } from '../../../shared/cases/provisionalDeadline';
import { sortProviders } from '../../../shared/rules/providerOrder';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLocale } from '../i18n';
import { CasePage } from './cases/CasePage';
import { EMPTY_FILTER, QueueFilters, queueInput, type QueueFilter } from './cases/QueueFilters';

const ROW_HEIGHT = 40;

type SortKey = 'due' | 'received' | 'case_no' | 'state' | 'provider' | 'assignee';
type Sort = { key: SortKey; dir: 'asc' | 'desc' };
/** First click on a column: the most useful order (urgent deadlines first, newest first, A–Z). */
const FIRST_DIR: Record<SortKey, 'asc' | 'desc'> = { due: 'asc', received: 'desc', case_no: 'desc', state: 'asc', provider: 'asc', assignee: 'asc' };

function SortHeader({ label, col, sort, onSort }: { label: string; col: SortKey; sort: Sort; onSort: (s: Sort) => void }) {
  const active = sort.key === col;
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton onClick={() => onSort(active ? { key: col, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key: col, dir: FIRST_DIR[col] })}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} data-testid={`sort-${col}`} data-dir={active ? sort.dir : undefined}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 2, fontWeight: 600, fontSize: 13, whiteSpace: 'nowrap' }}>
      {label}<Icon size={14} opacity={active ? 1 : 0.4} />
    </UnstyledButton>
  );
}

/** The manager's queue: due-soon and overdue first, filtered and paged in the core, virtualised rows. */
export function CaseQueueScreen() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseKind>('objection');
  const [filter, setFilter] = useState<QueueFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'due', dir: 'asc' });
  const [mine, setMine] = useState(false);
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<{ n: number; capped: boolean }>({ n: 0, capped: false });
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [staff, setStaff] = useState<{ id: number; name: string }[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [workload, setWorkload] = useState<WorkloadRow[]>([]);
  const [providers, setProviders] = useState<string[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A layer open inside the case drawer (the attachment viewer) takes Escape for itself.
  const [innerLayer, setInnerLayer] = useState(false);
  const [rules, setRules] = useState<string | null>(null);
  const locale = useLocale();
  const parent = useRef<HTMLDivElement>(null);

  // The core matches a provider exactly: half-typed names are not sent (they would empty the list).
  const knownProvider = providers.includes(filter.provider.trim());
  const effective = useMemo(() => ({ ...filter, provider: knownProvider ? filter.provider : '' }), [filter, knownProvider]);
  const input = useCallback(
    (c: string | null) => ({ ...queueInput(kind, effective), ...(mine ? { mine: true } : {}), sort: sort.key, dir: sort.dir, cursor: c, limit: 200 }),
    [kind, effective, mine, sort],
  );
  const load = useCallback(async () => {
    setError(null);
    try {
      const page = await call('cases.queue', input(null));
      setRows(page.rows);
      setCursor(page.nextCursor);
      setTotal({ n: page.total, capped: page.totalCapped });
      // Same array when nothing new was seen: a new one would re-run this load (it feeds `effective`).
      setProviders((p) => {
        const next = sortProviders([...p, ...page.rows.map((r) => r.providerUnit)]);
        return next.length === p.length ? p : next;
      });
      setSelected(new Set());
      setWorkload(await call('cases.workload', { kind }));
    } catch (err) {
      setError(err);
      // A refused search answers nothing: the rows and the count of the previous one go too, so
      // nothing under the message reads as its result.
      setRows([]);
      setCursor(null);
      setTotal({ n: 0, capped: false });
      setSelected(new Set());
    } finally {
      setLoaded(true);
    }
  }, [input, kind]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void call('cases.staff', {}).then(setStaff, setError);
  }, []);
  // Which regional rules the deadlines below are counted by (chosen in settings by the administrator).
  useEffect(() => {
    void call('cases.profiles', {}).then((c) => setRules(c.profiles.find((p) => p.id === c.active)?.name[locale] ?? c.active), setError);
  }, [locale]);

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
  const changeKind = (k: CaseKind) => {
    setKind(k);
    setFilter({ ...filter, states: [] });
  };
  // Fits the 1024 px screen (about 790 px beside the navigation); wider screens give the text columns room.
  // The subject column holds a masked ID number whole (18 monospace characters) and the assignee
  // column 'Unassigned' in English: the layout test fails on any cell cut short at 1024–1920 px.
  const cols = '24px minmax(128px, 1fr) 72px minmax(118px, 1.2fr) minmax(90px, 1.2fr) 84px minmax(140px, 1fr) 84px';
  return (
    <Stack data-testid="case-queue">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('cases.queue')}</Title>
          {rules && <Text size="sm" c="dimmed" data-testid="queue-rules">{t('cases.profile.inUse', { name: rules })}</Text>}
        </Group>
        <SegmentedControl value={kind} onChange={(v) => changeKind(v as CaseKind)} data={[{ value: 'objection', label: t('cases.objection') }, { value: 'repair', label: t('cases.repair') }]} data-testid="queue-kind" />
      </Group>
      <QueueFilters kind={kind} value={filter} providers={providers} onChange={setFilter} />
      <Switch label={t('cases.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} data-testid="queue-mine" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="queue-total">{total.capped ? t('cases.totalCapped', { count: total.n }) : t('cases.total', { count: total.n })}</Text>
        <Group gap="xs">
          <Select placeholder={t('cases.assignTo')} data={staff.map((s) => ({ value: String(s.id), label: s.name }))} value={assignee} onChange={setAssignee} w={180} data-testid="queue-assignee" />
          <Button disabled={selected.size === 0 || !assignee} onClick={() => void assign()} data-testid="queue-assign">{t('cases.assign', { count: selected.size })}</Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <div style={{ display: 'grid', gridTemplateColumns: cols, gap: 6, fontWeight: 600, fontSize: 13, padding: '0 8px' }} data-testid="queue-header">
        <span />
        <SortHeader label={t('cases.caseNo')} col="case_no" sort={sort} onSort={setSort} />
        <SortHeader label={t('cases.state')} col="state" sort={sort} onSort={setSort} />
        <SortHeader label={t('cases.due')} col="due" sort={sort} onSort={setSort} />
        <SortHeader label={t('cases.provider')} col="provider" sort={sort} onSort={setSort} />
        <SortHeader label={t('cases.received')} col="received" sort={sort} onSort={setSort} />
        <span>{t('cases.subject')}</span>
        <SortHeader label={t('cases.assignee')} col="assignee" sort={sort} onSort={setSort} />
      </div>
      <div ref={parent} style={{ height: 460, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)' }} data-testid="queue-rows">
        {loaded && rows.length === 0 && <Text c="dimmed" size="sm" p="md" data-testid="queue-empty">{t('cases.empty')}</Text>}
        <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]!;
            return (
              <div key={r.id} data-testid="queue-row" data-case-no={r.caseNo} onClick={() => setOpenId(r.id)}
                style={{ position: 'absolute', top: v.start, height: ROW_HEIGHT, width: '100%', display: 'grid', gridTemplateColumns: cols, gap: 6, alignItems: 'center', padding: '0 8px', cursor: 'pointer', fontSize: 13, borderBottom: '1px solid var(--mantine-color-gray-2)', background: r.overdue ? 'var(--mantine-color-red-0)' : undefined }}>
                <Checkbox size="xs" aria-label={r.caseNo} checked={selected.has(r.id)} onClick={(e) => e.stopPropagation()} onChange={(e) => {
                  const next = new Set(selected);
                  if (e.currentTarget.checked) next.add(r.id);
                  else next.delete(r.id);
                  setSelected(next);
                }} />
                <Text size="sm" ff="monospace" truncate>{r.caseNo}</Text>
                <Text size="sm" truncate data-testid="queue-state" data-state={r.state}>{t(`cases.states.${r.state}`)}</Text>
                <Stack gap={0} style={{ minWidth: 0 }} data-testid="queue-due-cell">
                  {r.dueOn ? <Text size="sm" lh={1.2}>{r.dueOn}</Text> : r.calendarGap ? <Badge color="orange" size="sm">{t('cases.calendarGap', { year: r.calendarGap.slice(0, 4) })}</Badge> : <Text size="sm" lh={1.2}>—</Text>}
                  <Group gap={4} wrap="nowrap">
                    {r.dueOn && r.dueProvisional && <Badge size="xs" color="orange" variant="light" title={provisionalNote(Number(r.dueOn.slice(0, 4)), locale)} data-testid="queue-due-provisional">{t('cases.provisional')}</Badge>}
                    {r.overdue && <Badge color="red" size="xs">{t('cases.daysLate', { count: r.daysLate })}</Badge>}
                    {!r.overdue && r.dueOn && r.daysLeft !== null && <Text size="xs" c={r.daysLeft === 0 ? 'orange' : 'dimmed'} lh={1.2}>{r.daysLeft === 0 ? t('cases.dueToday') : t('cases.daysLeft', { count: r.daysLeft })}</Text>}
                    {r.paused && <Badge size="xs">{t('cases.paused')}</Badge>}
                    {/* A flag, not a word: beside "16 days late" the word clipped the column at 1024 px. */}
                    {r.escalated && (
                      <Tooltip label={t('cases.escalated')}>
                        <ThemeIcon size={16} color="orange" variant="light" role="img" aria-label={t('cases.escalated')} data-testid="queue-escalated"><IconFlag size={11} /></ThemeIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Stack>
                <Text size="sm" truncate title={r.providerUnit}>{r.providerUnit}</Text>
                <span data-testid="queue-received">{r.receivedOn}</span>
                <Stack gap={0} style={{ minWidth: 0 }} data-testid="queue-subject">
                  <Text size="sm" truncate lh={1.2} title={r.nameMasked}>{r.nameMasked || '—'}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" truncate lh={1.2}>{r.idNumberMasked}</Text>
                </Stack>
                <Text size="sm" truncate data-testid="queue-assignee-name">{r.assignee ?? t('cases.unassigned')}</Text>
              </div>
            );
          })}
        </div>
      </div>
      <Title order={5}>{t('cases.workload')}</Title>
      {loaded && workload.length === 0 && <Text size="sm" c="dimmed">{t('cases.noOpen')}</Text>}
      {workload.length > 0 && <Table w={520} data-testid="queue-workload">
        <Table.Thead><Table.Tr><Table.Th>{t('cases.assignee')}</Table.Th><Table.Th>{t('cases.open')}</Table.Th><Table.Th>{t('cases.overdue')}</Table.Th><Table.Th>{t('cases.dueSoon')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {workload.map((w) => (
            <Table.Tr key={w.assigneeId ?? 0}><Table.Td>{w.assignee ?? t('cases.unassigned')}</Table.Td><Table.Td>{w.open}</Table.Td><Table.Td>{w.overdue}</Table.Td><Table.Td>{w.dueSoon}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>}
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} closeOnEscape={!innerLayer} position="right" size="xl" title={t(`cases.${kind}`)} data-testid="case-drawer">
        {openId !== null && <CasePage kind={kind} id={openId} onChanged={() => void load()} onLayer={setInnerLayer} />}
      </Drawer>
    </Stack>
  );
}
