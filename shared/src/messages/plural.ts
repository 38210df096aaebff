/**
 * Counted nouns: one helper for every Polish text with a number in it. The category comes from
 * Intl.PluralRules('pl'): one (1), few (2–4, 22–24, …), many (0, 5–21, 25–31, 112, …), other
 * (fractions). Adjectives agree with their noun because they carry forms for the same categories:
 * counted(3, MISSING, 'lub', WRONG, ITEM) → "3 brakujące lub błędne pozycje",
 * counted(7, …) → "7 brakujących lub błędnych pozycji".
 */
import { formatPlNumber } from '../numbers/polishNumber.ts';

/** A word's forms after a number. `other` (fractions, genitive singular) defaults to `many`. */
export interface CountForms {
  /** 1 pozycja */
  one: string;
  /** 2–4, 22–24: pozycje */
  few: string;
  /** 0, 5–21, 25…: pozycji */
  many: string;
  /** 1,5 godziny */
  other?: string;
}

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

const rules = new Intl.PluralRules('pl');

/** The Polish plural category of `n`. */
export function pluralCategory(n: number): PluralCategory {
  return rules.select(n) as PluralCategory;
}

/** The form of a word that goes with `n`. */
export function formFor(n: number, forms: CountForms): string {
  const c = pluralCategory(n);
  return c === 'other' ? forms.other ?? forms.many : forms[c];
}

/**
 * "N words…": the number in Polish format, then every part in the form `n` needs (adjectives and
 * the noun), plain strings kept as they are ("lub", "z dziećmi").
 */
export function counted(n: number, ...parts: readonly (string | CountForms)[]): string {
  return [formatPlNumber(n), ...parts.map((p) => (typeof p === 'string' ? p : formFor(n, p)))].join(' ');
}

/** Like counted() without the number, for "Zapisano: 3 zmiany" style where the number sits elsewhere. */
export function agreeing(n: number, ...parts: readonly (string | CountForms)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : formFor(n, p))).join(' ');
}
