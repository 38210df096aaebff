/**
 * What a row of the unit sheet (and the template) is with respect to the plan: its hidden key (column
 * `measureKey`) and its visible „Względem planu” cell (column `lineRole`). Written by buildSheetRows,
 * read by readSheetRows — one encoding for the add-in's sheet, the template and the upload.
 *
 * Hidden keys:
 *   "1"              planned measure 1: its figure (the sum of its parts when it is given in parts)
 *   "1~c2"           the 2nd part of the figure answering planned measure 1
 *   "+uczestnik|x"   a figure beyond the plan
 *   "<key>~w1"       the 1st „w tym” subset of the line <key>
 *   "+"              an empty line of the template: its „Względem planu” cell says what it is
 *
 * The visible cell of an empty line names its target in words („część: 300 uczestników”,
 * „w tym: 300 uczestników”), from the list the template offers (lineChoices), so nothing is guessed.
 */
import { formatMeasure } from '../measures/formatMeasure.ts';
import { measureKindDef } from '../measures/kinds.ts';
import type { Measure, PlanMeasure } from '../measures/schema.ts';
import { MSG } from '../messages/catalogue.ts';

/** measureKey prefix of a measure the unit added beyond the plan. */
export const EXTRA_MEASURE_PREFIX = '+';

export type SheetLineKey =
  | { role: 'planned'; planMeasureId: string }
  | { role: 'part'; planMeasureId: string; index: number }
  | { role: 'extra'; key: string }
  | { role: 'subset'; parentKey: string; index: number }
  /** an empty line ('+') or a row without a key: the visible cell decides */
  | { role: 'open' }
  /** the kind's name, from a sheet prepared before measures had ids: paired by the lemma rule */
  | { role: 'legacy' };

export const partKey = (planMeasureId: string, index: number): string => `${planMeasureId}~c${index}`;
export const subsetKey = (parentKey: string, index: number): string => `${parentKey}~w${index}`;

/** Reads a hidden key; `planIds` are the ids of the activity's planned measures. */
export function parseLineKey(key: string, planIds: ReadonlySet<string>): SheetLineKey {
  const subset = /^(.+)~w(\d+)$/.exec(key);
  if (subset) return { role: 'subset', parentKey: subset[1]!, index: Number(subset[2]) };
  const part = /^(.+)~c(\d+)$/.exec(key);
  if (part && planIds.has(part[1]!)) return { role: 'part', planMeasureId: part[1]!, index: Number(part[2]) };
  if (planIds.has(key)) return { role: 'planned', planMeasureId: key };
  if (key === '' || key === EXTRA_MEASURE_PREFIX) return { role: 'open' };
  if (key.startsWith(EXTRA_MEASURE_PREFIX)) return { role: 'extra', key };
  return { role: 'legacy' };
}

const ROLE = MSG.sheetLines;

/** A planned measure as an empty line's cell names it: „300 uczestników zajęć”. */
export const plannedTarget = (m: Pick<PlanMeasure, 'kind' | 'value' | 'qualifier'>): string => formatMeasure(m);
/** A figure beyond the plan as a „w tym” line names it: „uczestnicy – warsztaty” (its value may change). */
export const extraTarget = (m: Pick<Measure, 'kind' | 'qualifier'>): string => ROLE.extraTarget(measureKindDef(m.kind)?.label ?? m.kind, m.qualifier);

/** The visible „Względem planu” text of a planned line, an extra, a part of `target`, a subset of `target`. */
export const lineRoleText = {
  planned: (): string => ROLE.planned,
  extra: (): string => ROLE.extra,
  part: (target: string): string => ROLE.partOf(target),
  subset: (target: string): string => ROLE.subsetOf(target),
};

/**
 * What the template offers on an activity's empty lines: a figure beyond the plan, a part of a
 * planned measure, a „w tym” of a planned measure or of a figure beyond the plan.
 */
export function lineChoices(planMeasures: readonly PlanMeasure[], extras: readonly Pick<Measure, 'kind' | 'qualifier'>[]): string[] {
  return [
    ROLE.extra,
    ...planMeasures.map((m) => ROLE.partOf(plannedTarget(m))),
    ...planMeasures.map((m) => ROLE.subsetOf(plannedTarget(m))),
    ...extras.map((m) => ROLE.subsetOf(extraTarget(m))),
  ];
}

/** Case, no-break spaces, runs of spaces and dash variants do not matter when the cell is compared. */
export const normaliseRoleText = (s: string): string =>
  s.toLocaleLowerCase('pl').replace(/[\u00a0\u202f\s]+/g, ' ').replace(/[–—]/g, '-').replace(/\s*:\s*/, ': ').trim();

/** What an open line's cell asks for: an extra, a part of a target, or a „w tym” of a target (targets normalised). */
export type OpenLineRole = { role: 'extra' } | { role: 'part'; target: string } | { role: 'subset'; target: string } | { role: 'unknown' };

export function parseRoleText(text: string): OpenLineRole {
  const t = normaliseRoleText(text);
  if (t === '' || t === normaliseRoleText(ROLE.extra)) return { role: 'extra' };
  const part = normaliseRoleText(ROLE.partOf(''));
  const subset = normaliseRoleText(ROLE.subsetOf(''));
  if (t.startsWith(part) && t.length > part.length) return { role: 'part', target: t.slice(part.length).trim() };
  if (t.startsWith(subset) && t.length > subset.length) return { role: 'subset', target: t.slice(subset.length).trim() };
  return { role: 'unknown' };
}
