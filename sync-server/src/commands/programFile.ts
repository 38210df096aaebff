/**
 * The program as an Excel file (issue 15): download, upload → diff preview, confirm → apply.
 * Rules:
 * - the preview changes nothing; it is stored (program_uploads) with a `basis`, a hash of the
 *   program and the unit registry it was made against; the confirm applies it in one transaction
 *   only while the basis holds (else 409 `program_changed`), and only once (409 `upload_applied`);
 * - activity ids are the identity: a renamed or moved activity keeps its id, its years and reports;
 *   an activity dropped from the file is retired, never deleted (its years, plans and reports stay);
 * - the program's years that are not closed follow the program: new running activities join them,
 *   changed ones change; a retired one leaves a year in planning only when nothing was stated for
 *   it there; closed years never change.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  MSG, diffProgram, formatWarsawTime, isEmptyDiff, reportingUnitOf,
  type Activity, type OrgUnit, type Program, type ProgramApplyResult, type ProgramDiff, type ProgramFileProblem, type ProgramUploadPreview, type YearEffect,
} from '@pwr-sync/shared';
import type { Db, Queryable, StoredProgramUpload, User } from '../storage/index.ts';
import {
  UNIQUE_VIOLATION, activitiesWithHistory, getOrgUnits, getProgramActivities, getProgramHead, insertOrgUnits, insertProgram, insertProgramChange,
  insertProgramUpload, listPrograms, lockProgram, markProgramUploadApplied, openYearsOf, removeYearActivities, renameOrgUnits, retireProgramActivities,
  setOrgUnitKinds, sqlState, updateProgramHead, upsertProgramActivities, upsertYearActivities, yearActivityRows, getProgramUpload,
} from '../storage/index.ts';
import { assertAdmin, assertCanReview } from '../auth/access.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { writeProgramFile } from '../workbook/programFile.ts';
import { META_ROWS, PROGRAM_SHEETS } from '../workbook/programLayout.ts';

/** How long a preview can be confirmed. */
export const PREVIEW_TTL_HOURS = 24;

const P = MSG.program.file.problem;

/** GET program.xlsx: the program's activities in the program (retired ones not), the whole registry. */
export async function programWorkbook(db: Db, user: User, code: string): Promise<{ file: Buffer; filename: string }> {
  assertCanReview(user);
  const head = await getProgramHead(db, code);
  if (!head) throw notFound(MSG.program.api.noProgram(code));
  const activities = (await getProgramActivities(db, code)).map((a) => a.activity);
  const { revision: _revision, ...rest } = head;
  const file = await writeProgramFile({ program: { ...rest, activities }, orgUnits: await getOrgUnits(db) });
  return { file, filename: `Program ${code}.xlsx` };
}

/** The previous period of a new one: the latest program ending before it starts. */
async function previousPeriod(q: Queryable, firstYear: number): Promise<string | null> {
  const r = await q.query<{ code: string }>('SELECT code FROM programs WHERE last_year < $1 ORDER BY last_year DESC, code LIMIT 1', [firstYear]);
  return r.rows[0]?.code ?? null;
}

/** What a preview was made against: the program (head, every activity with its retirement) and the registry. */
async function programBasis(q: Queryable, code: string | null): Promise<string> {
  const hash = createHash('sha256');
  if (code) {
    const head = await getProgramHead(q, code);
    hash.update(JSON.stringify(head));
    hash.update(JSON.stringify(await getProgramActivities(q, code, { withRetired: true })));
  }
  hash.update(JSON.stringify(await getOrgUnits(q)));
  return hash.digest('hex');
}

const problemAt = (cell: string, field: string, reason: string): ProgramFileProblem =>
  ({ sheet: PROGRAM_SHEETS.structure, cell, field, code: 'sheet_cell', message: P.at(PROGRAM_SHEETS.structure, cell, reason) });
const M = MSG.program.file.meta;

function refuse(problems: ProgramFileProblem[]): never {
  throw new ApiError(P.invalid(problems.length), 422, 'program_file_invalid', { problems });
}

/** JSON of an activity as compared (key order aside). */
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

/** One open year's changes: what joins, what changes, which retired activities leave or stay. */
interface YearPlan { effect: YearEffect; upsert: { activity: Activity; position: number }[]; remove: string[] }

