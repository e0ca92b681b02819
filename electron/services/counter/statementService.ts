import type { StatementView } from '../../../shared/domain/report';
import { AppError } from '../../../shared/errors';
import { chinaDate } from '../../../shared/calendar/dates';
import { findVisit } from '../../store/queryLogStore';
import { insertStatement, statementsOfSubject, subjectOfRecord } from '../../store/statementStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { activeProfile } from '../office/profileService';

// 本人声明: the subject's own words on their file or on one record, shown on every later report
// next to what they concern. Taken at the counter from the subject in person only: a statement
// speaks for the subject, which an authorization to *query* does not cover. For an entity (issue
// 24) that is its legal representative in person; its agent's letter names reports only.

export async function createStatement(
  ctx: CoreContext,
  caller: Caller,
  input: { visitId: number; recordId: number | null; text: string },
): Promise<StatementView> {
  const visit = await findVisit(ctx.db, input.visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'There is no such visit.');
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can take a statement.');
  if (chinaDate(new Date(visit.started_at)) !== chinaDate(ctx.now())) throw new AppError('VISIT_CLOSED', 'This visit was opened on an earlier day; start a new visit.');
  if (visit.subject_id === null) throw new AppError('NOT_FOUND', 'There is no record for this person, so there is nothing to make a statement about.');
  // An entity's "self" is its legal representative in person (visit_legal_rep); its agent (经办人) is refused like a person's.
  if (visit.applicant_kind !== 'self') {
    throw new AppError('STATEMENT_IN_PERSON', 'A statement is taken from the subject in person (an entity\'s legal representative in person), not from an agent.', { subjectKind: visit.subject_kind });
  }
  const text = input.text.normalize('NFC').trim();
  const { statementMaxLength } = await activeProfile(ctx);
  const length = Array.from(text).length;
  if (length > statementMaxLength) {
    throw new AppError('STATEMENT_TOO_LONG', `A statement may have at most ${statementMaxLength} characters; this one has ${length}.`, { max: statementMaxLength, length });
  }
  if (input.recordId !== null) {
    if ((await subjectOfRecord(ctx.db, input.recordId)) !== visit.subject_id) throw new AppError('NOT_FOUND', "That record is not this person's record.", { recordId: input.recordId });
  }
  const createdAt = ctx.now().toISOString();
  const subjectId = visit.subject_id;
  const id = await ctx.db.transaction(async (tx) => {
    const sid = await insertStatement(tx, { subjectId, recordId: input.recordId, visitId: visit.id, clerkId: caller.accountId, text, createdAt });
    await auditIn(tx, ctx, caller, { action: 'statement.create', target: visit.id_number, detail: { statementId: sid, recordId: input.recordId, visitId: visit.id, length } });
    return sid;
  });
  return { id, recordId: input.recordId, text, createdAt };
}

export async function listStatements(ctx: CoreContext, caller: Caller, input: { visitId: number }): Promise<StatementView[]> {
  const visit = await findVisit(ctx.db, input.visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'There is no such visit.');
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can see its statements.');
  return visit.subject_id === null ? [] : statementsOfSubject(ctx.db, visit.subject_id);
}
