import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Dispatch, Preflight } from '../api/dispatcher';
import { hostCall, PinnedHostAgent } from '../office/hostAgent';
import { pinnedConnect, requestOver, type HostTarget } from '../office/hostConnection';
import type { WindowIdentity } from '../office/windowIdentity';
import { SESSION_HEADER } from './httpHost';
import { API_PREFIX, CALL_HEADER, IDENTITY_PATH } from './officeHost';

// A joined workstation's console (issue 23): the same renderer on 127.0.0.1 with its per-launch
// key, whose contract calls cross one more transport. The relay holds the window's key and sends
// each call to the office host over a pinned mutual-TLS connection; the host's dispatcher answers
// it as this window. Nothing is decided or written here: a host that cannot be reached is said as
// HOST_UNREACHABLE, never answered from local data (no fork of the office's data).

export interface WindowRelay {
  dispatch: Dispatch;
  /** Who may send a large body is the host's to say: the relay reads what the method's cap allows and forwards it. */
  preflight: Preflight;
  close(): void;
}

/** Why a call got no answer: the host cannot be reached, or it closes this window's connections. */
async function whyNoAnswer(target: Required<HostTarget>, unanswered: AppError): Promise<AppError | 'answering'> {
  let socket;
  try {
    socket = await pinnedConnect(target);
  } catch {
    return unanswered;
  }
  try {
    const greeting = await requestOver(socket, 'GET', IDENTITY_PATH);
    if (!greeting.result.ok) return new AppError('WINDOW_REFUSED', greeting.result.error.message, { reason: greeting.result.error.details?.reason ?? 'refused' });
    return 'answering';
  } catch {
    return new AppError('WINDOW_REFUSED', `The office host at ${target.address}:${target.port} closes this window's connections: it may have been revoked or disabled.`, { reason: 'connection_closed' });
  }
}

export function windowRelay(w: { identity: WindowIdentity; keyPem: string }): WindowRelay {
  const target = { ...w.identity.host, client: { keyPem: w.keyPem, certPem: w.identity.certificatePem } };
  const agent = new PinnedHostAgent(target);
  const unanswered = new Map<string, string>();
  const remember = (fingerprint: string, key: string): void => {
    unanswered.delete(fingerprint);
    unanswered.set(fingerprint, key);
    // The newest hundred: a counter has one or two calls in flight, not hundreds.
    if (unanswered.size > 100) unanswered.delete(unanswered.keys().next().value!);
  };
  return {
    dispatch: async (method, input, transport) => {
      // One key for this call and its retry: the host answers a key once (electron/api/windowCalls.ts).
      // A call that got no answer keeps its key: the clerk pressing the same button again once the
      // host is back sends the same call, and learns what became of the first instead of doing it twice.
      const fingerprint = createHash('sha256').update(JSON.stringify([method, transport.token ?? null, input ?? {}])).digest('base64url');
      const key = unanswered.get(fingerprint) ?? randomBytes(18).toString('base64url');
      const headers: Record<string, string> = { [CALL_HEADER]: key, ...(transport.token ? { [SESSION_HEADER]: transport.token } : {}) };
      const send = async () => {
        const { result } = await hostCall(agent, target, 'POST', `${API_PREFIX}${encodeURIComponent(method)}`, input ?? {}, headers);
        unanswered.delete(fingerprint);
        return result;
      };
      try {
        return await send();
      } catch (err) {
        remember(fingerprint, key);
        if (!(err instanceof AppError)) throw err;
        if (err.code !== 'HOST_UNREACHABLE') return { ok: false, error: err.toBody() };
        // The call got no answer. Ask the host afresh why: gone, or there but refusing this window
        // (revoked or disabled: it closes the connection after the handshake), or there and well —
        // then the same call once more, which the host answers as it did (or does) the first.
        const why = await whyNoAnswer(target, err);
        if (why !== 'answering') return { ok: false, error: why.toBody() };
        try {
          return await send();
        } catch (again) {
          if (again instanceof AppError) return { ok: false, error: again.toBody() };
          throw again;
        }
      }
    },
    preflight: () => Promise.resolve(null),
    close: () => agent.destroy(),
  };
}
