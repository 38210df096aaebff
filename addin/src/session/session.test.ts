import { describe, expect, it } from 'vitest';
import { API_PATHS, AUTH_PATHS } from '@pwr-sync/shared';
import { Session, type SessionState } from './session.ts';
import { forgetLegacyToken, webBearerStore } from './tokenStore.ts';

/** A Web Storage stand-in (what localStorage / sessionStorage offer). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  } as Storage;
}

const ME = { user: { id: 'u1', name: 'Anna Nowak', role: 'unit_reporter', orgUnitCode: 'MOPS/PRZ/08' }, orgUnit: null };
const INFO = { id: 's1', client: 'pane', method: 'token', createdAt: '2026-03-02T08:00:00.000Z', lastSeenAt: '2026-03-02T08:00:00.000Z', expiresAt: '2026-03-02T18:00:00.000Z', idleExpiresAt: '2026-03-02T10:00:00.000Z', ip: '127.0.0.1' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A server that knows the token "good": sign-in gives a pane bearer b1, b2, … (or, for the browser, a
 * "cookie" it then expects) — `expired` makes every session check answer 401 session_expired.
 */
function server(opts: { down?: boolean; expired?: boolean } = {}) {
  const calls: { method: string; path: string; headers: Record<string, string>; body?: string }[] = [];
  let n = 0;
  const bearers = new Set<string>();
  let cookie = false;
  const fetch = (async (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const path = new URL(url, 'http://pwr.test').pathname;
    calls.push({ method: init?.method ?? 'GET', path, headers, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
    if (opts.down) throw new TypeError('Failed to fetch');
    const bearer = headers.Authorization?.replace('Bearer ', '');
    const issue = (client: string) => {
      if (client === 'browser') { cookie = true; return json({ me: ME, session: { ...INFO, client }, csrfToken: 'csrf-1' }, 201); }
      const b = `b${++n}`;
      bearers.add(b);
      return json({ me: ME, session: INFO, bearer: b, bearerExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }, 201);
    };
    if (path === AUTH_PATHS.signIn) {
      const body = JSON.parse(String(init?.body));
      return body.token === 'good' ? issue(body.client) : json({ error: 'Nieznany token.', code: 'unauthorized' }, 401);
    }
    if (path === AUTH_PATHS.signOut) { cookie = false; return new Response(null, { status: 204 }); }
    const valid = !opts.expired && (bearer ? bearers.has(bearer) : cookie);
    if (!valid) return json(opts.expired ? { error: 'Sesja wygasła po 2 godz. bez aktywności — zaloguj się ponownie.', code: 'session_expired' } : { error: 'Brak sesji.', code: 'unauthorized' }, 401);
    if (path === AUTH_PATHS.renew) { bearers.delete(bearer!); return issue('pane'); }
    if (path === AUTH_PATHS.session) return json({ me: ME, session: { ...INFO, client: 'browser' }, csrfToken: 'csrf-1' });
    return json(ME);
  }) as typeof globalThis.fetch;
  return { fetch, calls, set: (o: typeof opts) => Object.assign(opts, o) };
}

/** Timers run by hand. */
function timers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => { const t = { fn, ms }; pending.push(t); return t; },
    clearTimer: (t: unknown) => { const i = pending.indexOf(t as never); if (i >= 0) pending.splice(i, 1); },
    pending,
    async fire() { const t = pending.shift()!; t.fn(); await new Promise((r) => setTimeout(r, 0)); return t.ms; },
  };
}

function watch(session: Session): SessionState['status'][] {
  const seen: SessionState['status'][] = [];
  session.subscribe(() => seen.push(session.snapshot().status));
  return seen;
}

