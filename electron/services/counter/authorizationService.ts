import type { Applicant } from '../../../shared/contract/counter';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { chinaDate } from '../../../shared/calendar/dates';
import { findAttachment } from '../../store/attachmentStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { activeProfile } from '../office/profileService';

type AgentApplicant = Extract<Applicant, { kind: 'agent' }>;

/** A letter of authorization: a person's (scope: report sections) or an entity's (scope: the reports it covers, issue 24). */
export type AgentLetter = Omit<AgentApplicant, 'kind' | 'scope'> & { scope: readonly string[] };

export interface LetterRules {
  /** What the applicant asks for, which the letter's scope must name (an entity's report kind); absent: any section will do. */
  requested?: string;
  /** Whether the profile's notarisation rule applies: to a person's power of attorney, not to an entity's stamped letter. */
  notarisation: boolean;
}

/**
 * An agent needs the subject's written authorization (Shandong art. 20, Zhejiang arts. 15, 19):
 * the letter itself (scanned), in force today, covering at least one section (for an entity, the
 * report asked for), notarised where the profile requires it of a person's letter, and from
 * someone other than the subject. A refusal is audited too. One rule for persons and entities.
 */
export async function checkAuthorization(
  ctx: CoreContext, caller: Caller, subjectIdNumber: string, a: AgentLetter, rules: LetterRules = { notarisation: true },
): Promise<void> {
  const today = chinaDate(ctx.now());
  const refuse = async (code: ErrorCode, message: string, details: Record<string, unknown> = {}): Promise<never> => {
    await ctx.db.transaction((tx) =>
      auditIn(tx, ctx, caller, { action: 'counter.agent_refused', target: subjectIdNumber, detail: { code, documentNo: a.documentNo, agentIdNumber: a.agentIdNumber } }),
    );
    throw new AppError(code, message, details);
  };
  if (a.agentIdNumber === subjectIdNumber) {
    await refuse('AGENT_IS_SUBJECT', 'The agent and the subject are the same person: serve this as a self query.');
  }
  if (a.attachmentSha256 === null || !(await findAttachment(ctx.db, a.attachmentSha256))) {
    await refuse('AUTHORIZATION_REQUIRED', 'An agent needs the written authorization: scan the letter and attach it.');
  }
  if (a.scope.length === 0) {
    await refuse('AUTHORIZATION_SCOPE_EMPTY', 'The authorization covers no report section: mark the sections the letter names.');
  }
  if (rules.requested !== undefined && !a.scope.includes(rules.requested)) {
    await refuse('AUTHORIZATION_OUT_OF_SCOPE', `The letter of authorization does not cover the ${rules.requested} report asked for.`, { requested: rules.requested, scope: a.scope });
  }
  if (a.validTo < a.validFrom) {
    // Named on the field like a schema issue, so the counter marks 授权截止日期 itself.
    await refuse('VALIDATION', 'The authorization ends before it starts: check its validity dates.', {
      validFrom: a.validFrom,
      validTo: a.validTo,
      issues: [{ path: 'applicant.validTo', reason: 'END_BEFORE_START', message: 'The end date is before the start date' }],
    });
  }
  if (a.validFrom > today) {
    await refuse('AUTHORIZATION_NOT_YET_VALID', `The authorization is valid only from ${a.validFrom}.`, { validFrom: a.validFrom, today });
  }
  if (a.validTo < today) {
    await refuse('AUTHORIZATION_EXPIRED', `The authorization expired on ${a.validTo}.`, { validTo: a.validTo, today });
  }
  const profile = await activeProfile(ctx);
  if (rules.notarisation && profile.authorization.notarisedRequired && !a.notarised) {
    await refuse('NOTARISATION_REQUIRED', `Under the ${profile.name.en} rules an agent's authorization must be notarised.`, { profile: profile.id });
  }
}
