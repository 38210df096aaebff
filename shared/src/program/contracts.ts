/** Wire contracts of program periods and years (issue 15); paths in API_PATHS. */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { ActivityIdSchema, ActivityStatusSchema } from './schema.ts';
import { YearPhaseSchema } from './year.ts';

const IsoDateSchema = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, MSG.schema.dateFormat)
  // a real calendar day: 2025-02-30 would roll over to March in Date (never throws on malformed text)
  .refine((d) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, MSG.schema.noSuchDay);
export { IsoDateSchema };

/** GET /api/programs — one program period. */
export const ProgramSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  /** A demonstration period: every view shows „Dane demonstracyjne”. */
  demo: z.boolean(),
  /** Years of this program started so far. */
  years: z.array(z.number().int()),
  /** Activities in the program (retired ones not counted). */
  activities: z.number().int(),
  /** Activities retired from the program: kept with their history, no longer carried into a new year. */
  retired: z.number().int(),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

/** One move of a year's phase, as the audit records it. */
export const PhaseEventSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  /** started: the year was created; advanced: moved on; undone: a move taken back (with a reason). */
  action: z.enum(['started', 'advanced', 'undone']),
  fromPhase: YearPhaseSchema.nullable(),
  toPhase: YearPhaseSchema,
  reason: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
});
export type PhaseEvent = z.infer<typeof PhaseEventSchema>;

/**
 * POST /api/years/:year/phase (admin): move the year on. `from` is the phase the admin saw: when
 * another admin moved it meanwhile the answer is 409, not a second move.
 */
export const MovePhaseRequestSchema = z.object({
  from: YearPhaseSchema,
  to: YearPhaseSchema,
}).strict();
export type MovePhaseRequest = z.infer<typeof MovePhaseRequestSchema>;

/** POST /api/years/:year/phase/undo (admin): take back the last move, with a reason for the audit. */
export const UndoPhaseRequestSchema = z.object({
  reason: z.string().trim().min(1, MSG.program.schema.reasonRequired).max(1000),
}).strict();
export type UndoPhaseRequest = z.infer<typeof UndoPhaseRequestSchema>;

/** GET /api/years/:year/phase — the year's phase and every move so far. */
export const YearPhaseHistorySchema = z.object({
  year: z.number().int(),
  phase: YearPhaseSchema,
  events: z.array(PhaseEventSchema),
});
export type YearPhaseHistory = z.infer<typeof YearPhaseHistorySchema>;

/** Why an activity of the program is not carried into a new year by itself. */
export const NotCarriedReasonSchema = z.enum(['ended', 'cancelled', 'ended_in_report', 'cancelled_in_report']);
export type NotCarriedReason = z.infer<typeof NotCarriedReasonSchema>;

export const CarryItemSchema = z.object({
  id: ActivityIdSchema,
  name: z.string(),
  taskCode: z.string(),
  reportingUnit: z.string(),
  status: ActivityStatusSchema,
  reason: NotCarriedReasonSchema.nullable(),
});
export type CarryItem = z.infer<typeof CarryItemSchema>;

/** GET /api/years/:year/carry-over (admin) — what starting the year would bring over. */
export const CarryOverSchema = z.object({
  year: z.number().int(),
  programCode: z.string(),
  /** The previous year whose reports say which activities ended (null: none in the system). */
  fromYear: z.number().int().nullable(),
  carried: z.array(CarryItemSchema),
  /** Ended or cancelled: brought over only when picked. */
  notCarried: z.array(CarryItemSchema),
});
export type CarryOver = z.infer<typeof CarryOverSchema>;

/** POST /api/years (admin): start a year of the program that covers it. */
export const StartYearRequestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** reporting: skip planning (MOPS enters the plans itself). */
  phase: z.enum(['planning', 'reporting']).default('planning'),
  planningDeadline: IsoDateSchema.nullable().optional(),
  deadline: IsoDateSchema.nullable().optional(),
  /** Ended or cancelled activities MOPS brings over anyway. */
  pick: z.array(ActivityIdSchema).max(5000).default([]),
}).strict();
export type StartYearRequest = z.infer<typeof StartYearRequestSchema>;

export const PROGRAM_PATHS = {
  programs: '/api/programs',
  /** Admin: start a year (POST, StartYearRequest). */
  startYear: '/api/years',
  /** GET the phase and its history; POST a move (MovePhaseRequest). */
  yearPhase: (year: number) => `/api/years/${year}/phase`,
  yearPhaseUndo: (year: number) => `/api/years/${year}/phase/undo`,
  carryOver: (year: number) => `/api/years/${year}/carry-over`,
  /** GET the program period as an .xlsx (admin, reviewer): „Struktura”, „Działania”, „Jednostki”. */
  programFile: (code: string) => `/api/programs/${encodeURIComponent(code)}/program.xlsx`,
  /** POST (admin, multipart "file"): a changed file of this program → ProgramUploadPreview; nothing applied. */
  programUploads: (code: string) => `/api/programs/${encodeURIComponent(code)}/uploads`,
  /** POST (admin, multipart "file"): the file of a new program period (a new code in B1) → ProgramUploadPreview. */
  newProgramUpload: '/api/programs/uploads',
  /** GET (admin): a preview again (ProgramUploadPreview). */
  upload: (uploadId: string) => `/api/programs/uploads/${encodeURIComponent(uploadId)}`,
  /** POST (admin, no body): apply the previewed upload → ProgramApplyResult; 409 when the program changed since. */
  applyUpload: (uploadId: string) => `/api/programs/uploads/${encodeURIComponent(uploadId)}/apply`,
  /** GET (admin, reviewer): the program's applied changes, newest first (ProgramChange[]). */
  programChanges: (code: string) => `/api/programs/${encodeURIComponent(code)}/changes`,
} as const;
