import { DEFAULT_PROFILE_ID, shippedProfile } from './loadProfile';
import type { RuleProfile } from './profile';
import type { EntityReportRules } from './entityReportRulesSchema';

/**
 * The profile's entity-report rules. A profile document from before issue 24 has none; it then
 * follows the shipped default profile's, so the default lives in one file (resources/profiles/default.json).
 */
export function entityReportRules(profile: Pick<RuleProfile, 'entityReports'>): EntityReportRules {
  const own = profile.entityReports;
  if (own) return own;
  const fallback = shippedProfile(DEFAULT_PROFILE_ID)?.entityReports;
  if (!fallback) throw new Error('The shipped default profile has no entityReports rules');
  return fallback;
}
