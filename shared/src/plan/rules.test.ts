import { describe, expect, it } from 'vitest';
import { isMeasureKind, measureKindDef, registerMeasureKinds } from '../measures/kinds.ts';
import { PlanProblemSchema, validatePlan, validatePlanEntry, type PlanRuleContext } from './rules.ts';
import { PlanBodySchema, type ActivityProposal, type PlanEntry, type PlanMeasureEntry } from './schema.ts';
import { copyPlanMeasures, joinedPlan, planOfEntry } from './accepted.ts';

const m = (value: number, kind: string, extra: Partial<PlanMeasureEntry> = {}): PlanMeasureEntry => ({ kind, value, ...extra });
const entry = (measures: PlanMeasureEntry[], extra: Partial<PlanEntry> = {}): PlanEntry => ({ activityId: 'I.1-02', measures, ...extra });
const codes = (e: PlanEntry, mode: 'save' | 'submit' = 'save') => validatePlanEntry(e, mode).map((p) => `${p.code}@${p.field}`);

const ctx: PlanRuleContext = {
  activityIds: ['I.1-02', 'I.1-03'],
  tasks: [{ code: 'I.1', subsections: [] }, { code: 'I.3', subsections: [{ number: 1, title: 'a', linkedTo: [] }, { number: 2, title: 'b', linkedTo: [] }] }],
  orgUnitCodes: new Set(['MOPS/PRZ/08', 'ZZM', 'MCK']),
  orgUnitCode: 'ZZM',
};
const proposal = (extra: Partial<ActivityProposal> = {}): ActivityProposal => ({ key: 'p1', name: 'Piknik rodzinny w parku', taskCode: 'I.1', subsection: null, partnerUnits: ['MCK'], ...extra });

describe('the plan rules', () => {
  it.each<[string, PlanEntry, 'save' | 'submit', string[]]>([
    ['two measures of the vocabulary', entry([m(20, 'spotkanie'), m(200, 'uczestnik')]), 'submit', []],
    ['a zero target', entry([m(0, 'spotkanie')]), 'save', ['target_not_positive@value']],
    ['a negative target', entry([m(-3, 'spotkanie')]), 'save', ['target_not_positive@value']],
    ['a fraction of people', entry([m(12.5, 'uczestnik')]), 'save', ['target_not_whole@value']],
    ['a fraction of hours is fine', entry([m(4877.29, 'godzina')]), 'save', []],
    ['a kind outside the vocabulary', entry([m(3, 'hackathon')]), 'save', ['kind_unknown@kind']],
    ['an empty kind', entry([m(3, '')]), 'save', ['kind_missing@kind']],
    ['a proposed kind with its three forms', entry([m(3, 'hackathon', { proposedForms: { one: 'hackathon', few: 'hackathony', many: 'hackathonów' } })]), 'save', []],
    ['a proposed kind missing a form', entry([m(3, 'hackathon', { proposedForms: { one: 'hackathon', few: '', many: 'hackathonów' } })]), 'save', ['kind_forms_missing@proposedForms']],
    ['a proposed kind counts whole things', entry([m(2.5, 'hackathon', { proposedForms: { one: 'hackathon', few: 'hackathony', many: 'hackathonów' } })]), 'save', ['target_not_whole@value']],
    ['the same kind twice', entry([m(20, 'spotkanie'), m(4, 'spotkanie')]), 'save', ['duplicate_measure@qualifier']],
    ['the same kind and qualifier twice (case aside)', entry([m(20, 'godzina', { qualifier: 'Usług' }), m(4, 'godzina', { qualifier: 'usług' })]), 'save', ['duplicate_measure@qualifier']],
    ['the same kind with different qualifiers', entry([m(20, 'godzina', { qualifier: 'usług' }), m(4, 'godzina', { qualifier: 'dyżurów' })]), 'save', []],
    ['a measure id twice', entry([m(20, 'spotkanie', { id: '1' }), m(4, 'uczestnik', { id: '1' })]), 'save', ['duplicate_measure_id@measures']],
    ['nothing planned is a draft', entry([]), 'save', []],
    ['nothing planned cannot be submitted', entry([]), 'submit', ['plan_missing@measures']],
    ['a description alone can be submitted', entry([], { description: 'działania ciągłe według potrzeb' }), 'submit', []],
  ])('%s', (_name, e, mode, expected) => {
    expect(codes(e, mode)).toEqual(expected);
  });

  it('names the activity, the measure and the field in Polish', () => {
    const [zero] = validatePlanEntry(entry([m(20, 'spotkanie'), m(0, 'uczestnik')]), 'save');
    expect(zero!.message).toBe('Działanie I.1-02, miara 2 („uczestnik”): pole „cel” musi być większe od zera (wpisano 0) — wpisz, ile planujesz.');
    const [whole] = validatePlanEntry(entry([m(12.5, 'uczestnik')]), 'save');
    expect(whole!.message).toBe('Działanie I.1-02, miara 1 („uczestnik”): pole „cel”: liczba uczestników musi być całkowita (wpisano 12,5).');
    const [unknown] = validatePlanEntry(entry([m(3, 'hackathon')]), 'save');
    expect(unknown!.message).toContain('pole „rodzaj miary”: rodzaju „hackathon” nie ma w słowniku');
    const [forms] = validatePlanEntry(entry([m(3, 'hackathon', { proposedForms: { one: 'hackathon', few: '', many: '' } })]), 'save');
    expect(forms!.message).toContain('uzupełnij: forma dla 2–4, forma dla 5 i więcej');
    const [dup] = validatePlanEntry(entry([m(20, 'spotkanie'), m(4, 'spotkanie')]), 'save');
    expect(dup!.message).toBe('Działanie I.1-02, miara 2 („spotkanie”): ta sama miara bez opisu jest już w tym działaniu — połącz cele albo rozróżnij miary w polu „opis miary”.');
    for (const p of [zero, whole, unknown, forms, dup]) expect(PlanProblemSchema.parse(p)).toEqual(p);
  });

  it('checks the whole plan: unknown and repeated activities, completeness on submit', () => {
    const body = PlanBodySchema.parse({ entries: [entry([m(5, 'spotkanie')]), entry([m(6, 'spotkanie')]), { activityId: 'II.1-01', measures: [] }] });
    expect(validatePlan(body, ctx, 'save').map((p) => `${p.code}:${p.activityId}`)).toEqual(['duplicate_entry:I.1-02', 'unknown_activity:II.1-01']);
    expect(validatePlan(body, ctx, 'submit').map((p) => `${p.code}:${p.activityId}`)).toEqual(['duplicate_entry:I.1-02', 'unknown_activity:II.1-01', 'plan_missing:I.1-03']);
  });

  it.each<[string, ActivityProposal, string[]]>([
    ['a complete proposal', proposal(), []],
    ['without a name', proposal({ name: '  ' }), ['name_missing@name']],
    ['an unknown task', proposal({ taskCode: 'IV.9' }), ['task_unknown@taskCode']],
    ['a task with subsections needs one', proposal({ taskCode: 'I.3' }), ['subsection_missing@subsection']],
    ['a subsection the task lacks', proposal({ taskCode: 'I.3', subsection: 7 }), ['subsection_unknown@subsection']],
    ['a subsection on a task without them', proposal({ subsection: 1 }), ['subsection_not_allowed@subsection']],
    ['an unknown partner', proposal({ partnerUnits: ['XYZ'] }), ['partner_unknown@partnerUnits']],
    ['the unit as its own partner', proposal({ partnerUnits: ['ZZM'] }), ['partner_self@partnerUnits']],
    ['a partner twice', proposal({ partnerUnits: ['MCK', 'MCK'] }), ['partner_twice@partnerUnits']],
  ])('proposal: %s', (_name, p, expected) => {
    expect(validatePlan({ entries: [], proposals: [p] }, ctx, 'save').map((x) => `${x.code}@${x.field}`)).toEqual(expected);
  });

  it('refuses the same proposal twice', () => {
    const problems = validatePlan({ entries: [], proposals: [proposal(), proposal({ key: 'p2', name: 'piknik rodzinny w parku ' })] }, ctx, 'save');
    expect(problems.map((p) => p.code)).toEqual(['proposal_twice']);
    expect(problems[0]!.message).toMatch(/^Propozycja nowego działania 2 \(„piknik rodzinny w parku”\): /);
  });
});

