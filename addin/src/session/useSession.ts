/** The session (session.ts) as React state: components re-render when someone signs in or out. */
import { useEffect, useSyncExternalStore } from 'react';
import type { Session, SessionState } from './session.ts';

export function useSession(session: Session): SessionState {
  const state = useSyncExternalStore(session.subscribe, session.snapshot);
  useEffect(() => {
    if (session.snapshot().status === 'checking') void session.start();
  }, [session]);
  return state;
}
