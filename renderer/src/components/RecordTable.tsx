import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUBJECT_VIEW_PAGE, type RecordView } from '../../../shared/domain/subjectView';

/**
 * One section's records as far as they are loaded, and how many the section holds: the core sends
 * a page at a time (issue 29 item 9), so a file of thousands is counted in full and shown on demand.
 */
export function RecordTable({ records, total, onMore, loading = false }: { records: RecordView[]; total: number; onMore?: (() => void) | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  if (records.length === 0) return <Text c="dimmed" size="sm">{t('subject.noRecords')}</Text>;
  return (
    <>
      <Table striped highlightOnHover data-testid="record-table">
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id} style={r.hiddenReason ? { opacity: 0.55 } : undefined} data-testid="record-row" data-document-no={r.documentNo}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {r.title}{' '}
                  {r.severity && <Badge size="xs" color={r.severity === 'serious' ? 'red' : r.severity === 'ordinary' ? 'orange' : 'yellow'}>{t(`severity.${r.severity}`)}</Badge>}{' '}
                  {r.status === 'under_objection' && <Badge size="xs" color="grape" data-testid="record-annotation">{t('subject.disputed')}</Badge>}{' '}
                  {r.hiddenReason && <Badge size="xs" color="gray">{t(`subject.hiddenReason.${r.hiddenReason}`)}</Badge>}
                </Text>
                <Text size="xs" c="dimmed">{r.content}</Text>
              </Table.Td>
              <Table.Td w={260}>
                <Text size="xs">{t('subject.provider')}{t('colon')}{r.providerUnit}</Text>
                {r.documentNo && <Text size="xs">{t('subject.document')}{t('colon')}{r.documentNo}</Text>}
                <Text size="xs">{t('subject.decided')}{t('colon')}{r.decidedOn} · {t('subject.publicity')}{t('colon')}{r.publicityStart} {t('subject.until')} {r.publicityEnd ?? t('subject.open')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > records.length && (
        <MoreRow shown={t('counterUi.shownOf', { shown: records.length, total })} more={t('counterUi.showMore', { n: Math.min(SUBJECT_VIEW_PAGE, total - records.length) })} onMore={onMore} loading={loading} testId="records" />
      )}
    </>
  );
}

/** "Showing x of y" and the button that fetches the next page; also under the list entries. */
export function MoreRow({ shown, more, onMore, loading, testId }: { shown: string; more: string; onMore?: (() => void) | undefined; loading: boolean; testId: string }) {
  return (
    <Group justify="space-between" mt="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" data-testid={`${testId}-shown`}>{shown}</Text>
      {onMore && <Button size="compact-sm" variant="light" loading={loading} onClick={onMore} data-testid={`${testId}-more`}>{more}</Button>}
    </Group>
  );
}
