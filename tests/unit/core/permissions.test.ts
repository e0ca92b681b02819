import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { contract, METHOD_NAMES, PERMISSIONS, ROLE_PERMISSIONS } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/account';
import { openTestCore, type TestCore } from '../../support/core';

// Table-driven over the whole contract: a method added without a permission, or with one that some
// role can reach without a session, fails here.
let core: TestCore;
const tokens: Partial<Record<(typeof ROLES)[number], string>> = {};

before(async () => {
  core = await openTestCore();
  for (const role of ROLES) tokens[role] = (await core.loginAs(role)).token;
});
after(() => core.dispose());

const PUBLIC_METHODS = new Set(['auth.status', 'auth.setupAdmin', 'auth.login', 'auth.unlock']);

test('every contract method names a known permission, "session", or is one of the few public ones', () => {
  for (const name of METHOD_NAMES) {
    const access = contract[name].access;
    if (access === 'public') assert.ok(PUBLIC_METHODS.has(name), `${name} is public but not on the public list`);
    else assert.ok(access === 'session' || (PERMISSIONS as readonly string[]).includes(access), `${name} has unknown access ${access}`);
  }
});

for (const name of METHOD_NAMES) {
  const access = contract[name].access;
  if (access === 'public') continue;

  test(`${name}: refused without a session`, async () => {
    const r = await core.dispatch(name, {}, { token: undefined });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.code === 'UNAUTHENTICATED', JSON.stringify(r));
  });

  if (access === 'session') continue;
  for (const role of ROLES) {
    if (ROLE_PERMISSIONS[role].includes(access)) continue;
    test(`${name}: refused for role ${role}`, async () => {
      const r = await core.dispatch(name, {}, { token: tokens[role] });
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.error.code === 'FORBIDDEN', `${name} as ${role}: ${JSON.stringify(r)}`);
    });
  }
}

