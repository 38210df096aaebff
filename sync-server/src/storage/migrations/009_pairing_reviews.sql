-- Pairings of a planned measure with the figure answering it that the import left „do sprawdzenia”
-- (seeds/<year>/pairing.json): MOPS settles each in review. Every settlement is kept (who, when,
-- which figures answered before and after); the report itself gets a new version.
CREATE TABLE pairing_reviews (
  year             int NOT NULL,
  activity_id      text NOT NULL,
  plan_measure_id  text NOT NULL,
  note             text NOT NULL,
  settled_at       timestamptz,
  settled_by       text,
  PRIMARY KEY (year, activity_id, plan_measure_id),
  FOREIGN KEY (year, activity_id) REFERENCES year_activities (year, activity_id)
);

CREATE TABLE pairing_changes (
  id               bigserial PRIMARY KEY,
  year             int NOT NULL,
  activity_id      text NOT NULL,
  plan_measure_id  text NOT NULL,
  old_answer       jsonb NOT NULL,
  new_answer       jsonb NOT NULL,
  comment          text,
  changed_at       timestamptz NOT NULL DEFAULT now(),
  changed_by       text NOT NULL,
  report_version   int NOT NULL,
  FOREIGN KEY (year, activity_id, plan_measure_id) REFERENCES pairing_reviews (year, activity_id, plan_measure_id)
);
CREATE INDEX pairing_changes_by_review ON pairing_changes (year, activity_id, plan_measure_id);
