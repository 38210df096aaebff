/**
 * The session shared by every mode (unit pane, review mode, browser mode): who is signed in and the
 * one ApiClient that carries their credential. A plain store (subscribe / snapshot) so it is tested
 * without React; useSession.ts binds it to components.
 *
 * Signing in exchanges the pasted token for a server session (POST /api/auth/sign-in):
 * - browser: an httpOnly cookie the browser sends by itself; the client keeps only the CSRF token
 *   (memory), and on start asks GET /api/auth/session whether the cookie still holds;
 * - pane: a short-lived bearer (memory + sessionStorage) renewed at half-life while the pane is open;
 *   on start a stored bearer is renewed, which also says whether the session still holds.
 * Any 401 seen anywhere (report) signs out with the server's Polish reason; in the pane the unit's
 * unsent work stays in the sheet, and the note says so.
 */
import { MSG, OIDC_PATHS, type DialogMessage, type MeResponse, type SessionClient, type SessionInfo, type SessionResponse, type SignInMethods } from '@pwr-sync/shared';
import { ApiClient, type ApiOutcome } from '../api/client.ts';
import { currentSession, renewSession, signIn as signInCall, signInMethods, signOut as signOutCall } from '../api/authClient.ts';
import { noBearerStore, type BearerStore } from './tokenStore.ts';

export type SessionState =
  | { status: 'signed-out'; message?: string }
  | { status: 'checking' }
  /** The session could not be checked (server down): kept, and `retry` tries again. */
  | { status: 'unreachable'; message: string }
  | { status: 'signed-in'; me: MeResponse; api: ApiClient; session: SessionInfo };

export interface SessionOptions {
  /** browser: cookie + CSRF token; pane: a renewed bearer. */
  mode: SessionClient;
  /** Where the pane keeps its bearer between reloads (sessionStorage); the browser keeps nothing. */
  store?: BearerStore;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Added to the reason when a session ends under the user's hands (the pane: „work is kept in the sheet”). */
  expiredNote?: string;
  /** Timers (tests pass fake ones). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
  /** The browser goes to the server's sign-in and sign-out pages of the city's provider (window.location). */
  navigate?: (url: string) => void;
  /** The pane opens the provider's sign-in in an Office dialog; what the dialog page handed back, or why not. */
  openDialog?: (url: string) => Promise<DialogMessage>;
}

