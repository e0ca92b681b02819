import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditExportedHead, AuditRow, AuditVerifyResult } from '../../../shared/contract';
import { WINDOW_NUMBER_MAX } from '../../../shared/domain/officeWindow';
import { auditActionCodes, auditActionLabel, auditDetailFields, auditGroupLabel, auditTargetText } from '../../../shared/i18n/auditLabels';
import { LABEL_COLON } from '../../../shared/i18n/punctuation';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { call } from '../api/client';
import { DateField } from '../components/form/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { UnbrokenNumbers } from '../components/UnbrokenNumbers';
import { useFilterError } from '../components/useFilterError';
import { useLocale } from '../i18n';
import { usePurposeLabel } from '../state/usePurposeLabel';

interface Filter {
  actor: string | null;
  /** 'a:<action>' for one action, 'g:<group>' for a whole group. */
  what: string | null;
  from: string;
  to: string;
  /** The window the act came through (issue 23); '' for every window and the office's own console. */
  windowNumber: number | string;
}
const EMPTY: Filter = { actor: null, what: null, from: '', to: '', windowNumber: '' };

function toInput(f: Filter) {
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.what?.startsWith('a:') ? { action: f.what.slice(2) } : {}),
    ...(f.what?.startsWith('g:') ? { group: f.what.slice(2) } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(typeof f.windowNumber === 'number' ? { windowNumber: f.windowNumber } : {}),
  };
}

