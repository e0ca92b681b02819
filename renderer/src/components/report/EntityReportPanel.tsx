import { Alert, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../../shared/calendar/dates';
import type { SpecialReportOptions } from '../../../../shared/domain/entityReport';
import type { EntityReportKind } from '../../../../shared/domain/entityAccess';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { DateField } from '../form/DateField';
import { ReportPanel } from './ReportPanel';

/**
 * The report an entity's visit asked for (issue 24): the full public credit report, or the special
 * report for the fields and period the applicant chooses. Either way the data date is said before
 * printing, with a warning when it is older than the office's rules allow.
 */
export function EntityReportPanel({ visitId, kind }: { visitId: number; kind: EntityReportKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [options, setOptions] = useState<SpecialReportOptions | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call('report.specialOptions', { visitId }).then((o) => {
      setOptions(o);
      setFrom(o.defaultPeriod.from);
      setTo(o.defaultPeriod.to);
    }, setError);
  }, [visitId]);

  const fresh = options?.freshness;
  const dataDate = fresh?.dataAsOf ? chinaDate(new Date(fresh.dataAsOf)) : null;
  const freshness = fresh && (
    <Alert color={fresh.stale ? 'orange' : 'gray'} variant="light" p="xs" data-testid="entity-freshness" data-stale={fresh.stale || undefined}>
      <Text size="sm">{fresh.stale ? (dataDate ? t('entity.stale', { date: dataDate, days: fresh.limitDays }) : t('entity.staleNever')) : t('entity.fresh', { date: dataDate })}</Text>
    </Alert>
  );

  if (kind === 'full') {
    return <ReportPanel visitId={visitId} title={t('entity.reportKinds.full')} issueReport={() => call('report.issueEntity', { visitId })} before={<>{freshness}<ErrorAlert error={error} /></>} />;
  }
  const special = options && (
    <Stack gap="xs" data-testid="special-options">
      <Checkbox.Group label={t('entity.special.fields')} description={t('entity.special.fieldsHint')} withAsterisk value={fields} onChange={setFields} data-testid="special-fields">
        <Group gap="xs" mt={4}>
          {options.fields.map((f) => (
            <Checkbox key={f.code} value={f.code} label={f.label[locale]} title={f.sources[locale]} data-testid={`special-field-${f.code}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group gap="xs" grow>
        <DateField label={t('entity.special.from')} withAsterisk value={from} onChange={setFrom} testId="special-from" />
        <DateField label={t('entity.special.to')} withAsterisk value={to} onChange={setTo} testId="special-to" />
      </Group>
      <Text size="xs" c="dimmed">{t('entity.special.periodHint', { months: options.maxPeriodMonths, validity: options.validityMonths })}</Text>
      <Text size="xs" c="dimmed">{t(`entity.special.repaired.${options.repaired}`)}</Text>
      {fields.length === 0 && <Text size="xs" c="orange">{t('entity.special.needField')}</Text>}
    </Stack>
  );
  return (
    <ReportPanel
      visitId={visitId}
      title={t('entity.reportKinds.special')}
      issueReport={() => call('report.issueSpecial', { visitId, fields, ...(from ? { from } : {}), ...(to ? { to } : {}) })}
      issueDisabled={!options || fields.length === 0}
      before={<>{special}{freshness}<ErrorAlert error={error} /></>}
    />
  );
}
