import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY, withMetaPolicy } from '../../../electron/host/securityHeaders';

// What the PDF preview and the QR decoder needed from the policy, and nothing more: WebAssembly may
// compile, JavaScript eval may not; frames show only this origin's pages and its own blob: PDFs.
const directive = (name: string) => CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `))?.split(/\s+/).slice(1) ?? [];

test("script-src allows WebAssembly compilation but never eval or inline scripts", () => {
  assert.deepEqual(directive('script-src').sort(), ["'self'", "'wasm-unsafe-eval'"]);
});

test('frames and fetches reach only the console itself and its own blob: objects; no plugins, no network', () => {
  assert.deepEqual(directive('frame-src').sort(), ["'self'", 'blob:']);
  assert.deepEqual(directive('connect-src').sort(), ["'self'", 'blob:']);
  assert.deepEqual(directive('object-src'), ["'none'"]);
});

test('the page carries no policy of its own: its meta tag is the header policy, filled in at build, less frame-ancestors', () => {
  const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
  assert.ok(html.includes(`content="${CSP_PLACEHOLDER}"`), 'index.html holds the placeholder');
  const built = withMetaPolicy(html);
  const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(built)?.[1];
  assert.equal(meta, META_CONTENT_SECURITY_POLICY);
  assert.deepEqual(meta!.split('; '), CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
  assert.throws(() => withMetaPolicy(html.replace(CSP_PLACEHOLDER, "default-src *")), /must carry/);
});
