/**
 * The relying party against a real OpenID provider (oidc-provider) on loopback: the checks the
 * protocol's security rests on — state, nonce, PKCE, single-use codes, issuer, audience, clocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelyingParty, SignInRefused, type OidcSettings } from './relyingParty.ts';
import { signInAt, startOidcProvider, type RunningProvider } from '../../../test/oidc/provider.ts';

const REDIRECT = 'http://127.0.0.1:9/api/auth/oidc/callback';
const client = { client_id: 'pwr-sync', client_secret: 'sekret-testowy', redirect_uris: [REDIRECT], post_logout_redirect_uris: ['http://127.0.0.1:9/'] };
const other = { client_id: 'inna-aplikacja', client_secret: 'inny-sekret', redirect_uris: [REDIRECT] };

let idp: RunningProvider;
let otherIdp: RunningProvider;
const settings = (issuer: string, over: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer,
  clientId: client.client_id,
  clientSecret: client.client_secret,
  redirectUri: REDIRECT,
  scopes: 'openid email profile',
  claims: { id: 'sub', email: 'email', name: 'name' },
  postLogoutRedirectUri: 'http://127.0.0.1:9/',
  clockToleranceSeconds: 60,
  allowHttp: true,
  ...over,
});

beforeAll(async () => {
  const accounts = [{ sub: 'anowak', email: 'Anna.Nowak@um.krakow.pl', name: 'Anna Nowak' }];
  idp = await startOidcProvider({ clients: [client, other], accounts });
  otherIdp = await startOidcProvider({ clients: [client], accounts });
});
afterAll(async () => { await idp?.close(); await otherIdp?.close(); });

async function refusal(p: Promise<unknown>): Promise<SignInRefused> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(SignInRefused);
  return e as SignInRefused;
}

describe('OpenID Connect relying party', () => {
  it('signs a person in with code + PKCE and reads the mapped claims', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { url, pending } = await rp.begin();
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toBe(pending.nonce);
    const back = await signInAt(url.href, 'anowak');
    const who = await rp.complete(back, pending);
    expect(who).toMatchObject({ subject: 'anowak', email: 'anna.nowak@um.krakow.pl', name: 'Anna Nowak' });
    expect(who.idToken.split('.')).toHaveLength(3);
  });

  it('reads the id from another claim when configured (e.g. e-mail as the key)', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer, { claims: { id: 'email', email: 'email', name: 'name' } }));
    const { url, pending } = await rp.begin();
    const who = await rp.complete(await signInAt(url.href, 'anowak'), pending);
    expect(who.subject).toBe('Anna.Nowak@um.krakow.pl');
  });

  it('refuses a response whose state is not the one we sent', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { url, pending } = await rp.begin();
    const back = await signInAt(url.href, 'anowak');
    const e = await refusal(rp.complete(back, { ...pending, state: 'podrobiony-stan' }));
    expect(e.message).toMatch(/state/i);
  });

  it('refuses an ID token whose nonce is not ours', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { url, pending } = await rp.begin();
    const back = await signInAt(url.href, 'anowak');
    const e = await refusal(rp.complete(back, { ...pending, nonce: 'inny-nonce' }));
    expect(e.message).toMatch(/nonce/i);
  });

  it('requires PKCE: the provider refuses a request without a code challenge, and a wrong verifier', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { url } = await rp.begin();
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const noPkce = await signInAt(url.href, 'anowak');
    expect(noPkce.searchParams.get('error')).toBe('invalid_request');
    expect(noPkce.searchParams.get('error_description')).toMatch(/PKCE/);

    const second = await rp.begin();
    const back = await signInAt(second.url.href, 'anowak');
    const e = await refusal(rp.complete(back, { ...second.pending, codeVerifier: 'x'.repeat(43) }));
    expect(e.message).toMatch(/invalid_grant/);
  });

  it('refuses a replayed authorization code', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { url, pending } = await rp.begin();
    const back = await signInAt(url.href, 'anowak');
    await rp.complete(back, pending);
    const e = await refusal(rp.complete(back, pending));
    expect(e.message).toMatch(/invalid_grant/);
  });

  it('refuses a response from another issuer', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const stranger = await RelyingParty.connect(settings(otherIdp.issuer));
    const { url, pending } = await stranger.begin();
    const back = await signInAt(url.href, 'anowak');
    const e = await refusal(rp.complete(back, pending));
    expect(e.message).toMatch(/iss/i);
  });

  it('refuses a code issued to another client (audience)', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const foreign = await RelyingParty.connect(settings(idp.issuer, { clientId: other.client_id, clientSecret: other.client_secret }));
    const { url, pending } = await foreign.begin();
    const back = await signInAt(url.href, 'anowak');
    const e = await refusal(rp.complete(back, pending));
    expect(e.message).toMatch(/invalid_grant/);
  });

  it('tolerates a clock difference within the tolerance and refuses one beyond it', async () => {
    // The provider's ID tokens live an hour: a clock 30 s past their expiry is tolerated (60 s)…
    const slightlyOff = await RelyingParty.connect(settings(idp.issuer, { clockSkewSeconds: 3600 + 30 }));
    const a = await slightlyOff.begin();
    await expect(slightlyOff.complete(await signInAt(a.url.href, 'anowak'), a.pending)).resolves.toMatchObject({ subject: 'anowak' });

    // …two minutes past is not.
    const farOff = await RelyingParty.connect(settings(idp.issuer, { clockSkewSeconds: 3600 + 120 }));
    const b = await farOff.begin();
    const e = await refusal(farOff.complete(await signInAt(b.url.href, 'anowak'), b.pending));
    expect(e.message).toMatch(/exp/i);
  });

  it('passes the error of a sign-in cancelled at the provider', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const { pending } = await rp.begin();
    const back = new URL(`${REDIRECT}?error=access_denied&error_description=End-User+aborted&state=${pending.state}`);
    const e = await refusal(rp.complete(back, pending));
    expect(e.reason).toBe('provider_error');
  });

  it('builds the provider logout URL (RP-initiated logout)', async () => {
    const rp = await RelyingParty.connect(settings(idp.issuer));
    const out = rp.logoutUrl('hint')!;
    expect(out.href.startsWith(`${idp.issuer}/session/end`)).toBe(true);
    expect(out.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:9/');
  });
});
