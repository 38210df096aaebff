/**
 * The plan template's sheet: one row per planned measure of an activity, a few empty rows under
 * each activity for more measures. The unit's own template and MOPS's sheet of plans for many units
 * share it (the unit column tells whose row it is). Last year's plan and figures stand read-only
 * beside the inputs; headers carry the years, so the reader asks for the headers of the file's year.
 */
import { MSG } from '../messages/catalogue.ts';

export type PlanSheetColumnKey =
  | 'orgUnitCode' | 'activityId' | 'activityName' | 'previousPlan' | 'previousActual'
  | 'kind' | 'qualifier' | 'value' | 'description' | 'formFew' | 'formMany' | 'measureId';

export interface PlanSheetColumn {
  key: PlanSheetColumnKey;
  header: string;
  /** Approximate width in characters. */
  width: number;
  /** The unit types here; every other column is protected. */
  input: boolean;
  /** Only read on an activity's first row. */
  activityLevel?: boolean;
  /** Wrapped text. */
  wrap?: boolean;
  hidden?: boolean;
}

export const PLAN_SHEET_NAME = 'Plan';

/** Empty rows under an activity's measures, for new ones (at least this many rows an activity). */
export const PLAN_SPARE_ROWS = 2;
export const PLAN_MIN_ROWS = 3;

/** Column order of the plan sheet for a year's plan (headers name last year). */
export function planSheetColumns(year: number): readonly PlanSheetColumn[] {
  const H = MSG.plan.template.columns;
  return [
    { key: 'orgUnitCode', header: H.orgUnitCode, width: 13, input: false },
    { key: 'activityId', header: H.activityId, width: 11, input: false },
    { key: 'activityName', header: H.activityName, width: 42, input: false, wrap: true },
    { key: 'previousPlan', header: H.previousPlan(year - 1), width: 26, input: false, wrap: true },
    { key: 'previousActual', header: H.previousActual(year - 1), width: 26, input: false, wrap: true },
    { key: 'kind', header: H.kind, width: 18, input: true },
    { key: 'qualifier', header: H.qualifier, width: 20, input: true, wrap: true },
    { key: 'value', header: H.value(year), width: 11, input: true },
    { key: 'description', header: H.description, width: 34, input: true, activityLevel: true, wrap: true },
    { key: 'formFew', header: H.formFew, width: 16, input: true },
    { key: 'formMany', header: H.formMany, width: 16, input: true },
    { key: 'measureId', header: H.measureId, width: 8, input: false, hidden: true },
  ];
}

/** The sheet's columns in order, as a signature stored in the file (a layout change is detected). */
export const planLayoutSignature = (): string => planSheetColumns(0).map((c) => c.key).join(',');
