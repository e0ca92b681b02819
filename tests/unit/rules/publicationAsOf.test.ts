import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicationAsOf } from '../../../shared/domain/publication';
import { statutoryPublicationEnd } from '../../../shared/rules/statutoryPublicationEnd';
import { addCalendarDays } from '../../../shared/calendar/dates';
import { shippedProfile } from '../../../shared/rules/loadProfile';
import { SEVERITIES } from '../../../shared/domain/record';

// The subject view and the report count hidden records in SQL with publicationAsOf's first
// published decision date per tier; hiddenReason decides record by record with
// statutoryPublicationEnd. They must agree on every day, month ends and leap days included.

test('the first decision date still published agrees with the statutory end, every day of three years and every tier length', () => {
  const base = shippedProfile('default')!;
  for (const months of [1, 3, 6, 12, 24, 36, 60]) {
    const rules = { repair: { ...base.repair, appliesTo: ['admin_penalty' as const], tiers: { minor: { ...base.repair.tiers.minor, longestMonths: months }, ordinary: { ...base.repair.tiers.ordinary, longestMonths: months }, serious: { ...base.repair.tiers.serious, longestMonths: months } } } };
    for (let today = '2024-01-01'; today <= '2026-12-31'; today = addCalendarDays(today, 1)) {
      const asOf = publicationAsOf(today, rules);
      for (const severity of SEVERITIES) {
        const first = asOf.firstPublished[severity];
        for (let k = -40; k <= 40; k++) {
          const decidedOn = addCalendarDays(first, k);
          const ended = statutoryPublicationEnd({ category: 'admin_penalty', severity, decidedOn }, rules)! < today;
          assert.equal(decidedOn < first, ended, `${months} months, today ${today}, decided ${decidedOn}`);
        }
      }
    }
  }
});
