import { describe, expect, it } from 'vitest';
import type { Plan, ReportEntry } from '../report/schema.ts';
import { annexPlanText, annexScopeText, figuresSentence, planSentence, scopeSentence } from './sentences.ts';

const NBSP = '\u00a0';

describe('figuresSentence: plural forms from the vocabulary', () => {
  it.each([
    [1, '1 spotkanie', '1 uczestnik', '1 rodzina', '1 zajęcia'],
    [2, '2 spotkania', '2 uczestników', '2 rodziny', '2 zajęcia'],
    [5, '5 spotkań', '5 uczestników', '5 rodzin', '5 zajęć'],
    [12, '12 spotkań', '12 uczestników', '12 rodzin', '12 zajęć'],
    [22, '22 spotkania', '22 uczestników', '22 rodziny', '22 zajęcia'],
    [25, '25 spotkań', '25 uczestników', '25 rodzin', '25 zajęć'],
  ])('%i', (n, spotkanie, uczestnik, rodzina, zajecia) => {
    expect(figuresSentence([{ kind: 'spotkanie', value: n }])).toBe(spotkanie);
    expect(figuresSentence([{ kind: 'uczestnik', value: n }])).toBe(uczestnik);
    expect(figuresSentence([{ kind: 'rodzina', value: n }])).toBe(rodzina);
    expect(figuresSentence([{ kind: 'zajęcia', value: n }])).toBe(zajecia);
  });

  it('joins figures with commas, keeps qualifiers, groups thousands and shows „w tym” parts with their figure', () => {
    expect(figuresSentence([{ kind: 'spotkanie', value: 4 }, { kind: 'uczestnik', value: 82 }])).toBe('4 spotkania, 82 uczestników');
    expect(figuresSentence([{ kind: 'usługa', value: 10801, qualifier: 'poradnictwa rodzinnego i terapii' }])).toBe(`10${NBSP}801 usług poradnictwa rodzinnego i terapii`);
    expect(figuresSentence([{ kind: 'godzina', value: 4877.29 }])).toBe(`4${NBSP}877,29 godziny`);
    expect(figuresSentence([{ kind: 'dziecko', value: 1287, subsets: [{ kind: 'dziecko', value: 449, qualifier: 'z niepełnosprawnością' }] }]))
      .toBe(`1${NBSP}287 dzieci (w tym 449 dzieci z niepełnosprawnością)`);
    expect(figuresSentence([])).toBe('');
  });
});

describe('scopeSentence: from status and figures', () => {
  const s = (status: Parameters<typeof scopeSentence>[0]['status'], figures: Parameters<typeof scopeSentence>[0]['figures'] = []) =>
    scopeSentence({ year: 2026, status, figures });
  it('speaks of the year and the status in the report’s wording', () => {
    expect(s('realized', [{ kind: 'spotkanie', value: 4 }, { kind: 'uczestnik', value: 82 }])).toBe('4 spotkania, 82 uczestników');
    expect(s('realized')).toBe('działanie zrealizowane w 2026 roku');
    expect(s('not_realized')).toBe('wydarzenie nie było realizowane w 2026 roku');
    expect(s('cancelled')).toBe('wydarzenie odwołane');
    expect(s('ended')).toBe('realizacja przedsięwzięcia została zakończona');
    expect(s('ongoing', [{ kind: 'godzina', value: 22 }])).toBe('działanie realizowane w sposób ciągły: 22 godziny');
    expect(s('realized_elsewhere')).toBe('zadanie realizowane w ramach innego działania Programu');
    expect(s(null)).toBe('jednostka nie przekazała informacji o realizacji');
  });
  it('names a new activity’s year of joining the program', () => {
    expect(scopeSentence({ year: 2026, status: 'realized', figures: [], plan: { kind: 'new_activity' } })).toBe('przedsięwzięcie włączone do Programu w 2026 roku');
  });
});

describe('planned indicators and scope: the own text wins', () => {
  const plan = (p: Partial<Plan>): Plan => ({ kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', value: 200 }], ...p });
  const entry = (e: Partial<ReportEntry>): ReportEntry =>
    ({ activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 1 }] }, moneySpent: [], comment: '', ...e });

  it('plan: its description, else a sentence from its measures, else the new activity’s wording', () => {
    expect(annexPlanText(plan({ text: '  20 spotkań grup wsparcia ' }), 2026)).toBe('20 spotkań grup wsparcia');
    expect(annexPlanText(plan({}), 2026)).toBe('20 spotkań, 200 uczestników');
    expect(planSentence({ kind: 'new_activity', measures: [], sinceYear: 2025 }, 2026)).toBe('przedsięwzięcie włączone do Programu w 2025 roku');
    expect(planSentence({ kind: 'descriptive', measures: [] }, 2026)).toBe('bez wskaźników liczbowych');
  });

  it('scope: the unit’s „Zakres realizacji” text, else the verbatim imported cell, else the generated sentence', () => {
    expect(annexScopeText(entry({ scopeDescription: 'Odbyło się jedno spotkanie z rodzicami w Podgórzu.' }), plan({}), 2026))
      .toBe('Odbyło się jedno spotkanie z rodzicami w Podgórzu.');
    expect(annexScopeText(entry({ actual: { measures: [{ kind: 'spotkanie', value: 1 }], text: '1 spotkanie (online)' } }), plan({}), 2026)).toBe('1 spotkanie (online)');
    expect(annexScopeText(entry({ scopeDescription: '   ' }), plan({}), 2026)).toBe('1 spotkanie');
    expect(annexScopeText(entry({ status: 'not_realized', actual: { measures: [] } }), plan({}), 2026)).toBe('wydarzenie nie było realizowane w 2026 roku');
    expect(annexScopeText(undefined, plan({}), 2026)).toBe('jednostka nie przekazała informacji o realizacji');
  });
});
