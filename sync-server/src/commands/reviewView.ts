import { consolidateRows, MSG, type ReviewView } from '@pwr-sync/shared';
import type { Db, User } from '../storage/index.ts';
import {
  getHistory, getOnBehalfVersions, getOrgUnit, getProgramStructure, getReviewComments, getUnitReport, getVersionEntries,
  lastSeenVersionBefore, recordReviewView,
} from '../storage/index.ts';
import { notFound } from '../http/errors.ts';
import { loadUnitYear } from './unitContext.ts';
import { reportChanges } from './reportChanges.ts';

/**
 * A unit's report as a reviewer reads it: every activity the unit reports with its consolidated
 * rows (plan, figure, variance band), the unit's texts, and what changed since the last version this
 * reviewer opened. Opening it records that this user saw the current version.
 */
export async function openReviewView(db: Db, user: User, year: number, orgUnitCode: string): Promise<ReviewView> {
  const unit = await getOrgUnit(db, orgUnitCode);
  if (!unit) throw notFound(MSG.api.noUnit(orgUnitCode));
  const ctx = await loadUnitYear(db, year, orgUnitCode);
  const [report, structure, comments, history, onBehalf] = await Promise.all([
    getUnitReport(db, year, orgUnitCode), getProgramStructure(db, year), getReviewComments(db, year, orgUnitCode),
    getHistory(db, year, orgUnitCode), getOnBehalfVersions(db, year, orgUnitCode),
  ]);
  const seenVersion = report.version > 0 ? await lastSeenVersionBefore(db, year, orgUnitCode, user.id, report.version) : null;
  const previous = seenVersion !== null ? (await getVersionEntries(db, year, orgUnitCode, seenVersion)) ?? [] : null;
  await recordReviewView(db, year, orgUnitCode, user.id, report.version);

  const reported = ctx.assignments.filter((a) => a.role === 'reporting');
  const rows = consolidateRows({
    year, program: { tasks: structure.tasks, activities: reported.map((a) => a.activity) },
    plans: new Map(reported.map((a) => [a.activity.id, a.plan])), reports: [report], policy: ctx.year.policy,
  });
  const taskByCode = new Map(structure.tasks.map((t) => [t.code, t]));
  const areaByCode = new Map<string, string>(structure.areas.map((a) => [a.code, a.title]));
  const changed = new Set(previous ? reportChanges(previous, report.entries).map((c) => c.activityId) : []);
  return {
    report, orgUnitName: unit.name, seenVersion,
    activities: reported.map(({ activity }) => ({
      activityId: activity.id,
      taskTitle: taskByCode.get(activity.taskCode)?.title ?? activity.taskCode,
      areaTitle: areaByCode.get(taskByCode.get(activity.taskCode)?.area ?? '') ?? '',
      rows: rows.filter((r) => r.activityId === activity.id),
      entry: report.entries.find((e) => e.activityId === activity.id) ?? null,
      previous: previous?.find((e) => e.activityId === activity.id) ?? null,
      changed: changed.has(activity.id),
    })),
    comments, events: history.events, onBehalf, policy: ctx.year.policy,
  };
}
