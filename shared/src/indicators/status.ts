/**
 * Reading the status of an actual cell and the kind of a plan cell from their wording, as the
 * 2024 report phrases them (see docs/domain.md).
 */
import type { PlanKind, ReportStatus } from '../report/schema.ts';

/** "przedsięwzięcie / wydarzenie / działanie włączone do Programu w 2022 roku" → 2022. */
const NEW_ACTIVITY = /włączon\p{L}*\s+do\s+programu\s+w\s+(\d{4})/iu;

const NOT_REALIZED = [
  /\bnie\s+(?:był[aoy]?|były|został[aoy]?|zostały|jest|są)?\s*(?:z?realizowan|organizowan|zorganizowan|przeprowadzon|prowadzon)/iu,
  /\bnie\s+(?:zrealizowano|zorganizowano|przeprowadzono|odbył|odbyło|odbyła|odbyły)/iu,
  /\bniezrealizowan/iu,
];
const CANCELLED = /\bodwołan/iu;
const ENDED = /\bzakończon|\bzakończono/iu;
const ELSEWHERE = /(?:realizowan\p{L}*|zrealizowan\p{L}*|prowadzon\p{L}*|zrealizowano)\s+(?:(?:jest|są|było|były|został[aoy]?)\s+)?w\s+ramach\s+\S/iu;

/** The year an activity joined the program, when the plan cell says so. */
export function newActivityYear(planText: string): number | undefined {
  const m = NEW_ACTIVITY.exec(planText);
  return m ? Number(m[1]) : undefined;
}

/** Kind of a plan cell: measures → target; "włączone do Programu w …" → new_activity; else descriptive. */
export function planKindOf(planText: string, measureCount: number): PlanKind {
  if (measureCount > 0) return 'target';
  return newActivityYear(planText) !== undefined ? 'new_activity' : 'descriptive';
}

/**
 * Status of an actual cell. Any measure makes it `realized` (a cell with figures and a remark such as
 * "zajęcia zrealizowano w ramach Klubu Rodzica" is still a report with figures); without measures the
 * wording decides, in the order cancelled, not realized, ended, realized elsewhere; other text is
 * `ongoing`; an empty cell is `null` (not filled in).
 */
export function statusOf(actualText: string, measureCount: number): ReportStatus | null {
  if (measureCount > 0) return 'realized';
  const t = actualText.trim();
  if (t === '') return null;
  if (CANCELLED.test(t)) return 'cancelled';
  if (NOT_REALIZED.some((re) => re.test(t))) return 'not_realized';
  if (ENDED.test(t)) return 'ended';
  if (ELSEWHERE.test(t)) return 'realized_elsewhere';
  return 'ongoing';
}
