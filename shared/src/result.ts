/**
 * Outcome of parsing untrusted input: parsers return this instead of throwing, so one bad cell
 * never aborts a whole sync. `reason` is a Polish sentence fit to show to the user.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A successful ParseResult. */
export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** A failed ParseResult with a Polish reason. */
export function fail<T = never>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}
