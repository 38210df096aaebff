import { formatPlNumber } from '../numbers/polishNumber.ts';

/**
 * The one percentage format: a ratio (0.156 = 15,6 %) with at most one decimal and a no-break
 * space before "%", as Polish typesetting has it: 0.4 → "40 %", 0.1556 → "15,6 %", 1.255 → "125,5 %".
 * Every hint, error, summary and filter description uses it, so they never disagree.
 */
export function formatPercent(ratio: number): string {
  return `${formatPlNumber(Math.round(ratio * 1000) / 10, { maxDecimals: 1 })}\u00a0%`;
}
