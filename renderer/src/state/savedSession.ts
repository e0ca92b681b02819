import type { SessionInfo } from '../../../shared/contract';

// The signed-in session outlives a reload of this tab (issue 28: a reload logged the clerk out),
// and so does the screen the clerk was on. sessionStorage is this tab's and this origin's (the
// port included, unlike a cookie), gone when the tab closes; a new window signs in on its own.
// The core still decides: the session is read back through auth.whoami, which answers locked,
// expired or ended sessions as it would any call (docs/security.md, "Browser mode").
const SESSION = 'creditdesk.session';
const SCREEN = 'creditdesk.screen';

export function saveSession(session: SessionInfo): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
}

export function savedSession(): SessionInfo | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as SessionInfo | null;
    return s && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveScreen(screen: string | null): void {
  if (screen) sessionStorage.setItem(SCREEN, screen);
  else sessionStorage.removeItem(SCREEN);
}

export function savedScreen(): string | null {
  return sessionStorage.getItem(SCREEN);
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION);
  sessionStorage.removeItem(SCREEN);
}
