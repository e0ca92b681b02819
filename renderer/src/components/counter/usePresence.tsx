import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadCard, ReaderCounterStatus } from '../../../../shared/contract';
import type { IdentityInput } from '../../../../shared/contract/counter';
import { ErrorAlert } from '../ErrorAlert';
import { CardFacts } from './CardFacts';
import { ReadCardButton } from './ReadCardButton';
import { EMPTY_IDENTITY, cardStillMatches, identityInput, type IdentityDraft } from './readCard';
import { TypedIdentity } from './TypedIdentity';

export interface Presence {
  /** "读卡", where a reader is set up: to place beside the present person's fields. */
  readButton: ReactNode;
  /** The card as read (photo, facts, an expired card's note), or why the identity was typed. */
  block: ReactNode;
  /** What counter.lookup takes as `identity`. */
  input: IdentityInput;
  /** The fields still to fill before the lookup, each as the element to take the eye to. */
  problems: string[];
  /** Another person is at the counter (or a new visit): forget the card read and the reason given. */
  reset: () => void;
}

/**
 * How the identity of the person at the counter was taken (issue 25), for any form that has one:
 * the subject in person, a personal agent, an organisation's legal representative or its agent.
 * The card counts while `present` still holds what it filled in; typing over it makes the
 * identity typed, which asks why where a reader is set up (required where the profile says so).
 */
export function usePresence({ reader, present, onRead, tried, errorOf, testId }: {
  reader: ReaderCounterStatus | null;
  present: { idNumber: string; name: string };
  /** Fills the present person's number and name from the card. */
  onRead: (card: ReadCard) => void;
  tried: boolean;
  errorOf: (path: string) => string | null;
  testId: string;
}): Presence {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<IdentityDraft>(EMPTY_IDENTITY);
  const [readerError, setReaderError] = useState<unknown>(null);
  const card = identity.card && cardStillMatches(identity.card, present.idNumber, present.name) ? identity.card : null;
  const askTypedReason = !card && Boolean(reader && (reader.configured || reader.typedReasonRequired));
  const missing = {
    cardNote: card?.expired && !identity.note.trim() ? t('counterUi.required.cardNote') : null,
    typedReason: askTypedReason && reader?.typedReasonRequired && !identity.reason ? t('counterUi.required.typedReason') : null,
    typedNote: askTypedReason && identity.reason === 'other' && !identity.note.trim() ? t('counterUi.required.typedNote') : null,
  };
  const problems = [
    ...(missing.cardNote ? [`[data-testid="${testId}-card-note"]`] : []),
    ...(missing.typedReason ? [`[data-testid="${testId}-reason"]`] : []),
    ...(missing.typedNote ? [`[data-testid="${testId}-note"]`] : []),
  ];
  const read = (c: ReadCard) => {
    setIdentity({ card: c, note: '', reason: null });
    onRead(c);
  };
  const readButton = reader?.configured ? <ReadCardButton onRead={read} onError={setReaderError} testId={`${testId}-read`} /> : null;
  const block = (
    <>
      {readerError ? <ErrorAlert error={readerError} /> : null}
      {card && <CardFacts card={card} note={identity.note} onNote={(note) => setIdentity((i) => ({ ...i, note }))} noteError={(tried ? missing.cardNote : null) ?? errorOf('identity.note')} testId={`${testId}-card`} />}
      {askTypedReason && (
        <TypedIdentity
          reason={identity.reason}
          note={identity.note}
          required={Boolean(reader?.typedReasonRequired)}
          onChange={(reason, note) => setIdentity((i) => ({ ...i, reason, note }))}
          reasonError={(tried ? missing.typedReason : null) ?? errorOf('identity.reason')}
          noteError={(tried ? missing.typedNote : null) ?? errorOf('identity.note')}
          testId={testId}
        />
      )}
    </>
  );
  return {
    readButton,
    block,
    input: identityInput({ ...identity, card }),
    problems,
    reset: () => {
      setIdentity(EMPTY_IDENTITY);
      setReaderError(null);
    },
  };
}
