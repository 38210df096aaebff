import { z } from 'zod';
import { IsoDateSchema, VariancePolicySchema } from '@pwr-sync/shared';

/**
 * PUT /api/years/:year (admin): move a year's deadlines, change its variance thresholds. The phase
 * moves only through POST /api/years/:year/phase (audited), never here.
 */
export const UpdateYearRequestSchema = z.object({
  deadline: IsoDateSchema.nullable().optional(),
  planningDeadline: IsoDateSchema.nullable().optional(),
  policy: VariancePolicySchema.optional(),
}).strict();
