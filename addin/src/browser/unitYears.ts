/**
 * The browser mode's unit data without React (tested in node): every year with its report, and
 * what a save changed, read from the report's history.
 */
import { MSG, type History, type ReportingYear, type UnitReport } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { changeText } from '../review/history.ts';

export interface UnitYear {
  year: ReportingYear;
  report: UnitReport;
}

/** Every year, newest first, with the unit's report in it. */
export async function loadUnitYears(api: ApiClient, unit: string): Promise<ApiOutcome<UnitYear[]>> {
  const years = await api.years();
  if (years.kind !== 'ok') return years;
  const sorted = [...years.value].sort((a, b) => b.year - a.year);
  const reports = await Promise.all(sorted.map((y) => api.report(y.year, unit)));
  const value: UnitYear[] = [];
  for (const [i, r] of reports.entries()) {
    if (r.kind !== 'ok') return r;
    value.push({ year: sorted[i]!, report: r.value });
  }
  return { kind: 'ok', value };
}

/** The year a unit works on first: the newest open one, else the newest. */
export function defaultYear(years: readonly UnitYear[]): number | null {
  return (years.find((y) => y.year.status === 'open') ?? years[0])?.year.year ?? null;
}

/**
 * The lines a save of `version` changed, in Polish ("I.1-01, wykonanie — spotkania: 4 → 6"), from the
 * typed records; with `names`, each activity by its name, the id second („Warsztaty (I.1-01), …”).
 */
export function changesOf(history: History, version: number, names?: ReadonlyMap<string, string>): string[] {
  const t = MSG.browser;
  const activity = (id: string) => (names?.get(id) ? `${names.get(id)} (${id})` : id);
  return history.changes
    .filter((c) => c.version === version && c.change.field !== 'reviewComment' && c.change.field !== 'reviewReply')
    .map((c) => {
      const x = changeText(c.change, t.empty);
      const field = x.field.charAt(0).toLocaleLowerCase('pl') + x.field.slice(1);
      return 'text' in x ? t.changeNote(activity(c.activityId), field, x.text) : t.change(activity(c.activityId), field, x.old, x.new);
    });
}

/** Whether the unit may still change or submit the report (the server enforces the same). */
export function editable({ year, report }: UnitYear): boolean {
  return year.status === 'open' && (report.state === 'not_started' || report.state === 'draft' || report.state === 'returned');
}
