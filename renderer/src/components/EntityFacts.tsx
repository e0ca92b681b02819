import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENTITY_REPORT_SECTIONS } from '../../../shared/domain/record';
import type { EntityViewPart } from '../../../shared/domain/subjectView';
import { ENTITY_SECTION_TITLES, ENTITY_TYPE_LABELS, OPERATING_STATUS_LABELS } from '../../../shared/i18n/entityLabels';
import { useLocale } from '../i18n';
import classes from './counter/CardFacts.module.css';

/**
 * An entity's part of the subject view (issue 24): its registration basics (public), the legal
 * representative masked like any person, and what each section of the entity report holds.
 */
export function EntityFacts({ entity }: { entity: EntityViewPart }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const at = locale === 'zh' ? 0 : 1;
  const reg = entity.registration;
  const rows: Array<[string, string | null]> = reg
    ? [
        [t('entity.view.type'), ENTITY_TYPE_LABELS[reg.entityType][at]],
        [t('entity.view.status'), OPERATING_STATUS_LABELS[reg.operatingStatus][at]],
        [t('entity.view.legalRep'), [entity.legalRepNameMasked, entity.legalRepIdNumberMasked].filter(Boolean).join(' · ') || null],
        [t('entity.view.registrationNo'), reg.registrationNo],
        [t('entity.view.established'), reg.establishedOn],
        [t('entity.view.capital'), reg.registeredCapital],
        [t('entity.view.authority'), reg.registrationAuthority],
        [t('entity.view.address'), reg.address],
        [t('entity.view.scope'), reg.businessScope],
      ]
    : [[t('entity.view.legalRep'), entity.legalRepNameMasked]];
  return (
    <Card withBorder data-testid="entity-facts">
      <Title order={5} mb="xs">{t('entity.view.registration')}</Title>
      <Stack gap={6}>
        {!reg && <Text size="sm" c="dimmed">{t('entity.view.none')}</Text>}
        <dl className={classes.facts}>
          {rows
            .filter((r): r is [string, string] => Boolean(r[1]))
            .map(([label, value]) => (
              <div key={label} className={classes.row}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <Text size="sm" fw={500}>{t('entity.view.sections')}</Text>
        <Group gap={6} data-testid="entity-sections">
          {ENTITY_REPORT_SECTIONS.map((s) => {
            const c = entity.sections[s];
            const n = (c?.total ?? 0) - (c?.hidden ?? 0) + (c?.activeLists ?? 0);
            return (
              <Badge key={s} variant={n > 0 ? 'light' : 'default'} color={n > 0 && ['penalties', 'enforcement', 'serious_dishonesty', 'abnormal_operation', 'judicial'].includes(s) ? 'red' : undefined} tt="none" data-section={s}>
                {ENTITY_SECTION_TITLES[s][at]} {n}
              </Badge>
            );
          })}
        </Group>
      </Stack>
    </Card>
  );
}
