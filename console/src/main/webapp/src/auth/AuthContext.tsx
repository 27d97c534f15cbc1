import { createContext, useContext, type ReactNode } from 'react';
import { allows, type Role } from './roles';
import type { Identity } from './auth';

export interface Session {
  identity: Identity;
  /** Whether the signed-in user's roles include `role` (the API still checks). */
  can: (role: Role) => boolean;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}

export function sessionOf(identity: Identity, signOut: () => void): Session {
  return { identity, can: (role) => allows(identity.roles, role), signOut };
}
