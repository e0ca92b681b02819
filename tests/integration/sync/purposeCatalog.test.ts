// The counter's purpose catalogue survives a restart: after a platform bundle brought one, the
// next start-up uses it; without one (or with an unreadable copy) the shipped catalogue serves.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import shipped from '../../../resources/catalog/purposes.json' with { type: 'json' };
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { PURPOSES_SETTING, setSetting } from '../../../electron/store/settingsStore';

const FROM_PLATFORM = [
  { code: 'self_check', zh: '本人查询', en: 'Own credit check', requiresText: false },
  { code: 'tender', zh: '招标投标', en: 'Public tender', requiresText: false },
];

async function purposesAfterRestart(stored: string | null): Promise<unknown> {
  process.env.CREDITDESK_QUIET = '1';
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-purposes-'));
  try {
    const first = await openCore({ dataDir: dir, unlock: TEST_UNLOCK });
    assert.deepEqual(first.ctx.catalogs.purposes, shipped);
    if (stored !== null) await setSetting(first.ctx.db, PURPOSES_SETTING, stored);
    await first.close();
    const second = await openCore({ dataDir: dir, unlock: TEST_UNLOCK });
    const purposes = second.ctx.catalogs.purposes;
    await second.close();
    return purposes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('start-up uses the purpose catalogue a platform bundle stored', async () => {
  assert.deepEqual(await purposesAfterRestart(JSON.stringify(FROM_PLATFORM)), FROM_PLATFORM);
});

test('start-up falls back to the shipped catalogue when none was imported', async () => {
  assert.deepEqual(await purposesAfterRestart(null), shipped);
});

test('an unreadable stored catalogue falls back to the shipped one instead of stopping the console', async () => {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    assert.deepEqual(await purposesAfterRestart('{"not":"a list"'), shipped);
    assert.deepEqual(await purposesAfterRestart(JSON.stringify([{ code: 'x' }])), shipped);
  } finally {
    console.error = original;
  }
  assert.equal(errors.length, 2);
});