async function planYears(q: Queryable, code: string, program: Program, diff: ProgramDiff): Promise<YearPlan[]> {
  const joining = new Set([...diff.added, ...diff.restored].map((a) => a.id));
  const retired = diff.retired.map((a) => a.id);
  const out: YearPlan[] = [];
  for (const { year, phase } of await openYearsOf(q, code)) {
    const rows = await yearActivityRows(q, year);
    const plan: YearPlan = { effect: { year, phase, added: [], updated: [], removed: [], kept: [] }, upsert: [], remove: [] };
    program.activities.forEach((activity, position) => {
      const row = rows.get(activity.id);
      if (!row) {
        if (joining.has(activity.id) && (activity.status ?? 'running') === 'running') {
          plan.effect.added.push(activity.id);
          plan.upsert.push({ activity, position });
        }
        return;
      }
      if (!same(row.data, activity)) plan.effect.updated.push(activity.id);
      if (!same(row.data, activity) || row.position !== position) plan.upsert.push({ activity, position });
    });
    const inYear = retired.filter((id) => rows.has(id));
    const stated = phase === 'planning' ? await activitiesWithHistory(q, year, inYear) : new Set(inYear);
    for (const id of inYear) {
      if (stated.has(id)) plan.effect.kept.push(id);
      else { plan.effect.removed.push(id); plan.remove.push(id); }
    }
    out.push(plan);
  }
  return out;
}

/**
 * A changed activity whose units changed keeps no stale „tekst ze sprawozdania” (the annex would
 * print the old units): the text goes unless MOPS changed it too.
 */
function dropStaleUnitsText(program: Program, before: Map<string, Activity>): Program {
  const units = (a: Activity) => [reportingUnitOf(a), ...a.responsibleUnits.filter((r) => r.role === 'contributing').map((r) => r.orgUnitCode)].join('|');
  return {
    ...program,
    activities: program.activities.map((a) => {
      const was = before.get(a.id);
      if (!was || !a.unitsText || units(was) === units(a) || (was.unitsText ?? '') !== a.unitsText) return a;
      const { unitsText: _stale, ...rest } = a;
      return rest;
    }),
  };
}

interface Prepared { program: Program; diff: ProgramDiff; years: YearPlan[]; basis: string }

/**
 * Checks a read file against the server (its code and period) and diffs it; used by the preview
 * and again by the confirm (inside its transaction).
 */
async function prepare(q: Queryable, target: { code: string } | { newPeriod: true }, read: { program: Program; fileUnits: OrgUnit[] }): Promise<Prepared> {
  const file = read.program;
  const registry = await getOrgUnits(q);
  const problems: ProgramFileProblem[] = [];
  if ('code' in target) {
    const head = await getProgramHead(q, target.code);
    if (!head) throw notFound(MSG.program.api.noProgram(target.code));
    if (file.code !== target.code) problems.push(problemAt(`B${META_ROWS.code}`, M.code, P.codeOfOtherProgram(file.code, target.code)));
    else if (file.years[0] !== head.years[0] || file.years[1] !== head.years[1]) {
      problems.push(problemAt(`B${file.years[0] !== head.years[0] ? META_ROWS.from : META_ROWS.to}`, file.years[0] !== head.years[0] ? M.from : M.to, P.periodChange));
    }
    if (problems.length) refuse(problems);
    const stored = await getProgramActivities(q, target.code, { withRetired: true });
    const before = new Map(stored.map((x) => [x.activity.id, x.activity]));
    const program = dropStaleUnitsText(file, before);
    const diff = diffProgram({
      before: head, beforeActivities: stored.map((x) => ({ activity: x.activity, retired: x.retiredAt !== null })),
      after: program, registry, fileUnits: read.fileUnits, newPeriod: false,
    });
    return { program, diff, years: await planYears(q, target.code, program, diff), basis: await programBasis(q, target.code) };
  }
  if (await getProgramHead(q, file.code)) problems.push(problemAt(`B${META_ROWS.code}`, M.code, P.existingCode(file.code)));
  for (const p of await listPrograms(q)) {
    if (p.firstYear <= file.years[1] && file.years[0] <= p.lastYear) problems.push(problemAt(`B${META_ROWS.from}`, M.from, P.periodOverlap(p.code, p.firstYear, p.lastYear)));
  }
  if (problems.length) refuse(problems);
  const previous = await previousPeriod(q, file.years[0]);
  const head = previous ? await getProgramHead(q, previous) : null;
  const stored = previous ? await getProgramActivities(q, previous) : [];
  const diff = diffProgram({
    before: head, beforeActivities: stored.map((x) => ({ activity: x.activity, retired: false })),
    after: file, registry, fileUnits: read.fileUnits, newPeriod: true,
  });
  return { program: file, diff, years: [], basis: await programBasis(q, previous) };
}

function toPreview(u: StoredProgramUpload): ProgramUploadPreview {
  const p = u.program;
  return {
    uploadId: u.id, programCode: u.programCode, newPeriod: u.newPeriod, title: p.title, years: p.years, demo: p.demo ?? false,
    fileName: u.fileName, uploadedAt: u.uploadedAt, uploadedBy: u.byName, expiresAt: u.expiresAt, appliedAt: u.appliedAt,
    diff: u.diff, empty: isEmptyDiff(u.diff), yearEffects: u.yearEffects,
    counts: { areas: p.areas.length, tasks: p.tasks.length, activities: p.activities.length, orgUnits: u.fileUnits.length },
  };
}

