import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';

/** What sort of organisation an org unit is; `group` is a generic group ("organizacje pozarządowe") that never reports itself. */
export const OrgUnitKindSchema = z.enum(['mops', 'city-office', 'municipal-unit', 'culture', 'education', 'health', 'other', 'group']);
export type OrgUnitKind = z.infer<typeof OrgUnitKindSchema>;

/** Stable org unit code: MOPS cell codes as MOPS writes them ("MOPS/PRZ/08"), acronyms elsewhere ("NCK", "GRP-NGO"). */
export const OrgUnitCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9/-]{0,31}$/, MSG.schema.orgUnitCode);
export type OrgUnitCode = z.infer<typeof OrgUnitCodeSchema>;

/** An organisational unit (komórka/jednostka) responsible for activities. */
export const OrgUnitSchema = z.object({
  code: OrgUnitCodeSchema,
  /** Full Polish name. */
  name: z.string().min(1),
  kind: OrgUnitKindSchema,
  /** Other spellings of the name in source documents, used when importing them. */
  aliases: z.array(z.string()).default([]),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;
