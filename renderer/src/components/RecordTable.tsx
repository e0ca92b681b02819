import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../shared/domain/subjectView';

export function RecordTable({ records }: { records: RecordView[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <Text c="dimmed" size="sm">{t('subject.noRecords')}</Text>;
  return (
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
  );
}
