import { Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { WINDOW_NUMBER_MAX } from '../../../shared/domain/officeWindow';
import { HALL_CASE_NO_MAX } from '../../../shared/contract/limits';
import { useTranslation } from 'react-i18next';
import type { Purpose, QueryLogRow } from '../../../shared/contract';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { call } from '../api/client';
import { DateField } from '../components/form/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { useFilterError } from '../components/useFilterError';
import { useLocale } from '../i18n';
import { usePurposeLabel } from '../state/usePurposeLabel';

interface Filter {
  from: string;
  to: string;
  idNumber: string;
  clerkId: string | null;
  purposeCode: string | null;
  /** Card read or typed (issue 25: proof that the original card was there). */
  identitySource: 'card' | 'typed' | null;
  /** The window the query was made at (issue 23: the auditor filters the register by window). */
  windowNumber: number | string;
  /** The hall's case number (办件编号, issue 23), whole. */
  hallCaseNo: string;
}
const EMPTY: Filter = { from: '', to: '', idNumber: '', clerkId: null, purposeCode: null, identitySource: null, windowNumber: '', hallCaseNo: '' };

function toInput(f: Filter) {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.idNumber.trim() ? { idNumber: f.idNumber.trim() } : {}),
    ...(f.clerkId ? { clerkId: Number(f.clerkId) } : {}),
    ...(f.purposeCode ? { purposeCode: f.purposeCode } : {}),
    ...(f.identitySource ? { identitySource: f.identitySource } : {}),
    ...(typeof f.windowNumber === 'number' ? { windowNumber: f.windowNumber } : {}),
    ...(f.hallCaseNo.trim() ? { hallCaseNo: f.hallCaseNo.trim() } : {}),
  };
}

