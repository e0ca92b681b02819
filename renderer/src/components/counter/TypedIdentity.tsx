import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TYPED_REASONS } from '../../../../shared/contract/counter';
import type { TypedReason } from './readCard';

/**
 * Why the identity was typed instead of read, where a reader is set up: optional unless the
 * office's rules ask for it; "other" needs a few words. Logged with the visit (proof of presence).
 */
export function TypedIdentity({ reason, note, required, onChange, reasonError, noteError, testId }: {
  reason: TypedReason;
  note: string;
  required: boolean;
  onChange: (reason: TypedReason, note: string) => void;
  reasonError: string | null;
  noteError: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('card.typedReason')}
        withAsterisk={required}
        clearable={!required}
        placeholder={required ? undefined : t('card.typedReasonOptional')}
        data={TYPED_REASONS.map((r) => ({ value: r, label: t(`card.reasons.${r}`) }))}
        value={reason}
        onChange={(v) => onChange((v as TypedReason) ?? null, note)}
        error={reasonError}
        data-testid={`${testId}-reason`}
      />
      {reason === 'other' && (
        <TextInput label={t('card.typedNote')} withAsterisk value={note} onChange={(e) => onChange(reason, e.currentTarget.value)} error={noteError} maxLength={200} data-testid={`${testId}-note`} />
      )}
    </>
  );
}
