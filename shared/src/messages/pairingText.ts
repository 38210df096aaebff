/**
 * Texts of figures given in parts and „w tym” subsets where units enter figures (the unit sheet, the
 * template, the pane's form), and of settling pairing decisions in review. Part of MSG (catalogue.ts)
 * as MSG.sheetLines and MSG.pairing.
 */
import { formatPlNumber } from '../numbers/polishNumber.ts';
import { counted } from './plural.ts';
import { NOUN } from './words.ts';

const q = (s: string | number): string => `„${s}”`;

/** The unit sheet's „Względem planu” cells and the problems of reading them. */
export const sheetLinesText = {
  planned: 'miara planu',
  extra: 'poza planem',
  partOf: (target: string) => `część: ${target}`,
  subsetOf: (target: string) => `w tym: ${target}`,
  /** A figure beyond the plan named as a „w tym” target: kind and description. */
  extraTarget: (kindLabel: string, qualifier?: string) => (qualifier ? `${kindLabel} – ${qualifier}` : kindLabel),
  unknownRole: (column: string, text: string) =>
    `${column}: nieznana wartość ${q(text)} — wybierz z listy „poza planem”, „część: …” (część miary planu) albo „w tym: …”`,
  unknownPartTarget: (column: string, target: string) =>
    `${column}: w planie działania nie ma miary ${q(target)} — wybierz z listy miarę planu, której część podajesz`,
  unknownSubsetTarget: (column: string, target: string) =>
    `${column}: działanie nie ma wiersza ${q(target)}, do którego należy ta wartość „w tym” — wybierz go z listy`,
  partsSumDiffers: (column: string, target: string, sum: number, typed: number) =>
    `${column}: miara ${q(target)} jest podana w częściach (razem ${formatPlNumber(sum)}) — w jej wierszu wpisz tę sumę albo zostaw go pusty (teraz ${formatPlNumber(typed)})`,
  subsetOfSplit: (column: string, target: string) =>
    `${column}: miara ${q(target)} jest podana w częściach — wartość „w tym” dopisz do jednej z części`,
  subsetWithoutTotal: (column: string, target: string) =>
    `${column}: wartość „w tym” należy do ${q(target)}, a tej wartości nie podano — wpisz ją najpierw`,
  hint: {
    title: 'Względem planu',
    text: 'Pusty wiersz: „poza planem” (domyślnie), „część: …” — część wykonania miary planu, albo „w tym: …” — wartość zawarta w innej, nie dodawana do sumy.',
  },
  listError: { title: 'Względem planu: spoza listy', text: 'Wybierz wartość z listy.' },
} as const;

/** The pane's form: a figure given in parts, „w tym” figures. */
export const figureFormText = {
  menu: 'Części i „w tym”…',
  splitItem: (measure: string) => `Podaj w częściach: ${measure}`,
  subsetItem: (measure: string) => `Dodaj „w tym” do: ${measure}`,
  splitHint: 'Gdy wykonanie składa się z kilku części (np. uczestnicy zajęć i pikniku): każda część osobno, z planem porównywana jest ich suma.',
  partsLegend: (plan: string) => `Części wykonania — w planie ${plan}`,
  partValue: (n: number) => `Część ${n}: wartość`,
  partQualifier: (n: number) => `Część ${n}: czego dotyczy`,
  addPart: 'Dodaj część',
  removePart: 'Usuń część',
  partsTotal: (sum: string) => `Razem (porównywane z planem): ${sum}`,
  addSubset: 'Dodaj „w tym”',
  subsetsLegend: 'W tym (zawarte w wartości powyżej, nie dodawane do sum)',
  subsetKind: 'Miara „w tym”',
  subsetQualifier: 'Opis „w tym”',
  subsetValue: 'Wartość „w tym”',
  removeSubset: 'Usuń „w tym”',
} as const;

/** Settling pairings „do sprawdzenia” in review: the API's refusals and the review panel. */
export const pairingText = {
  answerNotNumber: 'wartość odpowiadająca mierze planu to numer wartości działania (0, 1, 2, …)',
  tooManyParts: (max: number) => `mierze planu może odpowiadać najwyżej tyle wartości (części): ${max}`,
  answerTwice: 'ta sama wartość podana dwa razy',
  commentTooLong: (max: number) => `komentarz do rozstrzygnięcia może mieć najwyżej ${counted(max, NOUN.character)}`,
  readers: 'Pary do sprawdzenia przegląda MOPS i kierownictwo.',
  settlers: 'Pary rozstrzyga weryfikator MOPS albo administrator.',
  notFound: (activityId: string, planMeasureId: string) => `Działanie ${activityId} nie ma pary do sprawdzenia dla miary planu nr ${planMeasureId}.`,
  noFigure: (activityId: string, position: number, count: number) =>
    `Działanie ${activityId} nie ma wartości nr ${position + 1} — liczba podanych wartości: ${count}. Wybierz spośród podanych.`,
  planningYear: (year: number) => `Rok ${year} jest w fazie planowania — nie ma w nim sprawozdań, w których można rozstrzygać pary.`,
  closedNeedsReason: (year: number) =>
    `Rok ${year} jest zamknięty — rozstrzygnięcie pary jest korektą MOPS i wymaga uzasadnienia: wpisz je w polu „Uzasadnienie”.`,
  /** The reason kept with the report version when MOPS settles without writing one (the unit reads it). */
  settledReason: (activityId: string, plan: string) =>
    `Rozstrzygnięcie MOPS: która wartość działania ${activityId} odpowiada mierze planu ${q(plan)}.`,
  closedHint: 'Rok jest zamknięty: rozstrzygnięcie to korekta MOPS zapisywana w dzienniku zmian — podaj uzasadnienie.',
  reasonMissing: 'Podaj uzasadnienie — w zamkniętym roku rozstrzygnięcie jest korektą.',
  title: 'Pary do sprawdzenia',
  intro: 'Przy tych miarach planu import sprawozdania nie był pewien, która wartość jest odpowiedzią. Zaznacz wartość (kilka — części, żadnej — brak danych) i zatwierdź.',
  none: 'Brak par do sprawdzenia w tym roku.',
  open: (n: number) => `Do rozstrzygnięcia: ${n}`,
  planLabel: (activityId: string, unit: string, plan: string) => `${activityId} (${unit}) — plan: ${plan}`,
  proposal: 'Propozycja importu',
  noAnswer: 'brak danych',
  figureOption: (figure: string) => `odpowiada: ${figure}`,
  commentLabel: 'Uzasadnienie (do dziennika zmian)',
  confirm: 'Zatwierdź',
  settled: (by: string, at: string) => `Rozstrzygnięte — ${by}, ${at}`,
  change: (by: string, at: string, before: string, after: string) => `${at}, ${by}: ${before} → ${after}`,
  savedMessage: (activityId: string) => `Zapisano rozstrzygnięcie dla działania ${activityId}.`,
  loadFailed: 'Nie udało się wczytać par do sprawdzenia.',
} as const;