/** The audit log for the auditor: who did what and when, filtered in the core, named in the console's language. */
export function AuditScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const purposeLabel = usePurposeLabel();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [actors, setActors] = useState<{ username: string; name: string | null }[]>([]);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  // undefined: not read yet; null: nothing exported yet.
  const [exported, setExported] = useState<AuditExportedHead | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const { fieldError, take, clear } = useFilterError();

  const load = useCallback(async (f: Filter, cursor: number | null) => {
    setError(null);
    clear();
    try {
      const page = await call('audit.list', { ...toInput(f), cursor, limit: 100 });
      setRows((r) => (cursor ? [...r, ...page.rows] : page.rows));
      setNext(page.nextCursor);
      setApplied(f);
    } catch (err) {
      if (!take(err)) setError(err);
    } finally {
      setLoaded(true);
    }
  }, [take, clear]);

  useEffect(() => {
    void load(EMPTY, null);
    void call('audit.actors', {}).then(setActors, setError);
    void call('audit.exportedHead', {}).then(setExported, setError);
  }, [load]);

  const whatOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const code of auditActionCodes()) {
      const g = code.split('.')[0]!;
      const label = auditGroupLabel(code, locale);
      if (!groups.has(label)) groups.set(label, [{ value: `g:${g}`, label: t('audit.wholeGroup', { group: label }) }]);
      else if (!groups.get(label)!.some((o) => o.value === `g:${g}`)) groups.get(label)!.push({ value: `g:${g}`, label: t('audit.wholeGroup', { group: label }) });
      groups.get(label)!.push({ value: `a:${code}`, label: auditActionLabel(code, locale) });
    }
    return [...groups.entries()].map(([group, items]) => ({ group, items }));
  }, [locale, t]);

  return (
    <Stack data-testid="audit-screen">
      <Group justify="space-between">
        <Title order={3}>{t('audit.title')}</Title>
        <Group gap="xs">
          <ExportButtons testId="audit-export" onError={setError} run={(format) => call('audit.export', { ...toInput(applied), format, lang: locale })} />
          <Button size="xs" variant="light" leftSection={<IconShieldCheck size={16} />} onClick={() => call('audit.verify', {}).then(setVerify, setError)} data-testid="audit-verify">{t('audit.verify')}</Button>
        </Group>
      </Group>
      {verify && (
        <Alert color={verify.ok ? 'teal' : 'red'} data-testid="audit-verify-result">
          {verify.ok ? t('audit.ok', { n: verify.checked }) : t('audit.broken', { seq: verify.firstBroken?.seq, reason: verify.firstBroken?.reason })}
        </Alert>
      )}
      {exported !== undefined && (
        <Text size="sm" c="dimmed" data-testid="audit-exported-head">
          {exported
            ? t('audit.exportedHead', {
              export: exported.exportSequence, at: chinaDateTime(exported.exportedAt), seq: exported.headSeq, hash: exported.headHashPrefix,
              ack: exported.acknowledgedAt ? t('audit.acknowledged') : t('audit.notAcknowledged'),
            })
            : t('audit.exportedHeadNone')}
        </Text>
      )}
      <Card withBorder padding="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select label={t('audit.who')} placeholder={t('audit.anyone')} searchable clearable w={180} value={filter.actor} onChange={(v) => setFilter({ ...filter, actor: v })}
            data={actors.map((a) => ({ value: a.username, label: a.name ? `${a.name}（${a.username}）` : a.username }))} nothingFoundMessage={t('audit.nobody')} data-testid="audit-filter-actor" />
          <Select label={t('audit.what')} placeholder={t('audit.anything')} searchable clearable w={240} value={filter.what} onChange={(v) => setFilter({ ...filter, what: v })}
            data={whatOptions} maxDropdownHeight={320} data-testid="audit-filter-action" />
          <DateField w={150} label={t('audit.from')} value={filter.from} onChange={(v) => setFilter({ ...filter, from: v })} error={fieldError('from')} testId="audit-filter-from" />
          <DateField w={150} label={t('audit.to')} value={filter.to} onChange={(v) => setFilter({ ...filter, to: v })} error={fieldError('to')} testId="audit-filter-to" />
          <NumberInput label={t('queryLog.window')} placeholder={t('queryLog.anyWindow')} min={1} max={WINDOW_NUMBER_MAX} allowDecimal={false} allowNegative={false} w={110}
            value={filter.windowNumber} onChange={(v) => setFilter({ ...filter, windowNumber: v })} error={fieldError('windowNumber')} data-testid="audit-filter-window" />
          <Group gap="xs" mt={25}>
            <Button leftSection={<IconSearch size={16} />} onClick={() => void load(filter, null)} data-testid="audit-search">{t('action.search')}</Button>
            <Button variant="subtle" onClick={() => { setFilter(EMPTY); void load(EMPTY, null); }} data-testid="audit-reset">{t('audit.reset')}</Button>
          </Group>
        </Group>
      </Card>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped layout="fixed" verticalSpacing={6} fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('audit.seq')}</Table.Th>
              <Table.Th w={120}>{t('audit.at')}</Table.Th>
              <Table.Th w={110}>{t('audit.actor')}</Table.Th>
              <Table.Th w={150}>{t('audit.action')}</Table.Th>
              <Table.Th w="20%">{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const fields = auditDetailFields(r.detail, locale, purposeLabel);
              return (
                <Table.Tr key={r.seq} data-testid="audit-row" data-action={r.action}>
                  <Table.Td>{r.seq}</Table.Td>
                  <Table.Td>{chinaDateTime(r.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>{r.actorName ?? r.actor ?? t('cases.system')}</Text>
                    {r.actorName && <Text size="xs" c="dimmed" truncate>{r.actor}</Text>}
                  </Table.Td>
                  <Table.Td data-testid="audit-action">{auditActionLabel(r.action, locale)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}><UnbrokenNumbers text={auditTargetText(r.action, r.target, locale, r.detail)} /></Table.Td>
                  <Table.Td>
                    {fields.length === 0 ? <Text size="xs" c="dimmed">—</Text> : (
                      <Stack gap={0} data-testid="audit-detail">
                        {fields.map(([k, v]) => (
                          <Text key={k} size="xs" style={{ wordBreak: 'break-word' }}><Text span size="xs" c="dimmed">{k}{LABEL_COLON[locale]}</Text><UnbrokenNumbers text={v} /></Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loaded && rows.length === 0 && !error && <Text c="dimmed" data-testid="audit-empty">{t('audit.empty')}</Text>}
      {next && <Button variant="default" onClick={() => void load(applied, next)}>{t('action.more')}</Button>}
    </Stack>
  );
}
