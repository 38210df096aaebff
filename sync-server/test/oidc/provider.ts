/**
 * A real, certified OpenID provider (`oidc-provider`) on the loopback interface, standing in for the
 * city's Entra ID / AD FS / Keycloak. Its development login page accepts any login whose account the
 * test declared; `signInAt` walks that page over HTTP for tests that do not drive a browser.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

export interface TestAccount { sub: string; email?: string; name?: string }

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export interface RunningProvider {
  issuer: string;
  provider: Provider;
  /** Accounts may be added while the provider runs. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export async function startOidcProvider(opts: {
  clients: TestClient[];
  accounts?: TestAccount[];
  /** The issuer's host name: 127.0.0.1 (default) or localhost. Either way it listens on loopback only. */
  hostname?: '127.0.0.1' | 'localhost';
}): Promise<RunningProvider> {
  const accounts = new Map((opts.accounts ?? []).map((a) => [a.sub, a]));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // As `localhost` the provider is another site than the app on 127.0.0.1, as the city's provider is:
  // a browser then treats its redirects as cross-site (SameSite cookies). Some resolvers try ::1 first.
  const servers = [server];
  if (opts.hostname === 'localhost') {
    const v6 = createServer();
    await new Promise<void>((resolve) => { v6.once('error', () => resolve()); v6.listen(port, '::1', () => { servers.push(v6); resolve(); }); });
  }
  const issuer = `http://${opts.hostname ?? '127.0.0.1'}:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const config: Configuration = {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    clients: opts.clients.map((c) => ({
      ...c,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    pkce: { required: () => true },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Session: 3600, Interaction: 600, Grant: 3600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['pwr-sync-test-provider-key'] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
      };
    },
    // Consent is the city's business, not ours: grant the requested scopes at once.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, config);
  for (const s of servers) s.on('request', provider.callback());
  return {
    issuer,
    provider,
    accounts,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
    },
  };
}

/** A minimal cookie jar for walking the provider's pages with fetch. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

/**
 * Follows an authorization URL through the provider's login page as `login` and returns the
 * redirect back to the relying party (…/callback?code=…&state=…), without following it.
 */
export async function signInAt(authorizationUrl: string, login: string, jar = new Jar()): Promise<URL> {
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.take(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (!next.pathname.startsWith('/auth') && !next.pathname.startsWith('/interaction')) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`Unexpected provider page (${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'x' } : { prompt });
  }
  throw new Error('Too many redirects at the provider');
}