/** An upload read by the pool (programFileRead.ts), diffed and stored as a preview. Nothing is applied. */
export async function previewProgramUpload(
  db: Db, user: User, target: { code: string } | { newPeriod: true }, read: { program: Program; fileUnits: OrgUnit[] }, fileName: string | null,
): Promise<ProgramUploadPreview> {
  assertAdmin(user);
  const prepared = await prepare(db, target, read);
  const stored = await insertProgramUpload(db, {
    id: randomUUID(), programCode: prepared.program.code, newPeriod: !('code' in target), basis: prepared.basis,
    program: prepared.program, fileUnits: read.fileUnits, diff: prepared.diff, yearEffects: prepared.years.map((y) => y.effect),
    fileName: fileName?.slice(0, 255) ?? null, byId: user.id, byName: user.name,
  }, PREVIEW_TTL_HOURS);
  return toPreview(stored);
}

/** GET a preview again (admin). */
export async function getProgramUploadPreview(db: Db, user: User, id: string): Promise<ProgramUploadPreview> {
  assertAdmin(user);
  const u = await getProgramUpload(db, id);
  if (!u) throw new ApiError(MSG.program.api.uploadUnknown, 404, 'upload_unknown');
  return toPreview(u);
}

/**
 * Confirms a preview: in one transaction, under the upload's and the program's row locks, the
 * basis is checked (409 when the program or the registry changed), then the registry, the
 * program, its activities and open years are written, and the change is audited.
 */
export async function applyProgramUpload(db: Db, user: User, id: string): Promise<ProgramApplyResult> {
  assertAdmin(user);
  let code = '';
  try {
    return await db.transaction(async (tx) => {
      const u = await getProgramUpload(tx, id, { lock: true });
      if (!u) throw new ApiError(MSG.program.api.uploadUnknown, 404, 'upload_unknown');
      if (u.appliedAt) throw new ApiError(MSG.program.api.uploadApplied(formatWarsawTime(u.appliedAt)), 409, 'upload_applied');
      code = u.programCode;
      if (u.newPeriod) {
        if (await getProgramHead(tx, code)) throw new ApiError(MSG.program.api.programExists(code), 409, 'program_changed');
        const previous = await previousPeriod(tx, u.program.years[0]);
        if (previous) await lockProgram(tx, previous);
        if (await programBasis(tx, previous) !== u.basis) throw new ApiError(MSG.program.api.programChanged(code), 409, 'program_changed');
      } else {
        if (!(await lockProgram(tx, code))) throw notFound(MSG.program.api.noProgram(code));
        if (await programBasis(tx, code) !== u.basis) throw new ApiError(MSG.program.api.programChanged(code), 409, 'program_changed');
      }
      await registry(tx, u);
      let revision = 1;
      let years: YearEffect[] = [];
      if (u.newPeriod) {
        await insertProgram(tx, u.program, user.name);
      } else {
        const prepared = await prepare(tx, { code }, { program: u.program, fileUnits: u.fileUnits });
        revision = await updateProgramHead(tx, code, { title: u.program.title, areas: u.program.areas, tasks: u.program.tasks, demo: u.program.demo ?? false });
        await upsertProgramActivities(tx, code, u.program.activities);
        await retireProgramActivities(tx, code, u.diff.retired.map((a) => a.id), user.name);
        for (const y of prepared.years) {
          await upsertYearActivities(tx, y.effect.year, y.upsert);
          await removeYearActivities(tx, y.effect.year, y.remove);
        }
        years = prepared.years.map((y) => y.effect);
      }
      await insertProgramChange(tx, { programCode: code, action: u.newPeriod ? 'created' : 'applied', revision, diff: u.diff, byId: user.id, byName: user.name });
      await markProgramUploadApplied(tx, id);
      const summary = (await listPrograms(tx)).find((p) => p.code === code)!;
      return { programCode: code, action: u.newPeriod ? 'created' : 'applied', revision, diff: u.diff, yearEffects: years, program: summary };
    });
  } catch (err) {
    // two admins creating the same period at once: the second meets the first's row
    if (sqlState(err) === UNIQUE_VIOLATION) throw new ApiError(MSG.program.api.programExists(code), 409, 'program_changed');
    throw err;
  }
}

/** The registry as the file says: new org units added, renamed ones renamed, kinds changed (none removed). */
async function registry(tx: Queryable, u: StoredProgramUpload): Promise<void> {
  const added = new Set(u.diff.orgUnitsAdded.map((x) => x.code));
  await insertOrgUnits(tx, u.fileUnits.filter((x) => added.has(x.code)));
  await renameOrgUnits(tx, u.diff.orgUnitsRenamed.map((x) => ({ code: x.code, name: x.to })));
  await setOrgUnitKinds(tx, (u.diff.orgUnitsKindChanged ?? []).map((x) => ({ code: x.code, kind: x.to })));
}
