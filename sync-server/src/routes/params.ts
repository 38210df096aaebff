import { z } from 'zod';
import { OrgUnitCodeSchema, PlNumberParamSchema } from '@pwr-sync/shared';

/** `:year` of every per-year path. */
export const YearParamsSchema = z.object({ year: PlNumberParamSchema.pipe(z.number().int().min(2000).max(2100)) });
/** `:year` and `:unit` (the unit code, URL-encoded: "MOPS%2FPRZ%2F08"). */
export const UnitParamsSchema = YearParamsSchema.extend({ unit: OrgUnitCodeSchema });
export type UnitParams = z.infer<typeof UnitParamsSchema>;
