import { describe, expect, it } from 'vitest';
import { withPlanMeasureIds, type ActualFigure, type Measure } from '../measures/schema.ts';
import type { Plan, ReportStatus } from '../report/schema.ts';
import { bandOfRatio, computeVariance } from './computeVariance.ts';
import { DEFAULT_VARIANCE_POLICY, type VariancePolicy } from './policy.ts';

const m = (value: number, kind: string, qualifier?: string): Measure => (qualifier ? { kind, value, qualifier } : { kind, value });
const target = (...measures: Measure[]): Plan => ({ kind: 'target', measures: withPlanMeasureIds(measures) });
const run = (plan: Plan, actual: ActualFigure[], status: ReportStatus | null = 'realized', policy?: VariancePolicy) =>
  computeVariance({ plan, actual: { measures: actual }, status }, policy);

describe('bandOfRatio', () => {
  const p = DEFAULT_VARIANCE_POLICY;
  it.each([
    [0, 'far_below'],
    [p.farBelow - 0.0001, 'far_below'],
    [p.farBelow, 'below'],
    [p.onPlanFrom - 0.0001, 'below'],
    [p.onPlanFrom, 'on_plan'],
    [1, 'on_plan'],
    [p.farAboveOver, 'on_plan'],
    [p.farAboveOver + 0.0001, 'far_above'],
  ])('%d → %s (default policy)', (ratio, band) => {
    expect(bandOfRatio(ratio, p)).toBe(band);
  });

  it('follows the policy object, not literals', () => {
    const strict = { farBelow: 0.8, onPlanFrom: 0.95, farAboveOver: 1.1 };
    expect(bandOfRatio(0.7, strict)).toBe('far_below');
    expect(bandOfRatio(0.9, strict)).toBe('below');
    expect(bandOfRatio(1.2, strict)).toBe('far_above');
    expect(bandOfRatio(0.7)).toBe('below');
  });
});

