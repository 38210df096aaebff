import { z } from 'zod';
import { VariancePolicySchema } from '@pwr-sync/shared';

/** PUT /api/years/:year (admin): open/close a year, move its deadline, change its variance thresholds. */
export const UpdateYearRequestSchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w postaci RRRR-MM-DD').nullable().optional(),
  policy: VariancePolicySchema.optional(),
}).strict();
