import { z } from 'zod';
import { method } from './method';

export const SETUP_STEPS = ['office', 'trust', 'accounts', 'ruleProfile', 'printer'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupChecklist {
  steps: { step: SetupStep; done: boolean; facts: Record<string, string | number | null> }[];
  complete: boolean;
}

export const setupContract = {
  /** The first administrator's checklist, read from the office's real state (nothing is ticked by hand). */
  'setup.checklist': method<SetupChecklist>()({ input: z.object({}).strict(), access: 'accounts.manage' }),
};
