-- Sessions that expire (issue 14). A token is now only exchanged for a session (or used by scripts
-- as a bearer) until its expiry; tokens issued before this migration get 90 days from now.
ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
UPDATE tokens SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE tokens ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE tokens ADD COLUMN last_used_at timestamptz;
ALTER TABLE tokens ADD COLUMN created_by text;

-- A signed-in session: a browser cookie or the pane's short-lived bearer. Only sha256 hashes of
-- the credential are stored. Valid while not ended, before expires_at (the maximum age) and within
-- the idle timeout of last_seen_at; the pane's bearer also within its own lifetime of renewed_at.
CREATE TABLE sessions (
  id                text PRIMARY KEY,
  secret_hash       text NOT NULL UNIQUE,
  -- the pane's previous bearer, accepted for a short grace after a renewal (requests in flight)
  prev_secret_hash  text,
  user_id           text NOT NULL REFERENCES users(id),
  -- how the person proved who they are: 'token' (an issued token); single sign-on adds its own
  method            text NOT NULL,
  client            text NOT NULL CHECK (client IN ('browser', 'pane')),
  ip                text,
  user_agent        text,
  created_at        timestamptz NOT NULL,
  last_seen_at      timestamptz NOT NULL,
  renewed_at        timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  ended_at          timestamptz,
  end_reason        text
);
CREATE INDEX sessions_by_user ON sessions (user_id, created_at);
CREATE INDEX sessions_by_prev_secret ON sessions (prev_secret_hash);

-- Audit of sign-ins, failures, sign-outs and changes to users and tokens: who, when, from where.
CREATE TABLE auth_events (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  event     text NOT NULL,
  user_id   text,
  actor_id  text,
  ip        text,
  detail    text NOT NULL DEFAULT ''
);
CREATE INDEX auth_events_by_user ON auth_events (user_id, at);
CREATE INDEX auth_events_by_at ON auth_events (at);
