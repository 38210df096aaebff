import { fail, ok, type ParseResult } from '../result.ts';
import { MSG } from '../messages/catalogue.ts';
import { formatPlNumber, parsePlNumber } from './polishNumber.ts';

/** Money in integer grosze (1 zł = 100 gr), so sums are exact. */
export type Grosze = number;

/** Parses "2 000 750,00 zł" (the "zł" is optional, at most 2 decimals) into grosze; never throws. */
export function parseMoney(text: string, options: { allowNegative?: boolean } = {}): ParseResult<Grosze> {
  const withoutCurrency = text.trim().replace(/[\s\u00a0\u202f]*zł\.?$/i, '');
  if (/[a-ząćęłńóśźż]/i.test(withoutCurrency)) {
    return fail(MSG.numbers.moneyCharacters(text.trim()));
  }
  const parsed = parsePlNumber(withoutCurrency, { allowNegative: options.allowNegative, maxDecimals: 2 });
  if (!parsed.ok) return parsed;
  // Via the decimal string, not value * 100, so 4171.93 becomes exactly 417193.
  const [int = '0', frac = ''] = Math.abs(parsed.value).toFixed(2).split('.');
  const grosze = Number(int) * 100 + Number(frac);
  if (!Number.isSafeInteger(grosze)) return fail(MSG.numbers.moneyOutOfRange(text.trim()));
  return ok(parsed.value < 0 ? -grosze : grosze);
}

/** Writes grosze as Polish money: 200075000 → "2 000 750,00 zł" (U+00A0 as group and currency space). */
export function formatMoney(grosze: Grosze): string {
  if (!Number.isSafeInteger(grosze)) throw new Error(`formatMoney: grosze must be a safe integer, got ${grosze}`);
  const abs = Math.abs(grosze);
  const zl = formatPlNumber(Math.floor(abs / 100));
  const gr = String(abs % 100).padStart(2, '0');
  return `${grosze < 0 ? '-' : ''}${zl},${gr}\u00a0${MSG.labels.currency}`;
}
