import { createHash } from 'node:crypto';
import {
  MSG, validatePlan, withMeasureIds,
  type PlanBody, type PlanProblem, type PlanSaveSource, type SavePlanRequest, type SavePlanResponse, type WorkflowState,
} from '@pwr-sync/shared';
import type { Db, Queryable, User } from '../storage/index.ts';
import {
  findIdempotencyKey, getUnitPlan, insertPlanChanges, insertPlanVersion, lockPlanHead, saveIdempotencyKey,
  sqlState, UNIQUE_VIOLATION, updatePlanHead, type PlanHead,
} from '../storage/index.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { diffPlans } from './planDiff.ts';
import { loadUnitPlanYear, type PlanPhase, type UnitPlanContext } from './planContext.ts';

/** Who writes a plan: the unit itself, or MOPS (a reviewer or an admin) on the unit's behalf. */
export type PlanWriter = 'unit' | 'mops';

const P = MSG.plan.api;

export function planWriterOf(user: User, orgUnitCode: string): PlanWriter {
  if (user.role === 'reviewer' || user.role === 'admin') return 'mops';
  if (user.role === 'unit_reporter' && user.orgUnitCode === orgUnitCode) return 'unit';
  if (user.role === 'unit_reporter') throw forbidden(P.otherUnitWrite(user.orgUnitCode, orgUnitCode));
  throw forbidden(P.readOnlyRole);
}

/**
 * Whether the plan takes changes from this writer now. A closed year: never (409). From reporting
 * on, plans are locked (423): only MOPS changes one, after reopening it. Submitted or accepted: 423.
 */
export function assertPlanWritable(phase: PlanPhase, year: number, state: WorkflowState, writer: PlanWriter): void {
  if (phase === 'closed') throw new ApiError(P.yearClosed(year), 409, 'year_closed');
  if (state === 'submitted') throw new ApiError(P.lockedSubmitted, 423, 'plan_locked');
  if (state === 'accepted') throw new ApiError(P.lockedAccepted, 423, 'plan_locked');
  if (phase !== 'planning' && writer === 'unit') throw new ApiError(P.lockedYear(year), 423, 'plan_locked');
}

/** True when the plan is open to its unit: planning, and a draft, returned or not started. */
export function planEditableByUnit(phase: PlanPhase, state: WorkflowState): boolean {
  return phase === 'planning' && state !== 'submitted' && state !== 'accepted';
}

export function planInvalid(problems: PlanProblem[]): ApiError {
  return new ApiError(P.planInvalid(problems.length), 422, 'plan_invalid', { problems });
}

/**
 * The body as stored: entries in program order with measure ids (kept where given, the next free
 * one for a new measure), after the rules (mode 'save') found nothing; 403 for activities of other
 * units, 422 listing every problem.
 */
export function checkedPlanBody(ctx: UnitPlanContext, orgUnitCode: string, request: Pick<SavePlanRequest, 'entries' | 'proposals'>, allActivityIds: ReadonlySet<string>): PlanBody {
  const own = new Set(ctx.rules.activityIds);
  const notOurs = [...new Set(request.entries.map((e) => e.activityId).filter((id) => allActivityIds.has(id) && !own.has(id)))];
  if (notOurs.length > 0) throw forbidden(P.notOurActivities(orgUnitCode, notOurs));
  const body: PlanBody = { entries: request.entries, proposals: request.proposals };
  const problems = validatePlan(body, ctx.rules, 'save');
  if (problems.length > 0) throw planInvalid(problems);
  const order = new Map(ctx.rules.activityIds.map((id, i) => [id, i]));
  return {
    entries: [...request.entries].sort((a, b) => order.get(a.activityId)! - order.get(b.activityId)!).map(withMeasureIds),
    proposals: request.proposals,
  };
}

