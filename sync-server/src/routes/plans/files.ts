import { createHash } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { MSG, PLAN_PATHS, PlNumberParamSchema, type BulkPlansResponse, type PlanEntry, type SavePlanResponse } from '@pwr-sync/shared';
import type { Db, User } from '../../storage/index.ts';
import { getOrgUnit, getReportingUnits, getUnitPlan } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { assertCanReview } from '../../auth/access.ts';
import { ApiError, forbidden, notFound } from '../../http/errors.ts';
import { parsed, parseNamed, validate } from '../../http/validate.ts';
import { assertPlanWritable, planWriterOf, savePlan } from '../../commands/savePlan.ts';
import { bulkEnterPlans, planPrevious } from '../../commands/planReview.ts';
import { loadUnitPlanYear, type UnitPlanContext } from '../../commands/planContext.ts';
import { planTemplateBuffer, type PlanTemplateUnit } from '../../workbook/planTemplate.ts';
import { planProblemsAt, type PlanUploadRead } from '../../workbook/importPlanUpload.ts';
import type { UploadProblem } from '../../workbook/importUpload.ts';
import type { UploadPool, UploadTicket } from '../../workbook/uploadPool.ts';
import { validatePlan } from '@pwr-sync/shared';
import type { Logger } from '../../log.ts';
import { sendDownload } from '../download.ts';
import { admitUpload, receiveFile } from '../upload/router.ts';
import { XLSX_TYPE } from '../workbook/router.ts';
import { IdempotencyKeySchema } from '../units/schema.ts';
import { UnitParamsSchema, YearParamsSchema } from '../params.ts';

const P = (fn: (year: number, unit: string) => string) => fn(0, 'UNIT').replace('/0/', '/:year/').replace('/UNIT/', '/:unit/');
const Y = (fn: (year: number) => string) => fn(0).replace('/0/', '/:year/');

/** Text fields of a plan upload besides the file. */
const PlanUploadFieldsSchema = z.object({
  /** The plan version the file was filled from; by default the one the template was generated at. */
  baseVersion: PlNumberParamSchema.pipe(z.number().int().nonnegative()).optional(),
  /** MOPS's sheet: accept the entered plans at once (plans set centrally). */
  accept: z.enum(['true', 'false']).optional(),
});

const fileName = (what: string, year: number) => `${what.replace(/[^A-Za-z0-9-]+/g, '-')}-${year}.xlsx`;

/** A unit's rows of the template: its activities with last year beside them, and its current plan. */
async function templateUnit(db: Db, year: number, orgUnit: { code: string; name: string }): Promise<PlanTemplateUnit & { version: number }> {
  const [previous, plan] = await Promise.all([planPrevious(db, year, orgUnit.code), getUnitPlan(db, year, orgUnit.code)]);
  return { orgUnit, activities: previous.activities, entries: plan.entries, version: plan.version };
}

/** The plan's meaningful content, to tell an untouched unit of MOPS's sheet from a changed one. */
const contentOf = (entries: readonly PlanEntry[]) => JSON.stringify(entries
  .map((e) => ({ a: e.activityId, m: e.measures.map((m) => [m.kind, m.qualifier ?? '', m.value, m.proposedForms?.few ?? '', m.proposedForms?.many ?? '']), d: e.description?.trim() ?? '' }))
  .filter((e) => e.m.length > 0 || e.d)
  .sort((x, y) => x.a.localeCompare(y.a)));

function refused(read: Extract<PlanUploadRead, { ok: false }>): ApiError {
  return new ApiError(read.message, read.status, read.code, read.problems ? { problems: read.problems } : {});
}

function sheetInvalid(problems: UploadProblem[]): ApiError {
  return new ApiError(MSG.api.sheetProblems(problems.length), 422, 'sheet_problems', { problems });
}

/**
 * The plan template (GET …/plan/template.xlsx, POST …/plan/upload): a unit, or MOPS on its behalf,
 * downloads it, fills it and uploads it — the same rules (422 naming sheet, cell and field),
 * access, locking and versioning as the plan form. MOPS's sheet of plans for many units
 * (GET/POST /api/years/:year/plans/template.xlsx | upload) enters them as MOPS's entry (bulkEnterPlans).
 */
