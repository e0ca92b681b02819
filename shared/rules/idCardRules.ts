import { DEFAULT_PROFILE_ID, shippedProfile } from './loadProfile';
import type { IdCardRules, RuleProfile } from './profile';

/**
 * The profile's card rules. A profile document from before issue 25 has none; it then follows the
 * shipped default profile's, so the default lives in one file (resources/profiles/default.json).
 */
export function idCardRules(profile: Pick<RuleProfile, 'idCard'>): IdCardRules {
  const own = profile.idCard;
  if (own) return own;
  const fallback = shippedProfile(DEFAULT_PROFILE_ID)?.idCard;
  if (!fallback) throw new Error('The shipped default profile has no idCard rules');
  return fallback;
}
