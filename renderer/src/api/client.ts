import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { ApiErrorBody, ApiResult } from '../../../shared/errors';

/** The Electron preload exposes exactly this; in browser mode it is absent and we use fetch. */
interface Bridge {
  invoke(method: string, input: unknown, token: string | undefined): Promise<ApiResult<unknown>>;
  /** Electron only: the OS printers, printing a finished PDF through the OS at A4, saving it. */
  printers?(): Promise<{ name: string; isDefault: boolean }[]>;
  printPdf?(pdf: Uint8Array, options: { printer: string | null; copies: number }): Promise<{ ok: boolean; jobId: string | null; reason: string | null }>;
  savePdf?(pdf: Uint8Array, suggestedName: string): Promise<{ ok: boolean; reason: string | null }>;
}

declare global {
  interface Window {
    creditdesk?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
}

/**
 * Browser mode: the per-launch key arrives in the URL fragment (never sent to a server) and is
 * taken up once for this browser's cookie (POST /launch, electron/host/browserAdmission.ts); every
 * later call, reload and window of this browser is admitted by the cookie, and the key is not kept.
 */
async function takeUpLaunchKey(): Promise<ApiErrorBody | null> {
  sessionStorage.removeItem('creditdesk.launchKey'); // kept by versions before the cookie
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (!key) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  // The key has left the address bar, so a failure here is final for this page: every call says
  // why (shared/i18n/launchMessages.ts) instead of a puzzling "no key" (issue 26: it was silent).
  try {
    const res = await fetch('/launch', { method: 'POST', headers: { 'x-creditdesk-key': key } });
    if (res.ok) return null;
    return { code: 'UNAUTHENTICATED', message: 'POST /launch refused the launch key', details: { reason: 'launch_refused' } };
  } catch {
    return { code: 'UNAUTHENTICATED', message: 'POST /launch got no answer', details: { reason: 'launch_unreachable' } };
  }
}

/** Browser mode's way in: null once this browser is admitted, or why it is not. */
const launched: Promise<ApiErrorBody | null> = typeof window !== 'undefined' && !window.creditdesk ? takeUpLaunchKey() : Promise.resolve(null);
let sessionToken: string | undefined;
const listeners = new Set<(error: ApiError) => void>();

export function setSessionToken(token: string | undefined): void {
  sessionToken = token;
}

/** Lets the app react to session-wide failures (locked, expired) wherever they happen. */
export function onApiError(listener: (error: ApiError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function transport(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.creditdesk) return window.creditdesk.invoke(method, input, sessionToken);
  const launchFailure = await launched;
  if (launchFailure) return { ok: false, error: launchFailure };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sessionToken) headers['x-creditdesk-session'] = sessionToken;
  const res = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
  // The host refuses an oversized body before the core sees it; say so specifically, not "invalid input".
  if (res.status === 413) return { ok: false, error: { code: 'REQUEST_TOO_LARGE', message: 'The file or content is larger than this action allows.' } };
  return (await res.json()) as ApiResult<unknown>;
}

/** Calls a contract method; resolves with its output or rejects with an ApiError carrying the code. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let result: ApiResult<unknown>;
  try {
    result = await transport(method, input);
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', message: 'The console could not reach its core. Is it still running?' } };
  }
  if (result.ok) return result.value as OutputOf<M>;
  const error = new ApiError(result.error);
  listeners.forEach((l) => l(error));
  throw error;
}
