/**
 * The relying party of this server, connected on first use: the server starts (and serves token
 * sign-in) even while the city's provider is unreachable, and rediscovers it on the next sign-in.
 */
import type { OidcConfig } from '../../config/oidcEnv.ts';
import { RelyingParty } from './relyingParty.ts';

export class OidcService {
  private connecting: Promise<RelyingParty> | null = null;

  constructor(readonly config: OidcConfig) {}

  relyingParty(): Promise<RelyingParty> {
    if (!this.connecting) {
      const issuer = new URL(this.config.issuer);
      this.connecting = RelyingParty.connect({ ...this.config, allowHttp: issuer.protocol === 'http:' });
      this.connecting.catch(() => { this.connecting = null; });
    }
    return this.connecting;
  }
}
