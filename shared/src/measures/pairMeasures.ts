/**
 * Pairing plan measures with actual measures, like with like: same kind; when a kind occurs once on
 * each side the two are paired whatever their qualifiers say (wording differs between the cells:
 * "objętych usługą asystenta rodziny" vs nothing); when it occurs several times, pairs are taken by
 * the best qualifier similarity first, and what is left stays unpaired.
 */
import type { ActualFigure, Measure, PlanMeasure } from './schema.ts';

/** One line of the comparison: a plan measure, an actual measure, or both. */
export interface MeasurePair {
  kind: string;
  plan?: Measure;
  actual?: Measure;
}

const STOPWORDS = new Set(['i', 'w', 'we', 'z', 'ze', 'na', 'do', 'dla', 'oraz', 'o', 'u', 'od', 'po', 'przez', 'lub', 'a', 'the']);

/** Rough stems of a qualifier's words: lower case, no diacritics, first 4 letters ("szkół"/"szkoły" → "szko"). */
export function qualifierStems(q: string | undefined): Set<string> {
  const words = (q ?? '')
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return new Set(words.map((w) => w.slice(0, 4)));
}

/** Similarity of two qualifiers in [0, 1] (Jaccard on stems); two empty qualifiers are identical (1). */
export function qualifierSimilarity(a: string | undefined, b: string | undefined): number {
  const sa = qualifierStems(a);
  const sb = qualifierStems(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

/** Pairs plan and actual measures; result in plan order, then actual-only measures in actual order. */
export function pairMeasures(plan: readonly Measure[], actual: readonly Measure[]): MeasurePair[] {
  const actualFor = new Map<number, number>();
  const kinds = new Set(plan.map((m) => m.kind));
  for (const kind of kinds) {
    const p = plan.flatMap((m, i) => (m.kind === kind ? [i] : []));
    const a = actual.flatMap((m, i) => (m.kind === kind ? [i] : []));
    if (p.length === 1 && a.length === 1) {
      actualFor.set(p[0]!, a[0]!);
      continue;
    }
    const candidates = p
      .flatMap((pi) => a.map((ai) => ({ pi, ai, score: qualifierSimilarity(plan[pi]!.qualifier, actual[ai]!.qualifier) })))
      .filter((c) => c.score > 0)
      // Best score first; ties keep document order so "600 … 800" pair with "442 … 810".
      .sort((x, y) => y.score - x.score || x.pi - y.pi || x.ai - y.ai);
    const usedA = new Set<number>();
    for (const c of candidates) {
      if (actualFor.has(c.pi) || usedA.has(c.ai)) continue;
      actualFor.set(c.pi, c.ai);
      usedA.add(c.ai);
    }
  }
  const pairedActual = new Set(actualFor.values());
  return [
    ...plan.map((m, i) => {
      const ai = actualFor.get(i);
      return ai === undefined ? { kind: m.kind, plan: m } : { kind: m.kind, plan: m, actual: actual[ai]! };
    }),
    ...actual.flatMap((m, i) => (pairedActual.has(i) ? [] : [{ kind: m.kind, actual: m }])),
  ];
}

/** A planned measure with the figures that answer it (none: no figure; several: parts, compared by their sum). */
export interface PlannedLine {
  plan: PlanMeasure;
  figures: ActualFigure[];
}

/** Plan measures with the figures answering them, and the figures beyond the plan. */
export interface FigurePairing {
  /** In plan order. */
  planned: PlannedLine[];
  /** Figures answering no planned measure („poza planem”), in report order. */
  extras: ActualFigure[];
}

/**
 * Pairs reported figures with planned measures. A figure that names its planned measure answers it;
 * one stated as beyond the plan (`planMeasureId: null`), or naming an id the plan lacks, is an extra.
 * Figures that state nothing (older reports) are paired with the planned measures left without a
 * figure by the lemma rule above (pairMeasures).
 */
export function pairFigures(plan: readonly PlanMeasure[], actual: readonly ActualFigure[]): FigurePairing {
  const byId = new Map(plan.map((p) => [p.id, { plan: p, figures: [] as ActualFigure[] }]));
  const extras = new Set<ActualFigure>();
  const unstated: ActualFigure[] = [];
  for (const f of actual) {
    if (f.planMeasureId === undefined) unstated.push(f);
    else if (f.planMeasureId !== null && byId.has(f.planMeasureId)) byId.get(f.planMeasureId)!.figures.push(f);
    else extras.add(f);
  }
  if (unstated.length > 0) {
    const open = plan.filter((p) => byId.get(p.id)!.figures.length === 0);
    for (const pair of pairMeasures(open, unstated)) {
      if (pair.plan && pair.actual) byId.get((pair.plan as PlanMeasure).id)!.figures.push(pair.actual as ActualFigure);
      else if (pair.actual) extras.add(pair.actual as ActualFigure);
    }
  }
  return { planned: [...byId.values()], extras: actual.filter((f) => extras.has(f)) };
}
