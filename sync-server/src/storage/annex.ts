import { defaultAnnexTitle, type AnnexTitle, type AnnexTitleResponse } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso } from './json.ts';

interface Row { annex_number: string; parent_report_title: string; updated_at: unknown; updated_by: string }

/** The year's annex title block: as MOPS set it, or the defaults (isDefault). */
export async function getAnnexTitle(q: Queryable, year: number): Promise<AnnexTitleResponse> {
  const r = await q.query<Row>('SELECT annex_number, parent_report_title, updated_at, updated_by FROM annex_titles WHERE year = $1', [year]);
  const row = r.rows[0];
  if (!row) return { year, ...defaultAnnexTitle(year), isDefault: true, updatedAt: null, updatedBy: null };
  return {
    year, annexNumber: row.annex_number, parentReportTitle: row.parent_report_title,
    isDefault: false, updatedAt: iso(row.updated_at), updatedBy: row.updated_by,
  };
}

/** Sets the year's title block (one statement: the previous one stays until this one is stored). */
export async function setAnnexTitle(q: Queryable, year: number, title: AnnexTitle, by: string): Promise<AnnexTitleResponse> {
  const r = await q.query<Row>(
    `INSERT INTO annex_titles (year, annex_number, parent_report_title, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year) DO UPDATE SET annex_number = EXCLUDED.annex_number, parent_report_title = EXCLUDED.parent_report_title,
       updated_at = now(), updated_by = EXCLUDED.updated_by
     RETURNING annex_number, parent_report_title, updated_at, updated_by`,
    [year, title.annexNumber, title.parentReportTitle, by],
  );
  const row = r.rows[0]!;
  return { year, annexNumber: row.annex_number, parentReportTitle: row.parent_report_title, isDefault: false, updatedAt: iso(row.updated_at), updatedBy: row.updated_by };
}
