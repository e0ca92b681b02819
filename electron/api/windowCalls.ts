import type { ApiResult } from '../../shared/errors';
import type { CoreContext } from '../services/context';
import { keepAnswer, keptAnswer } from '../store/windowCallStore';
import type { Dispatch } from './dispatcher';

// A window's call is answered once (issue 23). The relay keys every call; when its link drops
// before the answer, it sends the same call with the same key, and gets the answer the host gave
// the first time — from memory while the first is still running, from the window_call table after.
// Answers are kept a day. A large answer (a document's bytes) is not kept: the methods that return
// one only read, and reading twice changes nothing.

/** A key as a relay makes them: 16 to 64 letters, digits, - and _. */
export const CALL_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const KEEP_MS = 24 * 3_600_000;
const MAX_KEPT_BYTES = 256 * 1024;

export function answeredOnce(ctx: CoreContext, dispatch: Dispatch): Dispatch {
  const running = new Map<string, Promise<ApiResult<unknown>>>();
  return async (method, input, transport) => {
    const { window, callKey } = transport;
    if (!window || !callKey) return dispatch(method, input, transport);
    const id = `${window.id} ${callKey}`;
    const inFlight = running.get(id);
    if (inFlight) return inFlight;
    const kept = await keptAnswer(ctx.db, window.id, callKey);
    // The same key for another method is not a retry: refused, so a confused client learns it.
    if (kept) return kept.method === method ? (JSON.parse(kept.result) as ApiResult<unknown>) : { ok: false, error: { code: 'VALIDATION', message: `This call key was already used for ${kept.method}.`, details: { reason: 'call_key_reused' } } };
    const answer = (async () => {
      const result = await dispatch(method, input, transport);
      const text = JSON.stringify(result);
      if (text.length <= MAX_KEPT_BYTES && !ctx.db.corrupted) {
        const now = ctx.now();
        await keepAnswer(ctx.db, { windowId: window.id, key: callKey, method, at: now.toISOString(), result: text }, new Date(now.getTime() - KEEP_MS).toISOString()).catch(() => undefined);
      }
      return result;
    })();
    running.set(id, answer);
    try {
      return await answer;
    } finally {
      running.delete(id);
    }
  };
}
