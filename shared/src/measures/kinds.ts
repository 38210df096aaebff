/**
 * The vocabulary of measure kinds: every measure word used in the plan and actual cells of the
 * 2024 report. The stored kind is the lemma (dictionary form); forms render a number with the
 * right inflection through Intl.PluralRules('pl').
 *
 * Masculine-personal nouns (uczestnik, widz, rodzic, …) take the genitive plural after 2–4 when
 * written with digits, as the report does ("32 uczestników"), so their `few` equals `many`.
 * Kinds the report keeps apart stay apart: osoba ≠ uczestnik, widz ≠ słuchacz ≠ uczestnik,
 * szkoła ≠ przedszkole ≠ placówka, spektakl ≠ przedstawienie ≠ występ.
 */

/** Polish forms of a measure word for Intl.PluralRules('pl') categories. */
export interface PluralForms {
  /** 1 spotkanie */
  one: string;
  /** 2–4, 22–24, …: spotkania */
  few: string;
  /** 0, 5–21, 25–31, …: spotkań */
  many: string;
  /** fractions (genitive singular): "4 877,29 godziny" */
  other: string;
}

/** One measure kind of the vocabulary. */
export interface MeasureKindDef {
  /** Dictionary form, the stored kind: "spotkanie". Plural-only nouns use their plural: "zajęcia". */
  lemma: string;
  forms: PluralForms;
  /** Short Polish label for pickers and headers. */
  label: string;
  /** Further inflected forms seen in source texts (nominative plural, locative…), for recognition only. */
  extraForms?: readonly string[];
  /**
   * The kind can be fractional ("4 877,29 godziny", "15,48 etatu"). Every other kind counts discrete
   * things (people, families, meetings, events) and takes whole numbers only.
   */
  fractional?: true;
}

/** Kinds measured in fractions; money (zł) is not a measure kind and has its own type (grosze). */
const FRACTIONAL: ReadonlySet<string> = new Set(['godzina', 'etat']);

type Row = [lemma: string, one: string, few: string, many: string, other: string, label: string, extra?: string[]];

