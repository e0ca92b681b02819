import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';
import { entityReportRules } from '../../../shared/rules/entityReportRules';
import { openTestCore, type TestCore } from '../../support/core';
import { pdfText } from '../../support/pdf';
import { appliedUpdate, entity, entityRecord, entityVisit, seedEntities } from '../../support/entityWorld';

// Repaired and revoked penalties on a special report, under each shipped profile (issue 24): a
// revoked decision never prints; a repaired one is left out or shown marked 已修复 as the profile says;
// the validity printed is the profile's.

const NOW = '2026-11-21T02:00:00Z';
let core: TestCore;
let clerk: { token: string; id: number };
let admin: string;

const company = entity(21, '淄博市博山陶瓷有限公司', (id) => [
  entityRecord(id, { domain: 'market', title: 'penalty-active' }),
  entityRecord(id, { domain: 'market', title: 'penalty-repaired', status: 'repaired' }),
  entityRecord(id, { domain: 'market', title: 'penalty-revoked', status: 'revoked' }),
  // Repaired, and past its publicity end anyway: no profile shows it.
  entityRecord(id, { domain: 'market', title: 'penalty-repaired-ended', status: 'repaired', publicityEnd: '2026-10-31' }),
]);

before(async () => {
  core = await openTestCore({ now: NOW });
  const session = await core.loginAs('clerk');
  clerk = { token: session.token, id: session.account.id };
  admin = (await core.loginAs('admin')).token;
  await seedEntities(core, company);
  await appliedUpdate(core, '2026-11-20T08:00:00Z');
});
after(() => core.dispose());

for (const id of SHIPPED_PROFILE_IDS) {
  test(`profile ${id}: repaired penalties ${entityReportRules(shippedProfile(id)!).special.repaired === 'mark' ? 'marked 已修复' : 'omitted'}, revoked never, its validity printed`, async () => {
    const rules = entityReportRules(shippedProfile(id)!);
    await core.ok('cases.selectProfile', { profileId: id }, admin);
    const visitId = await entityVisit(core, clerk.id, company, 'special');
    const issued = await core.ok('report.issueSpecial', { visitId, fields: ['market_regulation'] }, clerk.token);
    const text = pdfText(await core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token)).replace(/\s+/g, '');
    assert.match(text, /penalty-active/);
    assert.doesNotMatch(text, /penalty-revoked|penalty-repaired-ended/);
    if (rules.special.repaired === 'mark') assert.match(text, /【已修复】[^【]*penalty-repaired/);
    else assert.doesNotMatch(text, /penalty-repaired|【已修复】/);
    const validUntil = { 1: '2026-12-20', 3: '2027-02-20' }[rules.special.validityMonths as 1 | 3];
    assert.match(text, new RegExp(`有效期自出具之日起至${validUntil}`));
  });
}
