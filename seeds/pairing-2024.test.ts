/**
 * The 2024 pairing decisions (seeds/2024/pairing.json) against the source document and the seed:
 * every planned measure has one decision, every decision can be checked in its source lines, and the
 * imported reports hold exactly what the decisions say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolidateRows, pairMeasures, parseIndicatorText } from '@pwr-sync/shared';
import { loadSeed, SEEDS_DIR } from './index.ts';
import { PairingFileSchema } from './tools/pairingFormat.ts';

const seed = loadSeed();
const pairing = PairingFileSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, '2024', 'pairing.json'), 'utf8')));
const sourceLines = readFileSync(join(SEEDS_DIR, '2024', 'source', pairing.source), 'utf8').split('\n');
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');
const reportOf = (id: string) => seed.reports.find((r) => r.activityId === id)!;
const figureOf = (excerpt: string) => parseIndicatorText(excerpt, { role: 'actual', year: 2024 }).measures[0]!;
const decisions = pairing.activities.flatMap((a) => a.measures.map((m) => ({ activity: a, ...m })));

describe('2024 pairing decisions', () => {
  it('cover every planned measure of the year exactly once', () => {
    const planned = seed.reports.flatMap((r) => (r.plan.kind === 'target' ? r.plan.measures.map((m) => `${r.activityId}#${m.id}`) : []));
    const decided = decisions.map((d) => `${d.activity.activityId}#${d.planMeasureId}`);
    expect(decided.sort()).toEqual(planned.sort());
    expect(planned).toHaveLength(261);
  });

  it('can each be checked against the source lines they cite: plan and figures are written there', () => {
    const missing: string[] = [];
    for (const a of pairing.activities) {
      const [from, to] = a.lines;
      const text = squash(sourceLines.slice(from - 1, to).join('\n'));
      const excerpts = [...a.measures.flatMap((m) => [m.plan, ...m.answer]), ...(a.subsets ?? []).flatMap((s) => [s.figure, s.of])];
      for (const e of excerpts) if (!text.includes(squash(e))) missing.push(`${a.activityId} (${from}–${to}): ${e}`);
      expect(reportOf(a.activityId).source.lines, a.activityId).toEqual(a.lines);
    }
    expect(missing).toEqual([]);
  });

  it('say why when no figure answers, and mark the ambiguous ones „do sprawdzenia”', () => {
    const brak = decisions.filter((d) => d.answer.length === 0);
    expect(brak.every((d) => (d.reason ?? '').length > 10)).toBe(true);
    expect(brak.filter((d) => d.basis === 'status').every((d) => seed.reports.find((r) => r.activityId === d.activity.activityId)!.status !== 'realized')).toBe(true);
    const toCheck = decisions.filter((d) => d.review === 'do sprawdzenia').map((d) => `${d.activity.activityId}#${d.planMeasureId}`);
    expect(toCheck).toContain('I.3.2-17#1');
    expect(toCheck.length).toBeGreaterThan(0);
  });

  it('pair the plain cases as the shared lemma rule does', () => {
    for (const d of decisions.filter((x) => x.basis === 'lemma')) {
      const r = reportOf(d.activity.activityId);
      const lemma = pairMeasures(r.plan.measures, r.actual.measures.map(({ kind, qualifier, value }) => ({ kind, value, ...(qualifier ? { qualifier } : {}) })));
      const pair = lemma.find((p) => p.plan && (p.plan as { id?: string }).id === d.planMeasureId);
      expect(pair?.actual?.value, `${d.activity.activityId} #${d.planMeasureId}`).toBe(figureOf(d.answer[0]!).value);
    }
  });

  it('are what the importer stored, row by row: the figures answering each planned measure, the extras and the subsets', () => {
    const differences: string[] = [];
    for (const d of decisions) {
      const r = reportOf(d.activity.activityId);
      const stored = r.actual.measures.filter((f) => f.planMeasureId === d.planMeasureId).map((f) => [f.kind, f.value]);
      const decided = d.answer.map((e) => figureOf(e)).map((f) => [f.kind, f.value]);
      if (JSON.stringify(stored) !== JSON.stringify(decided)) differences.push(`${r.activityId} #${d.planMeasureId}: ${JSON.stringify(stored)} ≠ ${JSON.stringify(decided)}`);
    }
    for (const a of pairing.activities) {
      const r = reportOf(a.activityId);
      for (const s of a.subsets ?? []) {
        const total = figureOf(s.of);
        const sub = figureOf(s.figure);
        const holder = r.actual.measures.filter((f) => f.kind === total.kind && f.value === total.value && f.subsets?.some((x) => x.kind === sub.kind && x.value === sub.value));
        if (holder.length !== 1) differences.push(`${a.activityId}: „w tym” ${s.figure} nie jest pod ${s.of}`);
      }
    }
    expect(differences).toEqual([]);
    // every figure states its pairing: answering a planned measure, or beyond the plan
    expect(seed.reports.flatMap((r) => r.actual.measures.filter((f) => f.planMeasureId === undefined))).toEqual([]);
    const answered = new Set(decisions.flatMap((d) => d.answer.length ? [`${d.activity.activityId}#${d.planMeasureId}`] : []));
    for (const r of seed.reports) for (const f of r.actual.measures) if (f.planMeasureId) expect(answered.has(`${r.activityId}#${f.planMeasureId}`)).toBe(true);
  });

  it('pin the rows the issue named', () => {
    const answer = (id: string, m: string) => reportOf(id).actual.measures.filter((f) => f.planMeasureId === m).map((f) => f.value);
    expect(answer('I.2.2-03', '1')).toEqual([25]); // „24 zajęcia” ← „25 kursów/zajęć/warsztatów”
    expect(answer('I.3.2-17', '2')).toEqual([527]); // not the 490 at the picnic
    expect(answer('I.3.4-09', '1')).toEqual([5000]);
    expect([answer('IV.2-01', '2'), answer('IV.2-01', '3')]).toEqual([[28], [50]]);
    expect(answer('II.2-11', '1')).toEqual([1287]); // compared with the total, not the „w tym” 449
    expect([answer('I.2.2-05', '1'), answer('I.2.2-05', '2')]).toEqual([[], [679]]); // 679 posts in schools answer the 440, not the 232
    // II.2-12's „w tym” figures sit under their totals, so the children add up to 2 006, not 4 012
    const children = reportOf('II.2-12').actual.measures.filter((f) => f.kind === 'dziecko');
    expect(children.map((f) => [f.value, f.subsets?.map((s) => s.value)])).toEqual([[2006, [547, 1459]]]);
  });

  it('leave no planned measure without a figure banded below plan in the consolidated year', () => {
    const rows = consolidateRows({
      year: 2024, program: seed.program, plans: new Map(seed.plans.map((p) => [p.activityId, p.plan])),
      reports: [...new Set(seed.reports.map((r) => r.orgUnitCode))].map((unit) => ({
        orgUnitCode: unit, version: 1, savedAt: null, savedBy: null, entries: seed.reports.filter((r) => r.orgUnitCode === unit),
      })),
    });
    const planned = rows.filter((r) => r.lineRole === 'planned');
    expect(planned).toHaveLength(261);
    expect(planned.filter((r) => r.actual === null && r.band !== null && ['far_below', 'below'].includes(r.band))).toEqual([]);
    const noFigure = decisions.filter((d) => d.answer.length === 0 && d.basis !== 'status').length;
    expect(planned.filter((r) => r.band === 'no_data')).toHaveLength(noFigure);
  });
});

describe('2024 activity names', () => {
  it('join words the source hyphenates at a line end, and keep a hyphen the source spaces mid-line', () => {
    const names = seed.program.activities.map((a) => a.name).join('\n');
    expect(names).toContain('Poradnie Psychologiczno-Pedagogiczne');
    expect(names).toContain('Hip-hop');
    expect(names).toContain('muzyczno-instrumentalnych');
    expect(names).not.toMatch(/Psychologiczno- |Hip- hop|muzyczno- /);
    expect(names).toContain('połkolonii- warsztaty'); // line 1739 of the source writes it so
  });
});
