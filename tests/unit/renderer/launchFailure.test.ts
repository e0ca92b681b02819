import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ApiErrorBody } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';

// Issue 26, a reviewer's finding: the page posts the launch key to /launch once (browser mode) and
// ignored any failure, so a link another browser had already opened, or a console that did not
// answer, left the clerk with a page that said only "this page does not hold this launch's key"
// (or nothing at all). The attack: the renderer's own client, bundled as the page runs it, opened
// with a launch link whose POST /launch is refused, then with one that gets no answer.

const CLIENT = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'api', 'client.ts');

let pages = 0;

type Answer = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Loads a fresh copy of client.ts in a page at /#key=…, whose fetch answers as `answer` says. */
async function openPage(answer: Answer): Promise<{ call(method: string, input: unknown): Promise<unknown>; posted: string[] }> {
  const posted: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { hash: '#key=launch-key', pathname: '/', search: '' } };
  g.sessionStorage = { removeItem: () => undefined };
  g.history = { replaceState: () => undefined };
  g.fetch = (url: string) => {
    posted.push(url);
    return answer(url);
  };
  const out = await build({ entryPoints: [CLIENT], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  // A page of its own each time: the same text would be the same module, launched once.
  const text = `${out.outputFiles[0]!.text}\n// page ${++pages}\n`;
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as { call(method: string, input: unknown): Promise<unknown> };
  return { call: mod.call, posted };
}

/** What the host answers a call that neither the key nor the cookie admits (electron/host/httpHost.ts). */
const keyRefused = { ok: false, status: 401, json: () => Promise.resolve({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'missing or wrong launch key', details: { reason: 'launch_key' } } }) };

async function refusal(page: { call(method: string, input: unknown): Promise<unknown> }): Promise<ApiErrorBody> {
  const e = await page.call('auth.status', {}).then(() => null, (err: unknown) => err as { body: ApiErrorBody });
  assert.ok(e, 'the call was admitted');
  return e.body;
}

test('a launch link another browser already opened is said so, in both languages', async () => {
  const page = await openPage(async () => keyRefused);
  const body = await refusal(page);
  assert.deepEqual(page.posted, ['/launch'], 'no call is sent once the way in has failed');
  assert.equal(body.details?.reason, 'launch_refused');
  assert.match(errorMessage(body, 'zh'), /已在另一个浏览器中打开过/);
  assert.match(errorMessage(body, 'en'), /already opened in another browser/);
});

test('a console that does not answer the launch is said so, in both languages', async () => {
  const page = await openPage(async (url) => {
    if (url === '/launch') throw new TypeError('Failed to fetch');
    return keyRefused;
  });
  const body = await refusal(page);
  assert.equal(body.details?.reason, 'launch_unreachable');
  assert.match(errorMessage(body, 'zh'), /没有响应/);
  assert.match(errorMessage(body, 'en'), /did not answer/);
});
