import { Group, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HALL_CASE_NO_MAX, QUEUE_TICKET_MAX } from '../../../../shared/contract/limits';
import { fieldIssues } from '../../../../shared/i18n/errorMessages';
import { hallNumberProblem } from '../../../../shared/validators/hallNumbers';
import { useLocale } from '../../i18n';

export interface HallNumbersDraft {
  queueTicket: string;
  hallCaseNo: string;
}

const EMPTY: HallNumbersDraft = { queueTicket: '', hallCaseNo: '' };

/**
 * The hall's queue ticket (排队号) and case number (办件编号) on the counter's request (issue 23),
 * person's and entity's alike: optional, typed or scanned. A barcode scanner types the number and
 * presses Enter; Enter in these fields never submits the request — it moves on (ticket → case
 * number → `onDone`), so a scan lands in its field and nothing is looked up before the clerk says.
 * Shown read-only once the visit is answered: the visit keeps the numbers it was opened with.
 */
export function useHallNumbers({ readOnly, errorOf, onDone }: { readOnly: boolean; errorOf: (path: string) => string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<HallNumbersDraft>(EMPTY);
  const caseRef = useRef<HTMLInputElement>(null);
  const trimmed = { queueTicket: draft.queueTicket.trim(), hallCaseNo: draft.hallCaseNo.trim() };
  // The contract's own rule, said in the sentence the core's refusal would get, before anything is sent.
  const problem = (value: string, max: number) => {
    const reason = hallNumberProblem(value, max);
    if (!reason) return null;
    return fieldIssues({ code: 'VALIDATION', message: '', details: { issues: [{ path: 'hall', reason, limit: max }] } }, locale)[0]?.message ?? null;
  };
  const errors = { queueTicket: problem(trimmed.queueTicket, QUEUE_TICKET_MAX), hallCaseNo: problem(trimmed.hallCaseNo, HALL_CASE_NO_MAX) };
  const enterMoves = (next: () => void) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    next();
  };
  const block: ReactNode = (
    // A ticket is a few characters (A017); the case number takes the rest of the row (330102-2026-000123 and longer).
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="hall-numbers">
      <TextInput
        label={t('hall.queueTicket')}
        placeholder={t('hall.optional')}
        value={draft.queueTicket}
        onChange={(e) => {
          const queueTicket = e.currentTarget.value;
          setDraft((d) => ({ ...d, queueTicket }));
        }}
        onKeyDown={enterMoves(() => caseRef.current?.focus())}
        error={errors.queueTicket ?? errorOf('queueTicket')}
        readOnly={readOnly}
        maxLength={QUEUE_TICKET_MAX * 2}
        autoComplete="off"
        spellCheck={false}
        data-testid="queue-ticket"
        style={{ flex: '0 0 34%', minWidth: 0 }}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <TextInput
        ref={caseRef}
        label={t('hall.hallCaseNo')}
        placeholder={t('hall.optional')}
        value={draft.hallCaseNo}
        onChange={(e) => {
          const hallCaseNo = e.currentTarget.value;
          setDraft((d) => ({ ...d, hallCaseNo }));
        }}
        onKeyDown={enterMoves(onDone)}
        error={errors.hallCaseNo ?? errorOf('hallCaseNo')}
        readOnly={readOnly}
        maxLength={HALL_CASE_NO_MAX * 2}
        autoComplete="off"
        spellCheck={false}
        data-testid="hall-case-no"
        style={{ flex: '1 1 0', minWidth: 0 }}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
    </Group>
  );
  return {
    block,
    /** The fields at fault, as selectors, for the form's "first problem" focus. */
    problems: [...(errors.queueTicket ? ['[data-testid="queue-ticket"]'] : []), ...(errors.hallCaseNo ? ['[data-testid="hall-case-no"]'] : [])],
    /** What the lookup sends: only the numbers given. */
    input: { ...(trimmed.queueTicket ? { queueTicket: trimmed.queueTicket } : {}), ...(trimmed.hallCaseNo ? { hallCaseNo: trimmed.hallCaseNo } : {}) },
    reset: () => setDraft(EMPTY),
    /** A visit read back after a lock or reload shows the numbers it was opened with. */
    restore: (v: { queueTicket: string | null; hallCaseNo: string | null }) => setDraft({ queueTicket: v.queueTicket ?? '', hallCaseNo: v.hallCaseNo ?? '' }),
  };
}