/** Inserts version N+1 of a locked head with its field changes and moves the head (a draft from then on, or returned stays returned). */
export async function writePlanVersion(
  tx: Queryable, head: PlanHead, body: PlanBody, by: { user: User; source: PlanSaveSource },
): Promise<{ version: number; savedAt: string }> {
  const { year, orgUnitCode } = head;
  const previous = head.version > 0 ? await getUnitPlan(tx, year, orgUnitCode) : { entries: [], proposals: [] };
  const version = head.version + 1;
  const savedAt = await insertPlanVersion(tx, { year, orgUnitCode, version, body, savedById: by.user.id, savedBy: by.user.name, source: by.source });
  await insertPlanChanges(tx, year, orgUnitCode, version, diffPlans({ entries: previous.entries, proposals: previous.proposals }, body));
  await updatePlanHead(tx, { year, orgUnitCode, version, state: head.state === 'not_started' ? 'draft' : head.state, reviewComment: head.reviewComment }, by.user.name);
  return { version, savedAt };
}

export interface SavePlanInput {
  user: User;
  year: number;
  orgUnitCode: string;
  request: SavePlanRequest;
  /** The unit's client (addin, browser, upload, api); MOPS's saves are recorded as 'mops' whatever the client. */
  source: Exclude<PlanSaveSource, 'mops' | 'mops_import'>;
  idempotencyKey?: string | undefined;
  /** For uploads: what identifies the request for the Idempotency-Key check (see saveReport). */
  idempotencyFingerprint?: { scope: string; fingerprint: string } | undefined;
  allActivityIds: ReadonlySet<string>;
}

/**
 * Saves a unit's whole plan as a new version: access (the unit, or MOPS on its behalf), the rules
 * (422), then under the head's row lock: replay of a seen Idempotency-Key, locked (423), stale
 * baseVersion (409 with the current plan), version N+1 with its field changes.
 */
export async function savePlan(db: Db, input: SavePlanInput): Promise<SavePlanResponse> {
  const { user, year, orgUnitCode, request } = input;
  const writer = planWriterOf(user, orgUnitCode);
  const ctx = await loadUnitPlanYear(db, year, orgUnitCode);
  if (ctx.phase === 'closed') throw new ApiError(P.yearClosed(year), 409, 'year_closed');
  const body = checkedPlanBody(ctx, orgUnitCode, request, input.allActivityIds);
  const scope = input.idempotencyFingerprint?.scope ?? `PUT plan ${year} ${orgUnitCode}`;
  const requestHash = createHash('sha256').update(scope).update(input.idempotencyFingerprint?.fingerprint ?? JSON.stringify(request)).digest('hex');
  const source: PlanSaveSource = writer === 'mops' ? 'mops' : input.source;

  try {
    return await db.transaction(async (tx) => {
      const head = await lockPlanHead(tx, year, orgUnitCode);
      if (input.idempotencyKey) {
        const seen = await findIdempotencyKey(tx, user.id, input.idempotencyKey);
        if (seen) {
          if (seen.scope !== scope || seen.requestHash !== requestHash) throw new ApiError(MSG.api.idempotencyReused, 422, 'idempotency_key_reused');
          return { ...(seen.response as SavePlanResponse), replayed: true };
        }
      }
      assertPlanWritable(ctx.phase, year, head.state, writer);
      if (request.baseVersion !== head.version) {
        throw new ApiError(P.staleVersion(head.version, request.baseVersion), 409, 'version_conflict', { currentPlan: await currentPlanBody(tx, year, orgUnitCode, ctx.phase) });
      }
      const { version, savedAt } = await writePlanVersion(tx, head, body, { user, source });
      const response: SavePlanResponse = { version, savedAt, savedBy: user.name, replayed: false };
      if (input.idempotencyKey) await saveIdempotencyKey(tx, user.id, input.idempotencyKey, scope, requestHash, response);
      return response;
    });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) {
      throw new ApiError(P.staleVersion(-1, request.baseVersion), 409, 'version_conflict', { currentPlan: await currentPlanBody(db, year, orgUnitCode, ctx.phase) });
    }
    throw err;
  }
}

/** The plan as GET …/plan returns it (a 409 carries it as `current`). */
export async function currentPlanBody(q: Queryable, year: number, orgUnitCode: string, phase: PlanPhase) {
  const { lastChangeAt: _a, lastChangeBy: _b, ...plan } = await getUnitPlan(q, year, orgUnitCode);
  return { ...plan, editable: planEditableByUnit(phase, plan.state) };
}

