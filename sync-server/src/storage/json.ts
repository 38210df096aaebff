/** Row value helpers shared by the repositories. */

/** timestamptz comes back as a Date from both drivers; the API speaks ISO strings. */
export function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return new Date(String(v)).toISOString();
}

export function isoOrNull(v: unknown): string | null {
  return v == null ? null : iso(v);
}

/** A JSON parameter (see db.ts: cast with `::text::jsonb`). */
export function json(v: unknown): string {
  return JSON.stringify(v);
}
