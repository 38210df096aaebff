/**
 * The indicator parser against every plan and actual cell of the real 2024 report
 * (seeds/2024/extract/part-{1,2,3}.json, 198 activities).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeVariance, withPlanMeasureIds, isMeasureKind, MeasureSchema, parseIndicatorText } from '@pwr-sync/shared';

interface ExtractActivity {
  key: string;
  planText: string;
  actualText: string;
  moneyTexts: string[];
}

const activities: ExtractActivity[] = [1, 2, 3].flatMap(
  (n) => (JSON.parse(readFileSync(new URL(`./2024/extract/part-${n}.json`, import.meta.url), 'utf8')) as { activities: ExtractActivity[] }).activities,
);
const byKey = new Map(activities.map((a) => [a.key, a]));
const YEAR = 2024;
const parsePlan = (a: ExtractActivity) => parseIndicatorText(a.planText, { role: 'plan', year: YEAR });
const parseActual = (a: ExtractActivity) => parseIndicatorText(a.actualText, { role: 'actual', year: YEAR });

/** Cells allowed to keep unparsed numbers, with the reason. Empty: every number of 2024 is accounted for. */
const UNPARSED_ALLOWLIST: Record<string, string> = {};

describe('2024 report: every indicator cell parses', () => {
  it('has all 198 activities', () => {
    expect(activities).toHaveLength(198);
  });

  it.each(activities.map((a) => [a.key, a] as const))('%s: no unparsed numbers, valid measures', (key, a) => {
    for (const [role, r] of [['plan', parsePlan(a)], ['actual', parseActual(a)]] as const) {
      if (!UNPARSED_ALLOWLIST[`${key}:${role}`]) expect(r.unparsed, `${key} ${role}`).toEqual([]);
      for (const m of r.measures) {
        expect(isMeasureKind(m.kind)).toBe(true);
        expect(MeasureSchema.safeParse(m).success, `${key} ${role} ${JSON.stringify(m)}`).toBe(true);
      }
    }
  });

  it('every plan with numbers is a target, and every target has measures', () => {
    for (const a of activities) {
      const r = parsePlan(a);
      if (r.planKind === 'target') expect(r.measures.length, a.key).toBeGreaterThan(0);
      else expect(r.measures, a.key).toEqual([]);
    }
  });

  it('finds the new activities (plan "włączone do Programu w …")', () => {
    const fresh = activities.filter((a) => parsePlan(a).planKind === 'new_activity');
    expect(fresh.map((a) => a.key)).toEqual(activities.filter((a) => /włączon\S* do programu w \d{4}/i.test(a.planText)).map((a) => a.key));
    expect(fresh.length).toBe(22);
    expect(fresh.filter((a) => parsePlan(a).sinceYear === 2024).map((a) => a.key)).toEqual([
      'I.3.3-39', 'I.3.3-40', 'I.3.3-41', 'I.3.3-42', 'I.3.4-14', 'I.3.4-15', 'I.3.4-44', 'IV.2-11',
    ]);
  });

  it('detects the statuses of actual cells without figures', () => {
    const statuses = Object.fromEntries(activities.map((a) => [a.key, parseActual(a).status]));
    const withStatus = (s: string) => Object.keys(statuses).filter((k) => statuses[k] === s);
    expect(withStatus('not_realized')).toEqual([
      'I.2.1-05', 'I.2.1-06', 'I.2.2-02', 'I.2.2-10', 'I.2.2-11', 'I.3.2-13', 'I.3.3-16', 'I.3.3-32', 'I.3.4-03', 'I.3.4-11', 'I.3.4-31', 'I.3.4-34',
    ]);
    expect(withStatus('ended')).toEqual(['I.2.2-04', 'I.3.2-12', 'I.3.3-27', 'I.3.4-13', 'I.3.4-37', 'I.3.4-38', 'I.3.4-40']);
    expect(withStatus('cancelled')).toEqual(['I.3.4-20']);
    expect(withStatus('realized_elsewhere')).toEqual(['I.2.1-07']);
    expect(withStatus('ongoing')).toEqual(['I.3.1-06', 'I.3.2-20']);
    expect(withStatus('realized')).toHaveLength(198 - 12 - 7 - 1 - 1 - 2);
  });
});