export function planFilesRouter(db: Db, log: Logger, pool: UploadPool): Router {
  const router = Router();
  const unitParams = validate(UnitParamsSchema, 'params');

  router.get(P(PLAN_PATHS.template), unitParams, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = parsed(UnitParamsSchema, res.locals, 'params');
    if (user.role !== 'reviewer' && user.role !== 'admin' && !(user.role === 'unit_reporter' && user.orgUnitCode === unit)) throw forbidden(MSG.api.templateReaders(unit));
    const orgUnit = await getOrgUnit(db, unit);
    if (!orgUnit) throw notFound(MSG.api.noUnit(unit));
    const rows = await templateUnit(db, year, orgUnit);
    const buf = await planTemplateBuffer({ year, units: [rows], bulk: false, planVersion: rows.version });
    log({ category: 'workbook', msg: 'plan template built', year, unit, activities: rows.activities.length, bytes: buf.length });
    sendDownload(res, buf, XLSX_TYPE, fileName(`plan-${unit}`, year));
  });

  router.post(P(PLAN_PATHS.upload), unitParams, (_req, res, next) => {
    const { unit } = parsed(UnitParamsSchema, res.locals, 'params');
    planWriterOf(currentUser(res), unit); // the unit, or MOPS on its behalf; before the body is read
    next();
  }, admitUpload(pool), receiveFile(), async (req, res) => {
    const user = currentUser(res);
    const { year, unit } = parsed(UnitParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, unit))) throw notFound(MSG.api.noUnit(unit));
    const fields = parseNamed(PlanUploadFieldsSchema, req.body ?? {}, 'form');
    const key = idempotencyKey(req.get('idempotency-key'));
    if (!req.file) throw new ApiError(MSG.api.uploadFileMissing, 400, 'file_missing');
    const ctx = await loadUnitPlanYear(db, year, unit);
    const current = await getUnitPlan(db, year, unit);
    // A locked plan is refused before the file is read (the save checks again under the row lock).
    assertPlanWritable(ctx.phase, year, current.state, planWriterOf(user, unit));

    const read = await ticketOf(res).readPlan(req.file.buffer, { year, orgUnitCode: unit, units: [{ code: unit, activityIds: ctx.rules.activityIds as string[] }] });
    if (!read.ok) {
      log({ category: 'upload', msg: 'plan upload rejected', year, unit, code: read.code, problems: read.problems?.length ?? 0, bytes: req.file.size });
      throw refused(read);
    }
    const uploaded = read.plans[0] ?? { orgUnitCode: unit, entries: [], cells: {} };
    const baseVersion = fields.baseVersion ?? read.meta.planVersion;
    const inFile = new Set(uploaded.entries.map((e) => e.activityId));
    const kept = current.version === baseVersion ? current.entries.filter((e) => !inFile.has(e.activityId)) : [];
    const body = { entries: [...uploaded.entries, ...kept], proposals: current.proposals };
    const problems = validatePlan(body, ctx.rules, 'save');
    if (problems.length) throw sheetInvalid(planProblemsAt(problems, uploaded, read.columns, year));

    const fingerprint = createHash('sha256').update(req.file.buffer).update(`\n${fields.baseVersion ?? ''}`).digest('hex');
    const result: SavePlanResponse = await savePlan(db, {
      user, year, orgUnitCode: unit, request: { baseVersion, ...body }, source: 'upload', idempotencyKey: key,
      idempotencyFingerprint: { scope: `POST plan upload ${year} ${unit}`, fingerprint },
      allActivityIds: new Set(ctx.rules.activityIds),
    });
    log({ category: 'upload', msg: 'plan upload saved', year, unit, version: result.version, entryCount: uploaded.entries.length });
    res.status(result.replayed ? 200 : 201).json(result);
  });

  router.get(Y(PLAN_PATHS.bulkTemplate), validate(YearParamsSchema, 'params'), async (_req, res) => {
    assertCanReview(currentUser(res));
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const units = await getReportingUnits(db, year);
    const rows: PlanTemplateUnit[] = [];
    for (const u of units) rows.push(await templateUnit(db, year, u));
    const buf = await planTemplateBuffer({ year, units: rows, bulk: true, planVersion: 0 });
    log({ category: 'workbook', msg: 'plans sheet built', year, units: rows.length, bytes: buf.length });
    sendDownload(res, buf, XLSX_TYPE, fileName('plany-jednostek', year));
  });

  router.post(Y(PLAN_PATHS.bulkUpload), validate(YearParamsSchema, 'params'), (_req, res, next) => {
    assertCanReview(currentUser(res));
    next();
  }, admitUpload(pool), receiveFile(), async (req, res) => {
    const user: User = currentUser(res);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const fields = parseNamed(PlanUploadFieldsSchema, req.body ?? {}, 'form');
    if (!req.file) throw new ApiError(MSG.api.uploadFileMissing, 400, 'file_missing');
    const contexts = new Map<string, UnitPlanContext>();
    for (const u of await getReportingUnits(db, year)) contexts.set(u.code, await loadUnitPlanYear(db, year, u.code));
    const units = [...contexts].map(([code, ctx]) => ({ code, activityIds: ctx.rules.activityIds as string[] }));
    const read = await ticketOf(res).readPlan(req.file.buffer, { year, orgUnitCode: null, units });
    if (!read.ok) {
      log({ category: 'upload', msg: 'plans sheet rejected', year, code: read.code, problems: read.problems?.length ?? 0, bytes: req.file.size });
      throw refused(read);
    }
    const accept = fields.accept === 'true';
    const plans = [];
    const problems: UploadProblem[] = [];
    for (const uploaded of read.plans) {
      const ctx = contexts.get(uploaded.orgUnitCode)!;
      const current = await getUnitPlan(db, year, uploaded.orgUnitCode);
      // The sheet lists every unit with its current plan: only the units MOPS changed are entered.
      if (contentOf(uploaded.entries) === contentOf(current.entries)) continue;
      const body = { entries: uploaded.entries, proposals: current.proposals };
      problems.push(...planProblemsAt(validatePlan(body, ctx.rules, accept ? 'submit' : 'save'), uploaded, read.columns, year));
      plans.push({ orgUnitCode: uploaded.orgUnitCode, ...body });
    }
    if (problems.length) throw sheetInvalid(problems);
    if (plans.length === 0) throw new ApiError(MSG.plan.template.upload.nothingChanged, 422, 'nothing_changed');
    const result: BulkPlansResponse = await bulkEnterPlans(db, user, year, { plans, accept });
    log({ category: 'upload', msg: 'plans sheet entered', year, units: result.saved.length, accept });
    res.status(201).json(result);
  });
  return router;
}

const ticketOf = (res: Response) => res.locals.uploadTicket as UploadTicket;

function idempotencyKey(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : parseNamed(IdempotencyKeySchema, raw, 'header', 'Idempotency-Key');
}
