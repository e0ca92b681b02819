import { AppError } from '../../shared/errors';
import type { Dispatch, Preflight } from '../api/dispatcher';
import { hostCall, PinnedHostAgent } from '../office/hostAgent';
import { pinnedConnect, requestOver, type HostTarget } from '../office/hostConnection';
import type { WindowIdentity } from '../office/windowIdentity';
import { SESSION_HEADER } from './httpHost';
import { API_PREFIX, IDENTITY_PATH } from './officeHost';

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
async function whyNoAnswer(target: Required<HostTarget>, unanswered: AppError): Promise<AppError> {
  let socket;
  try {
    socket = await pinnedConnect(target);
  } catch {
    return unanswered;
  }
  try {
    const greeting = await requestOver(socket, 'GET', IDENTITY_PATH);
    if (!greeting.result.ok) return new AppError('WINDOW_REFUSED', greeting.result.error.message, { reason: greeting.result.error.details?.reason ?? 'refused' });
    return unanswered;
  } catch {
    return new AppError('WINDOW_REFUSED', `The office host at ${target.address}:${target.port} closes this window's connections: it may have been revoked or disabled.`, { reason: 'connection_closed' });
  }
}

export function windowRelay(w: { identity: WindowIdentity; keyPem: string }): WindowRelay {
  const target = { ...w.identity.host, client: { keyPem: w.keyPem, certPem: w.identity.certificatePem } };
  const agent = new PinnedHostAgent(target);
  return {
    dispatch: async (method, input, transport) => {
      try {
        const headers: Record<string, string> = transport.token ? { [SESSION_HEADER]: transport.token } : {};
        const { result } = await hostCall(agent, target, 'POST', `${API_PREFIX}${encodeURIComponent(method)}`, input ?? {}, headers);
        return result;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code !== 'HOST_UNREACHABLE') return { ok: false, error: err.toBody() };
        // The call got no answer. Ask the host afresh why: gone, or there but refusing this window
        // (revoked or disabled: it closes the connection after the handshake).
        return { ok: false, error: (await whyNoAnswer(target, err)).toBody() };
      }
    },
    preflight: () => Promise.resolve(null),
    close: () => agent.destroy(),
  };
}
