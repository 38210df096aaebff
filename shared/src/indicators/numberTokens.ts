/**
 * Finding numbers in free indicator text and telling the ones that are not measures apart:
 * years, ages, dates, ordinals and numbers that are part of a name or code.
 */

/** Why a number found in an indicator text is not a measure. */
export type IgnoredNumberCategory =
  /** "w 2024 roku", "2022-2024", "edycji 2023/2024", "Informator … 2024" */
  | 'year'
  /** "do 18 roku życia", "do lat 3", "3-6 lat" */
  | 'age'
  /** "12.05.2024", "15 maja" */
  | 'date'
  /** "3. edycja" */
  | 'ordinal'
  /** part of a name, title or code: "KKR 3+", "„5 porcji warzyw”", "W-2", "nr 12" */
  | 'name';

/** A number in the text, located by its span in the (space-normalised) text. */
export interface NumberToken {
  /** As written, e.g. "2 208" */
  text: string;
  value: number;
  start: number;
  end: number;
  /** digits only, no group separators nor decimals */
  plainInteger: boolean;
}

// Group separators are normalised to ' ' before scanning (same length, so spans stay valid).
const NUMBER = /\d{1,3}(?: \d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?/g;

/** Replaces U+00A0 and U+202F with ordinary spaces; keeps length so spans map onto the original. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\t]/g, ' ');
}

/** All numbers in a space-normalised text, left to right. */
export function findNumberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    // A "decimal" comma directly followed by a digit after a word is rare; the regex only takes it
    // when it sits between digits, so "spotkań,445" yields 445.
    const value = Number(raw.replace(/ /g, '').replace(',', '.'));
    out.push({ text: raw, value, start: m.index, end: m.index + raw.length, plainInteger: /^\d+$/.test(raw) });
  }
  return out;
}

const MONTHS = 'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia';

/** Classifier of one text's numbers; see numberClassifier. */
export interface NumberClassifier {
  (token: NumberToken, followedByMeasure: boolean): IgnoredNumberCategory | undefined;
  strong(token: NumberToken): IgnoredNumberCategory | undefined;
}

const DATE = /(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)|(?<!\d)\d{1,2}\.\d{4}(?!\d)/g;

/**
 * Classifies numbers of one text by context. The returned function gives the non-measure category
 * of a number, or undefined when the context says nothing (then it may be a measure).
 * `followedByMeasure` lets "dla 2006 dzieci" be a measure although 2006 looks like a year.
 */
export function numberClassifier(
  text: string,
  year: number,
): NumberClassifier {
  const dateSpans = [...text.matchAll(DATE)].map((m) => [m.index, m.index + m[0].length] as const);
  const classify = (token: NumberToken, followedByMeasure: boolean, strongOnly = false): IgnoredNumberCategory | undefined => {
    const before = text.slice(Math.max(0, token.start - 40), token.start);
    const after = text.slice(token.end, token.end + 40);

    if (dateSpans.some(([s, e]) => token.start >= s && token.end <= e)) return 'date';
    if (new RegExp(`^\\s*(?:${MONTHS})(?!\\p{L})`, 'iu').test(after)) return 'date';

    // Ages: "do 18 roku życia", "3-6 lat", "do lat 3", "w wieku 7".
    if (/^\s*(?:[-–]\s*\d+\s*)?(?:roku|rok|r\.)\s+życia/iu.test(after)) return 'age';
    if (/^\s*(?:[-–]\s*\d+\s*)?(?:lat|lata|latach)(?!\p{L})/iu.test(after)) return 'age';
    if (/(?:^|\P{L})(?:lat|wieku|wiek)\s*(?:\d+\s*[-–]\s*)?$/iu.test(before)) return 'age';

    // Years: followed by "r."/"rok"/"roku", in a range "2022-2024" / "2023/2024", or a bare plausible year.
    const yearLike = token.plainInteger && token.text.length === 4 && token.value >= 1950 && token.value <= year + 10;
    if (yearLike) {
      if (/^\s*(?:r\.|rok|roku|rokiem)(?!\p{L})/iu.test(after)) return 'year';
      if (/^\s*[-–/]\s*\d{2,4}(?!\d)/.test(after) || /\d{4}\s*[-–/]\s*$/.test(before)) return 'year';
      if (!followedByMeasure && !strongOnly) return 'year';
    }
    if (/^\+/.test(after)) return 'name';
    if (followedByMeasure || strongOnly) return undefined;

    // Part of a name or code: inside „…”, "KKR 3+", "W-2", "PS/W2", "nr 12".
    const head = text.slice(0, token.start);
    if ((head.match(/[„“]/g) ?? []).length > (head.match(/”/g) ?? []).length) return 'name';
    if (/[\p{L}/][-/]?$/u.test(before)) return 'name';
    if (/(?:^|\P{L})(?:nr|№)\.?\s*$/iu.test(before)) return 'name';

    // Ordinals: "3. edycja" (a dot, a space, a lower-case word).
    if (/^\.\s+\p{Ll}/u.test(after)) return 'ordinal';
    return undefined;
  };
  return Object.assign(classify, {
    /** Categories certain from context alone (dates, ages, "w 2024 roku", "2023/2024", "3+"): such numbers may sit inside a qualifier. */
    strong: (token: NumberToken) => classify(token, false, true),
  });
}
