import {
  DEFAULT_VARIANCE_POLICY, MSG, carryItem, carryOver, nextPhase, undoableMove,
  type CarryOver, type CarryOverResult, type MovePhaseRequest, type ReportStatus, type ReportingYear, type StartYearRequest, type YearPhase,
} from '@pwr-sync/shared';
import type { Db, Queryable, User } from '../storage/index.ts';
import {
  UNIQUE_VIOLATION, findProgramCovering, getPhaseEvents, getProgramActivities, getYear, insertPhaseEvent, insertYear,
  listYearReports, lockYearForMove, setYearPhase, sqlState, upsertYearActivities,
} from '../storage/index.ts';
import { assertAdmin } from '../auth/access.ts';
import { ApiError, notFound } from '../http/errors.ts';

const phaseLabel = (p: YearPhase) => MSG.program.phase[p];

/** Statuses the previous year's reports gave each activity (latest version of every unit's report). */
async function previousStatuses(q: Queryable, year: number): Promise<{ fromYear: number | null; statuses: Map<string, ReportStatus | null> }> {
  const previous = await getYear(q, year - 1);
  if (!previous) return { fromYear: null, statuses: new Map() };
  const statuses = new Map<string, ReportStatus | null>();
  for (const report of await listYearReports(q, previous.year)) for (const e of report.entries) statuses.set(e.activityId, e.status);
  return { fromYear: previous.year, statuses };
}

async function planCarryOver(q: Queryable, year: number, pick: ReadonlySet<string>): Promise<{ programCode: string; fromYear: number | null; result: CarryOverResult }> {
  if (await getYear(q, year)) throw new ApiError(MSG.program.api.yearExists(year), 409, 'year_exists');
  const program = await findProgramCovering(q, year);
  if (!program) throw new ApiError(MSG.program.api.noProgramFor(year), 422, 'no_program');
  const activities = (await getProgramActivities(q, program.code)).map((a) => a.activity);
  const { fromYear, statuses } = await previousStatuses(q, year);
  return { programCode: program.code, fromYear, result: carryOver(activities, statuses, pick) };
}

/** What starting `year` would bring over from its program and the previous year's reports (admin). */
export async function previewCarryOver(db: Db, user: User, year: number): Promise<CarryOver> {
  assertAdmin(user);
  const { programCode, fromYear, result } = await planCarryOver(db, year, new Set());
  return {
    year, programCode, fromYear,
    carried: result.carried.map((a) => carryItem(a, null)),
    notCarried: result.notCarried.map((x) => carryItem(x.activity, x.reason)),
  };
}

/**
 * Starts a year of the program that covers it.
 * 1. admin; the year is new (409) and some program covers it (422);
 * 2. running activities carry over with their units; ended or cancelled ones (by the program, or
 *    by the previous year's reports) only when picked — a pick outside the program → 422;
 * 3. one transaction: the year in its first phase (planning, or reporting when planning is
 *    skipped), its activities, the audit event; plans start empty.
 */
export async function startYear(db: Db, user: User, req: StartYearRequest): Promise<ReportingYear> {
  assertAdmin(user);
  const pick = new Set(req.pick);
  try {
    return await db.transaction(async (tx) => {
      const { programCode, result } = await planCarryOver(tx, req.year, pick);
      const known = new Set([...result.carried, ...result.notCarried.map((x) => x.activity)].map((a) => a.id));
      const unknown = req.pick.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new ApiError(MSG.program.api.pickUnknown(unknown), 422, 'pick_unknown');
      const previous = await getYear(tx, req.year - 1);
      await insertYear(tx, {
        year: req.year, programCode, phase: req.phase,
        planningDeadline: req.phase === 'planning' ? req.planningDeadline ?? null : null,
        deadline: req.deadline ?? null,
        policy: previous?.policy ?? DEFAULT_VARIANCE_POLICY,
      });
      await upsertYearActivities(tx, req.year, result.carried.map((activity, position) => ({ activity, position })));
      await insertPhaseEvent(tx, { year: req.year, action: 'started', fromPhase: null, toPhase: req.phase, reason: null, byId: user.id, byName: user.name });
      return (await getYear(tx, req.year))!;
    });
  } catch (err) {
    // two admins starting the same year at once: the second meets the first's row
    if (sqlState(err) === UNIQUE_VIOLATION) throw new ApiError(MSG.program.api.yearExists(req.year), 409, 'year_exists');
    throw err;
  }
}

/**
 * Moves a year on (planning → reporting → closed), audited. Under the year's row lock, taken after
 * the saves in flight (they hold it shared): nothing they store is lost, nothing is stored after.
 * `from` is the phase the admin saw: another admin's move meanwhile → 409; a jump or a move back → 422.
 */
export async function movePhase(db: Db, user: User, year: number, req: MovePhaseRequest): Promise<ReportingYear> {
  assertAdmin(user);
  return db.transaction(async (tx) => {
    const y = await lockYearForMove(tx, year);
    if (!y) throw notFound(MSG.api.noYear(year));
    if (y.phase !== req.from) throw new ApiError(MSG.program.api.phaseConflict(year, phaseLabel(req.from), phaseLabel(y.phase)), 409, 'phase_conflict', { phase: y.phase });
    if (nextPhase(y.phase) === null) throw new ApiError(MSG.program.api.phaseClosedAlready(year), 422, 'phase_not_next');
    if (req.to !== nextPhase(y.phase)) throw new ApiError(MSG.program.api.phaseNotNext(phaseLabel(y.phase), phaseLabel(req.to)), 422, 'phase_not_next');
    await setYearPhase(tx, year, req.to);
    await insertPhaseEvent(tx, { year, action: 'advanced', fromPhase: y.phase, toPhase: req.to, reason: null, byId: user.id, byName: user.name });
    return { ...y, phase: req.to, status: req.to === 'reporting' ? 'open' : 'closed' };
  });
}

/** Takes back the move that brought the year into its phase, with a reason (audited). Nothing to take back → 409. */
export async function undoPhase(db: Db, user: User, year: number, reason: string): Promise<ReportingYear> {
  assertAdmin(user);
  return db.transaction(async (tx) => {
    const y = await lockYearForMove(tx, year);
    if (!y) throw notFound(MSG.api.noYear(year));
    const reached = undoableMove(y.phase, await getPhaseEvents(tx, year));
    if (!reached?.fromPhase) throw new ApiError(MSG.program.api.nothingToUndo(year), 409, 'nothing_to_undo');
    const back = reached.fromPhase;
    await setYearPhase(tx, year, back);
    await insertPhaseEvent(tx, { year, action: 'undone', fromPhase: y.phase, toPhase: back, reason, byId: user.id, byName: user.name });
    return { ...y, phase: back, status: back === 'reporting' ? 'open' : 'closed' };
  });
}
