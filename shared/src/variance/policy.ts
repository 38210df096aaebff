import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';

/**
 * Variance bands a manager filters by. `no_data` („brak danych”): a planned measure for which no
 * figure was reported although the activity was — no ratio, no difference, never below plan.
 */
export const VarianceBandSchema = z.enum(['far_below', 'below', 'on_plan', 'far_above', 'not_realized', 'no_target', 'no_data']);
export type VarianceBand = z.infer<typeof VarianceBandSchema>;

/**
 * MOPS's thresholds on the execution ratio (actual / plan), in one place.
 * ratio < farBelow → far_below; < onPlanFrom → below; > farAboveOver → far_above; else on_plan.
 */
/** Highest threshold a workbook's settings sheet accepts (10 000 %), so the two never disagree. */
export const MAX_VARIANCE_THRESHOLD = 100;

const threshold = z.number().positive(MSG.schema.thresholdPositive).max(MAX_VARIANCE_THRESHOLD, MSG.schema.thresholdMax);

export const VariancePolicySchema = z
  .object({
    farBelow: threshold,
    onPlanFrom: threshold,
    farAboveOver: threshold,
  })
  .refine((p) => p.farBelow <= p.onPlanFrom && p.onPlanFrom <= 1 && p.farAboveOver >= 1, {
    error: MSG.schema.thresholdOrder,
  });
export type VariancePolicy = z.infer<typeof VariancePolicySchema>;

export const DEFAULT_VARIANCE_POLICY: VariancePolicy = Object.freeze({ farBelow: 0.5, onPlanFrom: 0.9, farAboveOver: 1.5 });

/** Polish labels of the bands, for the UI and the workbook. */
export const VARIANCE_BAND_LABELS: Record<VarianceBand, string> = MSG.labels.varianceBand;
