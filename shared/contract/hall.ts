import { z } from 'zod';
import { EVALUATION_URL_MAX, HALL_CASE_NO_MAX, HALL_NUMBER_CHARS, QUEUE_TICKET_MAX } from './limits';
import { parseEvaluationUrl } from '../validators/evaluationAddress';
import { method } from './method';
import { EVALUATION_ADAPTERS, type EvaluationAdapter, type EvaluationFailure } from '../domain/hall';

export { EVALUATION_ADAPTERS, SERVICE_ITEMS, type EvaluationAdapter, type EvaluationFailure, type ServiceItem } from '../domain/hall';

// Hall integration (issue 23): the hall's queue ticket (排队号) and case number (办件编号) on a
// visit, and the hook that tells the hall's evaluation device (好差评) a visit has ended
// (docs/hall-integration.md). The hook is off ('none') until an administrator sets an address.

/** An optional hall number: trimmed; '' is "not given"; otherwise letters, digits and '-' within `max`. */
const hallNumber = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => v === '' || HALL_NUMBER_CHARS.test(v), { message: 'letters, digits and - only', params: { reason: 'hall_number_chars' } })
    .optional();

/** The two numbers a lookup may carry, a person's and an entity's alike. */
export const hallNumbersInput = { queueTicket: hallNumber(QUEUE_TICKET_MAX), hallCaseNo: hallNumber(HALL_CASE_NO_MAX) };

/** What the clerk is told when a visit ends: at once, whatever the evaluation device does. */
export interface VisitEnded {
  visitId: number;
  endedAt: string;
  /** The visit had already ended (a second press, a retried call): nothing new was written or sent. */
  alreadyEnded: boolean;
}

export interface EvaluationDelivery {
  /** Notifications of visits that ended today (China date), by state. */
  today: { delivered: number; failed: number; pending: number };
  lastDelivered: { visitId: number; at: string } | null;
  lastFailure: { visitId: number; at: string; reason: EvaluationFailure; httpStatus: number | null } | null;
}

export interface EvaluationSettings {
  adapter: EvaluationAdapter;
  /** '' while the adapter is 'none'. */
  url: string;
  /** How long one attempt waits for the device (fixed; said on the screen). */
  timeoutMs: number;
  delivery: EvaluationDelivery;
}

/** "发送测试通知": one POST of a test notification to the address, saved or not. */
export interface EvaluationTestResult {
  delivered: boolean;
  reason: EvaluationFailure | null;
  httpStatus: number | null;
}

const evaluationSettingsInput = z
  .object({ adapter: z.enum(EVALUATION_ADAPTERS), url: z.string().trim().max(EVALUATION_URL_MAX) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.adapter === 'none') return;
    const parsed = parseEvaluationUrl(v.url);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: parsed.reason, params: { reason: parsed.reason } });
  });

export const hallContract = {
  'hall.evaluation': method<EvaluationSettings>()({ input: z.object({}).strict(), access: 'settings.manage' }),
  /** The adapter and the device's address; audited. A refused address changes nothing. */
  'hall.configureEvaluation': method<EvaluationSettings>()({ input: evaluationSettingsInput, access: 'settings.manage' }),
  'hall.testEvaluation': method<EvaluationTestResult>()({ input: evaluationSettingsInput, access: 'settings.manage' }),
};
