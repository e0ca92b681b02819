import { createDispatcher } from '../api/dispatcher';
import { answeredOnce } from '../api/windowCalls';
import { ensureHostIdentity } from '../office/officeCa';
import type { CoreContext } from '../services/context';
import { HOST_LISTEN_SETTING } from '../services/office/windowService';
import { setSetting } from '../store/settingsStore';
import { startOfficeHost, type RunningOfficeHost } from './officeHost';
import type { HostLimits } from './hostLimits';

/**
 * Serves the open office as its office host on `address:port` (port 0: any free one): the CA and
 * the host's certificate for that address made if need be, and the address remembered for the
 * join codes the administrator makes next.
 */
export async function serveOfficeHost(ctx: CoreContext, address: string, port: number, limits?: Partial<HostLimits>): Promise<RunningOfficeHost & { pin: string }> {
  const identity = await ensureHostIdentity(ctx.dataDir, address, ctx.office);
  const host = await startOfficeHost({ ctx, identity, port, dispatch: answeredOnce(ctx, createDispatcher(ctx)), ...(limits ? { limits } : {}) });
  const shown = address.includes(':') ? `[${address}]` : address;
  await setSetting(ctx.db, HOST_LISTEN_SETTING, `${shown}:${host.port}`);
  return { ...host, pin: identity.pin };
}