// Kept as one table so a new kind is one line. Order: people, families, services, events, places, things.
const ROWS: readonly Row[] = [
  ['uczestnik', 'uczestnik', 'uczestników', 'uczestników', 'uczestnika', 'uczestnicy', ['uczestnicy', 'uczestnikach', 'uczestnikom']],
  ['osoba', 'osoba', 'osoby', 'osób', 'osoby', 'osoby', ['osobom', 'osobach']],
  ['dziecko', 'dziecko', 'dzieci', 'dzieci', 'dziecka', 'dzieci', ['dzieciom', 'dzieciach']],
  ['młodzież', 'osoba młoda', 'osoby młode', 'osób młodych', 'osoby młodej', 'młodzież (osoby)', ['młodzieży']],
  ['uczeń', 'uczeń', 'uczniów', 'uczniów', 'ucznia', 'uczniowie', ['uczniowie', 'uczniom']],
  ['rodzic', 'rodzic', 'rodziców', 'rodziców', 'rodzica', 'rodzice', ['rodzice', 'rodzicom']],
  ['rodzina', 'rodzina', 'rodziny', 'rodzin', 'rodziny', 'rodziny', ['rodzinom', 'rodzinach']],
  ['widz', 'widz', 'widzów', 'widzów', 'widza', 'widzowie', ['widzowie']],
  ['słuchacz', 'słuchacz', 'słuchaczy', 'słuchaczy', 'słuchacza', 'słuchacze', ['słuchacze']],
  ['absolwent', 'absolwent', 'absolwentów', 'absolwentów', 'absolwenta', 'absolwenci', ['absolwenci']],
  ['świadczeniobiorca', 'świadczeniobiorca', 'świadczeniobiorców', 'świadczeniobiorców', 'świadczeniobiorcy', 'świadczeniobiorcy'],
  ['partner', 'partner', 'partnerów', 'partnerów', 'partnera', 'partnerzy', ['partnerzy']],
  ['mecenas', 'mecenas', 'mecenasów', 'mecenasów', 'mecenasa', 'mecenasi', ['mecenasi']],
  ['asystent', 'asystent', 'asystentów', 'asystentów', 'asystenta', 'asystenci', ['asystenci']],
  ['specjalista', 'specjalista', 'specjalistów', 'specjalistów', 'specjalisty', 'specjaliści', ['specjaliści']],
  ['pacjent', 'pacjent', 'pacjentów', 'pacjentów', 'pacjenta', 'pacjenci', ['pacjenci']],
  ['grupa', 'grupa', 'grupy', 'grup', 'grupy', 'grupy', ['grupach']],
  ['usługa', 'usługa', 'usługi', 'usług', 'usługi', 'usługi'],
  ['godzina', 'godzina', 'godziny', 'godzin', 'godziny', 'godziny', ['godzinach']],
  ['etat', 'etat', 'etaty', 'etatów', 'etatu', 'etaty'],
  ['świadczenie', 'świadczenie', 'świadczenia', 'świadczeń', 'świadczenia', 'świadczenia'],
  ['interwencja', 'interwencja', 'interwencje', 'interwencji', 'interwencji', 'interwencje'],
  ['mediacja', 'mediacja', 'mediacje', 'mediacji', 'mediacji', 'mediacje'],
  ['kontrola', 'kontrola', 'kontrole', 'kontroli', 'kontroli', 'kontrole'],
  ['miejsce', 'miejsce', 'miejsca', 'miejsc', 'miejsca', 'miejsca', ['miejscach']],
  ['spotkanie', 'spotkanie', 'spotkania', 'spotkań', 'spotkania', 'spotkania', ['spotkaniach']],
  ['zajęcia', 'zajęcia', 'zajęcia', 'zajęć', 'zajęć', 'zajęcia', ['zajęciach', 'zajęciami']],
  ['warsztat', 'warsztat', 'warsztaty', 'warsztatów', 'warsztatu', 'warsztaty', ['warsztatach']],
  ['kurs', 'kurs', 'kursy', 'kursów', 'kursu', 'kursy'],
  ['szkolenie', 'szkolenie', 'szkolenia', 'szkoleń', 'szkolenia', 'szkolenia', ['szkoleniach']],
  ['wydarzenie', 'wydarzenie', 'wydarzenia', 'wydarzeń', 'wydarzenia', 'wydarzenia', ['wydarzeniach']],
  ['impreza', 'impreza', 'imprezy', 'imprez', 'imprezy', 'imprezy'],
  ['spektakl', 'spektakl', 'spektakle', 'spektakli', 'spektaklu', 'spektakle', ['spektaklów']],
  ['przedstawienie', 'przedstawienie', 'przedstawienia', 'przedstawień', 'przedstawienia', 'przedstawienia'],
  ['koncert', 'koncert', 'koncerty', 'koncertów', 'koncertu', 'koncerty'],
  ['występ', 'występ', 'występy', 'występów', 'występu', 'występy'],
  ['wystąpienie', 'wystąpienie', 'wystąpienia', 'wystąpień', 'wystąpienia', 'wystąpienia'],
  ['pokaz', 'pokaz', 'pokazy', 'pokazów', 'pokazu', 'pokazy'],
  ['seans', 'seans', 'seanse', 'seansów', 'seansu', 'seanse'],
  ['cykl', 'cykl', 'cykle', 'cykli', 'cyklu', 'cykle', ['cyklów']],
  ['działanie', 'działanie', 'działania', 'działań', 'działania', 'działania'],
  ['program', 'program', 'programy', 'programów', 'programu', 'programy', ['programach']],
  ['projekt', 'projekt', 'projekty', 'projektów', 'projektu', 'projekty'],
  ['klub', 'klub', 'kluby', 'klubów', 'klubu', 'kluby', ['klubach']],
  ['szkoła', 'szkoła', 'szkoły', 'szkół', 'szkoły', 'szkoły', ['szkołach']],
  ['przedszkole', 'przedszkole', 'przedszkola', 'przedszkoli', 'przedszkola', 'przedszkola', ['przedszkolach']],
  ['placówka', 'placówka', 'placówki', 'placówek', 'placówki', 'placówki', ['placówkach']],
  ['lokalizacja', 'lokalizacja', 'lokalizacje', 'lokalizacji', 'lokalizacji', 'lokalizacje', ['lokalizacjach']],
  ['ogród', 'ogród', 'ogrody', 'ogrodów', 'ogrodu', 'ogrody', ['ogrodach']],
  ['drzewo', 'drzewo', 'drzewa', 'drzew', 'drzewa', 'drzewa'],
  ['odsłona', 'odsłona', 'odsłony', 'odsłon', 'odsłony', 'odsłony (strony)'],
  ['polubienie', 'polubienie', 'polubienia', 'polubień', 'polubienia', 'polubienia'],
  ['wejście', 'wejście', 'wejścia', 'wejść', 'wejścia', 'wejścia'],
  ['nagranie', 'nagranie', 'nagrania', 'nagrań', 'nagrania', 'nagrania'],
  ['egzemplarz', 'egzemplarz', 'egzemplarze', 'egzemplarzy', 'egzemplarza', 'egzemplarze'],
  ['materiał', 'materiał', 'materiały', 'materiałów', 'materiału', 'materiały'],
  ['certyfikat', 'certyfikat', 'certyfikaty', 'certyfikatów', 'certyfikatu', 'certyfikaty'],
  ['statuetka', 'statuetka', 'statuetki', 'statuetek', 'statuetki', 'statuetki'],
  ['typ', 'typ', 'typy', 'typów', 'typu', 'typy (rodzaje)'],
  ['miesiąc', 'miesiąc', 'miesiące', 'miesięcy', 'miesiąca', 'miesiące'],
];

