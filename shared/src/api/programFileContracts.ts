/**
 * Wire contracts of the program as an Excel file (issue 15): download, upload with a diff preview,
 * confirm (apply), and the program's change history. Paths in PROGRAM_PATHS (program/contracts.ts).
 *
 * The flow MOPS follows:
 *   1. GET  PROGRAM_PATHS.programFile(code)      → program .xlsx (admin, reviewer);
 *   2. POST PROGRAM_PATHS.programUploads(code)   → a changed file of that program (admin; multipart "file"),
 *      or POST PROGRAM_PATHS.newProgramUpload     → the file of a new program period (its code in B1 is new);
 *      either answers 201 ProgramUploadPreview (nothing applied yet) or 422 `program_file_invalid`
 *      with `problems` (each names its sheet and cell);
 *   3. POST PROGRAM_PATHS.applyUpload(uploadId)  → applies exactly what the preview showed, in one
 *      transaction; 409 `program_changed` when the program or the unit registry changed since the
 *      preview (upload the file again), 409 `upload_applied` when it was applied already,
 *      404 `upload_unknown` when the preview expired.
 */
import { z } from 'zod';
import { ProgramDiffSchema } from '../program/diff.ts';
import { YearPhaseSchema } from '../program/year.ts';
import { ProgramSummarySchema } from '../program/contracts.ts';

/** One problem of an uploaded program file, at its cell: „Arkusz „Działania”, komórka C7: …”. */
export const ProgramFileProblemSchema = z.object({
  /** Sheet name as in the file („Struktura”, „Działania”, „Jednostki”). */
  sheet: z.string(),
  /** Cell address as Excel shows it ("C7"); empty when the problem is the whole sheet. */
  cell: z.string(),
  /** The column's header (or the sheet's name when the problem is the whole sheet). */
  field: z.string(),
  code: z.literal('sheet_cell'),
  /** The whole sentence, naming the sheet and the cell. */
  message: z.string(),
});
export type ProgramFileProblem = z.infer<typeof ProgramFileProblemSchema>;

/** 422 body of a refused program file: `{ error, code: 'program_file_invalid', problems }`. */
export const ProgramFileRefusalSchema = z.object({
  error: z.string(),
  code: z.literal('program_file_invalid'),
  problems: z.array(ProgramFileProblemSchema),
});
export type ProgramFileRefusal = z.infer<typeof ProgramFileRefusalSchema>;

/** What applying the file does to a year of the program that is not closed. */
export const YearEffectSchema = z.object({
  year: z.number().int(),
  phase: YearPhaseSchema,
  /** Activities that join the year (new in the program, running). */
  added: z.array(z.string()),
  /** Activities whose name, place or units change in the year. */
  updated: z.array(z.string()),
  /** Retired activities taken out of the year (a year in planning, nothing planned for them yet). */
  removed: z.array(z.string()),
  /** Retired activities the year keeps, with what units stated for them (reports, plans). */
  kept: z.array(z.string()),
});
export type YearEffect = z.infer<typeof YearEffectSchema>;

/** 201 answer of an upload, and GET PROGRAM_PATHS.upload(id): the diff to confirm. */
export const ProgramUploadPreviewSchema = z.object({
  uploadId: z.string(),
  programCode: z.string(),
  /** Applying creates a new program period (else it changes `programCode`). */
  newPeriod: z.boolean(),
  title: z.string(),
  years: z.tuple([z.number().int(), z.number().int()]),
  demo: z.boolean(),
  fileName: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  /** After this the preview is gone: upload the file again. */
  expiresAt: z.string(),
  /** Set once applied (the preview then cannot be applied again). */
  appliedAt: z.string().nullable(),
  diff: ProgramDiffSchema,
  /** Applying would change nothing. */
  empty: z.boolean(),
  /** Effects on the program's years not closed (closed years never change). */
  yearEffects: z.array(YearEffectSchema),
  counts: z.object({ areas: z.number().int(), tasks: z.number().int(), activities: z.number().int(), orgUnits: z.number().int() }),
});
export type ProgramUploadPreview = z.infer<typeof ProgramUploadPreviewSchema>;

/** 200 answer of POST PROGRAM_PATHS.applyUpload(id). */
export const ProgramApplyResultSchema = z.object({
  programCode: z.string(),
  action: z.enum(['created', 'applied']),
  /** The program's revision after applying (a later preview is made against it). */
  revision: z.number().int(),
  diff: ProgramDiffSchema,
  yearEffects: z.array(YearEffectSchema),
  program: ProgramSummarySchema,
});
export type ProgramApplyResult = z.infer<typeof ProgramApplyResultSchema>;

/** GET PROGRAM_PATHS.programChanges(code): the program's audit, newest first. */
export const ProgramChangeSchema = z.object({
  id: z.number().int(),
  action: z.enum(['created', 'applied']),
  revision: z.number().int(),
  at: z.string(),
  byName: z.string(),
  diff: ProgramDiffSchema,
});
export type ProgramChange = z.infer<typeof ProgramChangeSchema>;
