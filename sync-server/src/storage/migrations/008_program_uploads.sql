-- Program files uploaded and waiting for MOPS to confirm (issue 15). The upload is read and diffed
-- at once; the confirm applies exactly what the preview showed, and only while `basis` (a hash of
-- the program and the unit registry as they were at the preview) still holds: a stale preview is
-- refused. Kept on the server, not in memory, so any instance sharing the database can confirm it.
CREATE TABLE program_uploads (
  id             text PRIMARY KEY,
  program_code   text NOT NULL,
  new_period     boolean NOT NULL,
  basis          text NOT NULL,
  -- { program: Program, fileUnits: OrgUnit[] } as read from the file
  body           jsonb NOT NULL,
  diff           jsonb NOT NULL,
  year_effects   jsonb NOT NULL,
  file_name      text,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  by_id          text,
  by_name        text NOT NULL,
  applied_at     timestamptz
);
CREATE INDEX program_uploads_expiry ON program_uploads (expires_at);
