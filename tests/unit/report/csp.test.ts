import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/securityHeaders';

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
