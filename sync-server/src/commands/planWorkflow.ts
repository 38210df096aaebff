import {
  MSG, WORKFLOW_STATE_LABELS, isBuiltInMeasureKind, joinedPlan, planOfEntry, registerMeasureKinds, validatePlan,
  type Activity, type UnitPlan, type WorkflowState,
} from '@pwr-sync/shared';
import type { Db, Queryable, StoredPlan, User } from '../storage/index.ts';
import {
  getActivities, getUnitPlan, insertMeasureKinds, insertPlanEvent, insertProposedActivity, lockPlanHead, updatePlanHead, upsertPlans,
  type PlanEvent,
} from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { assertCanReview } from '../auth/access.ts';
import { loadUnitPlanYear, type UnitPlanContext } from './planContext.ts';
import { currentPlanBody, planEditableByUnit, planWriterOf } from './savePlan.ts';

type Action = PlanEvent['action'];
const P = MSG.plan.api;

const ALLOWED_FROM: Record<Action, readonly WorkflowState[]> = {
  submit: ['draft', 'returned'],
  // a draft MOPS entered itself it may accept without a submit (plans set centrally)
  accept: ['submitted', 'draft'],
  return: ['submitted', 'accepted'],
  reopen: ['accepted', 'submitted'],
};
const TARGET: Record<Action, WorkflowState> = { submit: 'submitted', accept: 'accepted', return: 'returned', reopen: 'draft' };

function wrongState(action: Action, state: WorkflowState): ApiError {
  const label = WORKFLOW_STATE_LABELS[state];
  if (action === 'submit' && state === 'not_started') return new ApiError(P.submitEmpty, 422, 'plan_empty');
  if (action === 'submit') return new ApiError(P.submitAgain(label), 423, 'plan_locked');
  return new ApiError(P.wrongState(action, label), 409, 'invalid_state');
}

/**
 * The next free sequence of a task's activities: "I.3.2-41" after I.3's highest 40. A program whose
 * ids have another shape ("A.1.07") has no "-n" sequences: numbering starts at 1, and a number some
 * id already has is skipped.
 */
function nextActivityId(taskCode: string, subsection: number | null, taken: readonly string[]): string {
  const seqs = taken.filter((id) => id.startsWith(`${taskCode}-`) || id.startsWith(`${taskCode}.`)).map((id) => Number(id.split('-').pop()));
  const used = new Set(taken);
  const idOf = (n: number) => `${taskCode}${subsection ? `.${subsection}` : ''}-${String(n).padStart(2, '0')}`;
  let next = Math.max(0, ...seqs.filter(Number.isFinite)) + 1;
  while (used.has(idOf(next))) next++;
  return idOf(next);
}

/**
 * What acceptance changes beyond the plan's state: the plans of its activities become the year's
 * plans (what reporting and variance read); proposed measure kinds join the vocabulary; proposed
 * activities join the program, reported by the unit, „włączone do Programu w <rok> roku”.
 * Returns the ids of the activities added.
 */
export async function applyAcceptedPlan(tx: Queryable, ctx: UnitPlanContext, plan: Pick<StoredPlan, 'year' | 'orgUnitCode' | 'entries' | 'proposals' | 'savedBy'>, by: User): Promise<string[]> {
  const { year, orgUnitCode } = plan;
  const kinds = new Map<string, { lemma: string; forms: { one: string; few: string; many: string } }>();
  for (const m of plan.entries.flatMap((e) => e.measures)) {
    if (m.proposedForms && !isBuiltInMeasureKind(m.kind)) kinds.set(m.kind, { lemma: m.kind, forms: m.proposedForms });
  }
  await insertMeasureKinds(tx, [...kinds.values()].map((k) => ({ ...k, year, proposedBy: plan.savedBy ?? orgUnitCode, acceptedBy: by.name })));
  registerMeasureKinds([...kinds.values()]);

  const all = await getActivities(tx, year);
  const taken = all.map((a) => a.id);
  const added: string[] = [];
  for (const p of plan.proposals) {
    // accepted again after a reopen: the activity is already in the program
    const existing = all.find((a) => a.taskCode === p.taskCode && a.name === p.name.trim() && a.responsibleUnits.some((r) => r.role === 'reporting' && r.orgUnitCode === orgUnitCode));
    if (existing) continue;
    const id = nextActivityId(p.taskCode, p.subsection, taken);
    taken.push(id);
    const activity: Activity = {
      id, taskCode: p.taskCode, subsection: p.subsection, name: p.name.trim(),
      responsibleUnits: [{ orgUnitCode, role: 'reporting' }, ...p.partnerUnits.map((code) => ({ orgUnitCode: code, role: 'contributing' as const }))],
    };
    await insertProposedActivity(tx, year, activity);
    await upsertPlans(tx, year, [{ activityId: id, plan: joinedPlan(year) }]);
    added.push(id);
  }
  const own = new Set(ctx.rules.activityIds);
  // an activity joining this year keeps its „włączone do Programu” plan unless the unit set targets
  const kept = (e: StoredPlan['entries'][number]) => ctx.rules.joinedActivityIds?.has(e.activityId) && e.measures.length === 0 && !e.description?.trim();
  await upsertPlans(tx, year, plan.entries.filter((e) => own.has(e.activityId) && !kept(e)).map((e) => ({ activityId: e.activityId, plan: planOfEntry(e) })));
  return added;
}

