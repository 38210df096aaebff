import { describe, expect, it } from 'vitest';
import { formatMeasure, measureWordFor } from './formatMeasure.ts';
import { MEASURE_KINDS } from './kinds.ts';

const NBSP = '\u00a0';

describe('formatMeasure', () => {
  it.each([
    [{ kind: 'spotkanie', value: 1 }, '1 spotkanie'],
    [{ kind: 'spotkanie', value: 5 }, '5 spotkań'],
    [{ kind: 'spotkanie', value: 22 }, '22 spotkania'],
    [{ kind: 'spotkanie', value: 12 }, '12 spotkań'],
    [{ kind: 'spotkanie', value: 112 }, '112 spotkań'],
    [{ kind: 'spotkanie', value: 0 }, '0 spotkań'],
    [{ kind: 'godzina', value: 4877.29 }, `4${NBSP}877,29 godziny`],
    [{ kind: 'etat', value: 15.48 }, '15,48 etatu'],
    [{ kind: 'uczestnik', value: 1 }, '1 uczestnik'],
    [{ kind: 'uczestnik', value: 32 }, '32 uczestników'],
    [{ kind: 'osoba', value: 4064 }, `4${NBSP}064 osoby`],
    [{ kind: 'zajęcia', value: 1 }, '1 zajęcia'],
    [{ kind: 'zajęcia', value: 24 }, '24 zajęcia'],
    [{ kind: 'zajęcia', value: 1040 }, `1${NBSP}040 zajęć`],
    [{ kind: 'usługa', value: 10900, qualifier: 'poradnictwa rodzinnego i terapii' }, `10${NBSP}900 usług poradnictwa rodzinnego i terapii`],
    [{ kind: 'dziecko', value: 3 }, '3 dzieci'],
  ])('%j → %s', (m, text) => {
    expect(formatMeasure(m)).toBe(text);
  });

  it('every kind takes the form of its number: 1 one, 3 and 22 few, 7 and 12 many, 2,5 other', () => {
    const cases = [[1, '1', 'one'], [3, '3', 'few'], [22, '22', 'few'], [7, '7', 'many'], [12, '12', 'many'], [2.5, '2,5', 'other']] as const;
    for (const k of MEASURE_KINDS) {
      for (const [value, number, form] of cases) {
        expect(formatMeasure({ kind: k.lemma, value }), `${k.lemma} ${value}`).toBe(`${number} ${k.forms[form]}`);
        expect(measureWordFor(k.lemma, value), `${k.lemma} ${value}`).toMatch(/^\p{L}[\p{L} ]*$/u);
      }
    }
  });

  it('throws for an unknown kind (programmer error)', () => {
    expect(() => formatMeasure({ kind: 'jednostka', value: 1 })).toThrow(/unknown measure kind/);
  });
});
