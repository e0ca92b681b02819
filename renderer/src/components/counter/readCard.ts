import type { ReadCard } from '../../../../shared/contract';
import type { IdentityInput } from '../../../../shared/contract/counter';
import { normaliseIdNumber } from '../../../../shared/validators/idNumber';

// How the identity of the person at the counter is sent with the lookup (issue 25): the card's
// read while the fields still hold what the card filled in, else typed with the clerk's reason.

export type TypedReason = Extract<IdentityInput, { source: 'typed' }>['reason'];

export interface IdentityDraft {
  card: ReadCard | null;
  /** Why the clerk accepts an expired card (a profile that allows it), or why the identity was typed. */
  note: string;
  reason: TypedReason;
}

export const EMPTY_IDENTITY: IdentityDraft = { card: null, note: '', reason: null };

/** Whether the fields still hold what the card filled in (the clerk may have typed over them). */
export function cardStillMatches(card: ReadCard, idNumber: string, name: string): boolean {
  return normaliseIdNumber(idNumber) === card.number && name.trim() === card.name;
}

export function identityInput(draft: IdentityDraft): IdentityInput {
  const note = draft.note.trim();
  if (draft.card) return { source: 'card', readId: draft.card.readId, ...(note ? { note } : {}) };
  return { source: 'typed', reason: draft.reason, ...(note ? { note } : {}) };
}

/** The card's photo as the page shows it: a data URL, never a file or an address. */
export function photoUrl(card: ReadCard): string {
  const mime = card.photo.format === 'jpeg' ? 'image/jpeg' : card.photo.format === 'png' ? 'image/png' : 'image/bmp';
  return `data:${mime};base64,${card.photo.base64}`;
}
