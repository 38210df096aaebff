/** Mapping a provider account to a pre-created user, and single-use sign-ins, on PGlite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDb, type TestDb } from '../../test/harness.ts';
import { insertOidcPending, mapProviderAccount, setSignInSettings, takeOidcPending, upsertUser } from './index.ts';

describe.each(backends())('provider accounts on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend);
    await upsertUser(t.db, { id: 'anowak', name: 'Anna Nowak', role: 'reviewer', orgUnitCode: null });
    await upsertUser(t.db, { id: 'jkowal', name: 'Jan Kowal', role: 'reviewer', orgUnitCode: null });
  });
  afterAll(async () => { await t?.close(); });

  it('maps by e-mail (any case) the first time, then by the bound subject even after the e-mail changes', async () => {
    expect(await setSignInSettings(t.db, 'anowak', { email: 'Anna.Nowak@um.krakow.pl' })).toBe(true);
    expect(await mapProviderAccount(t.db, 'sub-1', 'anna.nowak@UM.krakow.pl')).toMatchObject({ user: { id: 'anowak' }, oidcSubject: 'sub-1', disabled: false, tokenSignIn: true });
    expect(await mapProviderAccount(t.db, 'sub-1', 'a.nowak@krakow.pl')).toMatchObject({ user: { id: 'anowak' } });
    // another provider account with the old e-mail does not take over the bound user
    expect(await mapProviderAccount(t.db, 'sub-2', 'anna.nowak@um.krakow.pl')).toBeNull();
  });

  it('an unknown person maps to nobody; two users cannot share an e-mail', async () => {
    expect(await mapProviderAccount(t.db, 'sub-9', 'ktos@um.krakow.pl')).toBeNull();
    expect(await mapProviderAccount(t.db, 'sub-9', undefined)).toBeNull();
    await expect(setSignInSettings(t.db, 'jkowal', { email: 'ANNA.NOWAK@um.krakow.pl' })).rejects.toThrow();
  });

  it('unbinding lets the person sign in with a new provider account', async () => {
    await setSignInSettings(t.db, 'anowak', { unbindSubject: true, tokenSignIn: false });
    expect(await mapProviderAccount(t.db, 'sub-3', 'anna.nowak@um.krakow.pl')).toMatchObject({ user: { id: 'anowak' }, oidcSubject: 'sub-3', tokenSignIn: false });
  });

  it('a sign-in under way completes once and expires', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    await insertOidcPending(t.db, { state: 's1', nonce: 'n', codeVerifier: 'v', client: 'pane', bindingHash: 'h', createdAt: now });
    await insertOidcPending(t.db, { state: 's2', nonce: 'n', codeVerifier: 'v', client: 'browser', bindingHash: 'h', createdAt: now });
    const early = new Date(now.getTime() - 60_000);
    expect(await takeOidcPending(t.db, 's1', early)).toMatchObject({ state: 's1', client: 'pane', codeVerifier: 'v' });
    expect(await takeOidcPending(t.db, 's1', early)).toBeNull();
    expect(await takeOidcPending(t.db, 's2', new Date(now.getTime() + 1))).toBeNull();
  });
});
