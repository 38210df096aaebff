import { describe, expect, it } from 'vitest';
import { MEASURE_KINDS, isMeasureKind, measureKindOfWord } from './kinds.ts';

describe('measure vocabulary', () => {
  it('has unique lemmas, each with all four forms and a label', () => {
    const lemmas = MEASURE_KINDS.map((k) => k.lemma);
    expect(new Set(lemmas).size).toBe(lemmas.length);
    for (const k of MEASURE_KINDS) {
      expect(k.label.length).toBeGreaterThan(0);
      for (const f of Object.values(k.forms)) expect(f.length).toBeGreaterThan(0);
    }
  });

  it.each(['spotkanie', 'uczestnik', 'osoba', 'zajęcia', 'godzina', 'etat', 'świadczeniobiorca', 'polubienie'])(
    'knows %s',
    (lemma) => expect(isMeasureKind(lemma)).toBe(true),
  );

  it.each([undefined, 42, '', 'spotkania', 'jednostka'])('rejects %j as a kind', (v) => {
    expect(isMeasureKind(v)).toBe(false);
  });
});

describe('measureKindOfWord', () => {
  it.each([
    ['uczestników', 'uczestnik'],
    ['uczestnicy', 'uczestnik'],
    ['Uczestników', 'uczestnik'],
    ['osób', 'osoba'],
    ['osoby', 'osoba'],
    ['dzieci', 'dziecko'],
    ['rodzin', 'rodzina'],
    ['rodziny', 'rodzina'],
    ['rodzina', 'rodzina'],
    ['spotkań', 'spotkanie'],
    ['spotkania', 'spotkanie'],
    ['zajęć', 'zajęcia'],
    ['godzin', 'godzina'],
    ['usług', 'usługa'],
    ['etatu', 'etat'],
    ['etatów', 'etat'],
    ['kontrole', 'kontrola'],
    ['Kluby', 'klub'],
    ['Programów', 'program'],
    ['szkół', 'szkoła'],
    ['przedszkoli', 'przedszkole'],
    ['placówkach', 'placówka'],
    ['świadczeń', 'świadczenie'],
    ['świadczeniobiorców', 'świadczeniobiorca'],
    ['polubień', 'polubienie'],
    ['wejść', 'wejście'],
    ['miesiące', 'miesiąc'],
    ['młodzieży', 'młodzież'],
    [' WIDZÓW ', 'widz'],
  ])('%s → %s', (word, lemma) => {
    expect(measureKindOfWord(word)).toBe(lemma);
  });

  it.each(['roku', 'lat', 'zł', 'przedsięwzięcie', 'w', ''])('%j is not a measure word', (word) => {
    expect(measureKindOfWord(word)).toBeUndefined();
  });

  it('keeps osoba and uczestnik apart', () => {
    expect(measureKindOfWord('osób')).not.toBe(measureKindOfWord('uczestników'));
  });
});
