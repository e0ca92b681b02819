import type { AtWindow } from '../../shared/domain/officeWindow';
import { createAccount } from '../../electron/services/access/accountsService';
import { insertWindow } from '../../electron/store/windowStore';
import { TEST_PASSWORD, type TestCore } from './core';

// Acts made at windows of an office host, without the host: each call reaches the office's one
// dispatcher with the window it came through, exactly as the host hands it on (issue 23).

/** Enrolled windows, as the host's list would hold them after a join. */
export async function enrolWindows(core: TestCore, windows: readonly AtWindow[], enrolledAt: string): Promise<void> {
  for (const win of windows) {
    await insertWindow(core.ctx.db, { id: win.id, number: win.number, name: `窗口 ${win.number}`, status: 'active', cert_sha256: win.id.padEnd(64, '0'), enrolled_at: enrolledAt });
  }
}

/** A call through `win` (null: the office's own console); its value, or a thrown error naming it. */
export async function atWindow<T>(core: TestCore, win: AtWindow | null, method: string, input: unknown, token?: string): Promise<T> {
  const r = await core.dispatch(method, input, { token, window: win });
  if (!r.ok) throw new Error(`${method} at ${win?.number ?? 'console'}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A new clerk signed in at `win`; the session's token. */
export async function clerkAt(core: TestCore, win: AtWindow, username: string): Promise<string> {
  await createAccount(core.ctx, null, { username, displayName: username, role: 'clerk', password: TEST_PASSWORD });
  return (await atWindow<{ token: string }>(core, win, 'auth.login', { username, password: TEST_PASSWORD })).token;
}
