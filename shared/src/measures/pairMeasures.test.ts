import { describe, expect, it } from 'vitest';
import { pairMeasures, qualifierSimilarity } from './pairMeasures.ts';

describe('qualifierSimilarity', () => {
  it.each([
    [undefined, '', 1],
    ['zajęć', 'zajęć', 1],
    ['szkół/placówek', 'szkoły i placówki', 1],
    ['wydarzenia plenerowego', 'warsztatów edukacyjnych', 0],
    ['', 'tematycznych', 0],
  ])('%j ~ %j = %d', (a, b, s) => {
    expect(qualifierSimilarity(a, b)).toBeCloseTo(s);
  });
});

describe('pairMeasures', () => {
  it('keeps plan order, then actual-only measures', () => {
    const pairs = pairMeasures(
      [{ kind: 'uczestnik', value: 600 }, { kind: 'uczestnik', value: 800, qualifier: 'warsztatów tematycznych' }, { kind: 'zajęcia', value: 1040 }],
      [{ kind: 'widz', value: 5 }, { kind: 'uczestnik', value: 810, qualifier: 'warsztatów tematycznych' }, { kind: 'uczestnik', value: 442 }],
    );
    expect(pairs.map((p) => [p.kind, p.plan?.value ?? null, p.actual?.value ?? null])).toEqual([
      ['uczestnik', 600, 442],
      ['uczestnik', 800, 810],
      ['zajęcia', 1040, null],
      ['widz', null, 5],
    ]);
  });
});