describe('computeVariance', () => {
  it('I.1-01: 10 801 of 10 900 services', () => {
    const [v, ...rest] = run(target(m(10900, 'usługa', 'poradnictwa rodzinnego i terapii')), [m(10801, 'usługa', 'poradnictwa rodzinnego i terapii')]);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ kind: 'usługa', plan: 10900, actual: 10801, difference: -99, band: 'on_plan' });
    expect(v!.ratio).toBeCloseTo(0.9909, 4);
  });

  it('per measure kind: meetings 4/20, participants 82/200', () => {
    const rows = run(target(m(20, 'spotkanie'), m(200, 'uczestnik')), [m(82, 'uczestnik'), m(4, 'spotkanie')]);
    expect(rows.map((r) => [r.kind, r.plan, r.actual, r.ratio, r.band])).toEqual([
      ['spotkanie', 20, 4, 0.2, 'far_below'],
      ['uczestnik', 200, 82, 0.41, 'far_below'],
    ]);
  });

  it('pairs a kind occurring once on each side whatever the qualifiers say', () => {
    const [v] = run(target(m(605, 'rodzina', 'objętych usługą asystenta rodziny')), [m(716, 'rodzina')]);
    expect(v).toMatchObject({ plan: 605, actual: 716, qualifier: 'objętych usługą asystenta rodziny' });
  });

  it('pairs repeated kinds by qualifier similarity; leftovers stay unpaired', () => {
    const plan = target(
      m(31, 'szkoła', 'realizujących dodatkowe godziny nauki języka angielskiego'),
      m(9, 'szkoła', 'zajęcia szachowe'),
      m(22, 'szkoła', 'inne zajęcia pozalekcyjne'),
      m(5, 'szkoła', 'sportowe'),
    );
    const rows = run(plan, [
      m(81, 'szkoła', 'realizujących dodatkowe inne zajęcia pozalekcyjne'),
      m(104, 'szkoła', 'realizujące dodatkowe godziny nauki języka angielskiego'),
      m(22, 'szkoła', 'realizujące dodatkowe zajęcia szachowe'),
    ]);
    expect(rows.map((r) => [r.plan, r.actual])).toEqual([[31, 104], [9, 22], [22, 81], [5, null]]);
  });

  it('an actual measure the plan lacks has no target', () => {
    const rows = run(target(m(10, 'spektakl')), [m(20, 'spektakl'), m(6500, 'uczestnik')]);
    expect(rows[1]).toEqual({ role: 'extra', kind: 'uczestnik', plan: null, actual: 6500, difference: null, ratio: null, band: 'no_target' });
    expect(rows[0]).toMatchObject({ ratio: 2, band: 'far_above', difference: 10 });
  });

  it.each(['new_activity', 'descriptive'] as const)('a %s plan gives no_target to every actual measure', (kind) => {
    const rows = run({ kind, measures: [], sinceYear: 2024 }, [m(4, 'spotkanie')]);
    expect(rows).toEqual([{ role: 'extra', kind: 'spotkanie', plan: null, actual: 4, difference: null, ratio: null, band: 'no_target' }]);
  });

  it.each(['not_realized', 'cancelled', 'ended', 'realized_elsewhere'] as const)('plan measure without actual under %s → not_realized', (status) => {
    expect(run(target(m(5, 'spotkanie')), [], status)).toEqual([
      { role: 'planned', planMeasureId: '1', kind: 'spotkanie', plan: 5, actual: null, difference: null, ratio: null, band: 'not_realized' },
    ]);
  });

  it.each(['realized', 'ongoing'] as const)('plan measure without a figure under %s is „brak danych”: no ratio, no difference, never below plan', (status) => {
    expect(run(target(m(5, 'spotkanie'), m(75, 'uczestnik')), [m(80, 'uczestnik')], status)[0]).toEqual({
      role: 'planned', planMeasureId: '1', kind: 'spotkanie', plan: 5, actual: null, difference: null, ratio: null, band: 'no_data',
    });
  });

  it('a draft not filled in yet (no status, no figure) has no band, so it is never shown as failing', () => {
    expect(run(target(m(5, 'spotkanie')), [], null)[0]).toEqual({
      role: 'planned', planMeasureId: '1', kind: 'spotkanie', plan: 5, actual: null, difference: null, ratio: null, band: null,
    });
  });

  it.each([
    [0, 'on_plan'],
    [3, 'far_above'],
  ])('plan 0, actual %d → ratio null, band %s', (actual, band) => {
    expect(run(target(m(0, 'kontrola')), [m(actual, 'kontrola')])[0]).toMatchObject({ ratio: null, band, difference: actual });
  });

  it('an activity without measures gives no rows', () => {
    expect(run({ kind: 'descriptive', measures: [] }, [], 'ongoing')).toEqual([]);
  });

  it('hides float noise in the difference (II.1-01: 4 877,29 − 3 600)', () => {
    expect(run(target(m(3600, 'godzina')), [m(4877.29, 'godzina')])[0]!.difference).toBe(1277.29);
  });

  it('uses the given policy', () => {
    const rows = run(target(m(100, 'uczestnik')), [m(85, 'uczestnik')], 'realized', { farBelow: 0.5, onPlanFrom: 0.8, farAboveOver: 1.2 });
    expect(rows[0]!.band).toBe('on_plan');
    expect(run(target(m(100, 'uczestnik')), [m(85, 'uczestnik')])[0]!.band).toBe('below');
  });

  describe('figures that name the planned measure they answer', () => {
    const f = (value: number, kind: string, planMeasureId: string | null, extra: Partial<ActualFigure> = {}): ActualFigure => ({ kind, value, planMeasureId, ...extra });

    it('I.2.2-03: „25 kursów/zajęć/warsztatów” answers the planned „24 zajęcia” although the kinds differ', () => {
      const rows = run(target(m(24, 'zajęcia')), [f(25, 'kurs', '1', { qualifier: 'kursów/zajęć/warsztatów cyklicznych' }), f(500, 'uczestnik', null)]);
      expect(rows.map((r) => [r.role, r.kind, r.plan, r.actual, r.band])).toEqual([
        ['planned', 'zajęcia', 24, 25, 'on_plan'],
        ['extra', 'uczestnik', null, 500, 'no_target'],
      ]);
    });

    it('I.2.2-05: a figure stated for the second planned measure is not paired with the first', () => {
      const rows = run(target(m(232, 'etat', 'w poradniach'), m(440, 'etat', 'w szkołach')), [f(679, 'etat', '2', { qualifier: 'w szkołach' })]);
      expect(rows.map((r) => [r.planMeasureId, r.plan, r.actual, r.band])).toEqual([['1', 232, null, 'no_data'], ['2', 440, 679, 'far_above']]);
    });

    it('a figure stated as beyond the plan stays an extra even when its kind was planned', () => {
      const rows = run(target(m(300, 'uczestnik')), [f(527, 'uczestnik', '1', { qualifier: 'zajęć' }), f(490, 'uczestnik', null, { qualifier: 'pikniku rodzinnego' })]);
      expect(rows.map((r) => [r.role, r.actual, r.band])).toEqual([['planned', 527, 'far_above'], ['extra', 490, 'no_target']]);
    });

    it('parts: the planned measure is compared with the sum the pairing chose, each part listed under it without a band', () => {
      const rows = run(target(m(6500, 'uczestnik')), [f(5000, 'uczestnik', '1', { qualifier: 'wydarzenia plenerowego' }), f(1443, 'uczestnik', '1', { qualifier: 'warsztatów' })]);
      expect(rows.map((r) => [r.role, r.plan, r.actual, r.band])).toEqual([
        ['planned', 6500, 6443, 'on_plan'],
        ['part', null, 5000, null],
        ['part', null, 1443, null],
      ]);
    });

    it('II.2-11: a „w tym” subset is shown under its total and never compared with the plan', () => {
      const rows = run(target(m(1100, 'dziecko')), [f(1287, 'dziecko', '1', { subsets: [{ kind: 'dziecko', qualifier: 'z niepełnosprawnościami', value: 449 }] })]);
      expect(rows.map((r) => [r.role, r.plan, r.actual, r.ratio, r.band])).toEqual([
        ['planned', 1100, 1287, 1287 / 1100, 'on_plan'],
        ['subset', null, 449, null, null],
      ]);
    });

    it('a figure naming an id the plan lacks is an extra, not a silent answer', () => {
      expect(run(target(m(10, 'spotkanie')), [f(9, 'spotkanie', '7')]).map((r) => [r.role, r.band])).toEqual([['planned', 'no_data'], ['extra', 'no_target']]);
    });
  });
});
