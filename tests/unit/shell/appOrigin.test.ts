import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { APP_ENTRY, appRequestPath, devServerOrigin, isAllowedNavigation, isAppUrl } from '../../../electron/shell/appOrigin';

// The Electron shell's origin rules, as the attacks a hostile page or file would try.
const root = join(import.meta.dirname, '..', '..', '..');

test('attack: any file:// URL (a downloaded page, a USB stick) is not the console', () => {
  for (const url of ['file:///home/clerk/Downloads/evil.html', 'file:///tmp/out/renderer/index.html', 'file://console/index.html']) {
    assert.equal(isAppUrl(url, null), false, url);
  }
  assert.equal(isAppUrl(APP_ENTRY, null), true);
  assert.equal(isAppUrl('creditdesk://console/assets/index-abc.js', null), true);
});

test('attack: look-alike origins are refused — exact scheme and host only', () => {
  for (const url of [
    'creditdesk://console.evil.example/index.html',
    'creditdesk://evil/index.html',
    'creditdesk://user:pw@console/index.html',
    'creditdesk://console:8080/index.html',
    'https://console/index.html',
    'http://localhost:5173.evil.example/',
    'http://localhost:51730/',
    'not a url',
  ]) {
    assert.equal(isAppUrl(url, 'http://localhost:5173'), false, url);
  }
});

test('the dev server is the console only in an unpackaged run, and only on loopback', () => {
  assert.equal(devServerOrigin('http://localhost:5173/', true), null, 'packaged: ELECTRON_RENDERER_URL ignored');
  assert.equal(devServerOrigin('http://localhost:5173/', false), 'http://localhost:5173');
  assert.equal(devServerOrigin('https://cdn.example/app/', false), null);
  assert.equal(devServerOrigin('http://10.0.0.5:5173/', false), null);
  assert.equal(devServerOrigin(undefined, false), null);
  const dev = devServerOrigin('http://localhost:5173/', false);
  assert.equal(isAppUrl('http://localhost:5173/index.html', dev), true);
  assert.equal(isAppUrl('http://localhost:5173/index.html', devServerOrigin('http://localhost:5173/', true)), false);
});

test('navigation: the main frame stays on the console; subframes may only be inert previews', () => {
  assert.equal(isAllowedNavigation('https://example.com/', true, null), false);
  assert.equal(isAllowedNavigation('https://example.com/', false, null), false);
  assert.equal(isAllowedNavigation('about:srcdoc', false, null), true);
  assert.equal(isAllowedNavigation('about:srcdoc', true, null), false);
  assert.equal(isAllowedNavigation('file:///etc/passwd', false, null), false);
  assert.equal(isAllowedNavigation('creditdesk://console/index.html', true, null), true);
});

test('the scheme handler maps only console URLs to paths', () => {
  assert.equal(appRequestPath('creditdesk://console/'), '/index.html');
  assert.equal(appRequestPath('creditdesk://console/assets/a.js?x=1'), '/assets/a.js');
  assert.equal(appRequestPath('creditdesk://other/assets/a.js'), null);
  assert.equal(appRequestPath('file:///etc/passwd'), null);
});

test('electron-builder.yml flips the fuses (RunAsNode, NODE_OPTIONS, inspect off; cookie encryption, ASAR integrity, ASAR only on)', () => {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}.+\n)+)/m.exec(yml)?.[1] ?? '';
  const fuses = Object.fromEntries(block.trim().split('\n').map((l) => l.trim().split(/:\s*/) as [string, string]));
  assert.deepEqual(
    {
      runAsNode: fuses.runAsNode,
      enableNodeOptionsEnvironmentVariable: fuses.enableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: fuses.enableNodeCliInspectArguments,
      enableCookieEncryption: fuses.enableCookieEncryption,
      enableEmbeddedAsarIntegrityValidation: fuses.enableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: fuses.onlyLoadAppFromAsar,
    },
    { runAsNode: 'false', enableNodeOptionsEnvironmentVariable: 'false', enableNodeCliInspectArguments: 'false', enableCookieEncryption: 'true', enableEmbeddedAsarIntegrityValidation: 'true', onlyLoadAppFromAsar: 'true' },
  );
});
