/**
 * A measure's qualifier agreeing with its number. Qualifiers are written for the plan's many
 * („objętych usługą”, „korzystających z programu”): after 1, 2–4 or a fraction the leading
 * adjectives and participles take the form the number needs —
 * „1 rodzina objęta usługą”, „3 rodziny objęte usługą”, „1 uczestnik biorący udział”,
 * „1,5 godziny przeprowadzonej”, while „5 rodzin objętych usługą” and „3 uczestników biorących
 * udział” (masculine-personal nouns keep the genitive after 2–4) stay as written.
 * Only leading words in the genitive plural (-ych, -ich) change; anything else is left as typed.
 */
import { pluralCategory } from '../messages/plural.ts';
import type { PluralForms } from './kinds.ts';

type Gender = 'm' | 'f' | 'n';

/** Pronouns and determiners ending like adjectives, which a number does not inflect here. */
const NOT_ADJECTIVES = new Set(['których', 'tych', 'ich', 'wszystkich', 'swoich', 'moich', 'twoich', 'naszych', 'waszych', 'niektórych', 'takich', 'jakich', 'owych']);

/** The noun's gender from its singular form: „rodzina” f, „spotkanie” n, „uczestnik”, „specjalista” m. */
function genderOf(forms: PluralForms): Gender {
  const one = forms.one.split(' ')[0]!;
  if (forms.few === forms.many) return /[oe]$/.test(one) ? 'n' : 'm'; // uczestnik, specjalista; dziecko
  if (/a$/.test(one)) return 'f';
  if (/[oe]$|um$/.test(one)) return 'n';
  return 'm';
}

/** One genitive-plural adjective in the form the category and gender need. */
function inflect(word: string, target: 'one' | 'few' | 'other', gender: Gender): string {
  const soft = word.endsWith('ich');
  const stem = word.slice(0, -3);
  const velar = /[kg]$/.test(stem);
  if (target === 'one') {
    if (gender === 'm') return stem + (soft ? 'i' : 'y');
    if (gender === 'f') return stem + (soft && !velar ? 'ia' : 'a');
    return stem + (soft ? 'ie' : 'e');
  }
  if (target === 'few') return stem + (soft ? 'ie' : 'e');
  return stem + (soft ? (gender === 'f' ? 'iej' : 'iego') : gender === 'f' ? 'ej' : 'ego');
}

/** The qualifier as it reads after `value` of a kind with these forms. */
export function agreeQualifier(qualifier: string, value: number, forms: PluralForms): string {
  const category = pluralCategory(value);
  if (category === 'many') return qualifier;
  const pluralOnly = forms.one === forms.few; // „1 zajęcia”: plural forms throughout
  const personalFew = forms.few === forms.many; // „3 uczestników biorących udział”
  const target = pluralOnly && category === 'one' ? 'few' : category;
  if (target === 'few' && personalFew) return qualifier;
  const gender = genderOf(forms);
  const words = qualifier.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!/^\p{Ll}{2,}[yi]ch$/u.test(w) || NOT_ADJECTIVES.has(w)) break;
    words[i] = inflect(w, target, gender);
  }
  return words.join(' ');
}
