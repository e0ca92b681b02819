import { createContext, useContext } from 'react';
import type { Permission, SessionInfo } from '../../../shared/contract';

export interface SessionState {
  session: SessionInfo;
  can(permission: Permission): boolean;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in console');
  return s;
}
