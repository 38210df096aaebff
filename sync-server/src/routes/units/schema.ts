import { z } from 'zod';
import { MSG } from '@pwr-sync/shared';
import { UnitParamsSchema } from '../params.ts';

/** POST …/submit — optional: the version the unit reviewed; a newer stored one → 409. */
export const SubmitRequestSchema = z.object({ version: z.number().int().nonnegative().optional() }).strict().default({});
/** POST …/reopen — a note shown to the unit; the reason, required when reopening an accepted report. */
export const ReopenRequestSchema = z.object({ comment: z.string().trim().max(2000, MSG.schema.reopenNoteTooLong(2000)).optional() }).strict().default({});
/** POST …/accept — optional: the version the reviewer has in front of them; another stored one → 409 naming both. */
export const AcceptRequestSchema = z.object({ version: z.number().int().nonnegative().optional() }).strict().default({});
/** POST …/plan/accept — no body (a plan is accepted as it stands). */
export const PlanAcceptRequestSchema = z.object({}).strict().default({});
/** `Idempotency-Key` header: 8–200 visible ASCII characters (a UUID is typical). */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{8,200}$/, MSG.schema.idempotencyKey);
/** `:comment` of …/comments/:comment/replies: a review comment's number. */
export const CommentParamsSchema = UnitParamsSchema.extend({ comment: z.coerce.number().int().positive().max(2 ** 53) });
