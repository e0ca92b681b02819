import { Autocomplete, Group, MultiSelect, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseKind } from '../../../../shared/cases/caseTypes';
import { OBJECTION_STATES, REPAIR_STATES } from '../../../../shared/cases/caseTypes';
import { DateField } from '../../components/form/DateField';

export interface QueueFilter {
  due: 'all' | 'overdue' | 'due_soon';
  search: string;
  states: string[];
  provider: string;
  receivedFrom: string;
  receivedTo: string;
}

export const EMPTY_FILTER: QueueFilter = { due: 'all', search: '', states: [], provider: '', receivedFrom: '', receivedTo: '' };

/** The filter as cases.queue takes it: empty fields are left out, a reversed date range is swapped. */
export function queueInput(kind: CaseKind, f: QueueFilter) {
  const [from, to] = f.receivedFrom && f.receivedTo && f.receivedFrom > f.receivedTo ? [f.receivedTo, f.receivedFrom] : [f.receivedFrom, f.receivedTo];
  return {
    kind,
    ...(f.due === 'all' ? {} : { due: f.due }),
    ...(f.search.trim() ? { search: f.search.trim().toUpperCase() } : {}),
    ...(f.states.length ? { states: f.states as never[] } : {}),
    ...(f.provider.trim() ? { provider: f.provider.trim() } : {}),
    ...(from ? { receivedFrom: from } : {}),
    ...(to ? { receivedTo: to } : {}),
  };
}

/** `providers`: units seen in the queue so far; the core matches the unit name exactly, so it is picked, not typed. */
export function QueueFilters({ kind, value, providers, onChange }: { kind: CaseKind; value: QueueFilter; providers: string[]; onChange: (f: QueueFilter) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<QueueFilter>) => onChange({ ...value, ...patch });
  const states = kind === 'objection' ? OBJECTION_STATES : REPAIR_STATES;
  return (
    <Stack gap="xs" data-testid="queue-filters">
      <Group align="flex-end" gap="sm">
      {/* A chosen state overrides "open only" in the core, so the segment must not claim "open" then. */}
      <SegmentedControl value={value.due} onChange={(v) => set({ due: v as QueueFilter['due'] })} data={[{ value: 'all', label: value.states.length ? t('cases.all') : t('cases.allOpen') }, { value: 'overdue', label: t('cases.overdue') }, { value: 'due_soon', label: t('cases.dueSoon') }]} data-testid="queue-due" />
      <TextInput label={t('cases.searchLabel')} placeholder={t('cases.search')} value={value.search} onChange={(e) => set({ search: e.currentTarget.value })} maxLength={40} w={220} data-testid="queue-search" />
      <MultiSelect label={t('cases.state')} placeholder={value.states.length ? undefined : t('cases.all')} data={states.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))} value={value.states} onChange={(v) => set({ states: v })} clearable w={220} data-testid="queue-states" />
      </Group>
      <Group align="flex-end" gap="sm">
      <Autocomplete label={t('cases.provider')} placeholder={t('cases.all')} data={providers} value={value.provider} onChange={(v) => set({ provider: v })} maxLength={200} w={220} clearable data-testid="queue-provider" />
      <DateField label={t('cases.receivedFrom')} value={value.receivedFrom} onChange={(v) => set({ receivedFrom: v })} w={150} testId="queue-from" />
      <DateField label={t('cases.receivedTo')} value={value.receivedTo} onChange={(v) => set({ receivedTo: v })} w={150} testId="queue-to" />
      </Group>
    </Stack>
  );
}
