-- Program periods and years as data (issue 15). A program period owns its structure; each year
-- belongs to a program, moves through planning → reporting → closed, and runs on its own list of
-- activities (a snapshot taken when the year starts, kept in step with the program while the
-- year is not closed). Nothing of a closed year changes when the program does.

CREATE TABLE programs (
  code        text PRIMARY KEY,
  title       text NOT NULL,
  first_year  int NOT NULL,
  last_year   int NOT NULL,
  demo        boolean NOT NULL DEFAULT false,
  areas       jsonb NOT NULL,
  tasks       jsonb NOT NULL,
  -- bumped by every applied program file: a diff made against an older revision is refused
  revision    int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL DEFAULT 'migracja',
  CHECK (first_year <= last_year)
);
INSERT INTO programs (code, title, first_year, last_year, areas, tasks)
  SELECT code, title, (years->>0)::int, (years->>1)::int, areas, tasks FROM program;

-- The program's activities; a retired one (dropped from the program file) is kept with its history.
CREATE TABLE program_activities (
  program_code  text NOT NULL REFERENCES programs(code),
  id            text NOT NULL,
  position      int NOT NULL,
  task_code     text NOT NULL,
  data          jsonb NOT NULL,
  retired_at    timestamptz,
  retired_by    text,
  PRIMARY KEY (program_code, id)
);
INSERT INTO program_activities (program_code, id, position, task_code, data)
  SELECT p.code, a.id, a.position, a.task_code, a.data FROM activities a CROSS JOIN program p;

ALTER TABLE reporting_years ADD COLUMN program_code text REFERENCES programs(code);
ALTER TABLE reporting_years ADD COLUMN phase text;
ALTER TABLE reporting_years ADD COLUMN planning_deadline text CHECK (planning_deadline ~ '^\d{4}-\d{2}-\d{2}$');
UPDATE reporting_years SET
  phase = CASE status WHEN 'open' THEN 'reporting' ELSE 'closed' END,
  program_code = (SELECT code FROM program);
ALTER TABLE reporting_years ALTER COLUMN phase SET NOT NULL;
ALTER TABLE reporting_years ALTER COLUMN program_code SET NOT NULL;
ALTER TABLE reporting_years ADD CHECK (phase IN ('planning', 'reporting', 'closed'));
ALTER TABLE reporting_years DROP COLUMN status;

-- The activities a year runs on, with the responsible units of that year.
CREATE TABLE year_activities (
  year         int NOT NULL REFERENCES reporting_years(year),
  activity_id  text NOT NULL,
  position     int NOT NULL,
  task_code    text NOT NULL,
  data         jsonb NOT NULL,
  PRIMARY KEY (year, activity_id)
);
INSERT INTO year_activities (year, activity_id, position, task_code, data)
  SELECT y.year, a.id, a.position, a.task_code, a.data FROM reporting_years y CROSS JOIN activities a;

CREATE TABLE activity_units_by_year (
  year           int NOT NULL,
  activity_id    text NOT NULL,
  org_unit_code  text NOT NULL REFERENCES org_units(code),
  role           text NOT NULL CHECK (role IN ('reporting', 'contributing')),
  position       int NOT NULL,
  PRIMARY KEY (year, activity_id, org_unit_code),
  FOREIGN KEY (year, activity_id) REFERENCES year_activities (year, activity_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX activity_units_by_year_one_reporting ON activity_units_by_year (year, activity_id) WHERE role = 'reporting';
CREATE INDEX activity_units_by_year_unit ON activity_units_by_year (year, org_unit_code);
INSERT INTO activity_units_by_year (year, activity_id, org_unit_code, role, position)
  SELECT y.year, au.activity_id, au.org_unit_code, au.role, au.position FROM reporting_years y CROSS JOIN activity_units au;

ALTER TABLE plans DROP CONSTRAINT plans_activity_id_fkey;
ALTER TABLE plans ADD FOREIGN KEY (year, activity_id) REFERENCES year_activities (year, activity_id);
DROP TABLE activity_units;
DROP TABLE activities;
DROP TABLE program;

-- Audit of a year's phases: started, advanced, undone (with the reason).
CREATE TABLE year_phase_events (
  id          bigserial PRIMARY KEY,
  year        int NOT NULL REFERENCES reporting_years(year),
  action      text NOT NULL CHECK (action IN ('started', 'advanced', 'undone')),
  from_phase  text,
  to_phase    text NOT NULL,
  reason      text,
  at          timestamptz NOT NULL DEFAULT now(),
  by_id       text,
  by_name     text NOT NULL
);
CREATE INDEX year_phase_events_by_year ON year_phase_events (year, id);

-- Audit of program changes: created from a file, a file applied (the diff as applied).
CREATE TABLE program_changes (
  id            bigserial PRIMARY KEY,
  program_code  text NOT NULL REFERENCES programs(code),
  action        text NOT NULL CHECK (action IN ('created', 'applied')),
  revision      int NOT NULL,
  diff          jsonb NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  by_id         text,
  by_name       text NOT NULL
);
