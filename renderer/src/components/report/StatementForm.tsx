import { Button, Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView } from '../../../../shared/domain/report';
import type { RecordView } from '../../../../shared/domain/subjectView';
import type { SubjectKind } from '../../../../shared/domain/subject';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { recordOptions } from '../cases/recordSections';
import { ErrorAlert } from '../ErrorAlert';

// The profile's limit is enforced by the core; the counter shows the running count against the
// default so the clerk sees it coming.
const SHOWN_LIMIT = 200;

/**
 * 本人声明 on the whole file or on one published record, taken from the subject in person; an
 * entity's (主体声明) from its legal representative in person, its records under the report's sections.
 */
export function StatementForm({ visitId, records, subjectKind = 'person' }: { visitId: number; records: RecordView[]; subjectKind?: SubjectKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const entity = subjectKind === 'entity';
  const [list, setList] = useState<StatementView[]>([]);
  const [recordId, setRecordId] = useState<string>('subject');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    call('statement.list', { visitId }).then(setList, setError);
  }, [visitId]);

  async function add() {
    setError(null);
    setDone(false);
    try {
      const s = await call('statement.create', { visitId, recordId: recordId === 'subject' ? null : Number(recordId), text });
      setList((l) => [...l, s]);
      setText('');
      setDone(true);
    } catch (err) {
      setError(err);
    }
  }

  const options = [{ value: 'subject', label: t('statement.subject') }, ...recordOptions(records.filter((r) => !r.hiddenReason), entity, locale, (r) => `${r.decidedOn} ${r.title}`)];
  return (
    <Card withBorder data-testid="statement-form">
      <Stack gap="xs">
        <Title order={5}>{t(entity ? 'statement.entityTitle' : 'statement.title')}</Title>
        {entity && <Text size="xs" c="dimmed" data-testid="statement-entity-hint">{t('statement.entityOnly')}</Text>}
        {list.length === 0 ? <Text size="sm" c="dimmed">{t(entity ? 'statement.entityNone' : 'statement.none')}</Text> : list.map((s) => <Text key={s.id} size="sm">· {s.text}</Text>)}
        <Select label={t('statement.record')} data={options} value={recordId} onChange={(v) => setRecordId(v ?? 'subject')} searchable data-testid="statement-record" />
        <Textarea label={t('statement.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} description={t('statement.count', { n: Array.from(text.trim()).length, max: SHOWN_LIMIT })} data-testid="statement-text" />
        <ErrorAlert error={error} />
        {done && <Text size="sm" c="green">{t('statement.added')}</Text>}
        <Button onClick={() => void add()} disabled={!text.trim()} data-testid="statement-add" style={{ alignSelf: 'flex-end' }}>{t('statement.add')}</Button>
      </Stack>
    </Card>
  );
}
