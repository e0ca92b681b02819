import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..', '..');

// The runner under test must not think it is running inside this test's own runner.
const { NODE_TEST_CONTEXT: _, ...env } = process.env;

test('a hung test fails by its name, the tests after it still run, and nothing is run twice', { timeout: 90_000 }, () => {
  const r = spawnSync(process.execPath, [join(root, 'tools', 'run-tests.mjs'), join(root, 'tests', 'support', 'runnerFixtures', 'hangs.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, CREDITDESK_TEST_TIMEOUT_MS: '500', CREDITDESK_TEST_FILE_TIMEOUT_MS: '60000' },
    timeout: 80_000,
  });
  assert.equal(r.error, undefined, 'the run finished on its own');
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /✖ never settles \([\d.]+ms\)\n\s+'test timed out after 500ms'/);
  assert.match(r.stdout, /✔ passes after the hang/);
  assert.equal(r.stdout.match(/✔ passes before the hang/g)?.length, 1, 'the file ran once');
});
