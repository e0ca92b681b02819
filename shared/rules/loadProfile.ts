import defaultProfile from '../../resources/profiles/default.json' with { type: 'json' };
import henan from '../../resources/profiles/henan.json' with { type: 'json' };
import nationalAgency from '../../resources/profiles/national-agency.json' with { type: 'json' };
import shandong from '../../resources/profiles/shandong.json' with { type: 'json' };
import shanghai from '../../resources/profiles/shanghai.json' with { type: 'json' };
import zhejiang from '../../resources/profiles/zhejiang.json' with { type: 'json' };
import { ruleProfileSchema } from './profile';
import type { RuleProfile } from './profile';

// Profiles arrive as JSON from three places (shipped files, the database, platform bundles), so
// each is parsed, never cast. A rejected profile names every problem with its field path, so an
// administrator can fix a bundle without reading code.

export interface ProfileProblem {
  /** Dotted field path, '' for the whole document. */
  path: string;
  message: string;
}

export type ParseProfileResult = { ok: true; value: RuleProfile } | { ok: false; problems: ProfileProblem[] };

export function parseProfile(json: unknown): ParseProfileResult {
  const parsed = ruleProfileSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** One line per problem, e.g. `objection.decideOwn.days: Invalid input: expected number, received string`. */
export function describeProblems(problems: readonly ProfileProblem[]): string {
  return problems.map((p) => `${p.path || '(profile)'}: ${p.message}`).join('\n');
}

const SHIPPED_JSON: Readonly<Record<string, unknown>> = {
  default: defaultProfile,
  'national-agency': nationalAgency,
  shanghai,
  zhejiang,
  shandong,
  henan,
};

export const SHIPPED_PROFILE_IDS = Object.keys(SHIPPED_JSON);
export const DEFAULT_PROFILE_ID = 'default';

/**
 * The shipped profile with this id, parsed. A shipped file that fails its own schema is a build
 * defect, so it throws (the unit tests parse every shipped file) instead of returning problems.
 */
export function shippedProfile(id: string): RuleProfile | null {
  const json = SHIPPED_JSON[id];
  if (json === undefined) return null;
  const result = parseProfile(json);
  if (!result.ok) throw new Error(`Shipped profile ${id} is invalid:\n${describeProblems(result.problems)}`);
  if (result.value.id !== id) throw new Error(`Shipped profile file ${id} declares id ${result.value.id}`);
  return result.value;
}