/** Retry a failed renewal this soon (the bearer still has time left). */
const RENEW_RETRY_MS = 30_000;

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private bearer: string | null = null;
  private csrf: string | null = null;
  private timer: unknown = null;
  private readonly store: BearerStore;
  /** The one client of this session: reads the current bearer / CSRF token on every request. */
  private readonly api: ApiClient;

  constructor(private readonly options: SessionOptions) {
    this.store = options.mode === 'pane' ? options.store ?? noBearerStore : noBearerStore;
    const { baseUrl, fetch } = options;
    this.api = new ApiClient({
      token: () => this.bearer,
      csrfToken: () => this.csrf,
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(fetch ? { fetch } : {}),
    });
    // The browser cannot see its cookie: it always asks. The pane asks only when it kept a bearer.
    this.state = options.mode === 'browser' || this.store.read() ? { status: 'checking' } : { status: 'signed-out' };
  }

  snapshot = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Checks the session on start (or after the server was unreachable). */
  start = async (): Promise<void> => {
    const generation = ++this.generation;
    if (this.options.mode === 'pane') {
      const stored = this.store.read();
      if (!stored) return this.set({ status: 'signed-out' });
      this.bearer = stored.bearer;
    }
    this.set({ status: 'checking' });
    const answer = this.options.mode === 'pane' ? await renewSession(this.api) : await currentSession(this.api);
    if (generation !== this.generation) return; // signed in or out meanwhile
    if (answer.kind === 'ok') return this.accept(answer.value);
    if (answer.kind === 'unauthorized') {
      // No cookie at all is a first visit, not an expiry: no message then.
      return this.end(answer.code === 'unauthorized' && this.options.mode === 'browser' ? undefined : answer.message);
    }
    this.set({ status: 'unreachable', message: answer.message });
  };

  /** Exchanges a pasted token for a session. Null, or why not (Polish). */
  signIn = async (token: string): Promise<string | null> => {
    const answer = await signInCall(this.api, token.trim(), this.options.mode);
    if (answer.kind !== 'ok') return answer.message;
    this.generation++;
    this.accept(answer.value);
    return null;
  };

  /** Signs out: the server ends the session (and clears the cookie); nothing is kept here. */
  signOut = (message?: string): void => {
    // A browser signed in with the city's account also signs out at the provider (a page of the server).
    if (!message && this.options.mode === 'browser' && this.state.status === 'signed-in' && this.state.session.method === 'oidc' && this.options.navigate) {
      this.end();
      return this.options.navigate(OIDC_PATHS.signOut);
    }
    if (this.state.status === 'signed-in' || this.bearer) void signOutCall(this.api);
    this.end(message);
  };

  /** The sign-in methods the server offers; null when it cannot be asked (token sign-in still works). */
  methods = async (): Promise<SignInMethods | null> => {
    const answer = await signInMethods(this.api);
    return answer.kind === 'ok' ? answer.value : null;
  };

  /**
   * Sign-in with the city's identity provider: the browser leaves for the provider and comes back
   * signed in (start() finds the cookie); the pane runs the flow in an Office dialog and takes the
   * bearer the dialog page hands back. Null, or why not (Polish).
   */
  signInWithProvider = async (): Promise<string | null> => {
    const url = `${this.options.baseUrl ?? ''}${OIDC_PATHS.start}?client=${this.options.mode}`;
    if (this.options.mode === 'browser') {
      this.options.navigate?.(url);
      return null;
    }
    if (!this.options.openDialog) return MSG.signIn.notConfigured;
    const message = await this.options.openDialog(url);
    if (!message.ok) return message.message;
    const generation = ++this.generation;
    this.bearer = message.bearer;
    const answer = await currentSession(this.api);
    if (generation !== this.generation) return null; // signed in or out meanwhile
    if (answer.kind !== 'ok') {
      this.bearer = null;
      return answer.message;
    }
    // The session answer does not repeat the pane's bearer: the dialog's one is kept and renewed.
    this.accept({ ...answer.value, bearer: message.bearer, bearerExpiresAt: message.bearerExpiresAt });
    return null;
  };

  /** Every mode passes failed outcomes here: a 401 ends the session with the server's reason. */
  report = (outcome: ApiOutcome<unknown>): void => {
    if (outcome.kind !== 'unauthorized') return;
    const note = this.options.expiredNote;
    this.end(note ? `${outcome.message} ${note}` : outcome.message);
  };

  private accept(answer: SessionResponse): void {
    if (this.options.mode === 'pane' && answer.bearer && answer.bearerExpiresAt) {
      this.bearer = answer.bearer;
      this.store.write({ bearer: answer.bearer, expiresAt: answer.bearerExpiresAt });
      this.scheduleRenewal(answer.bearerExpiresAt);
    }
    if (answer.csrfToken) this.csrf = answer.csrfToken;
    this.set({ status: 'signed-in', me: answer.me, api: this.api, session: answer.session });
  }

  /** The pane renews its bearer at half its remaining life while it is open. */
  private scheduleRenewal(expiresAt: string, delay?: number): void {
    this.stopTimer();
    const now = this.options.now?.() ?? Date.now();
    const ms = delay ?? Math.max(5_000, (Date.parse(expiresAt) - now) / 2);
    const generation = this.generation;
    const setTimer = this.options.setTimer ?? ((fn, t) => setTimeout(fn, t));
    this.timer = setTimer(() => void this.renew(generation, expiresAt), ms);
  }

  private async renew(generation: number, expiresAt: string): Promise<void> {
    const answer = await renewSession(this.api);
    if (generation !== this.generation) return;
    if (answer.kind === 'ok') return this.accept(answer.value);
    if (answer.kind === 'unauthorized') return this.report(answer);
    // Offline or a server error: try again while the bearer still has time.
    const now = this.options.now?.() ?? Date.now();
    if (Date.parse(expiresAt) - now > RENEW_RETRY_MS) this.scheduleRenewal(expiresAt, RENEW_RETRY_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private end(message?: string): void {
    this.generation++;
    this.stopTimer();
    this.bearer = null;
    this.csrf = null;
    this.store.clear();
    this.set(message ? { status: 'signed-out', message } : { status: 'signed-out' });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
