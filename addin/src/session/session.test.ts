import { describe, expect, it } from 'vitest';
import { Session, type SessionState } from './session.ts';
import { webTokenStore } from './tokenStore.ts';

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

/** A server that knows one token; `down` makes it unreachable. */
function server(opts: { token?: string; down?: boolean } = {}) {
  const calls: string[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url} ${(init?.headers as Record<string, string>).Authorization}`);
    if (opts.down) throw new TypeError('Failed to fetch');
    const auth = (init?.headers as Record<string, string>).Authorization;
    if (auth !== `Bearer ${opts.token ?? 'good'}`) return new Response(JSON.stringify({ error: 'Token wygasł.', code: 'unauthorized' }), { status: 401 });
    return new Response(JSON.stringify(ME), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function watch(session: Session): SessionState['status'][] {
  const seen: SessionState['status'][] = [];
  session.subscribe(() => seen.push(session.snapshot().status));
  return seen;
}

describe('Session (one sign-in and one API client for every mode)', () => {
  it('starts signed out without a stored token', () => {
    expect(new Session({ store: webTokenStore(memoryStorage), fetch: server().fetch }).snapshot()).toEqual({ status: 'signed-out' });
  });

  it('signs in only with a token the server knows, trimmed, and keeps it in the given storage', async () => {
    const area = memoryStorage();
    const { fetch, calls } = server();
    const session = new Session({ store: webTokenStore(() => area), fetch, baseUrl: 'https://pwr.test/' });
    expect(await session.signIn('wrong')).toBe('Token jest nieprawidłowy lub wygasł. Zaloguj się ponownie.');
    expect(area.getItem('pwr-sync.token')).toBeNull();
    expect(session.snapshot().status).toBe('signed-out');
    expect(await session.signIn('  good \n')).toBeNull();
    expect(area.getItem('pwr-sync.token')).toBe('good');
    const state = session.snapshot();
    expect(state.status === 'signed-in' && state.me.user.name).toBe('Anna Nowak');
    expect(calls.at(-1)).toBe('GET https://pwr.test/api/me Bearer good');
  });

  it('checks a stored token on start: known → signed in, refused → signed out with the reason and forgotten', async () => {
    const area = memoryStorage();
    area.setItem('pwr-sync.token', 'good');
    const ok = new Session({ store: webTokenStore(() => area), fetch: server().fetch });
    expect(ok.snapshot()).toEqual({ status: 'checking' });
    const seen = watch(ok);
    await ok.start();
    expect(seen).toEqual(['checking', 'signed-in']);

    area.setItem('pwr-sync.other', 'x');
    area.setItem('another-app', 'kept');
    const expired = new Session({ store: webTokenStore(() => area), fetch: server({ token: 'newer' }).fetch });
    await expired.start();
    expect(expired.snapshot()).toEqual({ status: 'signed-out', message: 'Token jest nieprawidłowy lub wygasł. Zaloguj się ponownie.' });
    expect([area.getItem('pwr-sync.token'), area.getItem('pwr-sync.other'), area.getItem('another-app')]).toEqual([null, null, 'kept']);
  });

  it('keeps the stored token when the server cannot be reached, and retries', async () => {
    const area = memoryStorage();
    area.setItem('pwr-sync.token', 'good');
    const down = { down: true };
    const srv = server(down);
    const session = new Session({ store: webTokenStore(() => area), fetch: srv.fetch });
    await session.start();
    expect(session.snapshot().status).toBe('unreachable');
    expect(area.getItem('pwr-sync.token')).toBe('good');
    down.down = false;
    await session.start();
    expect(session.snapshot().status).toBe('signed-in');
  });

  it('a 401 reported by any mode signs out with its message; other failures do not', async () => {
    const session = new Session({ store: webTokenStore(memoryStorage), fetch: server().fetch });
    await session.signIn('good');
    session.report({ kind: 'forbidden', message: 'Brak uprawnień do tej operacji.' });
    expect(session.snapshot().status).toBe('signed-in');
    session.report({ kind: 'unauthorized', message: 'Sesja wygasła.' });
    expect(session.snapshot()).toEqual({ status: 'signed-out', message: 'Sesja wygasła.' });
  });

  it('a sign-out while the stored token is being checked wins over the late answer', async () => {
    const area = memoryStorage();
    area.setItem('pwr-sync.token', 'good');
    const session = new Session({ store: webTokenStore(() => area), fetch: server().fetch });
    const checking = session.start();
    session.signOut();
    await checking;
    expect(session.snapshot()).toEqual({ status: 'signed-out' });
  });

  it('works with no storage at all (blocked by the browser): signed in for this page only', async () => {
    const session = new Session({ store: webTokenStore(() => { throw new DOMException('denied', 'SecurityError'); }), fetch: server().fetch });
    expect(await session.signIn('good')).toBeNull();
    expect(session.snapshot().status).toBe('signed-in');
  });
});
