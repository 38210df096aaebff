/**
 * pwr-sync as an OpenID Connect relying party: authorization code flow with PKCE, state and nonce,
 * on `openid-client` (certified). The provider only proves who the person is; which pwr-sync user
 * that is, and what they may do, is decided by `mapAccount` against our own users.
 */
import * as oidc from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  /** Claims that carry the person's stable id, e-mail and display name. */
  claims: { id: string; email: string; name: string };
  /** Where the provider sends the browser after RP-initiated logout. */
  postLogoutRedirectUri?: string;
  /** Seconds of clock difference tolerated between us and the provider. */
  clockToleranceSeconds: number;
  /** Plain http to the provider: loopback tests and development only. */
  allowHttp?: boolean;
  /** Known offset of our clock against the provider's, in seconds (openid-client `clockSkew`). */
  clockSkewSeconds?: number;
}

/** What the server keeps between sending the browser to the provider and its return (single use). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in. */
export interface ProviderIdentity {
  subject: string;
  email?: string;
  name?: string;
  idToken: string;
}

export class SignInRefused extends Error {
  constructor(readonly reason: 'provider_error' | 'state' | 'exchange' | 'claims', detail: string) {
    super(detail);
  }
}

export class RelyingParty {
  private constructor(private readonly config: oidc.Configuration, private readonly settings: OidcSettings) {}

  static async connect(settings: OidcSettings): Promise<RelyingParty> {
    const config = await oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      {
        [oidc.clockTolerance]: settings.clockToleranceSeconds,
        ...(settings.clockSkewSeconds ? { [oidc.clockSkew]: settings.clockSkewSeconds } : {}),
      },
      settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
      settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return new RelyingParty(config, settings);
  }

  get issuer(): string { return this.config.serverMetadata().issuer; }

  /** The provider's sign-in URL and the secrets to keep until the browser returns. */
  async begin(extra: Record<string, string> = {}): Promise<{ url: URL; pending: PendingSignIn }> {
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(this.config, {
      ...extra,
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Completes the flow from the URL the provider redirected to: checks issuer, state, PKCE, the ID
   * token's signature, audience, nonce and times, then reads the configured claims.
   */
  async complete(callbackUrl: URL, pending: PendingSignIn): Promise<ProviderIdentity> {
    const error = callbackUrl.searchParams.get('error');
    if (error) throw new SignInRefused('provider_error', `${error}: ${callbackUrl.searchParams.get('error_description') ?? ''}`);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(this.config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      throw new SignInRefused('exchange', describe(e));
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SignInRefused('claims', 'no ID token');
    const { id, email, name } = this.settings.claims;
    // Providers put e-mail and name in the ID token or only behind userinfo (oidc-provider, AD FS).
    let claims: Record<string, unknown> = idClaims;
    if ([id, email, name].some((k) => idClaims[k] === undefined)) {
      try {
        claims = { ...(await oidc.fetchUserInfo(this.config, tokens.access_token, idClaims.sub)), ...idClaims };
      } catch (e) {
        throw new SignInRefused('claims', describe(e));
      }
    }
    const subject = claims[id];
    if (typeof subject !== 'string' || subject === '') throw new SignInRefused('claims', `claim ${id} missing`);
    const text = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
    return { subject, email: text(email)?.toLowerCase(), name: text(name), idToken: tokens.id_token! };
  }

  /** RP-initiated logout at the provider, when it supports it. */
  logoutUrl(idTokenHint?: string): URL | undefined {
    if (!this.config.serverMetadata().end_session_endpoint) return undefined;
    const params: Record<string, string> = { client_id: this.settings.clientId };
    if (idTokenHint) params.id_token_hint = idTokenHint;
    if (this.settings.postLogoutRedirectUri) params.post_logout_redirect_uri = this.settings.postLogoutRedirectUri;
    return oidc.buildEndSessionUrl(this.config, params);
  }
}

/** openid-client's errors say what failed in `code`, `error` and `cause`; the message alone is generic. */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const x = e as Error & { code?: string; error?: string; error_description?: string; cause?: unknown };
  const cause = x.cause && typeof x.cause === 'object' && 'message' in x.cause ? String((x.cause as Error).message) : '';
  return [x.name, x.code, x.error, x.error_description, x.message, cause].filter(Boolean).join(' | ');
}
