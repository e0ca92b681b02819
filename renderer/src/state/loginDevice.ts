import type { SessionInfo } from '../../../shared/contract';

// This browser's (or desktop window's) device token per account (issue 29): kept after a login and
// sent with the next one, so that wrong passwords sent from elsewhere never lock this console out
// (electron/services/access/loginDevices.ts). It does not log anyone in by itself.
const keyOf = (username: string) => `creditdesk.device.${username.trim().toLowerCase()}`;

export function deviceTokenFor(username: string): string | undefined {
  try {
    return localStorage.getItem(keyOf(username)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepDeviceToken(session: SessionInfo): void {
  if (!session.device) return;
  try {
    localStorage.setItem(keyOf(session.account.username), session.device);
  } catch {
    // Storage refused (private window): this login simply stays an unknown source.
  }
}
