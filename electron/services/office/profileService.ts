import { DEFAULT_PROFILE_ID, SHIPPED_PROFILE_IDS, describeProblems, parseProfile, shippedProfile } from '../../../shared/rules/loadProfile';
import type { RuleProfile } from '../../../shared/rules/profile';
import { AppError } from '../../../shared/errors';
import { getSetting, setSetting } from '../../store/settingsStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import type { ProfileChoice } from '../../../shared/contract/cases';

// The office's rule profile (domain-rules.md: regional choices are data). The selection lives in
// office_setting 'rule_profile'; a platform bundle may store a replacement document under
// 'rule_profile_doc:<id>', which then takes precedence over the shipped file of that id.

export const PROFILE_SETTING = 'rule_profile';
const docKey = (id: string) => `rule_profile_doc:${id}`;

export async function profileById(ctx: CoreContext, id: string): Promise<RuleProfile | null> {
  const doc = await getSetting(ctx.db, docKey(id));
  if (doc !== undefined) {
    const parsed = parseProfile(JSON.parse(doc));
    if (parsed.ok) return parsed.value;
    console.warn(`[profiles] stored profile ${id} is invalid, using the shipped one:\n${describeProblems(parsed.problems)}`);
  }
  return shippedProfile(id);
}

export async function activeProfile(ctx: CoreContext): Promise<RuleProfile> {
  const id = (await getSetting(ctx.db, PROFILE_SETTING)) ?? DEFAULT_PROFILE_ID;
  return (await profileById(ctx, id)) ?? shippedProfile(DEFAULT_PROFILE_ID)!;
}

export async function listProfiles(ctx: CoreContext): Promise<ProfileChoice> {
  const active = await activeProfile(ctx);
  const profiles: ProfileChoice['profiles'] = [];
  for (const id of SHIPPED_PROFILE_IDS) {
    const p = await profileById(ctx, id);
    if (p) {
      profiles.push({
        id: p.id,
        name: p.name,
        dayKind: p.objection.dayKind,
        extensionMaxDays: p.objection.extension?.maxTotalDays ?? null,
        pauseReasons: [...(p.objection.pause?.reasons ?? [])],
      });
    }
  }
  return { active: active.id, profiles };
}

/** Applies to cases received from now on; open cases keep the profile they were received under. */
export async function selectProfile(ctx: CoreContext, caller: Caller, id: string): Promise<ProfileChoice> {
  const profile = await profileById(ctx, id);
  if (!profile) throw new AppError('NOT_FOUND', `There is no rule profile "${id}".`, { profileId: id });
  await ctx.db.transaction(async (tx) => {
    await setSetting(tx, PROFILE_SETTING, id);
    await auditIn(tx, ctx, caller, { action: 'settings.rule_profile', target: id, detail: {} });
  });
  return listProfiles(ctx);
}
