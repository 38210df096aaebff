import { z } from 'zod';
import { OrgUnitKindSchema, type OrgUnit } from '../orgUnits/schema.ts';
import { activityStatusOf, reportingUnitOf, ActivityStatusSchema, type Activity, type Program } from './schema.ts';

const Ref = z.object({ id: z.string(), name: z.string() });

/** What applying a program file changes, shown to MOPS before it is applied. */
export const ProgramDiffSchema = z.object({
  programCode: z.string(),
  /** A new program period (created on apply), else changes to an existing one. */
  newPeriod: z.boolean(),
  /** For a new period: the period it was compared with (the previous one), if any. */
  comparedWith: z.string().nullable(),
  title: z.object({ from: z.string(), to: z.string() }).nullable(),
  years: z.object({ from: z.tuple([z.number(), z.number()]), to: z.tuple([z.number(), z.number()]) }).nullable(),
  /** The „Dane demonstracyjne” mark switched on or off. */
  demo: z.object({ from: z.boolean(), to: z.boolean() }).nullable(),
  areas: z.object({ added: z.array(z.string()), removed: z.array(z.string()), retitled: z.array(z.string()) }),
  tasks: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  added: z.array(Ref.extend({ taskCode: z.string() })),
  /** Retired before and back in the file. */
  restored: z.array(Ref),
  renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  moved: z.array(Ref.extend({ from: z.string(), to: z.string() })),
  /** Dropped from the file: kept with their history, no longer carried into a new year. */
  retired: z.array(Ref),
  unitsChanged: z.array(Ref.extend({ from: z.array(z.string()), to: z.array(z.string()), reportingFrom: z.string(), reportingTo: z.string() })),
  statusChanged: z.array(Ref.extend({ from: ActivityStatusSchema, to: ActivityStatusSchema })),
  orgUnitsAdded: z.array(z.object({ code: z.string(), name: z.string() })),
  orgUnitsRenamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
  /** Registry units whose kind the file changes (e.g. to „grupa (nie sprawozdaje)”). */
  orgUnitsKindChanged: z.array(z.object({ code: z.string(), name: z.string(), from: OrgUnitKindSchema, to: OrgUnitKindSchema })).default([]),
  /** Activities unchanged. */
  unchanged: z.number().int(),
});
export type ProgramDiff = z.infer<typeof ProgramDiffSchema>;

/** A task's content in a fixed key order (a stored task comes back from jsonb with its keys reordered). */
const taskKey = (t: Program['tasks'][number]) => JSON.stringify([t.area, t.kind, t.title, t.linkedTo, t.subsections.map((x) => [x.number, x.title, x.linkedTo])]);

/** Where an activity sits: "I.2" or "I.2, podsekcja 1)". */
const placeOf = (a: Activity) => (a.subsection === null ? a.taskCode : `${a.taskCode} ${a.subsection})`);
const unitsOf = (a: Activity) => [reportingUnitOf(a), ...a.responsibleUnits.filter((r) => r.role === 'contributing').map((r) => r.orgUnitCode)];

export interface DiffInput {
  /** The program as stored (null: a new period compared with nothing). */
  before: Pick<Program, 'code' | 'title' | 'years' | 'areas' | 'tasks' | 'demo'> | null;
  /** Activities of `before`, each with whether it is retired. */
  beforeActivities: { activity: Activity; retired: boolean }[];
  after: Program;
  registry: readonly OrgUnit[];
  fileUnits: readonly OrgUnit[];
  newPeriod: boolean;
}

