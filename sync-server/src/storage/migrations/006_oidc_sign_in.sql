-- Sign-in with the city's identity provider (issue 18). The provider proves who a person is; the
-- account it maps to is a pwr-sync user the admin pre-created, found by the provider's subject or,
-- until the first sign-in binds the subject, by e-mail.
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE users ADD COLUMN oidc_subject text;
-- Token sign-in stays for units outside the city's directory; the admin can switch it off per user.
ALTER TABLE users ADD COLUMN token_sign_in boolean NOT NULL DEFAULT true;
CREATE UNIQUE INDEX users_by_email ON users (lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_by_oidc_subject ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A sign-in under way at the provider: what we must check when the browser comes back (single use,
-- short-lived). In the database, not in memory, so any instance behind the balancer completes it.
CREATE TABLE oidc_pending (
  state          text PRIMARY KEY,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  client         text NOT NULL CHECK (client IN ('browser', 'pane')),
  -- the browser holding this sign-in (a cookie's hash): a code brought by another browser is refused
  binding_hash   text NOT NULL,
  created_at     timestamptz NOT NULL
);
