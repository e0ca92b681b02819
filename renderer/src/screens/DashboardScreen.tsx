import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm, IconCalendarDue, IconCalendarWeek, IconClockCheck, IconFileCertificate, IconMessageReport, IconPrinter, IconRefresh, IconTool, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, WindowDay } from '../../../shared/contract';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { useLocale } from '../i18n';
import { useSession } from '../state/session';

function Stat({ label, value, icon, color, testId }: { label: string; value: string | number; icon: ReactNode; color?: string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text c={color ?? 'indigo'} mt={2}>{icon}</Text>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">{label}</Text>
          <Text size="xl" fw={700} c={color} data-testid={`${testId}-value`}>{value}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * The manager's landing screen (the office) and the clerk's own day: today's work, open cases by
 * deadline, decisions on time, and the last 30 days as charts; exportable as CSV or Excel.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { can } = useSession();
  const scope: Dashboard['scope'] = can('dashboard.office') ? 'office' : 'mine';
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    void (scope === 'office' ? call('dashboard.office', {}) : call('dashboard.mine', {})).then(setD, setError);
  }, [scope]);
  useEffect(load, [load]);
  if (!d) return error ? <ErrorAlert error={error} /> : <Loader />;
  const days = d.days.map((x) => ({ ...x, label: x.date.slice(5), onTimePct: x.decided ? Math.round((100 * x.decidedOnTime) / x.decided) : null }));
  const rate = d.onTime.rate === null ? '—' : `${Math.round(d.onTime.rate * 100)}%`;
  const s = (k: string) => t(`dashboard.series.${k}`);
  return (
    <Stack data-testid="dashboard" data-scope={d.scope}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{scope === 'office' ? t('dashboard.office') : t('dashboard.mine')}</Title>
          <Text size="sm" c="dimmed">{t('dashboard.asOf', { date: d.today })}</Text>
        </Group>
        <Group gap="xs">
          <ExportButtons testId="dashboard-export" onError={setError} run={(format) => call('dashboard.export', { scope, format, lang: locale })} />
          <Button size="xs" variant="subtle" onClick={load} leftSection={<IconRefresh size={14} />} data-testid="dashboard-refresh">{t('action.refresh')}</Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <Title order={5}>{t('dashboard.today')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Stat testId="stat-visits" label={s('visits')} value={d.todayCounts.visits} icon={<IconUsers size={20} />} />
        <Stat testId="stat-reports" label={s('reports')} value={d.todayCounts.reports} icon={<IconFileCertificate size={20} />} />
        <Stat testId="stat-reprints" label={s('reprints')} value={d.todayCounts.reprints} icon={<IconPrinter size={20} />} />
        <Stat testId="stat-objections" label={s('objections')} value={d.todayCounts.objections} icon={<IconMessageReport size={20} />} />
        <Stat testId="stat-repairs" label={s('repairs')} value={d.todayCounts.repairs} icon={<IconTool size={20} />} />
      </SimpleGrid>
      {scope === 'office' && d.todayByWindow.length > 0 && <TodayByWindow rows={d.todayByWindow} />}
      <Title order={5}>{scope === 'office' ? t('dashboard.cases') : t('dashboard.myCases')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Stat testId="stat-open" label={t('dashboard.open')} value={d.cases.open} icon={<IconCalendarWeek size={20} />} />
        <Stat testId="stat-due-today" label={t('dashboard.dueToday')} value={d.cases.dueToday} icon={<IconCalendarDue size={20} />} color={d.cases.dueToday ? 'orange' : undefined} />
        <Stat testId="stat-due-week" label={t('dashboard.dueThisWeek', { date: d.weekEnd.slice(5) })} value={d.cases.dueThisWeek} icon={<IconCalendarWeek size={20} />} />
        <Stat testId="stat-overdue" label={t('dashboard.overdue')} value={d.cases.overdue} icon={<IconAlarm size={20} />} color={d.cases.overdue ? 'red' : undefined} />
        {scope === 'office' && <Stat testId="stat-on-time" label={t('dashboard.onTime', { n: d.onTime.decided })} value={rate} icon={<IconClockCheck size={20} />} color="teal" />}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder data-testid="chart-counter">
          <Text fw={600} size="sm" mb="xs">{t('dashboard.chartCounter')}</Text>
          <BarChart h={220} data={days} dataKey="label" withLegend legendProps={{ verticalAlign: 'bottom' }} tickLine="none" gridAxis="y" yAxisProps={{ allowDecimals: false }}
            series={[{ name: 'visits', label: s('visits'), color: 'indigo.6' }, { name: 'reports', label: s('reports'), color: 'teal.6' }, { name: 'reprints', label: s('reprints'), color: 'gray.5' }]} />
        </Card>
        <Card withBorder data-testid="chart-cases">
          <Text fw={600} size="sm" mb="xs">{t('dashboard.chartCases')}</Text>
          <BarChart h={220} data={days} dataKey="label" type="stacked" withLegend legendProps={{ verticalAlign: 'bottom' }} tickLine="none" gridAxis="y" yAxisProps={{ allowDecimals: false }}
            series={[{ name: 'objections', label: s('objections'), color: 'orange.6' }, { name: 'repairs', label: s('repairs'), color: 'cyan.6' }]} />
        </Card>
        {scope === 'office' && (
          <Card withBorder data-testid="chart-on-time">
            <Text fw={600} size="sm" mb="xs">{t('dashboard.chartOnTime')}</Text>
            <LineChart h={220} data={days} dataKey="label" curveType="linear" connectNulls withLegend legendProps={{ verticalAlign: 'bottom' }} tickLine="none" gridAxis="y" unit="%" yAxisProps={{ domain: [0, 100] }}
              series={[{ name: 'onTimePct', label: s('onTimePct'), color: 'teal.6' }]} />
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** Today's work per window of the office host (issue 23); the office's own console last, as 本机. */
function TodayByWindow({ rows }: { rows: WindowDay[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" maw={560} data-testid="dashboard-by-window">
      <Text fw={600} size="sm" mb="xs">{t('dashboard.byWindow.title')}</Text>
      <Table striped withRowBorders={false} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.byWindow.window')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.byWindow.lookups')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.byWindow.reports')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.byWindow.intakes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.windowNumber ?? 'console'} data-testid="dashboard-window-row" data-window={r.windowNumber ?? ''}>
              <Table.Td>{r.windowNumber === null ? t('dashboard.byWindow.console') : t('queryLog.atWindow', { number: r.windowNumber })}</Table.Td>
              <Table.Td ta="right">{r.lookups}</Table.Td>
              <Table.Td ta="right">{r.reports}</Table.Td>
              <Table.Td ta="right">{r.intakes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