/** All measure kinds, in a stable order (people first). */
export const MEASURE_KINDS: readonly MeasureKindDef[] = ROWS.map(([lemma, one, few, many, other, label, extra]) => ({
  lemma,
  forms: { one, few, many, other },
  label,
  ...(extra ? { extraForms: extra } : {}),
  ...(FRACTIONAL.has(lemma) ? { fractional: true as const } : {}),
}));

const byLemma = new Map(MEASURE_KINDS.map((k) => [k.lemma, k]));

const byForm = new Map<string, string>();
for (const k of MEASURE_KINDS) {
  for (const form of [k.lemma, ...Object.values(k.forms), ...(k.extraForms ?? [])]) {
    const key = form.toLocaleLowerCase('pl');
    const previous = byForm.get(key);
    // A form shared by two kinds would make recognition depend on table order: a bug in the table.
    if (previous && previous !== k.lemma) throw new Error(`measure form ${form} belongs to ${previous} and ${k.lemma}`);
    byForm.set(key, k.lemma);
  }
}

/** True when `lemma` is a known measure kind. */
export function isMeasureKind(lemma: unknown): lemma is string {
  return typeof lemma === 'string' && byLemma.has(lemma);
}

/** The definition of a kind, or undefined when unknown. */
export function measureKindDef(lemma: string): MeasureKindDef | undefined {
  return byLemma.get(lemma);
}

/** The kind (lemma) of any inflected form of a measure word, case-insensitive: "Uczestników" → "uczestnik". */
export function measureKindOfWord(word: string): string | undefined {
  return byForm.get(word.trim().toLocaleLowerCase('pl'));
}

/** True when the kind takes whole numbers only (a count of discrete things). Unknown kinds: false. */
export function isWholeCountKind(lemma: string): boolean {
  const def = byLemma.get(lemma);
  return def !== undefined && !def.fractional;
}

/**
 * Adds kinds MOPS accepted from units' plans (a proposed kind with its forms for 1, 2–4 and 5+) to
 * the vocabulary of this process, so plans, reports, variance and texts take them like any other.
 * Counts of discrete things (whole numbers). A lemma already known, or a form another kind owns,
 * is skipped (a form shared by two kinds would make recognition ambiguous). Returns the added lemmas.
 */
export function registerMeasureKinds(kinds: readonly { lemma: string; forms: { one: string; few: string; many: string } }[]): string[] {
  const added: string[] = [];
  for (const k of kinds) {
    if (byLemma.has(k.lemma)) continue;
    const forms = [k.lemma, k.forms.one, k.forms.few, k.forms.many].map((f) => f.toLocaleLowerCase('pl'));
    if (forms.some((f) => byForm.has(f) && byForm.get(f) !== k.lemma)) continue;
    const def: MeasureKindDef = { lemma: k.lemma, forms: { ...k.forms, other: k.forms.few }, label: k.forms.few };
    byLemma.set(k.lemma, def);
    for (const f of forms) byForm.set(f, k.lemma);
    added.push(k.lemma);
  }
  return added;
}

/** Every kind this process knows: the built-in vocabulary, then kinds accepted from plans. */
export function allMeasureKinds(): MeasureKindDef[] {
  return [...byLemma.values()];
}

const BUILT_IN: ReadonlySet<string> = new Set(MEASURE_KINDS.map((k) => k.lemma));

/** True for a kind of the built-in vocabulary (not one accepted from a plan). */
export function isBuiltInMeasureKind(lemma: string): boolean {
  return BUILT_IN.has(lemma);
}
