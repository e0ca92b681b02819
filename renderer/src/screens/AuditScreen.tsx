import { Alert, Button, Code, Group, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow, AuditVerifyResult } from '../../../shared/contract';
import { chinaDateTime } from '../../../shared/time';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

export function AuditScreen() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function load(cursor: number | null) {
    try {
      const page = await call('audit.list', { cursor, limit: 100 });
      setRows((r) => (cursor ? [...r, ...page.rows] : page.rows));
      setNext(page.nextCursor);
    } catch (err) {
      setError(err);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('audit.title')}</Title>
        <Button variant="light" onClick={() => call('audit.verify', {}).then(setVerify, setError)} data-testid="audit-verify">{t('audit.verify')}</Button>
      </Group>
      {verify && (
        <Alert color={verify.ok ? 'teal' : 'red'} data-testid="audit-verify-result">
          {verify.ok ? t('audit.ok', { n: verify.checked }) : t('audit.broken', { seq: verify.firstBroken?.seq, reason: verify.firstBroken?.reason })}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.seq')}</Table.Th>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.target')}</Table.Th>
            <Table.Th>{t('audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{r.seq}</Table.Td>
              <Table.Td>{chinaDateTime(r.at)}</Table.Td>
              <Table.Td>{r.actor ?? '—'}</Table.Td>
              <Table.Td><Code>{r.action}</Code></Table.Td>
              <Table.Td>{r.target ?? ''}</Table.Td>
              <Table.Td><Code>{JSON.stringify(r.detail)}</Code></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {next && <Button variant="default" onClick={() => void load(next)}>{t('action.more')}</Button>}
    </Stack>
  );
}
