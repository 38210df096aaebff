import type { ReportStatus, PlanKind } from './schema.ts';

/** Polish labels shown in the add-in, templates and the central workbook. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  realized: 'zrealizowane',
  not_realized: 'niezrealizowane w tym roku',
  ended: 'zakończone',
  cancelled: 'odwołane',
  realized_elsewhere: 'realizowane w ramach innego działania',
  ongoing: 'realizowane w sposób ciągły',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  target: 'cel liczbowy',
  new_activity: 'nowe działanie (bez celu)',
  descriptive: 'opis bez liczb',
};

/** Inverse lookup for sheets and uploads, where the status arrives as its label. */
export function statusFromLabel(label: string): ReportStatus | undefined {
  const wanted = label.trim().toLocaleLowerCase('pl');
  return (Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).find((s) => REPORT_STATUS_LABELS[s] === wanted);
}
