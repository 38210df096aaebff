/**
 * The users page's API (admin only) on PGlite and PostgreSQL: add a reporter with a unit, issue a
 * token with an expiry date, sign in with it, see the last sign-in and the live session, disable the
 * user — the next request with that session is refused at once — and the audit of who did what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PATHS, API_PATHS, AUTH_PATHS, MSG, type AdminUser } from '@pwr-sync/shared';
import { backends, client, createTestDb, fakeClock, pickUnits, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const DAY = 86_400_000;

describe.each(backends())('users API on %s', (backend) => {
  let tdb: TestDb;
  let app: TestApp;
  const clock = fakeClock(new Date('2026-03-02T08:00:00Z'));
  const { unitA } = pickUnits();
  let admin: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    app = await startApp(tdb.db, {}, { clock });
    admin = client(app.url, await userToken(tdb.db, 'users-admin', 'admin'));
    reviewer = client(app.url, await userToken(tdb.db, 'users-rev', 'reviewer'));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  it('only an admin manages users: 403 for a reviewer, 401 without a credential', async () => {
    expect((await reviewer('GET', ADMIN_PATHS.users)).status).toBe(403);
    expect((await reviewer('POST', ADMIN_PATHS.users, { id: 'x1', name: 'X', role: 'manager' })).status).toBe(403);
    expect((await client(app.url)('GET', ADMIN_PATHS.users)).status).toBe(401);
  });

  it('refuses a reporter without a unit, a unit for a manager, an unknown unit, a bad login and a taken one — naming the field', async () => {
    const noUnit = await admin('POST', ADMIN_PATHS.users, { id: 'anna.nowak', name: 'Anna Nowak', role: 'unit_reporter' });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.problems).toEqual([expect.objectContaining({ field: 'orgUnitCode', message: expect.stringContaining('musi mieć przypisaną jednostkę') })]);
    const unitForManager = await admin('POST', ADMIN_PATHS.users, { id: 'kier', name: 'Kierownik', role: 'manager', orgUnitCode: unitA });
    expect(unitForManager.body.problems[0].field).toBe('orgUnitCode');
    const unknownUnit = await admin('POST', ADMIN_PATHS.users, { id: 'kier', name: 'Kierownik', role: 'unit_reporter', orgUnitCode: 'NIEMA/01' });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.problems[0]).toMatchObject({ field: 'orgUnitCode', message: MSG.api.noUnit('NIEMA/01') });
    const badId = await admin('POST', ADMIN_PATHS.users, { id: 'Żaneta K', name: 'Żaneta', role: 'manager' });
    expect(badId.body.problems[0]).toMatchObject({ field: 'id', message: expect.stringContaining('identyfikator użytkownika') });
    const taken = await admin('POST', ADMIN_PATHS.users, { id: 'users-rev', name: 'Ktoś', role: 'manager' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe(MSG.auth.userExists('users-rev'));
  });

  it('end to end: add a reporter, issue a token, sign in with it, see the session, disable — the next request is refused', async () => {
    const added = await admin('POST', ADMIN_PATHS.users, { id: 'anna.nowak', name: 'Anna Nowak', role: 'unit_reporter', orgUnitCode: unitA });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'anna.nowak', role: 'unit_reporter', orgUnitCode: unitA, disabled: false, lastSignInAt: null, activeSessions: 0, tokens: [] });

    const past = await admin('POST', ADMIN_PATHS.tokens('anna.nowak'), { label: 'laptop', expiresOn: '2026-03-01' });
    expect(past.status).toBe(400);
    expect(past.body.problems[0]).toMatchObject({ field: 'expiresOn', message: MSG.auth.expiryPast('2026-03-01') });
    const far = await admin('POST', ADMIN_PATHS.tokens('anna.nowak'), { label: 'laptop', expiresOn: '2029-01-01' });
    expect(far.body.problems[0].message).toBe(MSG.auth.expiryTooFar('2029-01-01', '2028-03-01'));

    const issued = await admin('POST', ADMIN_PATHS.tokens('anna.nowak'), { label: 'laptop', expiresOn: '2026-06-30' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^pwr_/);
    // valid through the whole 30 June in Kraków (CEST, UTC+2)
    expect(issued.body.info).toMatchObject({ label: 'laptop', expiresAt: '2026-06-30T21:59:59.999Z', active: true, createdBy: 'users-admin', revokedAt: null });

    const signIn = await client(app.url)('POST', AUTH_PATHS.signIn, { token: issued.body.token, client: 'pane' });
    expect(signIn.status).toBe(201);
    const anna = client(app.url, signIn.body.bearer);
    expect((await anna('GET', API_PATHS.report(2025, unitA))).status).toBe(200);

    const listed = (await admin('GET', ADMIN_PATHS.users)).body as AdminUser[];
    const row = listed.find((u) => u.id === 'anna.nowak')!;
    expect(row).toMatchObject({ lastSignInAt: clock().toISOString(), activeSessions: 1 });
    const sessions = await admin('GET', ADMIN_PATHS.sessions('anna.nowak'));
    expect(sessions.body).toEqual([expect.objectContaining({ client: 'pane', method: 'token', ip: expect.stringMatching(/127\.0\.0\.1/) })]);

    const self = await admin('POST', ADMIN_PATHS.disable('users-admin'));
    expect(self.status).toBe(409);
    const disabled = await admin('POST', ADMIN_PATHS.disable('anna.nowak'));
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, activeSessions: 0, tokens: [expect.objectContaining({ active: false, revokedAt: expect.any(String) })] });

    const next = await anna('GET', API_PATHS.me);
    expect(next.status).toBe(401);
    expect(next.body).toEqual({ code: 'user_disabled', error: MSG.auth.userDisabled });
    const again = await client(app.url)('POST', AUTH_PATHS.signIn, { token: issued.body.token });
    expect(again.body.code).toBe('user_disabled');
    expect((await admin('POST', ADMIN_PATHS.tokens('anna.nowak'), { expiresOn: '2026-06-30' })).status).toBe(409);

    const enabled = await admin('POST', ADMIN_PATHS.enable('anna.nowak'));
    expect(enabled.body.disabled).toBe(false);
    expect((await anna('GET', API_PATHS.me)).status).toBe(401); // the old session stays ended

    const audit = await admin('GET', `${ADMIN_PATHS.audit}?user=anna.nowak`);
    expect((audit.body as { event: string; actorId: string | null }[]).map((e) => e.event).reverse()).toEqual([
      'user_added', 'token_issued', 'sign_in', 'user_disabled', 'sign_in_failed', 'user_enabled',
    ]);
    expect(audit.body[0]).toMatchObject({ event: 'user_enabled', actorId: 'users-admin', ip: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('revoke a token; an expired one shows as not active; an admin can end one session', async () => {
    await admin('POST', ADMIN_PATHS.users, { id: 'piotr', name: 'Piotr Zieliński', role: 'reviewer' });
    const a = await admin('POST', ADMIN_PATHS.tokens('piotr'), { label: 'a', expiresOn: '2026-03-05' });
    const b = await admin('POST', ADMIN_PATHS.tokens('piotr'), { label: 'b', expiresOn: '2026-12-31' });
    const revoked = await admin('POST', ADMIN_PATHS.revokeToken('piotr', b.body.info.id));
    expect(revoked.body).toMatchObject({ id: b.body.info.id, active: false, revokedAt: expect.any(String) });
    expect((await client(app.url, b.body.token)('GET', API_PATHS.me)).body.error).toBe(MSG.auth.tokenRevoked);
    expect((await admin('POST', ADMIN_PATHS.revokeToken('piotr', '0123456789ab'))).status).toBe(404);

    const s = await client(app.url)('POST', AUTH_PATHS.signIn, { token: a.body.token, client: 'pane' });
    const sessions = await admin('GET', ADMIN_PATHS.sessions('piotr'));
    expect((await admin('POST', ADMIN_PATHS.endSession('piotr', sessions.body[0].id))).status).toBe(204);
    expect((await client(app.url, s.body.bearer)('GET', API_PATHS.me)).status).toBe(401);

    clock.advance(4 * DAY);
    const piotr = ((await admin('GET', ADMIN_PATHS.users)).body as AdminUser[]).find((u) => u.id === 'piotr')!;
    expect(piotr.tokens.map((t) => [t.label, t.active]).sort()).toEqual([['a', false], ['b', false]]);
    expect(piotr.activeSessions).toBe(0);
  });
});
