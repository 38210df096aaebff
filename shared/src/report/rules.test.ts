import { describe, expect, it } from 'vitest';
import { withPlanMeasureIds, type ActualFigure, type Measure } from '../measures/schema.ts';
import { ReportProblemSchema, validateReportEntry, validateSubmissionEntries, type RuleContext } from './rules.ts';
import type { Plan, ReportEntry, ReportStatus } from './schema.ts';

const m = (value: number, kind: string, qualifier?: string): Measure => (qualifier ? { kind, value, qualifier } : { kind, value });
const plan3000h: Plan = { kind: 'target', measures: withPlanMeasureIds([m(3000, 'godzina')]) };
const entry = (status: ReportStatus | null, measures: ActualFigure[] = [], extra: Partial<ReportEntry> = {}): ReportEntry => ({
  activityId: 'I.1-02', status, actual: { measures }, moneySpent: [], comment: '', ...extra,
});
const basic: RuleContext = { taskKind: 'basic', plan: plan3000h };
const codes = (e: ReportEntry, mode: 'save' | 'submit', ctx: RuleContext = basic) => validateReportEntry(e, { ...ctx, mode }).map((p) => p.code);

describe('validateReportEntry', () => {
  it.each<[string, ReportEntry, 'save' | 'submit', string[]]>([
    ['draft without status saves', entry(null), 'save', []],
    ['submit without status', entry(null), 'submit', ['status_missing']],
    ['realized on plan', entry('realized', [m(2900, 'godzina')]), 'submit', []],
    ['realized without measures', entry('realized', []), 'submit', ['measures_missing', 'actual_missing']],
    ['not_realized with reason', entry('not_realized', [], { comment: 'brak chętnych' }), 'submit', []],
    ['not_realized without reason', entry('not_realized'), 'submit', ['reason_missing']],
    ['cancelled with figures (even in a draft)', entry('cancelled', [m(1, 'godzina')], { comment: 'x' }), 'save', ['measures_with_status']],
    ['ended with part-year figures and a comment', entry('ended', [m(1000, 'godzina')], { comment: 'zakończono w marcu' }), 'submit', []],
    ['ended without comment', entry('ended'), 'submit', ['reason_missing']],
    ['realized_elsewhere without where', entry('realized_elsewhere'), 'submit', ['where_missing']],
    ['realized_elsewhere naming where', entry('realized_elsewhere', [], { comment: 'w ramach Klubów Rodzica' }), 'submit', []],
    ['ongoing with neither', entry('ongoing', [], {}), 'submit', ['description_missing', 'actual_missing']],
    ['ongoing with a description', entry('ongoing', [], { comment: 'zajęcia otwarte dla chętnych' }), 'submit', []],
    ['far above without explanation', entry('realized', [m(7500, 'godzina')]), 'submit', ['explanation_missing']],
    ['far above explained', entry('realized', [m(7500, 'godzina')], { comment: 'większe zapotrzebowanie' }), 'submit', []],
    ['far below without explanation', entry('realized', [m(100, 'godzina')]), 'submit', ['explanation_missing']],
    ['far off is not checked in a draft', entry('realized', [m(100, 'godzina')]), 'save', []],
    ['duplicated measure', entry('realized', [m(1500, 'godzina'), m(1500, 'godzina')]), 'save', ['duplicate_measure']],
    ['same kind, different qualifiers', entry('realized', [m(1500, 'godzina', 'a'), m(1500, 'godzina', 'b')]), 'save', []],
    ['money on a basic task', entry('realized', [m(3000, 'godzina')], { moneySpent: [100] }), 'submit', []],
  ])('%s', (_name, e, mode, expected) => {
    expect(codes(e, mode)).toEqual(expected);
  });

  it('money on a complementary task is a problem', () => {
    const problems = validateReportEntry(entry('realized', [m(3000, 'godzina')], { moneySpent: [100] }), { taskKind: 'complementary', plan: plan3000h, mode: 'save' });
    expect(problems).toEqual([expect.objectContaining({ field: 'moneySpent', code: 'money_not_allowed' })]);
  });

  it('writes a short, specific Polish message', () => {
    const [p] = validateReportEntry(entry('realized', [m(7500, 'godzina')]), { ...basic, mode: 'submit' });
    expect(p).toEqual({
      activityId: 'I.1-02',
      field: 'comment',
      measureKind: 'godzina',
      code: 'explanation_missing',
      message: 'Działanie I.1-02, miara „godzina”: wykonanie 7\u00a0500 to 250\u00a0% planu — dodaj wyjaśnienie w komentarzu.',
    });
    expect(ReportProblemSchema.parse(p)).toEqual(p);
  });

  it('takes thresholds from the policy', () => {
    const e = entry('realized', [m(2500, 'godzina')]);
    expect(codes(e, 'submit')).toEqual([]);
    expect(codes(e, 'submit', { ...basic, policy: { farBelow: 0.9, onPlanFrom: 0.95, farAboveOver: 1.05 } })).toEqual(['explanation_missing']);
  });

  describe('a planned measure without a figure („brak danych”)', () => {
    const twoMeasures: RuleContext = { taskKind: 'complementary', plan: { kind: 'target', measures: withPlanMeasureIds([m(24, 'zajęcia'), m(300, 'uczestnik')]) } };
    const answered: ActualFigure[] = [{ kind: 'uczestnik', value: 310, planMeasureId: '2' }];

    it('refuses to submit a realized activity without the figure or a reason, naming the measure and the plan', () => {
      const problems = validateReportEntry(entry('realized', answered), { ...twoMeasures, mode: 'submit' });
      expect(problems).toEqual([{
        activityId: 'I.1-02', field: 'actual', measureKind: 'zajęcia', code: 'actual_missing',
        message: 'Działanie I.1-02, miara „zajęcia”: brak wykonania przy planie 24 — wpisz wartość (także 0) albo podaj w komentarzu, dlaczego jej nie ma.',
      }]);
    });

    it('lets a draft be saved, and a submit with the reason in the comment', () => {
      expect(codes(entry('realized', answered), 'save', twoMeasures)).toEqual([]);
      expect(codes(entry('realized', answered, { comment: 'zajęć nie liczono osobno' }), 'submit', twoMeasures)).toEqual([]);
    });

    it('a figure naming a measure the plan lacks, and a „w tym” figure above its total, are refused even in a draft', () => {
      expect(codes(entry('realized', [{ kind: 'zajęcia', value: 3, planMeasureId: '9' } as ActualFigure]), 'save', twoMeasures)).toEqual(['unknown_plan_measure']);
      const subset: ActualFigure[] = [{ kind: 'uczestnik', value: 300, planMeasureId: '2', subsets: [{ kind: 'uczestnik', value: 301 }] }];
      expect(codes(entry('realized', subset), 'save', twoMeasures)).toEqual(['subset_exceeds_total']);
    });
  });

  it('new activities have no target, so no explanation is needed', () => {
    expect(codes(entry('realized', [m(81, 'spotkanie')]), 'submit', { taskKind: 'complementary', plan: { kind: 'new_activity', measures: [], sinceYear: 2024 } })).toEqual([]);
  });
});

describe('validateSubmissionEntries', () => {
  const ctx = new Map<string, RuleContext>([['I.1-02', basic], ['I.1-03', basic]]);
  it('checks each entry, unknown activities and duplicates', () => {
    const problems = validateSubmissionEntries(
      [entry('realized', [m(3000, 'godzina')]), entry(null, [], { activityId: 'I.1-03' }), entry(null, [], { activityId: 'IV.2-99' }), entry('realized', [m(3000, 'godzina')])],
      ctx,
      'submit',
    );
    expect(problems.map((p) => [p.activityId, p.code])).toEqual([
      ['I.1-03', 'status_missing'],
      ['IV.2-99', 'unknown_activity'],
      ['I.1-02', 'duplicate_entry'],
    ]);
  });

  it('accepts a plain record as context', () => {
    expect(validateSubmissionEntries([entry(null)], { 'I.1-02': basic }, 'save')).toEqual([]);
  });
});
