import { Alert, Badge, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReadCard } from '../../../../shared/contract';
import { photoUrl } from './readCard';
import classes from './CardFacts.module.css';

/**
 * The card as read, beside the fields it filled: the photo for the face comparison (shown, never
 * stored), and what the chip says that the fields do not (address masked, authority, validity).
 */
export function CardFacts({ card, note, onNote, noteError, testId }: { card: ReadCard; note: string; onNote: (note: string) => void; noteError: string | null; testId: string }) {
  const { t } = useTranslation();
  const foreign = card.type === 'foreign_permanent';
  const rows: Array<[string, string]> = [
    [t('card.name'), card.nameLatin ? `${card.name}（${card.nameLatin}）` : card.name],
    [t('card.sexBirth'), `${t(card.sex === 'M' ? 'counter.male' : 'counter.female')} · ${card.birthDate}`],
    ...(card.ethnicity ? [[t(foreign ? 'card.nationality' : 'card.ethnicity'), card.ethnicity] as [string, string]] : []),
    ...(card.addressMasked ? [[t('card.address'), card.addressMasked] as [string, string]] : []),
    [t('card.authority'), card.issuingAuthority],
    [t('card.validity'), `${card.validFrom} – ${card.validTo ?? t('card.longTerm')}`],
  ];
  return (
    <Stack gap={6} className={classes.card} data-testid={testId} data-card-type={card.type}>
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color="teal">{t('card.fromCard')}</Badge>
        <Badge variant="outline">{t(`card.types.${card.type}`)}</Badge>
      </Group>
      <div className={classes.body}>
        <Image src={photoUrl(card)} alt={t('card.photoAlt')} className={classes.photo} data-testid={`${testId}-photo`} />
        <dl className={classes.facts}>
          {rows.map(([label, value]) => (
            <div key={label} className={classes.row}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Text size="xs" c="dimmed">{t('card.compare')}</Text>
      {card.expired && (
        <>
          <Alert color="orange" variant="light" p="xs">{t('card.expiredAccepted')}</Alert>
          <TextInput label={t('card.expiredNote')} withAsterisk value={note} onChange={(e) => onNote(e.currentTarget.value)} error={noteError} maxLength={200} data-testid={`${testId}-note`} />
        </>
      )}
    </Stack>
  );
}
