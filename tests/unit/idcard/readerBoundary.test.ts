import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contract } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/securityHeaders';

// Issue 25: the renderer cannot call the reader service. The page reaches only the console's own
// origin (its policy), holds no reader code, and reads a card only through the contract's
// permission-checked `reader.read`, whose adapter runs in the core on 127.0.0.1.
const root = join(import.meta.dirname, '..', '..', '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|css|html)$/.test(p) ? [p] : [];
  });

test("the page's policy lets it fetch only the console itself: a vendor service on another port is another origin", () => {
  const directive = (name: string) => CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `))?.split(/\s+/).slice(1) ?? [];
  assert.deepEqual(directive('connect-src').sort(), ["'self'", 'blob:']);
  assert.ok(!CONTENT_SECURITY_POLICY.includes('127.0.0.1') && !CONTENT_SECURITY_POLICY.includes('ws:'), 'no loopback or WebSocket origin is allowed');
});

// A label may name the vendor's functions ("SDT_* 接口"); calling one is what the page must never do.
test('no renderer file imports the core or speaks to a reader service', () => {
  const offending = files(join(root, 'renderer'))
    .filter((f) => !f.includes('node_modules'))
    .filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /from ['"][./]*electron\//.test(text) || /OpenDevice|CloseDevice|\b(?:SDT|CVR)_[A-Za-z]+\s*\(|new WebSocket\(|(?:fetch|XMLHttpRequest)\([^)]*(?:127\.|localhost|\[::1\])/.test(text);
    });
  assert.deepEqual(offending, []);
});

test('a card is read only through the contract, by the roles that serve the counter', () => {
  assert.equal(contract['reader.read'].access, 'counter.lookup');
  assert.equal(contract['reader.configure'].access, 'settings.manage');
  assert.equal(contract['reader.test'].access, 'settings.manage');
});
