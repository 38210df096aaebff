import { z } from 'zod';
import type { ParseResult } from '../result.ts';
import { parsePlNumber } from './polishNumber.ts';

/**
 * A number in a URL's query: "0,8" or "1 234,5" as a Polish user types it, or "0.8" as a program
 * writes it. A dot is read as the decimal mark only when it cannot be a thousands separator
 * (one dot, not followed by exactly three digits), so "1.234" stays refused as ambiguous.
 */
export function parseQueryNumber(text: string): ParseResult<number> {
  const t = text.trim();
  if (/^\d+\.\d+$/.test(t) && !/^\d{1,3}\.\d{3}$/.test(t)) return parsePlNumber(t.replace('.', ','));
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? { ok: true, value: n } : parsePlNumber(t);
  }
  // Negative numbers parse, so the schema's own bound names the field ("… nie może być ujemny").
  return parsePlNumber(t, { allowNegative: true });
}

/** Zod schema of a query-parameter number: a number, or text parsed by parseQueryNumber with a Polish reason. */
export const PlNumberParamSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const r = parseQueryNumber(v);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.reason, input: v });
  return z.NEVER;
});
