import type { Purpose } from '../../shared/contract';
import shipped from '../../resources/catalog/purposes.json' with { type: 'json' };
import type { Queryable } from '../db/database';
import { getSetting, PURPOSES_SETTING } from '../store/settingsStore';

const isPurpose = (p: unknown): p is Purpose => {
  const o = p as Partial<Record<keyof Purpose, unknown>> | null;
  return typeof o === 'object' && o !== null && typeof o.code === 'string' && typeof o.zh === 'string' && typeof o.en === 'string' && typeof o.requiresText === 'boolean'
    && (o.subjectKind === undefined || o.subjectKind === 'person' || o.subjectKind === 'entity');
};

/**
 * The purpose catalogue the counter offers: the one the platform last sent in a bundle (kept in
 * office_setting so it survives a restart), else the catalogue shipped with the console. The
 * stored copy was checked on import, so an unreadable one means a damaged database: say so and
 * keep serving the counter with the shipped list rather than refusing to start.
 */
export async function loadPurposes(db: Queryable): Promise<Purpose[]> {
  const stored = await getSetting(db, PURPOSES_SETTING);
  if (stored === undefined) return shipped as Purpose[];
  try {
    const parsed: unknown = JSON.parse(stored);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every(isPurpose)) return parsed;
  } catch {
    // falls through to the message below
  }
  console.error(`CreditDesk: the purpose catalogue from the last platform bundle (office_setting ${PURPOSES_SETTING}) is unreadable; using the shipped catalogue.`);
  return shipped as Purpose[];
}

/** The purposes a lookup of this kind of subject offers (issue 24): a purpose without a kind is a person's; `all` labels logs. */
export function purposesFor(purposes: readonly Purpose[], kind: 'person' | 'entity' | 'all'): Purpose[] {
  return kind === 'all' ? [...purposes] : purposes.filter((p) => (p.subjectKind ?? 'person') === kind);
}
