import { fail, ok, type ParseResult } from '../result.ts';
import { MSG } from '../messages/catalogue.ts';

/**
 * Polish number format: groups of three digits separated by a space (in practice an ordinary space,
 * U+00A0 or U+202F), comma as the decimal mark: "10 900", "4 877,29", "15,48".
 *
 * Settled ambiguities:
 * - a dot is never accepted: "1.234" could be a German thousand or an English decimal, and "1.5"
 *   is an English decimal; both are rejected with a reason telling what to type instead;
 * - digits without any separator ("14938") are accepted: unambiguous, and the report writes them;
 * - grouping must be regular: first group 1–3 digits, then groups of exactly 3 ("1 23" is rejected).
 */

/** Characters accepted as the thousands separator. */
export const PL_GROUP_SEPARATORS = [' ', '\u00a0', '\u202f'] as const;

/** Options of parsePlNumber. */
export interface ParsePlNumberOptions {
  /** Accept a leading minus sign. Default false: the domain's amounts are counts and money. */
  allowNegative?: boolean;
  /** Most digits allowed after the comma (e.g. 2 for money). Default unlimited. */
  maxDecimals?: number;
}

const GROUPED = /^\d{1,3}(?: \d{3})+$/;
const PLAIN = /^\d+$/;

/** Parses a number written the Polish way ("4 877,29"); never throws. A missing cell (null/undefined) is "empty". */
export function parsePlNumber(text: string | null | undefined, options: ParsePlNumberOptions = {}): ParseResult<number> {
  const original = (text ?? '').trim();
  if (original === '') return fail(MSG.numbers.empty);
  // One kind of space from here on; a minus may be written as U+2212 or a dash.
  let s = original.replace(/[\u00a0\u202f]/g, ' ').replace(/^[\u2212\u2013]/, '-');
  let negative = false;
  if (s.startsWith('-')) {
    if (!options.allowNegative) return fail(MSG.numbers.negative(original));
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (/[^\d ,.]/.test(s)) return fail(MSG.numbers.badCharacters(original));
  if (s.includes('.')) {
    const m = /^\d{1,3}(?:\.\d{3})+$/.test(s);
    return m
      ? fail(MSG.numbers.ambiguousDot(original))
      : fail(MSG.numbers.dotDecimal(original));
  }
  const commas = s.split(',').length - 1;
  if (commas > 1) return fail(MSG.numbers.manyCommas(original));
  const [intPart = '', fracPart] = s.split(',');
  if (intPart === '') return fail(MSG.numbers.noIntegerPart(original));
  if (fracPart !== undefined && !PLAIN.test(fracPart)) {
    return fail(MSG.numbers.badFraction(original));
  }
  if (!PLAIN.test(intPart) && !GROUPED.test(intPart)) {
    return fail(MSG.numbers.badGrouping(original));
  }
  if (fracPart !== undefined && options.maxDecimals !== undefined && fracPart.length > options.maxDecimals) {
    return fail(MSG.numbers.tooManyDecimals(original, options.maxDecimals));
  }
  const value = Number(`${intPart.replace(/ /g, '')}${fracPart !== undefined ? `.${fracPart}` : ''}`);
  if (!Number.isFinite(value)) return fail(MSG.numbers.outOfRange(original));
  return ok(negative && value !== 0 ? -value : value);
}

/** Options of formatPlNumber. */
export interface FormatPlNumberOptions {
  /** Exactly this many decimals; default: as many as needed, at most 2. */
  decimals?: number;
  /** At most this many decimals when `decimals` is not given (default 2): a form that shows a figure to edit must not round it. */
  maxDecimals?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(decimals: number | undefined, maxDecimals = 2): Intl.NumberFormat {
  const key = `${decimals}/${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    // useGrouping 'always': pl-PL's default ('min2') leaves 4-digit numbers ungrouped ("1234").
    f = new Intl.NumberFormat('pl-PL', {
      useGrouping: 'always',
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? Math.max(maxDecimals, 0),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Writes a number the Polish way, grouping from 4 digits with U+00A0: 1234.5 → "1 234,5". */
export function formatPlNumber(n: number, options: FormatPlNumberOptions = {}): string {
  if (!Number.isFinite(n)) throw new Error(`formatPlNumber: not a finite number: ${n}`);
  // Intl writes U+2212 for minus in some engines; the ASCII hyphen is what parsePlNumber reads back.
  return formatterFor(options.decimals, options.maxDecimals).format(n).replace(/\u2212/g, '-').replace(/\u202f/g, '\u00a0');
}

// Money lives in money.ts; re-exported so "numbers/polishNumber" is the one entry point for Polish number text.
export { parseMoney, formatMoney, type Grosze } from './money.ts';
