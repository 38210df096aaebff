-- pwr-sync schema v1. Nothing a unit reports is updated in place: every save inserts a row into
-- report_versions; unit_reports holds only the head pointer and the workflow state.

CREATE TABLE org_units (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL,
  aliases     jsonb NOT NULL DEFAULT '[]'
);

-- One program (2022-2024, later 2025-2027): areas and tasks as documents, activities as rows.
CREATE TABLE program (
  id          int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  code        text NOT NULL,
  title       text NOT NULL,
  years       jsonb NOT NULL,
  areas       jsonb NOT NULL,
  tasks       jsonb NOT NULL
);

CREATE TABLE activities (
  id          text PRIMARY KEY,
  position    int NOT NULL,
  task_code   text NOT NULL,
  data        jsonb NOT NULL
);

-- Responsible units of an activity; exactly one has role 'reporting'.
CREATE TABLE activity_units (
  activity_id    text NOT NULL REFERENCES activities(id),
  org_unit_code  text NOT NULL REFERENCES org_units(code),
  role           text NOT NULL CHECK (role IN ('reporting', 'contributing')),
  position       int NOT NULL,
  PRIMARY KEY (activity_id, org_unit_code)
);
CREATE UNIQUE INDEX activity_units_one_reporting ON activity_units (activity_id) WHERE role = 'reporting';
CREATE INDEX activity_units_by_unit ON activity_units (org_unit_code);

CREATE TABLE reporting_years (
  year        int PRIMARY KEY,
  status      text NOT NULL CHECK (status IN ('open', 'closed')),
  deadline    text CHECK (deadline ~ '^\d{4}-\d{2}-\d{2}$'),
  policy      jsonb NOT NULL
);

CREATE TABLE plans (
  year        int NOT NULL REFERENCES reporting_years(year),
  activity_id text NOT NULL REFERENCES activities(id),
  plan        jsonb NOT NULL,
  PRIMARY KEY (year, activity_id)
);

CREATE TABLE users (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('unit_reporter', 'reviewer', 'manager', 'admin')),
  org_unit_code  text REFERENCES org_units(code),
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz,
  CHECK ((role = 'unit_reporter') = (org_unit_code IS NOT NULL))
);

-- Bearer tokens, stored as sha256 hex of the token; the token itself is shown once.
CREATE TABLE tokens (
  hash        text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id),
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX tokens_by_user ON tokens (user_id);

-- Head of a unit's report for a year: current version and workflow state. Saves lock this row.
CREATE TABLE unit_reports (
  year            int NOT NULL REFERENCES reporting_years(year),
  org_unit_code   text NOT NULL REFERENCES org_units(code),
  version         int NOT NULL DEFAULT 0,
  state           text NOT NULL CHECK (state IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')),
  review_comment  text,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  changed_by      text,
  PRIMARY KEY (year, org_unit_code)
);

CREATE TABLE report_versions (
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  version         int NOT NULL CHECK (version > 0),
  entries         jsonb NOT NULL,
  saved_at        timestamptz NOT NULL DEFAULT now(),
  saved_by_id     text,
  saved_by        text NOT NULL,
  source          text NOT NULL CHECK (source IN ('addin', 'upload', 'api', 'seed')),
  PRIMARY KEY (year, org_unit_code, version),
  FOREIGN KEY (year, org_unit_code) REFERENCES unit_reports (year, org_unit_code)
);

-- Field-level changes of each version against the previous one (old → new, as text).
CREATE TABLE report_changes (
  id              bigserial PRIMARY KEY,
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  version         int NOT NULL,
  activity_id     text NOT NULL,
  field           text NOT NULL,
  old_value       text,
  new_value       text,
  FOREIGN KEY (year, org_unit_code, version) REFERENCES report_versions (year, org_unit_code, version)
);
CREATE INDEX report_changes_by_report ON report_changes (year, org_unit_code, version);

-- Audit of workflow actions (submit, accept, return, reopen).
CREATE TABLE workflow_events (
  id              bigserial PRIMARY KEY,
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  action          text NOT NULL,
  from_state      text NOT NULL,
  to_state        text NOT NULL,
  version         int NOT NULL,
  comment         text,
  at              timestamptz NOT NULL DEFAULT now(),
  by_id           text,
  by_name         text NOT NULL
);
CREATE INDEX workflow_events_by_report ON workflow_events (year, org_unit_code);

-- Idempotency keys of saves: a retry with the same key and body gets the stored response.
CREATE TABLE idempotency_keys (
  user_id       text NOT NULL,
  key           text NOT NULL,
  scope         text NOT NULL,
  request_hash  text NOT NULL,
  response      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Fixed-window rate-limit counters, shared by every instance.
CREATE TABLE rate_limits (
  key       text PRIMARY KEY,
  hits      int NOT NULL,
  reset_at  timestamptz NOT NULL
);

CREATE TABLE meta (
  key    text PRIMARY KEY,
  value  jsonb NOT NULL
);
