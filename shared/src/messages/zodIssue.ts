/**
 * Every issue kind zod can raise for our contracts, as a Polish sentence that names the field and
 * says what to do. The server's validate() middleware answers with these; the pane shows them.
 *
 * Settled choices:
 * - messages are built from the issue's code and full path here, not inside zod, because a zod
 *   error map sees only the path below the schema that raised the issue;
 * - `custom` issues (refinements) keep their own reason, which comes from the catalogue;
 * - a missing value (input undefined) is "Uzupełnij pole …", never "expected string, received undefined":
 *   parse with `{ reportInput: true }` so the issue carries its input.
 */
import type { z } from 'zod';
import { MSG } from './catalogue.ts';

/** A finished zod issue, with its input when parsed with reportInput. */
type Issue = z.core.$ZodIssue & { input?: unknown };

/** Path of an issue as "entries[3].actual.measures[0].value". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** "entries[3].comment" → "entries[].comment": the key of MSG.fields. */
const fieldKey = (path: readonly PropertyKey[]) => issuePath(path.map((p) => (typeof p === 'number' ? -1 : p))).replace(/\[-1\]/g, '[]');

/** The field's Polish name: from MSG.fields, else the last key as it is. */
export function fieldName(path: readonly PropertyKey[], whole: string = MSG.zod.wholeRequest): string {
  if (path.length === 0) return whole;
  const known = MSG.fields[fieldKey(path)];
  if (known) return known.name;
  const last = [...path].reverse().find((p) => typeof p !== 'number');
  return last === undefined ? whole : String(last);
}

/** "Pozycja 4: " for a problem inside entries[3] ("Uwaga 2: " inside comments[1]), so a long list's problem can be found. */
function position(path: readonly PropertyKey[]): string {
  for (const [list, label] of [['entries', 'Pozycja'], ['comments', 'Uwaga']] as const) {
    const i = path.indexOf(list);
    const n = i >= 0 ? path[i + 1] : undefined;
    if (typeof n === 'number' && path.length > i + 2) return `${label} ${n + 1}: `;
  }
  return '';
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('pl') + s.slice(1);

/** Allowed values of an enum/literal issue, or of every branch of a union of them. */
function allowedValues(issue: Issue): string[] | null {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'invalid_union' && !('note' in issue && issue.note)) {
    const values = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' && e.path.length === 0 ? e.values.map(String) : []));
    return values.length > 0 && issue.errors.every((branch) => branch.every((e) => e.code === 'invalid_value')) ? values : null;
  }
  return null;
}

function shown(input: unknown): string | null {
  return typeof input === 'string' || typeof input === 'number' ? String(input) : null;
}

export interface DescribeOptions {
  /** Keys the object accepts, for unrecognized_keys. */
  allowedKeys?: readonly string[];
  /** Name of the whole input when the path is empty ("treść żądania", "parametry adresu"). */
  whole?: string;
}

/** One zod issue as a Polish sentence naming the field and what to do. */
export function describeIssue(issue: Issue, options: DescribeOptions = {}): string {
  const f = fieldName(issue.path, options.whole);
  const def = MSG.fields[fieldKey(issue.path)];
  const z = MSG.zod;
  const at = position(issue.path);
  const text = ((): string => {
    if (def?.ownMessages && issue.message && issue.input !== undefined) return z.custom(f, issue.message);
    switch (issue.code) {
      case 'invalid_type': {
        if (issue.input === undefined && issue.expected !== 'undefined') return def?.required ?? z.required(f);
        const e = issue.expected as string;
        if (e === 'int' || e === 'integer') return z.expected.int(f);
        if (e === 'number' && typeof issue.input === 'number') return z.notFinite(f);
        const byType = z.expected as Record<string, (f: string) => string>;
        return (byType[e] ?? z.expected.other)(f);
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') return min <= 1 ? def?.required ?? z.required(f) : z.minLength(min, f);
        if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? def?.required ?? z.required(f) : z.minItems(min, f);
        return z.min(f, min, issue.inclusive !== false);
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') return z.maxLength(max, f);
        if (issue.origin === 'array' || issue.origin === 'set') return z.maxItems(max, f);
        return z.max(f, max, issue.inclusive !== false);
      }
      case 'invalid_format':
        return z.format(f, def?.hint ?? (issue.format === 'regex' ? undefined : undefined));
      case 'not_multiple_of':
        return z.multipleOf(f, Number(issue.divisor));
      case 'unrecognized_keys':
        return z.unknownKeys(issue.keys, options.allowedKeys ?? []);
      case 'invalid_value':
      case 'invalid_union': {
        const allowed = allowedValues(issue);
        if (allowed) return z.unknownValue(f, shown(issue.input), allowed);
        // A union of object shapes: the closest branch's first problem says more than "no match".
        const branch = issue.code === 'invalid_union' ? issue.errors.find((b) => b.length > 0)?.[0] : undefined;
        return branch ? describeIssue({ ...branch, path: [...issue.path, ...branch.path] } as Issue, options) : z.invalidValue(f);
      }
      case 'invalid_key':
        return z.invalidKey(f);
      case 'invalid_element':
        return z.invalidElement(f);
      case 'custom':
        if (!issue.message) return z.invalidValue(f);
        if (issue.path.length === 0) return capitalize(issue.message);
        // a reason that already names its field ("numer załącznika: …") is not named twice
        return issue.message.startsWith(`${f}:`) ? capitalize(issue.message) : z.custom(f, issue.message);
    }
  })();
  return at ? `${at}${lower(text)}` : text;
}

function capitalize(s: string): string {
  const t = s.charAt(0).toLocaleUpperCase('pl') + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * A zod error map for z.config({ customError }): the same Polish sentences wherever a contract is
 * parsed without describeIssue (the path is then the part below the raising schema).
 */
export const plZodErrorMap = (issue: z.core.$ZodRawIssue): string =>
  describeIssue({ ...issue, path: issue.path ?? [], message: issue.message ?? '' } as unknown as Issue);