describe('plans between years', () => {
  it('an accepted entry becomes a plan with stable measure ids', () => {
    const plan = planOfEntry(entry([m(20, 'spotkanie', { id: '3' }), m(200, 'uczestnik')], { description: ' 20 spotkań, 200 uczestników ' }));
    expect(plan).toEqual({ kind: 'target', measures: [{ id: '3', kind: 'spotkanie', value: 20 }, { id: '1', kind: 'uczestnik', value: 200 }], text: '20 spotkań, 200 uczestników' });
    expect(planOfEntry(entry([], { description: 'wg potrzeb' })).kind).toBe('descriptive');
  });
  it('last year is copied without ids; a joining activity has no target', () => {
    expect(copyPlanMeasures({ kind: 'target', measures: [{ id: '1', kind: 'godzina', value: 10, qualifier: 'usług' }] })).toEqual([{ kind: 'godzina', value: 10, qualifier: 'usług' }]);
    expect(joinedPlan(2026)).toEqual({ kind: 'new_activity', measures: [], text: 'przedsięwzięcie włączone do Programu w 2026 roku', sinceYear: 2026 });
  });
  it('a kind MOPS accepted joins the vocabulary, without taking another kind’s forms', () => {
    expect(registerMeasureKinds([{ lemma: 'turniej', forms: { one: 'turniej', few: 'turnieje', many: 'turniejów' } }, { lemma: 'spotkanko', forms: { one: 'spotkanko', few: 'spotkania', many: 'spotkanek' } }])).toEqual(['turniej']);
    expect(isMeasureKind('turniej')).toBe(true);
    expect(measureKindDef('turniej')!.forms.many).toBe('turniejów');
    expect(isMeasureKind('spotkanko')).toBe(false);
  });
});
