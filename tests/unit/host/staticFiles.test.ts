import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readStatic } from '../../../electron/host/staticFiles';

// What browser mode serves from the built console: each file with the type the browser needs
// (a .wasm served as octet-stream loses the QR decoder's streaming compile), nothing outside it.
test('the console files are served with their types: the decoder WebAssembly as application/wasm, the icon as SVG', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cd-static-'));
  try {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'zxing_reader.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    assert.equal((await readStatic(root, '/assets/zxing_reader.wasm'))?.type, 'application/wasm');
    assert.equal((await readStatic(root, '/favicon.svg'))?.type, 'image/svg+xml');
    assert.equal((await readStatic(root, '/'))?.type, 'text/html; charset=utf-8');
    assert.equal(await readStatic(root, '/../etc/passwd'), null);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
