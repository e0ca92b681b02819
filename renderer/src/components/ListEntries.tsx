import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListEntry } from '../../../shared/domain/list';
import { LIST_ENTRIES_PAGE } from '../../../shared/domain/subjectView';
import { MoreRow } from './RecordTable';

/** The list entries loaded so far, out of `total` (a page at a time, like the records). */
export function ListEntries({ lists, total, onMore, loading = false }: { lists: ListEntry[]; total: number; onMore?: (() => void) | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="list-entries">
      <Title order={5} mb="xs">{t('subject.lists_title')}</Title>
      <Stack>
        {lists.map((l) => (
          <div key={l.id}>
            <Group gap="xs">
              <Badge color={l.listType === 'red' ? 'teal' : 'red'}>{t(`list.${l.listType}`)}</Badge>
              <Text fw={600} size="sm">{l.listName}</Text>
              <Badge variant="outline" size="xs">{t(`list.${l.status}`)}</Badge>
              <Text size="xs" c="dimmed">{l.enteredOn} – {l.exitOn ?? t('subject.open')} · {l.decidingUnit}</Text>
            </Group>
            <Text size="xs" c="dimmed">{l.reason} · {l.basis}</Text>
            {l.measures.length > 0 && (
              <List size="xs" mt={4}>
                {l.measures.map((m) => (
                  <List.Item key={m.id}>
                    {m.title} <Badge size="xs" variant="light">{m.mandatory ? t('subject.mandatory') : t('subject.recommended')}</Badge> <Text span size="xs" c="dimmed">{m.basis}</Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        ))}
      </Stack>
      {total > lists.length && (
        <MoreRow shown={t('counterUi.listsShownOf', { shown: lists.length, total })} more={t('counterUi.listsMore', { n: Math.min(LIST_ENTRIES_PAGE, total - lists.length) })} onMore={onMore} loading={loading} testId="lists" />
      )}
    </Card>
  );
}
