// PLACEHOLDER — being replaced by the full vocabulary (see helper task). Keep the exported API.

/** Polish forms of a measure word for Intl.PluralRules('pl') categories. */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
  /** fractions: "4 877,29 godziny" */
  other: string;
}

export interface MeasureKindDef {
  /** Dictionary form, the stored kind: "spotkanie". Plural-only nouns use their plural: "zajęcia". */
  lemma: string;
  forms: PluralForms;
}

export const MEASURE_KINDS: readonly MeasureKindDef[] = [
  { lemma: 'spotkanie', forms: { one: 'spotkanie', few: 'spotkania', many: 'spotkań', other: 'spotkania' } },
  { lemma: 'uczestnik', forms: { one: 'uczestnik', few: 'uczestników', many: 'uczestników', other: 'uczestnika' } },
];

const byLemma = new Map(MEASURE_KINDS.map((k) => [k.lemma, k]));

export function isMeasureKind(lemma: unknown): lemma is string {
  return typeof lemma === 'string' && byLemma.has(lemma);
}
