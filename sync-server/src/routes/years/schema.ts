import { z } from 'zod';
import { VariancePolicySchema } from '@pwr-sync/shared';

/** PUT /api/years/:year (admin): open/close a year, move its deadline, change its variance thresholds. */
export const UpdateYearRequestSchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  deadline: z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'data w postaci RRRR-MM-DD')
    // a real calendar day: 2025-02-30 would roll over to March in Date
    .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'nie ma takiego dnia w kalendarzu')
    .nullable().optional(),
  policy: VariancePolicySchema.optional(),
}).strict();
