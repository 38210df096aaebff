import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';

/*
 * The program's structure is data of a program period, not code: area and task codes, the activity
 * ids and how many of each there are come from the program (its file), so the 2025–2027 program may
 * renumber or add areas. The schemas below only bound the shape of a code.
 */

/** Area code as the program writes it: "I", "IV", "A", "1". */
export const AreaCodeSchema = z.string().regex(/^[A-Z0-9]{1,8}$/, MSG.program.schema.areaCode);
export type AreaCode = z.infer<typeof AreaCodeSchema>;

const oneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, MSG.schema.oneLine);

/** Obszar: one of the program's strategic areas. */
export const AreaSchema = z.object({ code: AreaCodeSchema, title: oneLine(1000) });
export type Area = z.infer<typeof AreaSchema>;

/** Task code "I.1", "III.3" (area code, a dot, a number; deeper levels allowed). */
export const TaskCodeSchema = z.string().regex(/^[A-Z0-9]{1,8}(\.[A-Z0-9]{1,4}){1,3}$/, MSG.program.schema.taskCode);

/** basic = zadanie podstawowe (has money spent); complementary = zadanie komplementarne. */
export const TaskKindSchema = z.enum(['basic', 'complementary']);
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** One „Działania powiązane z:” item, or a task's link. */
const LinkSchema = oneLine(500);

export const SubsectionSchema = z.object({
  number: z.number().int().positive().max(99),
  title: oneLine(1000),
  /** "Działania powiązane z:" — public services or fields the subsection is linked to. */
  linkedTo: z.array(LinkSchema).max(50).default([]),
});
export type Subsection = z.infer<typeof SubsectionSchema>;

/** Zadanie. */
export const TaskSchema = z.object({
  code: TaskCodeSchema,
  area: AreaCodeSchema,
  kind: TaskKindSchema,
  title: oneLine(2000),
  linkedTo: z.array(LinkSchema).max(50).default([]),
  subsections: z.array(SubsectionSchema).max(99).default([]),
});
export type Task = z.infer<typeof TaskSchema>;

/**
 * Activity id, as the program writes it: the 2022–2024 program uses task, optional subsection and
 * sequence ("I.1-01", "I.3.2-14"); another program may number differently ("A.1.07", "B2-3", "12").
 * Only the shape is bounded: letters A–Z and digits in parts joined by "." or "-". Stable across
 * the years of one program: moving an activity to another task keeps its id.
 */
export const ActivityIdSchema = z.string().max(40, MSG.schema.activityId).regex(/^[A-Z0-9]{1,8}([.-][A-Z0-9]{1,8}){0,6}$/, MSG.schema.activityId);
export type ActivityId = z.infer<typeof ActivityIdSchema>;

/**
 * Who answers for a joint activity. Exactly one responsible unit has role `reporting`: it reports the
 * whole activity's figures (its partners' part included), so city totals count each activity once.
 * `contributing` units (and generic groups) take part and can read the report, but do not report.
 */
