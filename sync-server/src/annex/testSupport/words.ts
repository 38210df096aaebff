/**
 * Test support: compares two texts word by word, in order (a longest common subsequence of their
 * words, jsdiff's Myers diff), to tell how much of a source document a generated one reproduces
 * and which runs of the source's words it does not.
 */
import { diffArrays } from 'diff';

/** Lower-case words and numbers; punctuation, quotes and any kind of space separate them. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('pl').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The 1-based line of each word of wordsOf(text). */
export function lineOfWords(text: string): number[] {
  return text.split('\n').flatMap((line, i) => wordsOf(line).map(() => i + 1));
}

export interface Comparison {
  sourceWords: number;
  reproduced: number;
  /** reproduced / sourceWords */
  share: number;
  /** Runs of consecutive source words not found in order in the generated text. */
  missing: { at: number; words: string[] }[];
  /** Runs of generated words the source does not have (in that place). */
  extra: { words: string[] }[];
}

export function compareWords(source: string, generated: string): Comparison {
  const a = wordsOf(source);
  const b = wordsOf(generated);
  const missing: Comparison['missing'] = [];
  const extra: Comparison['extra'] = [];
  let at = 0;
  let reproduced = 0;
  for (const part of diffArrays(a, b)) {
    if (part.removed) missing.push({ at, words: part.value });
    else if (part.added) extra.push({ words: part.value });
    else reproduced += part.value.length;
    if (!part.added) at += part.value.length;
  }
  return { sourceWords: a.length, reproduced, share: reproduced / a.length, missing, extra };
}
