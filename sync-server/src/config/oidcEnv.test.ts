/** The city's identity provider in the environment: what a city's IT person sets, and what they read when it is wrong. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://pwr:tajne@db.example/pwr', PWR_PUBLIC_URL: 'https://pwr.example.krakow.pl' };
const ENTRA = {
  PWR_OIDC_ISSUER: 'https://login.microsoftonline.com/6f1c0a4e-0000-4000-8000-000000000000/v2.0',
  PWR_OIDC_CLIENT_ID: '0b1f0000-aaaa-4bbb-8ccc-000000000001',
  PWR_OIDC_CLIENT_SECRET: 'bardzo-tajny-sekret',
};

function message(env: NodeJS.ProcessEnv): string {
  try { loadConfig(env); } catch (err) { expect(err).toBeInstanceOf(ConfigError); return (err as Error).message; }
  throw new Error('expected a ConfigError');
}

describe('OpenID Connect settings', () => {
  it('without an issuer the server offers token sign-in only', () => {
    expect(loadConfig(PROD).oidc).toBeNull();
  });

  it('an Entra ID registration: redirect and logout addresses follow the public address; defaults for scopes and claims', () => {
    expect(loadConfig({ ...PROD, ...ENTRA }).oidc).toEqual({
      issuer: ENTRA.PWR_OIDC_ISSUER,
      clientId: ENTRA.PWR_OIDC_CLIENT_ID,
      clientSecret: ENTRA.PWR_OIDC_CLIENT_SECRET,
      redirectUri: 'https://pwr.example.krakow.pl/api/auth/oidc/callback',
      postLogoutRedirectUri: 'https://pwr.example.krakow.pl/',
      scopes: 'openid email profile',
      claims: { id: 'sub', email: 'email', name: 'name' },
      clockToleranceSeconds: 60,
      label: null,
      helpContact: null,
    });
  });

  it('a Keycloak realm with the id taken from another claim', () => {
    const c = loadConfig({ ...PROD, PWR_OIDC_ISSUER: 'https://sso.krakow.pl/realms/um/', PWR_OIDC_CLIENT_ID: 'pwr-sync', PWR_OIDC_CLAIM_ID: 'preferred_username', PWR_OIDC_SCOPES: 'openid email' });
    expect(c.oidc).toMatchObject({ issuer: 'https://sso.krakow.pl/realms/um', claims: { id: 'preferred_username' }, scopes: 'openid email' });
  });

  it('names each wrong setting in Polish and never repeats the client secret', () => {
    const msg = message({ ...PROD, PWR_OIDC_ISSUER: 'http://sso.krakow.pl/realms/um', PWR_OIDC_CLIENT_SECRET: 'bardzo-tajny-sekret', PWR_OIDC_SCOPES: 'email profile', PWR_OIDC_CLAIM_ID: 'id token' });
    expect(msg).toContain('PWR_OIDC_ISSUER musi zaczynać się od https://');
    expect(msg).toContain('PWR_OIDC_SCOPES musi zawierać openid');
    expect(msg).toContain('PWR_OIDC_CLAIM_ID musi być nazwą oświadczenia');
    expect(msg).not.toContain('bardzo-tajny-sekret');
  });

  it('an issuer needs a client id and a known redirect address', () => {
    const msg = message({ PWR_OIDC_ISSUER: 'https://sso.krakow.pl/realms/um' });
    expect(msg).toContain('PWR_OIDC_CLIENT_ID jest wymagany');
    expect(msg).toContain('PWR_OIDC_REDIRECT_URL albo PWR_PUBLIC_URL jest wymagany');
  });

  it('provider settings without an issuer are refused rather than silently ignored', () => {
    expect(message({ PWR_OIDC_CLIENT_ID: 'pwr-sync' })).toContain('PWR_OIDC_CLIENT_ID nie ma znaczenia bez PWR_OIDC_ISSUER');
  });

  it('plain http is allowed only to a provider on this machine (tests, trials)', () => {
    expect(loadConfig({ PWR_OIDC_ISSUER: 'http://127.0.0.1:4010', PWR_OIDC_CLIENT_ID: 'pwr-sync', PWR_OIDC_REDIRECT_URL: 'http://127.0.0.1:3000/api/auth/oidc/callback' }).oidc?.issuer).toBe('http://127.0.0.1:4010');
  });
});
