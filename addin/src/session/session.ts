/**
 * The session shared by every mode (unit pane, review mode, browser mode): who is signed in and the
 * one ApiClient that carries their token. A plain store (subscribe / snapshot) so it is tested
 * without React; useSession.ts binds it to components.
 *
 * Flow: 1. a stored token is checked with GET /api/me (status 'checking'); 2. signIn probes a new
 * token the same way before keeping it; 3. any 401 seen anywhere (report) signs out with the
 * server's reason. Expiring sessions (issue #14) plug in at `report` and `TokenStore`.
 */
import type { MeResponse } from '@pwr-sync/shared';
import { ApiClient, type ApiOutcome } from '../api/client.ts';
import type { TokenStore } from './tokenStore.ts';

export type SessionState =
  | { status: 'signed-out'; message?: string }
  | { status: 'checking' }
  /** The stored token could not be checked (server down): kept, and `retry` tries again. */
  | { status: 'unreachable'; message: string }
  | { status: 'signed-in'; me: MeResponse; api: ApiClient };

export interface SessionOptions {
  store: TokenStore;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private generation = 0;

  constructor(private readonly options: SessionOptions) {
    this.state = options.store.read() ? { status: 'checking' } : { status: 'signed-out' };
  }

  snapshot = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Checks the stored token (on start, or after the server was unreachable). */
  start = async (): Promise<void> => {
    const token = this.options.store.read();
    if (!token) return this.set({ status: 'signed-out' });
    this.set({ status: 'checking' });
    await this.check(token, ++this.generation);
  };

  /** Probes `token` with GET /api/me; kept only when the server knows it. Null, or why not (Polish). */
  signIn = async (token: string): Promise<string | null> => {
    const trimmed = token.trim();
    const api = this.client(trimmed);
    const me = await api.me();
    if (me.kind !== 'ok') return me.message;
    this.generation++;
    this.options.store.write(trimmed);
    this.set({ status: 'signed-in', me: me.value, api });
    return null;
  };

  signOut = (message?: string): void => {
    this.generation++;
    this.options.store.clear();
    this.set(message ? { status: 'signed-out', message } : { status: 'signed-out' });
  };

  /** Every mode passes failed outcomes here: a 401 ends the session with the server's reason. */
  report = (outcome: ApiOutcome<unknown>): void => {
    if (outcome.kind === 'unauthorized') this.signOut(outcome.message);
  };

  private async check(token: string, generation: number): Promise<void> {
    const api = this.client(token);
    const me = await api.me();
    if (generation !== this.generation) return; // signed in or out meanwhile
    if (me.kind === 'ok') return this.set({ status: 'signed-in', me: me.value, api });
    if (me.kind === 'unauthorized') return this.signOut(me.message);
    this.set({ status: 'unreachable', message: me.message });
  }

  private client(token: string): ApiClient {
    const { baseUrl, fetch } = this.options;
    return new ApiClient({ token, ...(baseUrl !== undefined ? { baseUrl } : {}), ...(fetch ? { fetch } : {}) });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
