/**
 * Parsing a plan or actual cell of the report into measures.
 *
 * 1. Normalise no-break spaces; find every number (numberTokens.ts).
 * 2. For each number, read a following measure phrase (measurePhrase.ts) or the "liczba X – N" form.
 * 3. Numbers that are not measures are classified (year, age, date, ordinal, name) into `ignored`;
 *    any other number goes to `unparsed`, so nothing is lost silently.
 * 4. Measures of one kind that the cell names several times get a qualifier telling them apart.
 * 5. The wording gives the plan kind (plan role) or the status (actual role) (status.ts).
 */
import type { Measure } from '../measures/schema.ts';
import type { PlanKind, ReportStatus } from '../report/schema.ts';
import { measureKindOfWord } from '../measures/kinds.ts';
import { findNumberTokens, normaliseSpaces, numberClassifier, type IgnoredNumberCategory, type NumberToken } from './numberTokens.ts';
import { cleanQualifier, readMeasurePhrase, readQualifier } from './measurePhrase.ts';
import { newActivityYear, planKindOf, statusOf } from './status.ts';

export type { IgnoredNumberCategory } from './numberTokens.ts';

/** A number deliberately not read as a measure. */
export interface IgnoredNumber {
  text: string;
  category: IgnoredNumberCategory;
}

/** What an indicator cell says. */
export interface ParsedIndicator {
  measures: Measure[];
  /** Actual role: the status the wording implies (null for an empty cell). Always null for the plan role. */
  status: ReportStatus | null;
  /** Plan role: target / new_activity / descriptive. Always null for the actual role. */
  planKind: PlanKind | null;
  /** "włączone do Programu w 2022 roku" → 2022 (either role). */
  sinceYear?: number;
  /** The text left after taking out the measures: remarks, descriptions. */
  remainder: string;
  /** Numbers neither read as a measure nor ignored for a known reason, each with a little context. */
  unparsed: string[];
  /** Numbers ignored on purpose, with the reason. */
  ignored: IgnoredNumber[];
}

/** Which column the cell comes from, and the reporting year. */
export interface ParseIndicatorOptions {
  role: 'plan' | 'actual';
  /** The reporting year; bounds what a bare 4-digit number may be as a year. */
  year: number;
}

interface Found {
  measure: Measure;
  /** Own qualifier from the words around the measure word. */
  own: string;
  /** Text before the number within its segment, e.g. "gra terenowa" in "gra terenowa – 25 uczestników". */
  label: string;
  /** The previous measure's words as written, e.g. "warsztatów tematycznych". */
  previousPhrase: string;
  /** The measure's own words as written, for the next measure's `previousPhrase`. */
  phrase: string;
  start: number;
  end: number;
}

/** Parses a plan or actual indicator cell; never throws on any text. */
export function parseIndicatorText(text: string, options: ParseIndicatorOptions): ParsedIndicator {
  const t = normaliseSpaces(text.normalize('NFC'));
  const tokens = findNumberTokens(t);
  const classify = numberClassifier(t, options.year);
  const found: Found[] = [];
  const ignored: IgnoredNumber[] = [];
  const unparsed: string[] = [];

  // Numbers certainly not measures (dates, "2023/2024", "KKR 3+") may sit inside a qualifier.
  const boundaries = tokens.filter((tok) => classify.strong(tok) === undefined).map((tok) => tok.start);
  tokens.forEach((token) => {
    const nextStart = boundaries.find((b) => b > token.start) ?? t.length;
    const phrase = readMeasurePhrase(t, token.end, nextStart);
    const category = classify(token, phrase !== undefined);
    if (category) return void ignored.push({ text: token.text, category });
    const prev = found.at(-1);
    const segmentStart = Math.max(segmentStartBefore(t, token.start), prev?.end ?? 0);
    const label = cleanQualifier(t.slice(segmentStart, token.start).replace(/\d[\d ,]*/g, ' '));
    if (phrase) {
      const own = cleanQualifier([...phrase.preWords, phrase.postText].join(' '));
      const slashAlternatives = phrase.word.includes('/') ? phrase.word : '';
      found.push({
        measure: { kind: phrase.kind, value: token.value },
        own: [slashAlternatives, own].filter(Boolean).join(' '),
        label,
        previousPhrase: prev?.phrase ?? '',
        phrase: cleanQualifier(t.slice(token.end, phrase.end)),
        start: token.start,
        end: phrase.end,
      });
      return;
    }
    const counted = readCountedAfterDash(t, segmentStart, token);
    if (counted) return void found.push({ ...counted, label: '', previousPhrase: prev?.phrase ?? '' });
    unparsed.push(t.slice(token.start, Math.min(t.length, token.end + 24)).trim());
  });

  const measures = disambiguate(found);
  const sinceYear = newActivityYear(t);
  return {
    measures,
    status: options.role === 'actual' ? statusOf(t, measures.length) : null,
    planKind: options.role === 'plan' ? planKindOf(t, measures.length) : null,
    ...(sinceYear !== undefined ? { sinceYear } : {}),
    remainder: remainderOf(t, found),
    unparsed,
    ignored,
  };
}

