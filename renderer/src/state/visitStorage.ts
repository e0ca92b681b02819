// The visit in progress outlives a lock and a reload: only its number is kept, in sessionStorage
// (this window, this launch), and the visit is read back through counter.visit by the same clerk.
const KEY = 'creditdesk.visit';

export function rememberVisit(accountId: number, visitId: number): void {
  sessionStorage.setItem(KEY, JSON.stringify({ accountId, visitId }));
}

/** The visit this clerk had open in this window, if any; another account's visit is not theirs to resume. */
export function recallVisit(accountId: number): number | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { accountId?: unknown; visitId?: unknown } | null;
    return saved && saved.accountId === accountId && typeof saved.visitId === 'number' ? saved.visitId : null;
  } catch {
    return null;
  }
}

export function forgetVisit(): void {
  sessionStorage.removeItem(KEY);
}
