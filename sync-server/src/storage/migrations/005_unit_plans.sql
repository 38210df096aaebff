-- Units' plans (issue 16), beside their reports and in the same shape: unit_plans holds the head
-- (current version, workflow state), every save inserts a plan_versions row, field-level changes go
-- to plan_changes and workflow moves to plan_events. Accepting a plan writes its activities' plans
-- into `plans`, which reporting, variance, the workbooks and the annex read.

CREATE TABLE unit_plans (
  year            int NOT NULL REFERENCES reporting_years(year),
  org_unit_code   text NOT NULL REFERENCES org_units(code),
  version         int NOT NULL DEFAULT 0,
  state           text NOT NULL CHECK (state IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')),
  review_comment  text,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  changed_by      text,
  PRIMARY KEY (year, org_unit_code)
);

CREATE TABLE plan_versions (
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  version         int NOT NULL CHECK (version > 0),
  -- { entries: PlanEntry[], proposals: ActivityProposal[] }
  body            jsonb NOT NULL,
  saved_at        timestamptz NOT NULL DEFAULT now(),
  saved_by_id     text,
  saved_by        text NOT NULL,
  -- mops / mops_import: entered by MOPS on the unit's behalf
  source          text NOT NULL CHECK (source IN ('addin', 'browser', 'upload', 'api', 'mops', 'mops_import')),
  PRIMARY KEY (year, org_unit_code, version),
  FOREIGN KEY (year, org_unit_code) REFERENCES unit_plans (year, org_unit_code)
);

CREATE TABLE plan_changes (
  id              bigserial PRIMARY KEY,
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  version         int NOT NULL,
  activity_id     text NOT NULL,
  field           text NOT NULL,
  old_value       text,
  new_value       text,
  FOREIGN KEY (year, org_unit_code, version) REFERENCES plan_versions (year, org_unit_code, version)
);
CREATE INDEX plan_changes_by_plan ON plan_changes (year, org_unit_code, version);

CREATE TABLE plan_events (
  id              bigserial PRIMARY KEY,
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  action          text NOT NULL CHECK (action IN ('submit', 'accept', 'return', 'reopen')),
  from_state      text NOT NULL,
  to_state        text NOT NULL,
  version         int NOT NULL,
  comment         text,
  at              timestamptz NOT NULL DEFAULT now(),
  by_id           text,
  by_name         text NOT NULL
);
CREATE INDEX plan_events_by_plan ON plan_events (year, org_unit_code);

-- Measure kinds proposed in plans and accepted by MOPS with them (beside the built-in vocabulary).
CREATE TABLE measure_kinds (
  lemma           text PRIMARY KEY,
  forms           jsonb NOT NULL,
  accepted_year   int NOT NULL,
  proposed_by     text NOT NULL,
  accepted_at     timestamptz NOT NULL DEFAULT now(),
  accepted_by     text NOT NULL
);