describe('Session in the pane (a short-lived bearer, renewed while open)', () => {
  it('starts signed out with nothing stored; signing in keeps the session bearer — never the token, never in localStorage', async () => {
    const area = memoryStorage();
    const local = memoryStorage();
    const srv = server();
    const t = timers();
    const session = new Session({ mode: 'pane', store: webBearerStore(() => area), fetch: srv.fetch, baseUrl: 'https://pwr.test/', ...t });
    expect(session.snapshot()).toEqual({ status: 'signed-out' });
    expect(await session.signIn('wrong')).toBe('Nieznany token.');
    expect(await session.signIn('  good \n')).toBeNull();
    expect(srv.calls.at(-1)).toMatchObject({ method: 'POST', path: AUTH_PATHS.signIn, body: '{"token":"good","client":"pane"}' });
    expect(JSON.parse(area.getItem('pwr-sync.session')!)).toMatchObject({ bearer: 'b1' });
    expect(JSON.stringify([...Array(area.length).keys()].map((i) => area.getItem(area.key(i)!)))).not.toContain('good');
    expect(local.length).toBe(0);
    const state = session.snapshot();
    if (state.status !== 'signed-in') throw new Error(state.status);
    await state.api.me();
    expect(srv.calls.at(-1)).toMatchObject({ path: API_PATHS.me, headers: { Authorization: 'Bearer b1' } });
    // Renewal at half-life: about 7.5 minutes of the 15; the same client then sends the new bearer.
    expect(t.pending[0]!.ms).toBeGreaterThan(7 * 60_000);
    expect(t.pending[0]!.ms).toBeLessThanOrEqual(7.5 * 60_000);
    await t.fire();
    expect(srv.calls.at(-1)).toMatchObject({ method: 'POST', path: AUTH_PATHS.renew, headers: { Authorization: 'Bearer b1' } });
    await state.api.me();
    expect(srv.calls.at(-1)!.headers.Authorization).toBe('Bearer b2');
    expect(JSON.parse(area.getItem('pwr-sync.session')!).bearer).toBe('b2');
    expect(t.pending).toHaveLength(1);
  });

  it('a 401 anywhere ends the session with the server’s reason and the note that the work is in the sheet', async () => {
    const area = memoryStorage();
    const srv = server();
    const session = new Session({ mode: 'pane', store: webBearerStore(() => area), fetch: srv.fetch, expiredNote: 'Niewysłane zmiany zostały w arkuszu.', ...timers() });
    await session.signIn('good');
    srv.set({ expired: true });
    const state = session.snapshot();
    if (state.status !== 'signed-in') throw new Error(state.status);
    const outcome = await state.api.me();
    session.report(outcome);
    expect(session.snapshot()).toEqual({ status: 'signed-out', message: 'Sesja wygasła po 2 godz. bez aktywności — zaloguj się ponownie. Niewysłane zmiany zostały w arkuszu.' });
    expect(area.getItem('pwr-sync.session')).toBeNull();
  });

  it('a renewal refused (session over) signs out; a renewal that cannot reach the server is retried', async () => {
    const srv = server();
    const t = timers();
    const session = new Session({ mode: 'pane', store: webBearerStore(memoryStorage), fetch: srv.fetch, ...t });
    await session.signIn('good');
    srv.set({ down: true });
    await t.fire();
    expect(session.snapshot().status).toBe('signed-in');
    expect(t.pending[0]!.ms).toBe(30_000);
    srv.set({ down: false, expired: true });
    await t.fire();
    expect(session.snapshot()).toMatchObject({ status: 'signed-out', message: expect.stringContaining('Sesja wygasła') });
    expect(t.pending).toHaveLength(0);
  });

  it('a reload renews the kept bearer; unreachable keeps it for a retry; signing out tells the server and forgets it', async () => {
    const area = memoryStorage();
    const srv = server();
    const first = new Session({ mode: 'pane', store: webBearerStore(() => area), fetch: srv.fetch, ...timers() });
    await first.signIn('good');
    srv.set({ down: true });
    const reloaded = new Session({ mode: 'pane', store: webBearerStore(() => area), fetch: srv.fetch, ...timers() });
    expect(reloaded.snapshot().status).toBe('checking');
    const seen = watch(reloaded);
    await reloaded.start();
    expect(reloaded.snapshot()).toMatchObject({ status: 'unreachable' });
    expect(area.getItem('pwr-sync.session')).not.toBeNull();
    srv.set({ down: false });
    await reloaded.start();
    expect(seen).toEqual(['checking', 'unreachable', 'checking', 'signed-in']);
    reloaded.signOut();
    expect(srv.calls.at(-1)).toMatchObject({ method: 'POST', path: AUTH_PATHS.signOut });
    expect(area.getItem('pwr-sync.session')).toBeNull();
    expect(reloaded.snapshot()).toEqual({ status: 'signed-out' });
  });

  it('works without any storage (blocked), and removes a token an older pane left in localStorage', async () => {
    const session = new Session({ mode: 'pane', store: webBearerStore(() => { throw new DOMException('denied', 'SecurityError'); }), fetch: server().fetch, ...timers() });
    expect(await session.signIn('good')).toBeNull();
    expect(session.snapshot().status).toBe('signed-in');
    const local = memoryStorage();
    local.setItem('pwr-sync.token', 'pwr_old');
    forgetLegacyToken(() => local);
    expect(local.getItem('pwr-sync.token')).toBeNull();
  });
});

describe('Session in the browser (an httpOnly cookie and a CSRF token)', () => {
  it('asks the server on start: no cookie → sign-in without a message; then the CSRF token goes with changes only, no bearer ever', async () => {
    const srv = server();
    const session = new Session({ mode: 'browser', fetch: srv.fetch });
    expect(session.snapshot().status).toBe('checking');
    await session.start();
    expect(session.snapshot()).toEqual({ status: 'signed-out' });
    expect(await session.signIn('good')).toBeNull();
    const state = session.snapshot();
    if (state.status !== 'signed-in') throw new Error(state.status);
    await state.api.me();
    expect(srv.calls.at(-1)!.headers).not.toHaveProperty('Authorization');
    expect(srv.calls.at(-1)!.headers).not.toHaveProperty('X-CSRF-Token');
    await state.api.submit(2025, 'MOPS/PRZ/08');
    expect(srv.calls.at(-1)!.headers['X-CSRF-Token']).toBe('csrf-1');
    // A reload: the cookie still holds, the CSRF token comes back from GET /api/auth/session.
    const reloaded = new Session({ mode: 'browser', fetch: srv.fetch });
    await reloaded.start();
    expect(reloaded.snapshot().status).toBe('signed-in');
  });

  it('an expired session on start says why', async () => {
    const session = new Session({ mode: 'browser', fetch: server({ expired: true }).fetch });
    await session.start();
    expect(session.snapshot()).toEqual({ status: 'signed-out', message: 'Sesja wygasła po 2 godz. bez aktywności — zaloguj się ponownie.' });
  });
});