describe('2024 report: pinned examples', () => {
  const get = (key: string) => byKey.get(key)!;
  const variance = (key: string) => {
    const a = get(key);
    const p = parsePlan(a);
    const act = parseActual(a);
    return computeVariance({ plan: { kind: p.planKind!, measures: withPlanMeasureIds(p.measures) }, actual: { measures: act.measures }, status: act.status });
  };

  it('I.1-01: 10 801 of 10 900 services, ratio ≈ 0.991', () => {
    const [v] = variance('I.1-01');
    expect(v).toMatchObject({ kind: 'usługa', plan: 10900, actual: 10801, difference: -99, band: 'on_plan' });
    expect(v!.ratio).toBeCloseTo(0.991, 3);
  });

  it('II.1-01: 4 877,29 hours of 3 600', () => {
    expect(parseActual(get('II.1-01')).measures).toEqual([{ kind: 'godzina', value: 4877.29, qualifier: 'usługi' }]);
    expect(variance('II.1-01')[0]).toMatchObject({ plan: 3600, actual: 4877.29, difference: 1277.29, band: 'on_plan' });
  });

  it('I.2.2-06: fractional posts', () => {
    expect(parseActual(get('I.2.2-06')).measures.map((m) => [m.kind, m.value])).toEqual([['etat', 15.48], ['etat', 8.55]]);
    expect(variance('I.2.2-06').map((v) => [v.plan, v.actual])).toEqual([[15, 15.48], [2, 8.55]]);
  });

  it('I.3.3-12: meetings 4/20 and participants 82/200, per kind', () => {
    expect(variance('I.3.3-12').map((v) => [v.kind, v.ratio, v.band])).toEqual([['spotkanie', 0.2, 'far_below'], ['uczestnik', 0.41, 'far_below']]);
  });

  it('I.3.2-19: participants the plan lacked have no target', () => {
    expect(variance('I.3.2-19').map((v) => [v.kind, v.plan, v.actual, v.band])).toEqual([
      ['spektakl', 10, 20, 'far_above'],
      ['uczestnik', null, 6500, 'no_target'],
    ]);
  });

  it('I.3.3-17: two participant counts pair with their own parts', () => {
    expect(variance('I.3.3-17').map((v) => [v.kind, v.plan, v.actual])).toEqual([
      ['zajęcia', 1040, 878], ['uczestnik', 600, 442], ['warsztat', 50, 43], ['uczestnik', 800, 810],
    ]);
  });

  it('I.3.3-31 and I.3.3-02: glued numbers', () => {
    expect(parseActual(get('I.3.3-31')).measures).toEqual([{ kind: 'uczestnik', value: 2208 }]);
    expect(parseActual(get('I.3.3-02')).measures.map((m) => [m.kind, m.value])).toEqual([['certyfikat', 60], ['statuetka', 11]]);
  });

  it('I.3.4-08: one kind named for several parts keeps each', () => {
    const ms = parseActual(get('I.3.4-08')).measures.filter((m) => m.kind === 'uczestnik');
    expect(ms.map((m) => m.value)).toEqual([516, 25, 132]);
    expect(new Set(ms.map((m) => m.qualifier ?? '')).size).toBe(3);
    expect(ms[1]!.qualifier).toMatch(/^gra trenowa/);
  });

  it('I.2.1-05: planned but not realized', () => {
    expect(variance('I.2.1-05').map((v) => v.band)).toEqual(['not_realized', 'not_realized']);
  });

  it('I.3.3-39: new activity, actual only', () => {
    expect(variance('I.3.3-39')).toEqual([{ role: 'extra', kind: 'spotkanie', plan: null, actual: 4, difference: null, ratio: null, band: 'no_target' }]);
  });

  it('IV.2-13: "liczba młodzieży … - 100"', () => {
    expect(variance('IV.2-13').map((v) => [v.kind, v.plan, v.actual])).toEqual([['program', 3, 3], ['rodzic', 30, 475], ['młodzież', 100, 261]]);
  });
});