export const ResponsibilitySchema = z.object({
  orgUnitCode: OrgUnitCodeSchema,
  role: z.enum(['reporting', 'contributing']),
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

/**
 * Where an activity stands in its program: running (carried into the next year), ended
 * („realizacja przedsięwzięcia została zakończona”) or cancelled — neither carried over unless MOPS picks it.
 */
export const ActivityStatusSchema = z.enum(['running', 'ended', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

/** Działanie: one row of a task's table. */
export const ActivitySchema = z
  .object({
    id: ActivityIdSchema,
    taskCode: TaskCodeSchema,
    subsection: z.number().int().positive().max(99).nullable(),
    name: oneLine(2000),
    /** The responsible-units cell as the source document wrote it. */
    unitsText: z.string().max(2000).optional(),
    responsibleUnits: z.array(ResponsibilitySchema).min(1).max(40),
    /** Absent in older data: running. */
    status: ActivityStatusSchema.optional(),
    /** „włączone do Programu w <rok> roku”: the year the activity joined a running program (none: from its start). */
    joinedYear: z.number().int().min(2000).max(2100).nullable().optional(),
  })
  .refine((a) => a.responsibleUnits.filter((r) => r.role === 'reporting').length === 1, {
    error: MSG.schema.oneReportingUnit,
    path: ['responsibleUnits'],
  })
  .refine((a) => new Set(a.responsibleUnits.map((r) => r.orgUnitCode)).size === a.responsibleUnits.length, {
    error: MSG.program.schema.unitTwice,
    path: ['responsibleUnits'],
  });
export type Activity = z.infer<typeof ActivitySchema>;

/** Program code: "PWR-2022-2024". */
export const ProgramCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, MSG.program.schema.programCode);

/** The program's structure: areas → tasks → (subsections) → activities. */
export const ProgramSchema = z.object({
  code: ProgramCodeSchema,
  title: oneLine(500),
  years: z.tuple([z.number().int().min(2000).max(2100), z.number().int().min(2000).max(2100)]),
  /** A demonstration period (not adopted by the council): shown as „Dane demonstracyjne”. */
  demo: z.boolean().optional(),
  areas: z.array(AreaSchema).min(1).max(50),
  tasks: z.array(TaskSchema).min(1).max(500),
  activities: z.array(ActivitySchema).min(1).max(5000),
}).superRefine((p, ctx) => {
  for (const problem of programProblems(p)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});
export type Program = z.infer<typeof ProgramSchema>;

/** One inconsistency between the parts of a program (a task in an unknown area, an id twice, …). */
export interface ProgramProblem { path: (string | number)[]; message: string }

/**
 * The program's parts agree: unique codes and ids, tasks in known areas, activities in known tasks
 * and subsections, period from ≤ to, a joining year inside the period.
 */
export function programProblems(p: Pick<Program, 'years' | 'areas' | 'tasks' | 'activities'>): ProgramProblem[] {
  const out: ProgramProblem[] = [];
  const t = MSG.program.schema;
  if (p.years[0] > p.years[1]) out.push({ path: ['years'], message: t.periodOrder });
  const areas = new Set<string>();
  p.areas.forEach((a, i) => { if (areas.has(a.code)) out.push({ path: ['areas', i, 'code'], message: t.areaTwice(a.code) }); areas.add(a.code); });
  const tasks = new Map<string, Task>();
  p.tasks.forEach((task, i) => {
    if (tasks.has(task.code)) out.push({ path: ['tasks', i, 'code'], message: t.taskTwice(task.code) });
    if (!areas.has(task.area)) out.push({ path: ['tasks', i, 'area'], message: t.unknownArea(task.area) });
    const numbers = new Set<number>();
    task.subsections.forEach((s, j) => { if (numbers.has(s.number)) out.push({ path: ['tasks', i, 'subsections', j, 'number'], message: t.subsectionTwice(task.code, s.number) }); numbers.add(s.number); });
    tasks.set(task.code, task);
  });
  const ids = new Set<string>();
  p.activities.forEach((a, i) => {
    if (ids.has(a.id)) out.push({ path: ['activities', i, 'id'], message: t.activityTwice(a.id) });
    ids.add(a.id);
    const task = tasks.get(a.taskCode);
    if (!task) out.push({ path: ['activities', i, 'taskCode'], message: t.unknownTask(a.taskCode) });
    else if (a.subsection !== null && !task.subsections.some((s) => s.number === a.subsection)) {
      out.push({ path: ['activities', i, 'subsection'], message: t.unknownSubsection(a.taskCode, a.subsection) });
    }
    if (a.joinedYear != null && (a.joinedYear < p.years[0] || a.joinedYear > p.years[1])) {
      out.push({ path: ['activities', i, 'joinedYear'], message: t.joinedOutside(a.joinedYear, p.years[0], p.years[1]) });
    }
  });
  return out;
}

export function reportingUnitOf(activity: Activity): string {
  return activity.responsibleUnits.find((r) => r.role === 'reporting')!.orgUnitCode;
}

export function activityStatusOf(activity: Activity): ActivityStatus {
  return activity.status ?? 'running';
}
