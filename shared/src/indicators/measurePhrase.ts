/**
 * Reading the measure that follows a number: optional quote, up to two words before the measure
 * word ("100 wypłaconych świadczeń"), the measure word itself (possibly "dzieci/uczniów"), and its
 * own qualifier — the words after it up to the next comma, dash, number, "oraz" or "w tym".
 */
import { measureKindOfWord } from '../measures/kinds.ts';

/** A measure phrase found right after a number. */
export interface MeasurePhrase {
  kind: string;
  /** Words between the number and the measure word ("wypłaconych"). */
  preWords: string[];
  /** The measure word as written, with slash alternatives ("dzieci/uczniów"). */
  word: string;
  /** The qualifier text as written after the word, cleaned. */
  postText: string;
  /** End of the measure word (closing quote included). */
  wordEnd: number;
  /** End of the consumed qualifier text. */
  end: number;
}

const OPEN_QUOTES = /^[„"“'«]/;
const CLOSE_QUOTES = /^[”"'»]/;
const WORD = /^\p{L}+(?:\/\p{L}+)*/u;
/** Words that never sit between a number and its measure word. */
const PREPOSITIONS = new Set(['w', 'we', 'z', 'ze', 'do', 'na', 'dla', 'i', 'oraz', 'o', 'u', 'od', 'po', 'przez', 'lub', 'a', 'to', 'r']);
/** Longest phrase after a dash still read as the measure's qualifier. */
const MAX_DASH_QUALIFIER_WORDS = 4;
/** Words that may dangle at the end of a qualifier cut before a number. */
const TRAILING_JUNK = /(?:\s+|^)(?:dla|w|we|z|ze|u|i|oraz|na|do|przez|od|po|o|lub|a|łącznie|liczba|tym)$/iu;

/** Reads the measure phrase starting at `pos` (just after a number), or undefined when none follows. */
export function readMeasurePhrase(text: string, pos: number, nextNumberStart: number): MeasurePhrase | undefined {
  let i = pos;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  const preWords: string[] = [];
  for (let n = 0; n < 3; n++) {
    if (OPEN_QUOTES.test(text.slice(i))) {
      i++;
      skipSpaces();
    }
    const m = WORD.exec(text.slice(i, nextNumberStart));
    if (!m) return undefined;
    const word = m[0];
    const first = word.split('/')[0]!;
    const kind = measureKindOfWord(first);
    if (kind) {
      i += word.length;
      if (CLOSE_QUOTES.test(text.slice(i))) i++;
      const wordEnd = i;
      const { postText, end } = readQualifier(text, i, nextNumberStart);
      return { kind, preWords, word, postText, wordEnd, end };
    }
    if (n === 2 || PREPOSITIONS.has(first.toLocaleLowerCase('pl')) || first.length < 3) return undefined;
    preWords.push(word);
    i += word.length;
    if (CLOSE_QUOTES.test(text.slice(i))) i++;
    if (text[i] !== ' ' && !OPEN_QUOTES.test(text.slice(i))) return undefined;
    skipSpaces();
  }
  return undefined;
}

/** The qualifier after a measure word: up to a top-level comma, dash, ". ", ";", "oraz", "w tym" or the next number. */
export function readQualifier(text: string, start: number, limit: number): { postText: string; end: number } {
  let depth = 0;
  let i = start;
  const stopAt = (k: number) => ({ postText: cleanQualifier(text.slice(start, k)), end: k });
  for (; i < limit; i++) {
    const c = text[i]!;
    const rest = text.slice(i);
    if (c === '(' || c === '„' || c === '“') {
      if (/^\(\s*w tym(?!\p{L})/iu.test(rest)) return stopAt(i);
      depth++;
    } else if (c === ')' || c === '”') {
      if (depth === 0) return stopAt(i);
      depth--;
    } else if (depth === 0) {
      if (c === ';') return stopAt(i);
      if (c === '.' && (i + 1 >= text.length || text[i + 1] === ' ')) return stopAt(i);
      if (c === ',') {
        // A relative clause continues the qualifier: "50 rodzin, które skorzystały z usługi".
        if (/^,\s*(?:\p{L}+\s+){0,2}któr/iu.test(rest)) continue;
        return stopAt(i);
      }
      // A hyphen glued to the word before it is a line-break hyphen ("psychologiczno- pedagogiczną").
      if (c === '–' || c === '—' || (c === '-' && text[i - 1] === ' ')) {
        // "9 szkół –zajęcia szachowe": a short phrase right after a dash names the measure; a longer
        // one ("24 uczestników - zajęcia zrealizowano w ramach …") is a remark left in the remainder.
        if (text.slice(start, i).trim() === '') {
          const segmentEnd = nextBoundary(text, i + 1, limit);
          const phrase = text.slice(i + 1, segmentEnd);
          if (!/\d/.test(phrase) && phrase.trim().split(/\s+/).length <= MAX_DASH_QUALIFIER_WORDS) {
            return { postText: cleanQualifier(phrase), end: segmentEnd };
          }
        }
        return stopAt(i);
      }
      if (/^(?:oraz|w tym)(?!\p{L})/iu.test(rest) && /(?:^|\s)$/.test(text.slice(start, i))) return stopAt(i);
    }
  }
  return stopAt(limit);
}

function nextBoundary(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === ',' || c === ';' || (c === '.' && (i + 1 >= text.length || text[i + 1] === ' '))) return i;
  }
  return limit;
}

/** Trims punctuation, dangling prepositions and unbalanced brackets/quotes from a qualifier. */
export function cleanQualifier(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  for (let guard = 0; guard < 10; guard++) {
    const before = s;
    s = s.replace(/^[\s,;:.–—\-]+/u, '').replace(/[\s,;:–—\-(]+$/u, '').trim();
    s = s.replace(TRAILING_JUNK, '').trim();
    if ((s.match(/\(/g) ?? []).length < (s.match(/\)/g) ?? []).length) s = s.replace(/\)$/, '').trim();
    if ((s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length) s = s.slice(0, s.lastIndexOf('(')).trim();
    if ((s.match(/[„“]/g) ?? []).length < (s.match(/”/g) ?? []).length) s = s.replace(/^”|”$/g, '').trim();
    if (s === before) break;
  }
  return s;
}
