-- Who settled a reviewer's comment (issue 20): NULL with status 'resolved' — the unit changed the
-- activity and handed the report in again; a name — a reviewer judged the answer sufficient, by
-- hand or by accepting the report with the comment still open.
ALTER TABLE review_comments ADD COLUMN resolved_by text;
ALTER TABLE review_comments ADD COLUMN resolved_at timestamptz;
