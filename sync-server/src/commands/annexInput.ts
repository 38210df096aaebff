/**
 * Everything the annual annex of a year is built from, read from storage: the program, plans and
 * every unit's current report (as the central workbook reads them), how many of them are accepted,
 * the year's title block and, when asked for, the closing summary accumulated from the shared
 * consolidated rows.
 * Used by GET …/report.docx and `npm run report`.
 */
import { MSG, SummaryAccumulator, consolidateRows, type AnnexInput } from '@pwr-sync/shared';
import type { Queryable } from '../storage/index.ts';
import { getAnnexTitle, getPlans, getProgram, getOrgUnits, getReportingUnits, listYearReports } from '../storage/index.ts';
import { notFound } from '../http/errors.ts';
import { loadYear } from './unitContext.ts';

export async function loadAnnexInput(q: Queryable, year: number, options: { summary?: boolean } = {}): Promise<AnnexInput> {
  const y = await loadYear(q, year);
  const [program, orgUnits, plans, reports, title, reportingUnits] = await Promise.all([
    getProgram(q, year), getOrgUnits(q), getPlans(q, year), listYearReports(q, year), getAnnexTitle(q, year), getReportingUnits(q, year),
  ]);
  if (!program) throw notFound(MSG.api.noProgram);
  let summary: SummaryAccumulator | null = null;
  if (options.summary) {
    summary = new SummaryAccumulator();
    for (const row of consolidateRows({ year, program, orgUnits, plans, reports, policy: y.policy })) summary.add(row);
  }
  return {
    year, program, orgUnits, plans, reports, summary,
    // every unit's current version is printed; until all are accepted the annex says it is a draft
    acceptance: { accepted: reports.filter((r) => r.state === 'accepted').length, units: reportingUnits.length },
    title: { annexNumber: title.annexNumber, parentReportTitle: title.parentReportTitle },
  };
}
