import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';

export const AreaCodeSchema = z.enum(['I', 'II', 'III', 'IV']);
export type AreaCode = z.infer<typeof AreaCodeSchema>;

/** Obszar: one of the program's four strategic areas. */
export const AreaSchema = z.object({ code: AreaCodeSchema, title: z.string().min(1) });
export type Area = z.infer<typeof AreaSchema>;

/** Task code "I.1", "III.3". */
export const TaskCodeSchema = z.string().regex(/^(I|II|III|IV)\.\d{1,2}$/, MSG.schema.taskCode);

/** basic = zadanie podstawowe (has money spent); complementary = zadanie komplementarne. */
export const TaskKindSchema = z.enum(['basic', 'complementary']);
export type TaskKind = z.infer<typeof TaskKindSchema>;

export const SubsectionSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  /** "Działania powiązane z:" — public services or fields the subsection is linked to. */
  linkedTo: z.array(z.string()).default([]),
});
export type Subsection = z.infer<typeof SubsectionSchema>;

/** Zadanie. */
export const TaskSchema = z.object({
  code: TaskCodeSchema,
  area: AreaCodeSchema,
  kind: TaskKindSchema,
  title: z.string().min(1),
  linkedTo: z.array(z.string()).default([]),
  subsections: z.array(SubsectionSchema).default([]),
});
export type Task = z.infer<typeof TaskSchema>;

/** Activity id: task, optional subsection, sequence — "I.1-01", "I.3.2-14". Stable across years of one program. */
export const ActivityIdSchema = z.string().regex(/^(I|II|III|IV)\.\d{1,2}(\.\d{1,2})?-\d{2,3}$/, MSG.schema.activityId);
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

/** Działanie: one row of a task's table. */
export const ActivitySchema = z
  .object({
    id: ActivityIdSchema,
    taskCode: TaskCodeSchema,
    subsection: z.number().int().positive().nullable(),
    name: z.string().min(1),
    /** The responsible-units cell as the source document wrote it. */
    unitsText: z.string().optional(),
    responsibleUnits: z.array(ResponsibilitySchema).min(1),
  })
  .refine((a) => a.responsibleUnits.filter((r) => r.role === 'reporting').length === 1, {
    error: MSG.schema.oneReportingUnit,
    path: ['responsibleUnits'],
  });
export type Activity = z.infer<typeof ActivitySchema>;

/** The program's structure: areas → tasks → (subsections) → activities. */
export const ProgramSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  years: z.tuple([z.number().int(), z.number().int()]),
  areas: z.array(AreaSchema).min(1),
  tasks: z.array(TaskSchema).min(1),
  activities: z.array(ActivitySchema).min(1),
});
export type Program = z.infer<typeof ProgramSchema>;

export function reportingUnitOf(activity: Activity): string {
  return activity.responsibleUnits.find((r) => r.role === 'reporting')!.orgUnitCode;
}
