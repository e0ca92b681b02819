import { createConnection, createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, type ApiResult } from '../../shared/errors';
import type { CoreContext } from '../services/context';
import { changeWindow, createEnrollmentCode, listWindows } from '../services/office/windowService';

// The administrator's hand on a running office host (issue 23): the staff commands `creditdesk
// windows …` act on the office directly when nothing else has it open, and through this channel
// when the host owns the data directory, so that a revoke reaches the host's open connections at
// once. The channel is a Unix socket inside the data directory, which is the owner's only (0700):
// whoever can reach it can already read the office's key file. Windows has no such socket here
// (a named pipe's default ACL lets every local account read), so there the host must be stopped.

export type AdminRequest =
  | { kind: 'enroll'; number: number; name?: string }
  | { kind: 'list' }
  | { kind: 'revoke' | 'disable' | 'enable'; id: string }
  | { kind: 'rename'; id: string; name: string };

export const ADMIN_SOCKET = 'office-host.sock';

export function adminSocketPath(dataDir: string): string {
  return join(dataDir, ADMIN_SOCKET);
}

/** Carries out one request on the open office; the command line's actor is the operating-system account. */
export async function performAdmin(ctx: CoreContext, req: AdminRequest): Promise<unknown> {
  switch (req.kind) {
    case 'enroll':
      return createEnrollmentCode(ctx, null, { number: req.number, ...(req.name ? { name: req.name } : {}) });
    case 'list':
      return listWindows(ctx);
    case 'rename':
      return changeWindow(ctx, null, req.id, { kind: 'rename', name: req.name });
    default:
      return changeWindow(ctx, null, req.id, { kind: req.kind });
  }
}

async function answer(ctx: CoreContext, line: string): Promise<ApiResult<unknown>> {
  try {
    return { ok: true, value: await performAdmin(ctx, JSON.parse(line) as AdminRequest) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
    console.error('[office host admin]', err);
    return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
  }
}

/** Listens for the staff commands of this machine's owner of the data directory (not on Windows). */
export async function startAdminChannel(ctx: CoreContext): Promise<{ close(): Promise<void> } | null> {
  if (process.platform === 'win32') return null;
  const path = adminSocketPath(ctx.dataDir);
  await rm(path, { force: true }); // a socket file left by a killed host (the data directory's lock says it is ours now)
  const server: Server = createServer((socket) => {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > 64 * 1024) return void socket.destroy();
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      void answer(ctx, buffered.slice(0, end)).then((r) => socket.end(`${JSON.stringify(r)}\n`));
    });
    socket.on('error', () => undefined);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } catch (err) {
    // A data directory whose path is longer than a socket's (about 100 bytes) cannot hold one: the
    // host still serves, and the commands work while it is stopped.
    console.error(`The office host serves without its command channel (${(err as Error).message}): stop it to run creditdesk windows commands.`);
    return null;
  }
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}

/** Sends one request to the host that owns `dataDir`; its answer as the API's result. */
export function askRunningHost(dataDir: string, req: AdminRequest): Promise<ApiResult<unknown>> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(adminSocketPath(dataDir));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as ApiResult<unknown>);
      } catch {
        reject(new Error('the office host closed the channel without an answer'));
      }
    });
    socket.on('error', reject);
    socket.write(`${JSON.stringify(req)}\n`);
  });
}
