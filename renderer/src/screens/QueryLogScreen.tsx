import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryLogRow } from '../../../shared/contract';
import { chinaDateTime } from '../../../shared/time';
import { call } from '../api/client';
import { usePurposeLabel } from '../state/usePurposeLabel';
import { ErrorAlert } from '../components/ErrorAlert';

/** 查询使用登记: who looked up whom, when and why — for the auditor and the manager. */
export function QueryLogScreen() {
  const { t } = useTranslation();
  const purposeLabel = usePurposeLabel();
  const [filter, setFilter] = useState({ from: '', to: '', idNumber: '' });
  const [rows, setRows] = useState<QueryLogRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (cursor: number | null) => {
      setError(null);
      try {
        const page = await call('querylog.list', {
          cursor,
          limit: 100,
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
          ...(filter.idNumber.trim() ? { idNumber: filter.idNumber.trim() } : {}),
        });
        setRows((r) => (cursor ? [...r, ...page.rows] : page.rows));
        setNext(page.nextCursor);
      } catch (err) {
        setError(err);
      }
    },
    [filter],
  );

  // Load once on arrival with the empty filter; the search button reloads with the filter.
  const [initialLoad] = useState(() => load);
  useEffect(() => {
    void initialLoad(null);
  }, [initialLoad]);

  return (
    <Stack>
      <Title order={3}>{t('queryLog.title')}</Title>
      <Card withBorder>
        <Group align="flex-end">
          <TextInput type="date" label={t('queryLog.from')} value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.currentTarget.value })} />
          <TextInput type="date" label={t('queryLog.to')} value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.currentTarget.value })} />
          <TextInput label={t('counter.idNumber')} value={filter.idNumber} maxLength={18} onChange={(e) => setFilter({ ...filter, idNumber: e.currentTarget.value })} />
          <Button onClick={() => void load(null)} data-testid="querylog-search">{t('action.search')}</Button>
        </Group>
      </Card>
      <ErrorAlert error={error} />
      <Table striped data-testid="querylog-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queryLog.at')}</Table.Th>
            <Table.Th>{t('queryLog.clerk')}</Table.Th>
            <Table.Th>{t('queryLog.subject')}</Table.Th>
            <Table.Th>{t('queryLog.applicant')}</Table.Th>
            <Table.Th>{t('queryLog.purpose')}</Table.Th>
            <Table.Th>{t('queryLog.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="querylog-row">
              <Table.Td>{chinaDateTime(r.at)}</Table.Td>
              <Table.Td>{r.clerkUsername}</Table.Td>
              <Table.Td><Text ff="monospace" size="sm">{r.idNumberMasked}</Text> {r.nameMasked}</Table.Td>
              <Table.Td>{r.applicantKind === 'self' ? t('counter.self') : t('queryLog.agent')}</Table.Td>
              <Table.Td>{purposeLabel(r.purposeCode)}</Table.Td>
              <Table.Td>{t(`queryLog.${r.outcome}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text c="dimmed">{t('queryLog.empty')}</Text>}
      {next && <Button variant="default" onClick={() => void load(next)}>{t('action.more')}</Button>}
    </Stack>
  );
}
