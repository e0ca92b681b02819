import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestCore } from '../../support/core';
import { syncWorld } from '../sync/world';

const stepsOf = (c: { steps: { step: string; done: boolean }[] }) => Object.fromEntries(c.steps.map((s) => [s.step, s.done]));

test('a new office shows every setup step open; each turns done from real state, not by ticking', async () => {
  const core = await openTestCore();
  try {
    const admin = (await core.loginAs('admin')).token;
    const fresh = await core.ok('setup.checklist', {}, admin);
    assert.deepEqual(stepsOf(fresh), { office: false, trust: false, accounts: false, ruleProfile: false, printer: false });
    assert.equal(fresh.complete, false);

    await core.loginAs('clerk');
    await core.ok('cases.selectProfile', { profileId: 'default' }, (await core.loginAs('operator')).token);
    const later = await core.ok('setup.checklist', {}, admin);
    assert.deepEqual(stepsOf(later), { office: false, trust: false, accounts: true, ruleProfile: true, printer: false });
    assert.equal(later.steps.find((s) => s.step === 'accounts')?.facts.clerks, 1);

    // Only the administrator reads it.
    const clerk = (await core.loginAs('clerk')).token;
    const refused = await core.call('setup.checklist', {}, clerk);
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');
  } finally {
    await core.dispose();
  }
});

test('a provisioned office has its office and platform-trust steps done', async () => {
  const w = await syncWorld();
  try {
    const admin = (await w.core.loginAs('admin')).token;
    const c = await w.core.ok('setup.checklist', {}, admin);
    assert.deepEqual(stepsOf(c), { office: true, trust: true, accounts: false, ruleProfile: false, printer: false });
    assert.equal(c.steps.find((s) => s.step === 'office')?.facts.officeCode, '370306-02');
  } finally {
    await w.dispose();
  }
});