export interface PlanWorkflowInput {
  user: User;
  year: number;
  orgUnitCode: string;
  /** Return: the required reason; reopen: an optional note. */
  comment?: string | undefined;
  /** The version the actor looked at; a newer stored one → 409 with the current plan. */
  version?: number | undefined;
}

/**
 * Moves a unit's plan through submit → accept | return → reopen under the head's row lock, records
 * the move in plan_events, and on accept makes the plan the year's plan (applyAcceptedPlan).
 * Submit and accept re-check the stored plan with the rules in 'submit' mode.
 */
export async function runPlanAction(db: Db, action: Action, input: PlanWorkflowInput): Promise<UnitPlan> {
  const { user, year, orgUnitCode } = input;
  if (action === 'submit') planWriterOf(user, orgUnitCode);
  else if (user.role !== 'reviewer' && user.role !== 'admin') throw new ApiError(P.reviewOnly, 403, 'forbidden');
  else assertCanReview(user);
  const ctx = await loadUnitPlanYear(db, year, orgUnitCode);
  if (ctx.phase === 'closed') throw new ApiError(P.yearClosed(year), 409, 'year_closed');
  // From reporting on a unit cannot hand a plan in: it is locked until MOPS reopens and changes it.
  if (action === 'submit' && ctx.phase !== 'planning') throw new ApiError(P.lockedYear(year), 423, 'plan_locked');

  return db.transaction(async (tx) => {
    const head = await lockPlanHead(tx, year, orgUnitCode);
    if (!ALLOWED_FROM[action].includes(head.state)) throw wrongState(action, head.state);
    const current = await getUnitPlan(tx, year, orgUnitCode);
    if (action === 'accept' && head.state === 'draft' && current.source !== 'mops' && current.source !== 'mops_import') {
      throw wrongState(action, head.state);
    }
    if (input.version !== undefined && input.version !== head.version) {
      throw new ApiError(P.versionMoved(head.version, input.version), 409, 'version_conflict', { currentPlan: await currentPlanBody(tx, year, orgUnitCode, ctx.phase) });
    }
    if (action === 'submit' || action === 'accept') {
      const problems = validatePlan({ entries: current.entries, proposals: current.proposals }, ctx.rules, 'submit');
      if (problems.length > 0) throw new ApiError(P.planIncomplete(problems.length), 422, 'plan_incomplete', { problems });
    }
    if (action === 'accept') await applyAcceptedPlan(tx, ctx, current, user);
    const toState = TARGET[action];
    const reviewComment = action === 'return' || action === 'reopen' ? input.comment ?? null : null;
    await updatePlanHead(tx, { year, orgUnitCode, version: head.version, state: toState, reviewComment }, user.name);
    await insertPlanEvent(tx, { year, orgUnitCode, action, fromState: head.state, toState, version: head.version, comment: input.comment ?? null, byId: user.id, byName: user.name });
    const { lastChangeAt: _a, lastChangeBy: _b, ...plan } = current;
    return { ...plan, state: toState, reviewComment, editable: planEditableByUnit(ctx.phase, toState) };
  });
}
