/**
 * Data of the pane's chart "execution by area / unit": for each group, how many measures fall in
 * each variance band. Counts of bands rather than a sum of actual/plan, because an area's meetings,
 * participants and hours cannot be added up. Pure.
 */
import { BAND_ORDER, type ConsolidatedRow, type VarianceBand } from '@pwr-sync/shared';

export type ChartGrouping = 'area' | 'unit';

export interface ChartGroup {
  key: string;
  /** Rows with a band, per band. */
  counts: Partial<Record<VarianceBand, number>>;
  total: number;
  /** Share of rows with a ratio that are on or above plan (on_plan + far_above), 0..1; null without ratios. */
  onPlanShare: number | null;
}

export function executionByGroup(rows: readonly ConsolidatedRow[], by: ChartGrouping): ChartGroup[] {
  const groups = new Map<string, ChartGroup & { withRatio: number; good: number }>();
  for (const r of rows) {
    if (!r.band) continue;
    const key = by === 'area' ? r.area : r.reportingUnit;
    const g = groups.get(key) ?? { key, counts: {}, total: 0, onPlanShare: null, withRatio: 0, good: 0 };
    g.counts[r.band] = (g.counts[r.band] ?? 0) + 1;
    g.total += 1;
    if (r.ratio !== null) {
      g.withRatio += 1;
      if (r.band === 'on_plan' || r.band === 'far_above') g.good += 1;
    }
    groups.set(key, g);
  }
  // areas by their codes (whatever the program numbers them with), units by size
  return [...groups.values()]
    .sort((a, b) => (by === 'area' ? compareAreaCodes(a.key, b.key) : b.total - a.total || a.key.localeCompare(b.key, 'pl')))
    .map(({ withRatio, good, ...g }) => ({ ...g, onPlanShare: withRatio ? good / withRatio : null }));
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral's value ("IV" → 4), or null for another code. */
function romanValue(code: string): number | null {
  if (!/^[IVXLC]+$/.test(code)) return null;
  let total = 0;
  for (let i = 0; i < code.length; i++) {
    const v = ROMAN[code[i]!]!;
    const next = ROMAN[code[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Area codes in reading order: Roman numerals by value (I, II, …, IX, X), others as numbers and text. */
export function compareAreaCodes(a: string, b: string): number {
  const [ra, rb] = [romanValue(a), romanValue(b)];
  if (ra !== null && rb !== null) return ra - rb;
  return a.localeCompare(b, 'pl', { numeric: true });
}

/** Bands in legend order that occur in the groups. */
export function bandsPresent(groups: readonly ChartGroup[]): VarianceBand[] {
  return BAND_ORDER.filter((b) => groups.some((g) => (g.counts[b] ?? 0) > 0));
}

/**
 * A label broken into lines of at most `width` characters at spaces (a longer word is cut), at most
 * `lines` lines; the last ends with "…" when the text did not fit. SVG text does not wrap by itself.
 */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.length > width ? `${words[i]!.slice(0, width - 1)}…` : words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) { line = next; continue; }
    out.push(line);
    line = word;
    if (out.length === lines) {
      const last = out[lines - 1]!;
      out[lines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
      return out;
    }
  }
  if (line) out.push(line);
  return out;
}
