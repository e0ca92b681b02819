import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProfile, SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';
import { entityReportRules } from '../../../shared/rules/entityReportRules';
import { checkSpecialRequest, defaultSpecialPeriod } from '../../../shared/rules/specialReportRequest';
import { RECORD_DOMAINS } from '../../../shared/domain/record';

// The entity reports' regional choices, as each shipped profile states them (issue 24), and the
// special report's request rule on its edges.

const EXPECTED: Record<string, { repaired: 'omit' | 'mark'; maxPeriodMonths: number; defaultPeriodMonths: number; validityMonths: number; freshnessDays: number }> = {
  default: { repaired: 'omit', maxPeriodMonths: 36, defaultPeriodMonths: 36, validityMonths: 3, freshnessDays: 7 },
  'national-agency': { repaired: 'omit', maxPeriodMonths: 36, defaultPeriodMonths: 36, validityMonths: 3, freshnessDays: 7 },
  shanghai: { repaired: 'omit', maxPeriodMonths: 36, defaultPeriodMonths: 36, validityMonths: 3, freshnessDays: 7 },
  zhejiang: { repaired: 'mark', maxPeriodMonths: 36, defaultPeriodMonths: 36, validityMonths: 1, freshnessDays: 7 },
  shandong: { repaired: 'mark', maxPeriodMonths: 36, defaultPeriodMonths: 12, validityMonths: 3, freshnessDays: 7 },
  henan: { repaired: 'omit', maxPeriodMonths: 36, defaultPeriodMonths: 36, validityMonths: 1, freshnessDays: 5 },
};

describe('entity report rules per profile', () => {
  for (const id of SHIPPED_PROFILE_IDS) {
    it(`${id}: its own choices, and a catalogue covering every record domain`, () => {
      const rules = entityReportRules(shippedProfile(id)!);
      const { fields, ...special } = rules.special;
      assert.deepEqual({ ...special, freshnessDays: rules.freshnessDays }, EXPECTED[id]);
      assert.deepEqual([...new Set(fields.flatMap((f) => f.domains))].sort(), [...RECORD_DOMAINS].sort());
      assert.ok(fields.some((f) => f.code === 'market_regulation') && fields.some((f) => f.code === 'tax'));
    });
  }

  it('a profile document from before issue 24 follows the default profile', () => {
    const { entityReports: _dropped, ...older } = shippedProfile('shanghai')!;
    const parsed = parseProfile(older);
    assert.ok(parsed.ok);
    assert.deepEqual(entityReportRules(parsed.value), entityReportRules(shippedProfile('default')!));
  });

  it('refuses a default period over the maximum, a validity over 3 months and a field twice', () => {
    const p = structuredClone(shippedProfile('default')!) as unknown as { entityReports: { special: { defaultPeriodMonths: number; validityMonths: number; fields: unknown[] } } };
    p.entityReports.special.defaultPeriodMonths = 48;
    p.entityReports.special.validityMonths = 6;
    p.entityReports.special.fields.push(p.entityReports.special.fields[0]);
    const r = parseProfile(p);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((x) => x.path).sort(), ['entityReports.special.defaultPeriodMonths', 'entityReports.special.fields.11.code', 'entityReports.special.validityMonths']);
  });
});

describe('special report request', () => {
  const rules = entityReportRules(shippedProfile('default')!);
  it('the default period ends today and holds 36 months, both ends included', () => {
    assert.deepEqual(defaultSpecialPeriod(rules, '2026-11-21'), { from: '2023-11-22', to: '2026-11-21' });
    // Month ends clamp: 36 months to 29 February 2028 start on 1 March 2025.
    assert.deepEqual(defaultSpecialPeriod(rules, '2028-02-29'), { from: '2025-03-01', to: '2028-02-29' });
  });
  it('the longest period is exactly the maximum; one day more is refused', () => {
    assert.ok(checkSpecialRequest(rules, '2026-11-21', { fields: ['tax'], from: '2023-11-22', to: '2026-11-21' }).ok);
    assert.deepEqual(checkSpecialRequest(rules, '2026-11-21', { fields: ['tax'], from: '2023-11-21', to: '2026-11-21' }), {
      ok: false,
      problem: { reason: 'period_too_long', maxMonths: 36, earliest: '2023-11-22' },
    });
  });
  it('a one-day period is allowed; fields come back in the catalogue order, each once', () => {
    const r = checkSpecialRequest(rules, '2026-11-21', { fields: ['tax', 'market_regulation', 'tax'], from: '2026-11-21', to: '2026-11-21' });
    assert.ok(r.ok);
    assert.deepEqual(r.value.fields.map((f) => f.code), ['market_regulation', 'tax']);
  });
});
