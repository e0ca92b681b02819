import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLaunchArgs, pickLaunchFlags, UsageError } from '../../../electron/host/launchArgs';

test('launch flags: demo, data directory and port are read; the data directory is made absolute', () => {
  const a = parseLaunchArgs(['--demo', '--data-dir', 'office', '--port', '4555']);
  assert.equal(a.demo, true);
  assert.equal(a.port, 4555);
  assert.ok(a.dataDir.endsWith('/office') && a.dataDir.startsWith('/'));
});

test('bad launch flags get one plain sentence, never a stack trace', () => {
  for (const [argv, pattern] of [
    [['--port', '99999'], /--port must be a whole number from 1 to 65535/],
    [['--port', 'abc'], /--port must be a whole number/],
    [['--data-dir', ' '], /--data-dir needs a directory path/],
    [['--frobnicate'], /Unknown option/],
    [['stray'], /Unexpected argument/],
  ] as const) {
    assert.throws(() => parseLaunchArgs([...argv]), (e: unknown) => e instanceof UsageError && pattern.test(e.message));
  }
});

test('under Electron, Chromium and debugger switches and the app path are left out before parsing', () => {
  const flags = pickLaunchFlags(['--inspect=0', '--remote-debugging-port=0', '/opt/creditdesk', '--demo', '--data-dir', '/tmp/x', '--no-sandbox']);
  assert.deepEqual(flags, ['--demo', '--data-dir', '/tmp/x']);
  assert.equal(parseLaunchArgs(flags).dataDir, '/tmp/x');
});
