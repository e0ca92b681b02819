import { validateCreditCode } from '../validators/creditCode';
import type { EntityType } from './subject';

// GB 32100-2015: characters 1–2 of a unified social credit code name the registration department
// and the kind of institution within it. For the kinds a registration record distinguishes, the
// code settles the entity type, so a registration that says otherwise is wrong data.
const BY_DEPARTMENT_TYPE: Readonly<Record<string, EntityType>> = {
  '91': 'enterprise',
  '92': 'individual_business',
  '93': 'farmers_coop',
  '51': 'social_organisation',
  '52': 'social_organisation',
  '53': 'social_organisation',
  '59': 'social_organisation',
  '11': 'institution',
  '12': 'institution',
  A1: 'institution',
};

/**
 * The entity type a unified social credit code implies, or null where the entity has no code (an
 * old registration known only by its registration number) or one whose first characters the
 * table does not know: there the registration's word stands.
 */
export function entityTypeOf(creditCode: string): EntityType | null {
  const parsed = validateCreditCode(creditCode, { mode: 'platform' });
  if (!parsed.ok) return null;
  // A platform code whose department or type the table does not know yet says nothing about the kind.
  if (parsed.value.warnings.some((w) => w.code === 'CC_DEPARTMENT' || w.code === 'CC_INSTITUTION_TYPE')) return null;
  return BY_DEPARTMENT_TYPE[parsed.value.registrationDept + parsed.value.institutionType] ?? 'other';
}
