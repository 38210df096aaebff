/**
 * Applies a report's reviewed pairing decisions (pairingFormat.ts) to its parsed figures: each figure
 * gets the planned measure it answers or is stated as beyond the plan, and „w tym” figures move under
 * their total. Pure; every decision that does not fit the cells is reported, nothing is guessed.
 */
import { parseIndicatorText, withPlanMeasureIds, type ActualFigure, type Measure, type PlanMeasure } from '@pwr-sync/shared';
import type { ActivityPairing } from './pairingFormat.ts';

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * The index, among `measures` parsed from `cell`, of the figure an excerpt names: the excerpt's
 * first measure (same kind and value), and among equal ones the one at the excerpt's place in the cell.
 */
export function figureIndex(cell: string, measures: readonly Measure[], excerpt: string, role: 'plan' | 'actual', year: number): number | string {
  const text = squash(cell);
  const at = text.indexOf(squash(excerpt));
  if (at < 0) return `„${excerpt}” nie występuje w komórce`;
  if (text.indexOf(squash(excerpt), at + 1) >= 0) return `„${excerpt}” występuje w komórce więcej niż raz`;
  const named = parseIndicatorText(excerpt, { role, year }).measures[0];
  if (!named) return `w „${excerpt}” nie ma miary`;
  const same = measures.flatMap((m, i) => (m.kind === named.kind && m.value === named.value ? [i] : []));
  if (same.length === 0) return `„${excerpt}” (${named.value} ${named.kind}) nie jest wśród odczytanych miar`;
  // Equal figures in one cell: the n-th one whose excerpt-start comes before ours.
  const before = parseIndicatorText(text.slice(0, at), { role, year }).measures.filter((m) => m.kind === named.kind && m.value === named.value).length;
  return same[Math.min(before, same.length - 1)]!;
}

export interface PairedReport {
  planMeasures: PlanMeasure[];
  figures: ActualFigure[];
  problems: string[];
}

/** Pairs one report's figures by its decisions; without decisions every figure is an extra. */
export function applyPairing(
  input: { planText: string; planMeasures: Measure[]; actualText: string; figures: Measure[]; year: number },
  decision: ActivityPairing | undefined,
): PairedReport {
  const planMeasures = withPlanMeasureIds(input.planMeasures);
  const problems: string[] = [];
  const answers = new Map<number, string>();
  const subsetOf = new Map<number, number>();
  const covered = new Set<string>();
  const used = (i: number) => answers.has(i) || subsetOf.has(i);

  for (const d of decision?.measures ?? []) {
    const planned = planMeasures.find((m) => m.id === d.planMeasureId);
    if (!planned) { problems.push(`miara planu ${d.planMeasureId} nie istnieje`); continue; }
    if (covered.has(d.planMeasureId)) problems.push(`miara planu ${d.planMeasureId} ma dwie decyzje`);
    covered.add(d.planMeasureId);
    const p = figureIndex(input.planText, input.planMeasures, d.plan, 'plan', input.year);
    if (p !== planMeasures.indexOf(planned)) problems.push(`plan „${d.plan}” nie wskazuje miary ${d.planMeasureId}${typeof p === 'string' ? `: ${p}` : ''}`);
    for (const excerpt of d.answer) {
      const i = figureIndex(input.actualText, input.figures, excerpt, 'actual', input.year);
      if (typeof i === 'string') { problems.push(i); continue; }
      if (used(i)) problems.push(`„${excerpt}” przypisano dwa razy`);
      answers.set(i, d.planMeasureId);
    }
  }
  for (const m of planMeasures) if (decision && !covered.has(m.id)) problems.push(`brak decyzji dla miary planu ${m.id} („${m.value} ${m.kind}”)`);
  for (const s of decision?.subsets ?? []) {
    const i = figureIndex(input.actualText, input.figures, s.figure, 'actual', input.year);
    const of = figureIndex(input.actualText, input.figures, s.of, 'actual', input.year);
    if (typeof i === 'string' || typeof of === 'string') { problems.push(String(typeof i === 'string' ? i : of)); continue; }
    if (used(i)) problems.push(`„${s.figure}” przypisano dwa razy`);
    subsetOf.set(i, of);
  }
  if (!decision && planMeasures.length > 0) problems.push('brak decyzji o parowaniu dla działania z miarami planu');

  const figures: ActualFigure[] = [];
  const placed = new Map<number, ActualFigure>();
  input.figures.forEach((m, i) => {
    if (subsetOf.has(i)) return;
    const f: ActualFigure = { ...m, planMeasureId: answers.get(i) ?? null };
    placed.set(i, f);
    figures.push(f);
  });
  for (const [i, of] of subsetOf) {
    const total = placed.get(of);
    if (!total) { problems.push(`całość dla „w tym” ${input.figures[i]!.value} sama jest „w tym”`); continue; }
    total.subsets = [...(total.subsets ?? []), input.figures[i]!];
  }
  return { planMeasures, figures, problems };
}
