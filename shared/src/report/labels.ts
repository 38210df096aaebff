import type { ReportStatus, PlanKind } from './schema.ts';
import { MSG } from '../messages/catalogue.ts';

/** Polish labels shown in the add-in, templates and the central workbook. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = MSG.labels.reportStatus;

export const PLAN_KIND_LABELS: Record<PlanKind, string> = MSG.labels.planKind;

/** Inverse lookup for sheets and uploads, where the status arrives as its label. */
export function statusFromLabel(label: string): ReportStatus | undefined {
  const wanted = label.trim().toLocaleLowerCase('pl');
  return (Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).find((s) => REPORT_STATUS_LABELS[s] === wanted);
}