/** Start of the segment (after the last top-level comma, ";" or ". ") that holds `pos`. */
function segmentStartBefore(t: string, pos: number): number {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    const c = t[i];
    if (c === ')' || c === '”') depth++;
    else if (c === '(' || c === '„' || c === '“') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';' || (c === '.' && t[i + 1] === ' '))) return i + 1;
  }
  return 0;
}

/** "liczba młodzieży biorącej udział w programach - 100": the counted noun precedes the number. */
function readCountedAfterDash(t: string, segmentStart: number, token: NumberToken): Omit<Found, 'label' | 'previousPhrase'> | undefined {
  const segment = t.slice(segmentStart, token.start);
  const m = /liczba\s+(\p{L}+)((?:\/\p{L}+)*)(.*?)[-–—:]\s*$/iu.exec(segment);
  const kind = m ? measureKindOfWord(m[1]!) : undefined;
  if (!m || !kind) return undefined;
  const after = readQualifier(t, token.end, t.length);
  if (after.postText !== '') return undefined;
  const own = cleanQualifier(`${m[2] ?? ''} ${m[3] ?? ''}`);
  return {
    measure: { kind, value: token.value },
    own,
    phrase: cleanQualifier(`${m[1]}${m[2] ?? ''} ${m[3] ?? ''}`),
    start: segmentStart + m.index,
    end: token.end,
  };
}

/**
 * Sets qualifiers. A measure keeps its own words as qualifier. When two measures of one kind would
 * then look the same, each takes the text before its number in its segment ("gra terenowa"); a later
 * one without such text takes the preceding measure's context ("dodatkowo zrekrutowano …") or words
 * ("warsztatów tematycznych"), so "600 uczestników, 50 warsztatów, 800 uczestników" keeps the first
 * plain. A last remaining clash gets an ordinal "(2)".
 */
function disambiguate(found: Found[]): Measure[] {
  const key = (kind: string, q: string) => `${kind}|${q.toLocaleLowerCase('pl')}`;
  const count = new Map<string, number>();
  for (const f of found) count.set(key(f.measure.kind, f.own), (count.get(key(f.measure.kind, f.own)) ?? 0) + 1);
  const firstSeen = new Set<string>();
  const qualifiers = found.map((f, i) => {
    const k = key(f.measure.kind, f.own);
    const isFirst = !firstSeen.has(k);
    firstSeen.add(k);
    if ((count.get(k) ?? 0) < 2) return f.own;
    const previous = found[i - 1];
    const context = f.label || (isFirst ? '' : previous?.label || f.previousPhrase);
    return context ? (f.own ? `${context}: ${f.own}` : context) : f.own;
  });
  const seen = new Map<string, number>();
  return found.map((f, i) => {
    let q = qualifiers[i]!;
    const n = (seen.get(key(f.measure.kind, q)) ?? 0) + 1;
    seen.set(key(f.measure.kind, q), n);
    if (n > 1) q = q ? `${q} (${n})` : `(${n})`;
    q = q.slice(0, 200);
    return q ? { ...f.measure, qualifier: q } : { ...f.measure };
  });
}

/** The text without the measures' spans, tidied. */
function remainderOf(t: string, found: Found[]): string {
  let out = '';
  let pos = 0;
  for (const f of [...found].sort((a, b) => a.start - b.start)) {
    if (f.start < pos) continue;
    out += `${t.slice(pos, f.start)} `;
    pos = f.end;
  }
  out += t.slice(pos);
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;)])/g, '$1')
    .replace(/([,;]\s*){2,}/g, ', ')
    .replace(/^[\s,;.–\-]+|[\s,;–\-]+$/g, '')
    .trim();
}
