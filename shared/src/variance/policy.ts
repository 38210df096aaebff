import { z } from 'zod';

/** Variance bands a manager filters by. */
export const VarianceBandSchema = z.enum(['far_below', 'below', 'on_plan', 'far_above', 'not_realized', 'no_target']);
export type VarianceBand = z.infer<typeof VarianceBandSchema>;

/**
 * MOPS's thresholds on the execution ratio (actual / plan), in one place.
 * ratio < farBelow → far_below; < onPlanFrom → below; > farAboveOver → far_above; else on_plan.
 */
/** Highest threshold a workbook's settings sheet accepts (10 000 %), so the two never disagree. */
export const MAX_VARIANCE_THRESHOLD = 100;

const threshold = z.number().positive('próg musi być dodatni').max(MAX_VARIANCE_THRESHOLD, 'próg może wynosić najwyżej 10 000 %');

export const VariancePolicySchema = z
  .object({
    farBelow: threshold,
    onPlanFrom: threshold,
    farAboveOver: threshold,
  })
  .refine((p) => p.farBelow <= p.onPlanFrom && p.onPlanFrom <= 1 && p.farAboveOver >= 1, {
    error: 'progi muszą spełniać: daleko poniżej ≤ zgodnie od ≤ 100% ≤ daleko powyżej',
  });
export type VariancePolicy = z.infer<typeof VariancePolicySchema>;

export const DEFAULT_VARIANCE_POLICY: VariancePolicy = Object.freeze({ farBelow: 0.5, onPlanFrom: 0.9, farAboveOver: 1.5 });

/** Polish labels of the bands, for the UI and the workbook. */
export const VARIANCE_BAND_LABELS: Record<VarianceBand, string> = {
  far_below: 'znacznie poniżej planu',
  below: 'poniżej planu',
  on_plan: 'zgodnie z planem',
  far_above: 'znacznie powyżej planu',
  not_realized: 'niezrealizowane',
  no_target: 'brak celu',
};
