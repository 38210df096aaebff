import { fail, ok, type ParseResult } from '../result.ts';
import { parsePlNumber } from '../numbers/polishNumber.ts';
import { MSG } from '../messages/catalogue.ts';
import { isWholeCountKind, measureKindDef } from './kinds.ts';

/** The genitive plural of a kind's word ("uczestników"), for "liczba uczestników". */
export const kindGenitivePlural = (kind: string): string => measureKindDef(kind)?.forms.many ?? kind;

/**
 * Checks a measure's value against its kind: counts of discrete things are whole numbers, only
 * kinds declared fractional (hours, posts) take fractions. null when fine, else the reason.
 */
export function measureValueProblem(kind: string, value: number): string | null {
  return isWholeCountKind(kind) && !Number.isInteger(value) ? MSG.numbers.wholeCountValue(kindGenitivePlural(kind)) : null;
}

/**
 * Reads a measure's value as a person typed it (Polish format) or as a spreadsheet number, for a
 * kind: "1,234" uczestników is refused with a reason (a count is whole; thousands take a space),
 * "4 877,29" godzin is fine. Never throws.
 */
export function parseMeasureValue(input: string | number, kind: string): ParseResult<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(MSG.schema.valueNotFinite);
    if (input < 0) return fail(MSG.schema.valueNegative);
    const problem = measureValueProblem(kind, input);
    return problem ? fail(problem) : ok(input);
  }
  const parsed = parsePlNumber(input);
  if (!parsed.ok) return parsed;
  return isWholeCountKind(kind) && !Number.isInteger(parsed.value)
    ? fail(MSG.numbers.wholeCount(input, kindGenitivePlural(kind)))
    : parsed;
}
