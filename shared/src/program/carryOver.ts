import type { ReportStatus } from '../report/schema.ts';
import type { CarryItem, NotCarriedReason } from './contracts.ts';
import { activityStatusOf, reportingUnitOf, type Activity } from './schema.ts';

export interface CarryOverResult {
  carried: Activity[];
  notCarried: { activity: Activity; reason: NotCarriedReason }[];
}

/**
 * Which of a program's activities a new year starts with: running ones carry over; an activity the
 * program marks ended or cancelled, or whose report of the previous year says it ended or was
 * cancelled („realizacja przedsięwzięcia została zakończona”, „wydarzenie odwołane”), does not —
 * unless MOPS picks it (`pick`). Program order is kept.
 */
export function carryOver(programActivities: Activity[], previousStatuses: ReadonlyMap<string, ReportStatus | null>, pick: ReadonlySet<string> = new Set()): CarryOverResult {
  const out: CarryOverResult = { carried: [], notCarried: [] };
  for (const activity of programActivities) {
    const reason = notCarriedReason(activity, previousStatuses.get(activity.id));
    if (reason && !pick.has(activity.id)) out.notCarried.push({ activity, reason });
    else out.carried.push(activity);
  }
  return out;
}

function notCarriedReason(activity: Activity, previous: ReportStatus | null | undefined): NotCarriedReason | null {
  const status = activityStatusOf(activity);
  if (status === 'ended') return 'ended';
  if (status === 'cancelled') return 'cancelled';
  if (previous === 'ended') return 'ended_in_report';
  if (previous === 'cancelled') return 'cancelled_in_report';
  return null;
}

export function carryItem(activity: Activity, reason: NotCarriedReason | null): CarryItem {
  return { id: activity.id, name: activity.name, taskCode: activity.taskCode, reportingUnit: reportingUnitOf(activity), status: activityStatusOf(activity), reason };
}
