-- Reviewing with the report in front of the reviewer (issue 20).

-- Which version of a unit's report each reviewer opened: accept and return require the current one,
-- and the report view shows what changed since the last version this reviewer saw.
CREATE TABLE review_views (
  year            int NOT NULL,
  org_unit_code   text NOT NULL,
  user_id         text NOT NULL,
  version         int NOT NULL,
  seen_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, org_unit_code, user_id, version)
);

-- A return's comments on activities (optionally one measure, by its measureKey). Resolved when the
-- unit changed the activity before handing the report in again; otherwise still open.
CREATE TABLE review_comments (
  id                bigserial PRIMARY KEY,
  year              int NOT NULL,
  org_unit_code     text NOT NULL,
  version           int NOT NULL,
  activity_id       text NOT NULL,
  measure_key       text,
  text              text NOT NULL,
  at                timestamptz NOT NULL DEFAULT now(),
  by_id             text,
  by_name           text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_version  int
);
CREATE INDEX review_comments_by_report ON review_comments (year, org_unit_code);

-- Answers in a comment's thread (the unit's, or MOPS's).
CREATE TABLE review_comment_replies (
  id          bigserial PRIMARY KEY,
  comment_id  bigint NOT NULL REFERENCES review_comments(id),
  text        text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  by_id       text,
  by_name     text NOT NULL,
  from_unit   boolean NOT NULL
);
CREATE INDEX review_comment_replies_by_comment ON review_comment_replies (comment_id);

-- A version MOPS saved on the unit's behalf carries the reason (null: the unit's own save).
ALTER TABLE report_versions ADD COLUMN on_behalf_reason text;
