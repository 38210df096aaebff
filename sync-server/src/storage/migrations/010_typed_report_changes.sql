-- A report change as a typed record (shared/src/api/historyChanges.ts), not text: new rows keep it
-- in `change`; rows stored before keep `field` / `old_value` / `new_value` as they are and are
-- typed when read (storage/legacyChanges.ts), so no history is rewritten or lost.
ALTER TABLE report_changes ADD COLUMN change jsonb;
