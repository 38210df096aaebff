import { z } from 'zod';
import { AreaCodeSchema, ConsolidatedQuerySchema, ReportStatusSchema, TaskCodeSchema, OrgUnitCodeSchema, VarianceBandSchema, type ConsolidatedFilter } from '@pwr-sync/shared';

const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(item).min(1));

/** ConsolidatedQuerySchema with its comma-separated lists checked value by value. */
export const ConsolidatedFilterSchema = ConsolidatedQuerySchema.extend({
  area: list(AreaCodeSchema).optional(),
  task: list(TaskCodeSchema).optional(),
  unit: list(OrgUnitCodeSchema).optional(),
  band: list(z.union([VarianceBandSchema, z.literal('none')])).optional(),
  status: list(z.union([ReportStatusSchema, z.literal('none')])).optional(),
}).strict();

export function toFilter(q: z.infer<typeof ConsolidatedFilterSchema>): ConsolidatedFilter {
  const f: ConsolidatedFilter = {};
  if (q.area) f.areas = q.area;
  if (q.task) f.tasks = q.task;
  if (q.unit) f.units = q.unit;
  if (q.band) f.bands = q.band;
  if (q.status) f.statuses = q.status;
  if (q.ratioBelow !== undefined) f.ratioBelow = q.ratioBelow;
  if (q.ratioAbove !== undefined) f.ratioAbove = q.ratioAbove;
  if (q.withMoney) f.withMoney = q.withMoney === 'true';
  return f;
}
