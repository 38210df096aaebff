/**
 * The one rule set that checks a unit's plan, used by the pane (live), the server (save, submit,
 * MOPS's bulk entry) and the template upload. Every message names the activity, the measure and
 * the field, and says what to do.
 *
 * - a target is positive;
 * - counts of people, events and other discrete things are whole (the vocabulary declares the
 *   fractional kinds; a proposed kind counts discrete things);
 * - a kind comes from the vocabulary, or is proposed with its three plural forms for MOPS to accept;
 * - no kind + qualifier twice within an activity;
 * - 'submit' adds completeness: every activity the unit reports has a measure or a description.
 * Proposals of new activities: a name, a task of the program, a subsection of that task when it
 * has them, known partner units other than the proposing one.
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { isMeasureKind, isWholeCountKind } from '../measures/kinds.ts';
import { kindGenitivePlural } from '../measures/measureValue.ts';
import { measureKey } from '../measures/schema.ts';
import type { Task } from '../program/schema.ts';
import type { ActivityProposal, PlanBody, PlanEntry, PlanMeasureEntry } from './schema.ts';

const R = MSG.plan.rules;

export const PlanProblemFieldSchema = z.enum(['kind', 'qualifier', 'value', 'proposedForms', 'description', 'measures', 'activity', 'name', 'taskCode', 'subsection', 'partnerUnits']);
export type PlanProblemField = z.infer<typeof PlanProblemFieldSchema>;

/** One problem in a plan. */
export const PlanProblemSchema = z.object({
  /** The activity concerned; for a proposal, its key prefixed "propozycja:". */
  activityId: z.string(),
  field: PlanProblemFieldSchema,
  /** Position of the measure in the activity's list (0-based), for problems of one measure. */
  measureIndex: z.number().int().optional(),
  measureKind: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export type PlanRuleMode = 'save' | 'submit';

/** What the rules need to know besides the plan itself. */
export interface PlanRuleContext {
  /** Activities the unit plans (reports) this year, in program order. */
  activityIds: readonly string[];
  /** The program's tasks, for proposals. */
  tasks: readonly Pick<Task, 'code' | 'subsections'>[];
  /** Codes of every org unit, for proposals' partners. */
  orgUnitCodes: ReadonlySet<string>;
  /** The unit whose plan this is. */
  orgUnitCode: string;
  /** Activities that joined the program this year („włączone do Programu”): no target that year, so no plan is required. */
  joinedActivityIds?: ReadonlySet<string>;
}

/** True when the measure's kind is new: not in the vocabulary, so it carries proposed forms. */
export const isProposedKind = (m: Pick<PlanMeasureEntry, 'kind'>): boolean => !isMeasureKind(m.kind);

/** Checks one measure of an activity's plan; `seen` collects kind+qualifier keys of the activity. */
function measureProblems(activityId: string, m: PlanMeasureEntry, index: number, seen: Set<string>, seenIds: Set<string>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const at = { index, kind: m.kind };
  const add = (field: PlanProblemField, code: string, message: string) =>
    problems.push({ activityId, field, measureIndex: index, ...(m.kind ? { measureKind: m.kind } : {}), code, message: `${R.prefix(activityId, at)}${message}` });

  if (!m.kind) add('kind', 'kind_missing', R.kindEmpty);
  else if (!isMeasureKind(m.kind)) {
    if (!m.proposedForms) add('kind', 'kind_unknown', R.kindUnknown(m.kind));
    else {
      const missing = (['one', 'few', 'many'] as const).filter((f) => !m.proposedForms![f]).map((f) => R.formNames[f]);
      if (missing.length > 0) add('proposedForms', 'kind_forms_missing', R.formsMissing(m.kind, missing));
    }
  }
  if (!(m.value > 0)) add('value', 'target_not_positive', R.valueNotPositive(m.value));
  // A proposed kind counts discrete things; the vocabulary declares the fractional ones (hours, posts).
  else if ((isWholeCountKind(m.kind) || (m.kind && !isMeasureKind(m.kind))) && !Number.isInteger(m.value)) {
    add('value', 'target_not_whole', R.valueNotWhole(isMeasureKind(m.kind) ? kindGenitivePlural(m.kind) : m.proposedForms?.many || m.kind, m.value));
  }
  if (m.kind) {
    const key = measureKey({ kind: m.kind, ...(m.qualifier ? { qualifier: m.qualifier } : {}) });
    if (seen.has(key)) add('qualifier', 'duplicate_measure', R.duplicateMeasure(m.qualifier || undefined));
    seen.add(key);
  }
  if (m.id) {
    if (seenIds.has(m.id)) add('measures', 'duplicate_measure_id', R.duplicateMeasureId(m.id));
    seenIds.add(m.id);
  }
  return problems;
}

/** Checks one activity's plan; [] when fine for the mode. */
export function validatePlanEntry(entry: PlanEntry, mode: PlanRuleMode): PlanProblem[] {
  const seen = new Set<string>();
  const seenIds = new Set<string>();
  const problems = entry.measures.flatMap((m, i) => measureProblems(entry.activityId, m, i, seen, seenIds));
  if (mode === 'submit' && entry.measures.length === 0 && !entry.description?.trim()) {
    problems.push({ activityId: entry.activityId, field: 'measures', code: 'plan_missing', message: `${R.prefix(entry.activityId)}${R.planMissing}` });
  }
  return problems;
}

/** The id a proposal's problems carry in `activityId`. */
export const proposalRef = (p: Pick<ActivityProposal, 'key'>): string => `propozycja:${p.key}`;

/** Checks one proposal of a new activity. */
export function validateProposal(p: ActivityProposal, index: number, ctx: PlanRuleContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (field: PlanProblemField, code: string, message: string) =>
    problems.push({ activityId: proposalRef(p), field, code, message: `${R.proposalPrefix(index, p.name)}${message}` });
  if (!p.name.trim()) add('name', 'name_missing', R.nameMissing);
  const task = ctx.tasks.find((t) => t.code === p.taskCode);
  if (!task) add('taskCode', 'task_unknown', R.taskUnknown(p.taskCode));
  else if (task.subsections.length > 0 && p.subsection === null) add('subsection', 'subsection_missing', R.subsectionNeeded(task.code));
  else if (task.subsections.length === 0 && p.subsection !== null) add('subsection', 'subsection_not_allowed', R.subsectionNotAllowed(task.code));
  else if (p.subsection !== null && !task.subsections.some((s) => s.number === p.subsection)) add('subsection', 'subsection_unknown', R.subsectionUnknown(task.code, p.subsection));
  const partners = new Set<string>();
  for (const code of p.partnerUnits) {
    if (code === ctx.orgUnitCode) add('partnerUnits', 'partner_self', R.partnerSelf);
    else if (!ctx.orgUnitCodes.has(code)) add('partnerUnits', 'partner_unknown', R.partnerUnknown(code));
    else if (partners.has(code)) add('partnerUnits', 'partner_twice', R.partnerTwice(code));
    partners.add(code);
  }
  return problems;
}

/**
 * Checks a unit's whole plan: every entry, entries for activities the unit does not plan and
 * activities given twice, and the proposals. 'submit' also wants every activity planned.
 */
export function validatePlan(body: PlanBody, ctx: PlanRuleContext, mode: PlanRuleMode): PlanProblem[] {
  const known = new Set(ctx.activityIds);
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  for (const entry of body.entries) {
    const id = entry.activityId;
    if (seen.has(id)) {
      problems.push({ activityId: id, field: 'activity', code: 'duplicate_entry', message: `${R.prefix(id)}${R.duplicateEntry}` });
      continue;
    }
    seen.add(id);
    if (!known.has(id)) {
      problems.push({ activityId: id, field: 'activity', code: 'unknown_activity', message: `${R.prefix(id)}${R.unknownActivity}` });
      continue;
    }
    problems.push(...validatePlanEntry(entry, mode));
  }
  if (mode === 'submit') {
    for (const id of ctx.activityIds) {
      if (!seen.has(id) && !ctx.joinedActivityIds?.has(id)) problems.push({ activityId: id, field: 'measures', code: 'plan_missing', message: `${R.prefix(id)}${R.planMissing}` });
    }
  }
  const names = new Set<string>();
  body.proposals.forEach((p, i) => {
    problems.push(...validateProposal(p, i, ctx));
    const name = `${p.taskCode}|${p.name.trim().toLocaleLowerCase('pl')}`;
    if (p.name.trim() && names.has(name)) problems.push({ activityId: proposalRef(p), field: 'name', code: 'proposal_twice', message: `${R.proposalPrefix(i, p.name)}${R.proposalTwice}` });
    names.add(name);
  });
  return problems;
}
