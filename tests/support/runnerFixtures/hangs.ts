// Run by tests/unit/core/testRunner.test.ts through tools/run-tests.mjs (not a *.test.ts file, so
// the suite itself never runs it): one test that never settles between two that pass.
import { test } from 'node:test';

test('passes before the hang', () => {});
test('never settles', async () => {
  await new Promise(() => setInterval(() => undefined, 1000));
});
test('passes after the hang', () => {});
