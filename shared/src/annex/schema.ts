/**
 * The annex's title block, which MOPS edits per year: the annex number and the line naming the
 * parent report ("do Sprawozdania z działalności … za rok 2024"). Stored per year; a year without
 * a stored one prints the defaults below, which are the 2024 original's wording.
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';

/** One printed line: no line breaks or control characters, no surrounding spaces. */
// Missing, empty and too long are said by describeIssue with the field's name (MSG.fields).
const lineOf = (max: number) =>
  z.string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), MSG.schema.oneLine);

/** PUT /api/years/:year/annex — what MOPS may set. */
export const AnnexTitleSchema = z.object({
  /** "3" prints as „Załącznik Nr 3”; letters allowed ("3a"). */
  annexNumber: lineOf(20)
    .refine((s) => /^[\p{L}\p{N}./-]+$/u.test(s), MSG.schema.annexNumberChars),
  /** The line under it, as printed: „do Sprawozdania z działalności … za rok 2024”. */
  parentReportTitle: lineOf(300),
}).strict();
export type AnnexTitle = z.infer<typeof AnnexTitleSchema>;

/** GET /api/years/:year/annex */
export const AnnexTitleResponseSchema = AnnexTitleSchema.extend({
  year: z.number().int(),
  /** true: nothing stored for the year, these are the defaults. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
}).strip();
export type AnnexTitleResponse = z.infer<typeof AnnexTitleResponseSchema>;

/** The 2024 original's title block, for any year. */
export function defaultAnnexTitle(year: number): AnnexTitle {
  return {
    annexNumber: '3',
    parentReportTitle: MSG.annex.defaultParentReport(year),
  };
}
