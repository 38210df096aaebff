/**
 * Messages of signing in with the city's identity provider (OpenID Connect): the settings the city's
 * IT configures, and the pages a clerk meets when the provider's answer cannot become a session.
 * Part of MSG (catalogue.ts) as MSG.signIn.
 */
export const signInText = {
  // settings (sync-server/src/config/oidcEnv.ts)
  issuerUrl: 'PWR_OIDC_ISSUER musi być adresem dostawcy tożsamości, np. https://login.microsoftonline.com/<id dzierżawy>/v2.0 albo https://sso.krakow.pl/realms/um',
  issuerHttps: 'PWR_OIDC_ISSUER musi zaczynać się od https:// (http:// tylko dla adresów lokalnych, do prób)',
  clientIdRequired: 'PWR_OIDC_CLIENT_ID jest wymagany, gdy ustawiono PWR_OIDC_ISSUER: identyfikator aplikacji zarejestrowanej u dostawcy tożsamości',
  redirectRequired: 'PWR_OIDC_REDIRECT_URL albo PWR_PUBLIC_URL jest wymagany, gdy ustawiono PWR_OIDC_ISSUER: adres powrotu po zalogowaniu musi być znany z góry i zarejestrowany u dostawcy',
  redirectUrl: 'PWR_OIDC_REDIRECT_URL musi być pełnym adresem, np. https://pwr.example.krakow.pl/api/auth/oidc/callback',
  scopesOpenid: 'PWR_OIDC_SCOPES musi zawierać openid, np. openid email profile',
  claimName: (name: string) => `${name} musi być nazwą oświadczenia (claim), np. sub, oid, email lub preferred_username`,
  withoutIssuer: (name: string) => `${name} nie ma znaczenia bez PWR_OIDC_ISSUER — ustaw adres dostawcy tożsamości albo usuń ${name}`,
} as const;
