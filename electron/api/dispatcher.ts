import { contract, isMethodName, roleHas, type MethodName } from '../../shared/contract';
import { AppError, type ApiErrorBody, type ApiResult } from '../../shared/errors';
import { auditIn } from '../services/audit/auditService';
import { resolveSession } from '../services/access/authService';
import type { AtWindow } from '../../shared/domain/officeWindow';
import type { Caller, CoreContext } from '../services/context';
import { handlers, type HandlerCall } from './handlers';
import { validationError } from './validationError';
import { refuseMalformedText } from './wellFormedText';

export interface Transport {
  /** The session token the renderer holds, if any. */
  token?: string | undefined;
  /** The enrolled window the call came through the office host from; absent: this machine's own console. */
  window?: AtWindow | null;
  /** The key a window's relay gave this call, so that a retry is answered once (windowCalls.ts). */
  callKey?: string | undefined;
}

export type Dispatch = (method: string, input: unknown, transport: Transport) => Promise<ApiResult<unknown>>;

/**
 * The single entry for both transports: resolve the session and permission, validate the input
 * against the contract, run the service, and turn every failure into a typed error.
 * Services never see unvalidated input.
 */
export function createDispatcher(ctx: CoreContext): Dispatch {
  return async (method, rawInput, transport) => {
    try {
      if (!isMethodName(method)) throw new AppError('METHOD_UNKNOWN', `There is no API method "${method.slice(0, 60)}".`);
      // Who may call comes before what they sent: a refused caller learns nothing about the schema.
      const caller = await authorise(ctx, method, transport.token, transport.window ?? null);
      refuseMalformedText(rawInput);
      const parsed = contract[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const call = { ctx, input: parsed.data, caller, token: transport.token, window: transport.window ?? null } as HandlerCall<MethodName>;
      const handler = handlers[method] as (c: HandlerCall<MethodName>) => Promise<unknown>;
      return { ok: true, value: await handler(call) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() };
      console.error(`[api] ${method} failed:`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CreditDesk. The error was logged; please try again.' } };
    }
  };
}

/** What a caller whose password was reset may still do: change it, or leave. */
const PASSWORD_CHANGE_METHODS = new Set<MethodName>(['auth.changePassword', 'auth.whoami', 'auth.logout', 'auth.lock']);

export type Preflight = (method: string, token: string | undefined, window?: AtWindow | null) => Promise<ApiErrorBody | null>;

/**
 * The dispatcher's own who-may-call check, without the input: the HTTP host runs it before it
 * reads a large request body, so an upload without a valid session is refused unread.
 */
export function createPreflight(ctx: CoreContext): Preflight {
  return async (method, token, window = null) => {
    try {
      if (!isMethodName(method)) throw new AppError('METHOD_UNKNOWN', `There is no API method "${method.slice(0, 60)}".`);
      await authorise(ctx, method, token, window);
      return null;
    } catch (err) {
      if (err instanceof AppError) return err.toBody();
      throw err;
    }
  };
}

async function authorise(ctx: CoreContext, method: MethodName, token: string | undefined, window: AtWindow | null): Promise<Caller | null> {
  const access = contract[method].access;
  if (access === 'public') return null;
  const caller = await resolveSession(ctx, token, { allowPasswordChange: PASSWORD_CHANGE_METHODS.has(method) }, window);
  if (access === 'session' || roleHas(caller.role, access)) return caller;
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'permission.refused', target: method, detail: { role: caller.role, needs: access } }),
  );
  throw new AppError('FORBIDDEN', 'Your role does not allow this action.', { method, needs: access });
}
