import { formatPlNumber } from '../numbers/polishNumber.ts';
import { measureKindDef, type PluralForms } from './kinds.ts';
import { agreeQualifier } from './agreeQualifier.ts';

const pluralRules = new Intl.PluralRules('pl');

/** The form of a kind's word that goes with `value`: 1 → one, 22 → few, 12 → many, 4 877,29 → other. */
export function measureWordFor(kind: string, value: number): string {
  const def = measureKindDef(kind);
  if (!def) throw new Error(`unknown measure kind: ${kind}`);
  const category = pluralRules.select(value) as keyof PluralForms;
  return def.forms[category] ?? def.forms.other;
}

/**
 * Renders a measure in Polish: { kind: 'spotkanie', value: 5 } → "5 spotkań"; the qualifier follows
 * the word, agreeing with the number („1 rodzina objęta usługą”, „5 rodzin objętych usługą”).
 */
export function formatMeasure(m: { kind: string; value: number; qualifier?: string }): string {
  const text = `${formatPlNumber(m.value)} ${measureWordFor(m.kind, m.value)}`;
  return m.qualifier ? `${text} ${agreeQualifier(m.qualifier, m.value, measureKindDef(m.kind)!.forms)}` : text;
}
