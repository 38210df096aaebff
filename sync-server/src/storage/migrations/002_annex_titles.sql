-- The annual annex's title block, per year, as MOPS set it (a year without a row prints the defaults).
CREATE TABLE annex_titles (
  year                 int PRIMARY KEY REFERENCES reporting_years(year),
  annex_number         text NOT NULL,
  parent_report_title  text NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           text NOT NULL
);