/** 查询使用登记: who looked up whom, when and why — for the auditor and the manager. */
export function QueryLogScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const purposeLabel = usePurposeLabel();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const [rows, setRows] = useState<QueryLogRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [clerks, setClerks] = useState<{ id: number; name: string }[]>([]);
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { fieldError, take, clear } = useFilterError();

  const load = useCallback(async (f: Filter, cursor: number | null) => {
    setError(null);
    clear();
    try {
      const page = await call('querylog.list', { ...toInput(f), cursor, limit: 100 });
      setRows((r) => (cursor ? [...r, ...page.rows] : page.rows));
      setNext(page.nextCursor);
      setApplied(f);
      setLoaded(true);
    } catch (err) {
      if (take(err)) {
        // The refused filter matches nothing by construction: show the reason, not the old rows.
        setRows([]);
        setNext(null);
        setLoaded(false);
      } else setError(err);
    }
  }, [take, clear]);

  useEffect(() => {
    void load(EMPTY, null);
    void call('querylog.clerks', {}).then(setClerks, setError);
    // Every purpose, a person's and an entity's: the register lists both kinds of lookup (issue 24).
    void call('counter.purposes', { subjectKind: 'all' }).then(setPurposes, setError);
  }, [load]);

  // A person's and an organisation's purposes apart (issue 24): both catalogues have an "other".
  const purposeGroups = (['person', 'entity'] as const).map((kind) => ({
    group: t(kind === 'person' ? 'queryLog.personPurposes' : 'queryLog.entityPurposes'),
    items: purposes.filter((p) => (p.subjectKind ?? 'person') === kind).map((p) => ({ value: p.code, label: p[locale] })),
  }));

  return (
    <Stack data-testid="querylog-screen">
      <Group justify="space-between">
        <Title order={3}>{t('queryLog.title')}</Title>
        <ExportButtons testId="querylog-export" onError={setError} run={(format) => call('querylog.export', { ...toInput(applied), format, lang: locale })} />
      </Group>
      <Card withBorder padding="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DateField w={150} label={t('queryLog.from')} value={filter.from} onChange={(v) => setFilter({ ...filter, from: v })} error={fieldError('from')} testId="querylog-from" />
          <DateField w={150} label={t('queryLog.to')} value={filter.to} onChange={(v) => setFilter({ ...filter, to: v })} error={fieldError('to')} testId="querylog-to" />
          <Select label={t('queryLog.clerk')} placeholder={t('queryLog.anyClerk')} clearable searchable w={150} value={filter.clerkId} onChange={(v) => setFilter({ ...filter, clerkId: v })}
            data={clerks.map((c) => ({ value: String(c.id), label: c.name }))} data-testid="querylog-clerk" />
          <TextInput label={t('queryLog.subjectId')} placeholder={t('queryLog.subjectIdHint')} value={filter.idNumber} maxLength={18} w={200}
            onChange={(e) => setFilter({ ...filter, idNumber: e.currentTarget.value })} error={fieldError('idNumber')} data-testid="querylog-id" />
          <Select label={t('queryLog.purpose')} placeholder={t('queryLog.anyPurpose')} clearable w={200} value={filter.purposeCode} onChange={(v) => setFilter({ ...filter, purposeCode: v })}
            data={purposeGroups} data-testid="querylog-purpose" />
          <Select label={t('queryLog.identity')} placeholder={t('queryLog.anyIdentity')} clearable w={130} value={filter.identitySource}
            onChange={(v) => setFilter({ ...filter, identitySource: v === 'card' || v === 'typed' ? v : null })}
            data={[{ value: 'card', label: t('queryLog.card') }, { value: 'typed', label: t('queryLog.typed') }]} data-testid="querylog-identity" />
          <NumberInput label={t('queryLog.window')} placeholder={t('queryLog.anyWindow')} min={1} max={WINDOW_NUMBER_MAX} allowDecimal={false} allowNegative={false} w={110}
            value={filter.windowNumber} onChange={(v) => setFilter({ ...filter, windowNumber: v })} error={fieldError('windowNumber')} data-testid="querylog-window" />
          <TextInput label={t('hall.hallCaseNo')} placeholder={t('hall.anyCaseNo')} value={filter.hallCaseNo} maxLength={HALL_CASE_NO_MAX} w={200} styles={{ input: { fontFamily: 'monospace' } }}
            onChange={(e) => setFilter({ ...filter, hallCaseNo: e.currentTarget.value })} error={fieldError('hallCaseNo')} data-testid="querylog-hall-case" />
          <Group gap="xs" mt={25}>
            <Button leftSection={<IconSearch size={16} />} onClick={() => void load(filter, null)} data-testid="querylog-search">{t('action.search')}</Button>
            <Button variant="subtle" onClick={() => { setFilter(EMPTY); void load(EMPTY, null); }} data-testid="querylog-reset">{t('audit.reset')}</Button>
          </Group>
        </Group>
      </Card>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped layout="fixed" fz="sm" data-testid="querylog-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={132}>{t('queryLog.at')}</Table.Th>
              <Table.Th w={100}>{t('queryLog.clerk')}</Table.Th>
              {/* Wide enough for a masked ID number on one line beside the identity column (issue 25). */}
              <Table.Th w={215}>{t('queryLog.subject')}</Table.Th>
              <Table.Th w={90}>{t('queryLog.applicant')}</Table.Th>
              <Table.Th>{t('queryLog.purpose')}</Table.Th>
              <Table.Th w={80}>{t('queryLog.outcome')}</Table.Th>
              <Table.Th w={80}>{t('queryLog.identity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="querylog-row">
                <Table.Td>{chinaDateTime(r.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm" truncate>{r.clerkName}</Text>
                  {r.windowNumber !== null && <Text size="xs" c="dimmed" data-testid="querylog-window-cell">{t('queryLog.atWindow', { number: r.windowNumber })}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" span>{r.idNumberMasked}</Text> <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>{r.nameMasked}</Text>
                  {/* The hall's numbers the visit was opened with (issue 23), under the person they served, as the window is under the clerk. */}
                  {r.queueTicket !== null && <Text size="xs" c="dimmed" data-testid="querylog-ticket">{t('hall.queueTicket')} <Text span inherit ff="monospace">{r.queueTicket}</Text></Text>}
                  {r.hallCaseNo !== null && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="querylog-hall-case-cell">{t('hall.hallCaseNo')} <Text span inherit ff="monospace">{r.hallCaseNo}</Text></Text>}
                </Table.Td>
                <Table.Td>{r.applicantKind === 'self' ? t('counter.self') : t('queryLog.agent')}</Table.Td>
                {/* A purpose wraps rather than ending in an ellipsis: it is the line an auditor reads. */}
                <Table.Td>{purposeLabel(r.purposeCode)}</Table.Td>
                <Table.Td>{t(`queryLog.${r.outcome}`)}</Table.Td>
                <Table.Td title={r.readerSamId ?? undefined} data-testid="querylog-identity-cell">{t(`queryLog.${r.identitySource}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loaded && rows.length === 0 && <Text c="dimmed" data-testid="querylog-empty">{t('queryLog.empty')}</Text>}
      {next && <Button variant="default" onClick={() => void load(applied, next)}>{t('action.more')}</Button>}
    </Stack>
  );
}
