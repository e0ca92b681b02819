import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { auditActionLabel } from '../../../shared/i18n/auditLabels';

// An auditor reads every event by its name, never as "other action": each action the core writes
// (every `action: '<group>.<step>'` literal in electron/) has a label in both languages.
const root = join(import.meta.dirname, '..', '..', '..', 'electron');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

test('every audit action the core writes has a readable name in Chinese and in English', () => {
  const actions = new Set<string>();
  for (const file of sources(root)) for (const [, a] of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) actions.add(a!);
  assert.ok(actions.size >= 30, `found only ${actions.size} actions; the scan is broken`);
  const unnamed = [...actions].filter((a) => auditActionLabel(a, 'zh') === '其他操作' || auditActionLabel(a, 'en') === 'Other action');
  assert.deepEqual(unnamed, []);
});