/** The diff between the stored program (or the previous period) and an uploaded program file. */
export function diffProgram(input: DiffInput): ProgramDiff {
  const { before, after } = input;
  const current = new Map(input.beforeActivities.filter((x) => !x.retired).map((x) => [x.activity.id, x.activity]));
  const retiredBefore = new Map(input.beforeActivities.filter((x) => x.retired).map((x) => [x.activity.id, x.activity]));
  const out: ProgramDiff = {
    programCode: after.code, newPeriod: input.newPeriod, comparedWith: input.newPeriod ? before?.code ?? null : null,
    title: before && before.title !== after.title ? { from: before.title, to: after.title } : null,
    years: before && (before.years[0] !== after.years[0] || before.years[1] !== after.years[1]) ? { from: before.years, to: after.years } : null,
    demo: before && !input.newPeriod && Boolean(before.demo) !== Boolean(after.demo) ? { from: Boolean(before.demo), to: Boolean(after.demo) } : null,
    areas: { added: [], removed: [], retitled: [] }, tasks: { added: [], removed: [], changed: [] },
    added: [], restored: [], renamed: [], moved: [], retired: [], unitsChanged: [], statusChanged: [],
    orgUnitsAdded: [], orgUnitsRenamed: [], orgUnitsKindChanged: [], unchanged: 0,
  };
  const areasBefore = new Map((before?.areas ?? []).map((a) => [a.code, a]));
  for (const a of after.areas) {
    const was = areasBefore.get(a.code);
    if (!was) out.areas.added.push(a.code);
    else if (was.title !== a.title) out.areas.retitled.push(a.code);
  }
  out.areas.removed = [...areasBefore.keys()].filter((c) => !after.areas.some((a) => a.code === c));
  const tasksBefore = new Map((before?.tasks ?? []).map((t) => [t.code, t]));
  for (const t of after.tasks) {
    const was = tasksBefore.get(t.code);
    if (!was) out.tasks.added.push(t.code);
    else if (taskKey(was) !== taskKey(t)) out.tasks.changed.push(t.code);
  }
  out.tasks.removed = [...tasksBefore.keys()].filter((c) => !after.tasks.some((t) => t.code === c));

  for (const a of after.activities) {
    const was = current.get(a.id);
    if (!was) {
      if (retiredBefore.has(a.id)) out.restored.push({ id: a.id, name: a.name });
      else out.added.push({ id: a.id, name: a.name, taskCode: a.taskCode });
      continue;
    }
    let changed = false;
    if (was.name !== a.name) { out.renamed.push({ id: a.id, from: was.name, to: a.name }); changed = true; }
    if (placeOf(was) !== placeOf(a)) { out.moved.push({ id: a.id, name: a.name, from: placeOf(was), to: placeOf(a) }); changed = true; }
    const [uFrom, uTo] = [unitsOf(was), unitsOf(a)];
    if (uFrom.join('|') !== uTo.join('|')) {
      out.unitsChanged.push({ id: a.id, name: a.name, from: uFrom, to: uTo, reportingFrom: uFrom[0]!, reportingTo: uTo[0]! });
      changed = true;
    }
    if (activityStatusOf(was) !== activityStatusOf(a)) { out.statusChanged.push({ id: a.id, name: a.name, from: activityStatusOf(was), to: activityStatusOf(a) }); changed = true; }
    if (!changed && (was.joinedYear ?? null) === (a.joinedYear ?? null) && (was.unitsText ?? '') === (a.unitsText ?? '')) out.unchanged++;
  }
  const inFile = new Set(after.activities.map((a) => a.id));
  for (const [id, a] of current) if (!inFile.has(id)) out.retired.push({ id, name: a.name });

  const registry = new Map(input.registry.map((u) => [u.code, u]));
  for (const u of input.fileUnits) {
    const known = registry.get(u.code);
    if (!known) out.orgUnitsAdded.push({ code: u.code, name: u.name });
    else {
      if (known.name !== u.name) out.orgUnitsRenamed.push({ code: u.code, from: known.name, to: u.name });
      if (known.kind !== u.kind) out.orgUnitsKindChanged.push({ code: u.code, name: u.name, from: known.kind, to: u.kind });
    }
  }
  return out;
}

/** True when applying the diff would change nothing. */
export function isEmptyDiff(d: ProgramDiff): boolean {
  return !d.newPeriod && !d.title && !d.years && !d.demo && d.areas.added.length + d.areas.removed.length + d.areas.retitled.length
    + d.tasks.added.length + d.tasks.removed.length + d.tasks.changed.length + d.added.length + d.restored.length + d.renamed.length
    + d.moved.length + d.retired.length + d.unitsChanged.length + d.statusChanged.length + d.orgUnitsAdded.length + d.orgUnitsRenamed.length
    + (d.orgUnitsKindChanged?.length ?? 0) === 0;
}
