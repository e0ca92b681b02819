import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/domain/record';
import type { SubjectView as View } from '../../../shared/domain/subjectView';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { call } from '../api/client';
import { usePurposeLabel } from '../state/usePurposeLabel';
import { ErrorAlert } from './ErrorAlert';
import { EntityFacts } from './EntityFacts';
import { ListEntries } from './ListEntries';
import { RecordTable } from './RecordTable';
import classes from './SubjectView.module.css';

/** What "show more" asks for: the next page of a section, or of the list entries. */
export type MorePart = ReportSection | 'lists';

/**
 * What the clerk sees of a subject: masked identity (reveal is logged), summary, records, lists.
 * The summary badges and the tabs count the same thing (records published today), so they agree;
 * records not shown on a report are listed in their tab, dimmed, and counted apart. The counts are
 * the whole file's; records and list entries come a page at a time (`onMore` fetches the next).
 */
export function SubjectView({ visitId, view, onMore }: { visitId: number; view: View; onMore?: (part: MorePart) => Promise<void> }) {
  const { t } = useTranslation();
  const purposeLabel = usePurposeLabel();
  const [revealed, setRevealed] = useState<{ idNumber?: string; name?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<MorePart | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const { identity, summary, records, sections } = view;
  const [tab, setTab] = useState<string | null>(() => REPORT_SECTIONS.find((s) => (sections[s]?.total ?? 0) > 0) ?? 'basic');
  const hiddenIn = (s: ReportSection) => sections[s]?.hidden ?? 0;
  const more = (part: MorePart, next: unknown) =>
    onMore && next !== null && next !== undefined
      ? () => {
          setLoading(part);
          setMoreError(null);
          onMore(part).catch(setMoreError).finally(() => setLoading(null));
        }
      : undefined;

  async function reveal(field: 'idNumber' | 'name') {
    try {
      const { value } = await call('counter.reveal', { visitId, field });
      setRevealed((r) => ({ ...r, [field]: value }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Stack data-testid="subject-view">
      {view.entity && <EntityFacts entity={view.entity} />}
      <SimpleGrid type="container" cols={{ base: 1, '560px': 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">{t('subject.identity')}</Title>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="lg" fw={700} data-testid="subject-name-shown">{revealed.name ?? identity.nameMasked}</Text>
              <Button size="compact-xs" variant="light" onClick={() => void reveal('name')} disabled={Boolean(revealed.name)} data-testid="reveal-name">
                {revealed.name ? t('subject.revealed') : t('subject.reveal')}
              </Button>
            </Group>
            <Group justify="space-between">
              <Text ff="monospace" data-testid="subject-id-shown">{revealed.idNumber ?? identity.idNumberMasked}</Text>
              <Button size="compact-xs" variant="light" onClick={() => void reveal('idNumber')} disabled={Boolean(revealed.idNumber)} data-testid="reveal-id">
                {revealed.idNumber ? t('subject.revealed') : t('subject.reveal')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {/* An organisation has no sex or birth year: its registration is in its own card above. */}
              {view.entity ? null : <>{t('subject.gender')}{t('colon')}{identity.gender === 'M' ? t('counter.male') : identity.gender === 'F' ? t('counter.female') : '—'} · {t('subject.birthYear')}{t('colon')}{identity.birthYear ?? '—'} · </>}
              {t('subject.region')}{t('colon')}{identity.regionCode}
            </Text>
            <ErrorAlert error={error} />
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">{t('subject.summary')}</Title>
          <Group gap="xs" mb="xs">
            {REPORT_SECTIONS.filter((s) => summary.published[s] !== undefined).map((s) => (
              <Badge key={s} variant="light" color={summary.published[s] ? 'indigo' : 'gray'} onClick={() => setTab(s)} style={{ cursor: 'pointer' }} data-testid={`summary-${s}`} data-count={summary.published[s]}>
                {t(`section.${s}`)} {summary.published[s]}
              </Badge>
            ))}
          </Group>
          <Text size="sm">{t('subject.negative')}{t('colon')}<b>{summary.negativePublished}</b> · {t('subject.lists')}{t('colon')}<b>{summary.activeLists}</b> · {t('subject.hidden')}{t('colon')}{summary.hidden}</Text>
          {summary.greenChannel !== null && (
            <Text size="sm" mt={6} c={summary.greenChannel ? 'teal' : 'dimmed'} data-testid="green-channel">
              {summary.greenChannel ? `✓ ${t('subject.greenChannel')}` : t('subject.greenChannelNo')}
            </Text>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={5} mb="xs">{t('subject.records')}</Title>
        <Tabs value={tab} onChange={setTab} keepMounted={false} variant="pills" classNames={{ list: classes.tabList, tab: classes.tab }}>
          <Tabs.List>
            {REPORT_SECTIONS.filter((s) => summary.published[s] !== undefined).map((s) => (
              // The short name on the tab, the full one in its title and on the panel's records.
              <Tabs.Tab key={s} value={s} title={t(`section.${s}`)} data-testid={`tab-${s}`} data-count={summary.published[s]}>
                {t(`sectionShort.${s}`)} ({summary.published[s]})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {REPORT_SECTIONS.map((s) => (
            <Tabs.Panel key={s} value={s} pt="xs">
              <Text size="sm" fw={600}>{t(`section.${s}`)}</Text>
              {hiddenIn(s) > 0 && <Text size="xs" c="dimmed" data-testid={`hidden-in-${s}`}>{t('counterUi.hiddenInTab', { n: hiddenIn(s) })}</Text>}
              <RecordTable records={records.filter((r) => r.section === s)} total={sections[s]?.total ?? 0} onMore={more(s, sections[s]?.next)} loading={loading === s} />
            </Tabs.Panel>
          ))}
        </Tabs>
        <ErrorAlert error={moreError} />
      </Card>

      {view.lists.length > 0 && <ListEntries lists={view.lists} total={view.listsTotal} onMore={more('lists', view.listsNext)} loading={loading === 'lists'} />}

      <Card withBorder>
        <Title order={5} mb="xs">{t('subject.recentQueries')}</Title>
        <Table>
          <Table.Tbody>
            {view.recentQueries.map((q, i) => (
              <Table.Tr key={i}>
                <Table.Td>{chinaDateTime(q.at)}</Table.Td>
                <Table.Td>{q.officeCode}</Table.Td>
                <Table.Td>{purposeLabel(q.purposeCode)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
