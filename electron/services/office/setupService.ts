import { SETUP_STEPS, type SetupChecklist, type SetupStep } from '../../../shared/contract/setup';
import { getSetting } from '../../store/settingsStore';
import { activeAccountsByRole, anythingPrinted } from '../../store/setupStore';
import { currentKeyringRow } from '../../store/syncStore';
import type { CoreContext } from '../context';
import { activeProfile, PROFILE_SETTING } from './profileService';

/**
 * What a new office still lacks before the counter can serve people, each step decided from the
 * database: provisioned office code, the platform's trust roster, staff accounts beside the
 * administrator, a rule profile chosen on purpose, and a first printed document.
 */
export async function setupChecklist(ctx: CoreContext): Promise<SetupChecklist> {
  const [officeCode, ring, roles, chosenProfile, profile, printed] = await Promise.all([
    getSetting(ctx.db, 'office_code'),
    currentKeyringRow(ctx.db),
    activeAccountsByRole(ctx.db),
    getSetting(ctx.db, PROFILE_SETTING),
    activeProfile(ctx),
    anythingPrinted(ctx.db),
  ]);
  const state: Record<SetupStep, { done: boolean; facts: Record<string, string | number | null> }> = {
    office: { done: officeCode !== undefined, facts: { officeCode: officeCode ?? null } },
    trust: { done: ring !== undefined, facts: { keyringVersion: ring?.version ?? null, fingerprint: ring?.fingerprint ?? null } },
    accounts: { done: (roles.clerk ?? 0) > 0, facts: { clerks: roles.clerk ?? 0, managers: roles.manager ?? 0, operators: roles.operator ?? 0, auditors: roles.auditor ?? 0 } },
    ruleProfile: { done: chosenProfile !== undefined, facts: { profileId: profile.id } },
    printer: { done: printed, facts: {} },
  };
  const steps = SETUP_STEPS.map((step) => ({ step, ...state[step] }));
  return { steps, complete: steps.every((s) => s.done) };
}
