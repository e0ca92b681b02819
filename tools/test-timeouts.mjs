// Preloaded into every test process by tools/run-tests.mjs: gives each test and hook a default
// timeout, so one that never settles fails under its own name instead of stalling the run.
// Node 20's --test-timeout applies only to a whole file, and wrapping every test file's import
// would touch them all; node:test is a builtin, so its exports are replaced once here and
// syncBuiltinESMExports() makes `import { test } from 'node:test'` see the wrapped ones.
// An explicit `{ timeout }` on a test still wins.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const nodeTest = require('node:test');
const TIMEOUT_MS = Number(process.env.CREDITDESK_TEST_TIMEOUT_MS ?? 120_000);

function withTimeout(fn) {
  const wrapped = function (name, options, body) {
    if (typeof name === 'function') return fn.call(this, { timeout: TIMEOUT_MS }, name);
    if (typeof options === 'function' || options === undefined) return fn.call(this, name, { timeout: TIMEOUT_MS }, options);
    return fn.call(this, name, { timeout: TIMEOUT_MS, ...options }, body);
  };
  for (const k of ['skip', 'todo', 'only']) if (typeof fn[k] === 'function') wrapped[k] = fn[k];
  return wrapped;
}

function hookWithTimeout(fn) {
  return function (body, options) {
    return fn.call(this, body, { timeout: TIMEOUT_MS, ...options });
  };
}

nodeTest.test = withTimeout(nodeTest.test);
nodeTest.it = withTimeout(nodeTest.it);
for (const hook of ['before', 'after', 'beforeEach', 'afterEach']) nodeTest[hook] = hookWithTimeout(nodeTest[hook]);
syncBuiltinESMExports();
