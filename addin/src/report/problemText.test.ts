import { describe, expect, it } from 'vitest';
import { MSG, type SheetProblem } from '@pwr-sync/shared';
import { problemField, problemMessage, stripPrefixes } from './problemText.ts';

describe('problem texts name their field once', () => {
  it('drops the field a sheet message starts with', () => {
    const p: SheetProblem = { rowIndex: 2, column: 'actual', activityId: 'A.1', message: MSG.sheet.cell('Wykonanie', 'wpisz liczbę') };
    expect(problemField(p)).toBe('Wykonanie');
    expect(problemMessage(p)).toBe('Wpisz liczbę');
  });
  it('drops the activity prefix of a rule, keeping which measure', () => {
    const msg = `${MSG.rules.prefix('A.1', 'uczestnik')}${MSG.rules.explainRatio(5, 0.156)}`;
    expect(stripPrefixes(msg, 'A.1')).toBe(`Miara „uczestnik”: ${MSG.rules.explainRatio(5, 0.156)}`);
    expect(stripPrefixes(msg, 'A.1', undefined, false)).toBe('Wykonanie 5 to 15,6\u00a0% planu — dodaj wyjaśnienie w komentarzu.');
    expect(stripPrefixes(`${MSG.rules.prefix('A.1')}${MSG.rules.statusMissing}`, 'A.1')).toBe('Brak statusu — wybierz status realizacji.');
  });
  it('points a figure without a measure kind at the form, since the Miara cell is locked', () => {
    const p: SheetProblem = { rowIndex: 0, column: 'measureKind', activityId: 'A.1', message: MSG.sheet.kindMissing('Miara') };
    expect(problemMessage(p)).toContain('w formularzu');
  });
});
