/**
 * Wire contracts of reviewing a unit's report with the report in front of the reviewer: the report
 * view (GET …/review), a return with comments on activities, the unit's answers, and the comment
 * threads both sides read (GET …/comments).
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { ActivityIdSchema } from '../program/schema.ts';
import { ReportEntrySchema } from '../report/schema.ts';
import { VariancePolicySchema } from '../variance/policy.ts';
import { ConsolidatedRowSchema, HistorySchema, UnitReportSchema } from './contracts.ts';

export const REVIEW_COMMENT_MAX = 2000;
export const RETURN_COMMENTS_MAX = 200;
export const ON_BEHALF_REASON_MAX = 500;
/** Answers in one comment's thread (the unit's and MOPS's together). */
export const COMMENT_REPLIES_MAX = 50;

const commentText = z.string().trim().min(1, MSG.reviewView.commentEmpty).max(REVIEW_COMMENT_MAX, MSG.reviewView.commentTooLong(REVIEW_COMMENT_MAX));

/** A comment the reviewer attaches to one activity, optionally to one of its measures (measureKey). */
export const ActivityCommentInputSchema = z.object({
  activityId: ActivityIdSchema,
  /** measureKey() of the measure the comment is about ("uczestnik", "godzina|usług"); absent: the whole activity. */
  measureKey: z.string().max(200).nullable().optional(),
  text: commentText,
}).strict();
export type ActivityCommentInput = z.infer<typeof ActivityCommentInputSchema>;

/**
 * POST /api/years/:year/units/:unit/return — comments on activities and/or an overall note
 * (`comment`); at least one of them. `{ comment }` alone is still a valid return. Clients send
 * `version`, the one shown: a decision is never taken on a version the reviewer has not seen.
 */
export const ReturnRequestSchema = z.object({
  comment: z.string().trim().max(REVIEW_COMMENT_MAX, MSG.schema.returnCommentTooLong(REVIEW_COMMENT_MAX)).optional(),
  comments: z.array(ActivityCommentInputSchema).max(RETURN_COMMENTS_MAX, MSG.reviewView.tooManyComments(RETURN_COMMENTS_MAX)).default([]),
  /** The version the reviewer has in front of them; another stored one (the unit or MOPS saved since) → 409 naming both. */
  version: z.number().int().nonnegative().optional(),
}).strict().refine((r) => (r.comment ?? '') !== '' || r.comments.length > 0, { message: MSG.reviewView.returnEmpty });
export type ReturnRequest = z.input<typeof ReturnRequestSchema>;

/** POST …/comments/:id/replies — the unit's (or MOPS's) answer in a comment's thread. */
export const CommentReplyRequestSchema = z.object({
  text: z.string().trim().min(1, MSG.reviewView.replyEmpty).max(REVIEW_COMMENT_MAX, MSG.reviewView.replyTooLong(REVIEW_COMMENT_MAX)),
}).strict();
export type CommentReplyRequest = z.infer<typeof CommentReplyRequestSchema>;

/**
 * open: waiting for the unit (or handed in again without a change to its activity: still open);
 * resolved: the unit changed the activity before handing the report in again, or a reviewer judged
 * the answer sufficient (by hand, or by accepting the report with the comment still open).
 */
export const ReviewCommentStatusSchema = z.enum(['open', 'resolved']);
export type ReviewCommentStatus = z.infer<typeof ReviewCommentStatusSchema>;

export const ReviewCommentSchema = z.object({
  id: z.number().int().positive(),
  activityId: z.string(),
  measureKey: z.string().nullable(),
  text: z.string(),
  by: z.string(),
  at: z.string(),
  /** The report version the return applied to. */
  version: z.number().int().nonnegative(),
  status: ReviewCommentStatusSchema,
  /** The version handed in that resolved it (resolved only). */
  resolvedVersion: z.number().int().nullable(),
  /** The reviewer who settled it (by hand or by accepting); null: the unit's change resolved it. */
  resolvedBy: z.string().nullable().optional(),
  /** When a reviewer settled it (null otherwise). */
  resolvedAt: z.string().nullable().optional(),
  /** The thread: answers of the unit and of MOPS, oldest first. */
  replies: z.array(z.object({ text: z.string(), by: z.string(), at: z.string(), fromUnit: z.boolean() })),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

/** One activity of the report view: plan and figures with their bands, the unit's texts, what changed. */
export const ReviewActivitySchema = z.object({
  activityId: z.string(),
  /** The task's and the area's titles: names first, codes second (the rows carry the codes). */
  taskTitle: z.string(),
  areaTitle: z.string(),
  /** The consolidated rows of the activity (one per measure line), as in the central workbook. */
  rows: z.array(ConsolidatedRowSchema).min(1),
  entry: ReportEntrySchema.nullable(),
  /** The entry at `seenVersion` of the view; null when not reported then (or nothing seen before). */
  previous: ReportEntrySchema.nullable(),
  /** Changed since the version the reviewer last saw (false on a first look). */
  changed: z.boolean(),
});
export type ReviewActivity = z.infer<typeof ReviewActivitySchema>;

/**
 * GET /api/years/:year/units/:unit/review — the unit's report as a reviewer reads it. Opening it
 * records that this reviewer saw this version: accept and return require it.
 */
export const ReviewViewSchema = z.object({
  report: UnitReportSchema,
  orgUnitName: z.string(),
  /** The last version this reviewer opened before the current one; null: the first look. */
  seenVersion: z.number().int().nullable(),
  activities: z.array(ReviewActivitySchema),
  comments: z.array(ReviewCommentSchema),
  events: HistorySchema.shape.events,
  /** Versions MOPS saved on the unit's behalf, with the reason. */
  onBehalf: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string(), reason: z.string() })),
  policy: VariancePolicySchema,
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

/** POST …/comments/:id/resolve — no body: a reviewer settles an open comment (the unit's answer suffices). */
export const ResolveCommentRequestSchema = z.object({}).strict().default({});

export const REVIEW_PATHS = {
  view: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/review`,
  comments: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/comments`,
  replies: (year: number, unit: string, commentId: number) => `/api/years/${year}/units/${encodeURIComponent(unit)}/comments/${commentId}/replies`,
  resolve: (year: number, unit: string, commentId: number) => `/api/years/${year}/units/${encodeURIComponent(unit)}/comments/${commentId}/resolve`,
} as const;
