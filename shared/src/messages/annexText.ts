/**
 * Texts of the annual annex (the DOCX „Załącznik Nr 3”, shared/annex/ and sync-server/src/annex/)
 * and of the pane's annex panel. The annex's own wording follows the published 2024 report.
 * Part of MSG (catalogue.ts) as MSG.annex.
 */
import { formatPlNumber } from '../numbers/polishNumber.ts';

export const annexText = {
  author: 'Miejski Ośrodek Pomocy Społecznej w Krakowie',
  /** The default line under the annex number (the 2024 original's wording). */
  defaultParentReport: (year: number) => `do Sprawozdania z działalności Miejskiego Ośrodka Pomocy Społecznej w Krakowie za rok ${year}`,
  annexLine: (annexNumber: string) => `Załącznik Nr ${annexNumber}`,
  /** `programGenitive` is the program's title in the genitive („Programu Wspierania Rodziny …”). */
  reportTitle: (year: number, programGenitive: string) =>
    `Sprawozdanie z działań podejmowanych w ${year} roku przez jednostki/komórki zaangażowane w realizację ${programGenitive}`,
  /** A program title not starting with „Program”, in the genitive. */
  programOther: (title: string) => `programu „${title}”`,
  draftNote: (accepted: number, units: number) =>
    `Wersja robocza: zaakceptowane sprawozdania jednostek — ${formatPlNumber(accepted)} z ${formatPlNumber(units)}. Dane pozostałych jednostek mogą się jeszcze zmienić.`,
  subject: (year: number) => `Program Wspierania Rodziny — sprawozdanie za ${year} rok`,
  taskKind: { basic: 'Zadanie podstawowe', complementary: 'Zadanie komplementarne' },
  columns: {
    activity: 'Planowane do realizacji działania',
    units: 'Komórka/jednostka odpowiedzialna za realizację',
    plan: (year: number) => `Wskaźniki rezultatów zaplanowanych działań w ${year} roku`,
    scope: (year: number) => `Zakres realizacji zadania w ${year} roku`,
    money: (year: number) => `Wysokość środków na realizację działania w ${year} roku`,
  },
  linkedTo: 'Działania powiązane z:',
  noActivities: (year: number) => `Brak działań zaplanowanych na ${year} rok.`,
  /** Alternative text of an activity table, for screen readers. */
  tableCaption: (task: string, part?: string) => (part ? `Działania zadania ${task}, część ${part})` : `Działania zadania ${task}`),
  tableDescription: (headers: readonly string[], rows: number) => `Kolumny: ${headers.join('; ')}. Liczba wierszy: ${formatPlNumber(rows)}.`,
  figuresDescription: (headers: readonly string[]) => `Kolumny: ${headers.join('; ')}. Ostatni wiersz: razem.`,
  /** The page footer: „Strona 2 z 5” around the page fields. */
  page: { before: 'Strona ', between: ' z ' },
  /** Sentences the annex prints where the year has no text of its own. */
  sentence: {
    /** „4 spotkania (w tym 2 wyjazdowe)” */
    subsets: (figure: string, parts: string) => `${figure} (w tym ${parts})`,
    newActivity: (year: number) => `przedsięwzięcie włączone do Programu w ${year} roku`,
    noIndicators: 'bez wskaźników liczbowych',
    noInformation: 'jednostka nie przekazała informacji o realizacji',
    realized: (year: number) => `działanie zrealizowane w ${year} roku`,
    notRealized: (year: number) => `wydarzenie nie było realizowane w ${year} roku`,
    cancelled: 'wydarzenie odwołane',
    ended: 'realizacja przedsięwzięcia została zakończona',
    realizedElsewhere: 'zadanie realizowane w ramach innego działania Programu',
    ongoing: 'działanie realizowane w sposób ciągły',
    withFigures: (lead: string, figures: string) => `${lead}: ${figures}`,
  },
  summary: {
    title: 'Podsumowanie',
    intro: (year: number) => `Zestawienie wykonania Programu w ${year} roku, liczone tak samo jak arkusz „Podsumowanie” zestawienia zbiorczego.`,
    money: 'Środki na realizację zadań podstawowych',
    moneyHeaders: (year: number): [string, string] => ['Zadanie podstawowe', `Wysokość środków w ${year} roku`],
    byStatus: 'Działania według stanu realizacji',
    byStatusHeaders: ['Stan realizacji', 'Liczba działań'] as [string, string],
    noStatus: 'bez informacji',
    byBand: 'Miary według oceny wykonania planu',
    byBandNote: 'Pozycją jest każda miara planu lub wykonania; działanie opisane bez żadnej miary (np. niezrealizowane) liczy się jako jedna pozycja.',
    byBandHeaders: ['Ocena wykonania', 'Liczba pozycji'] as [string, string],
    total: 'Razem',
  },
  /** The pane's annex panel (review mode). */
  pane: {
    title: 'Załącznik do sprawozdania',
    intro: (year: number | null) =>
      `Załącznik ${year === null ? '' : `za ${year} r. `}jako dokument Word (DOCX) z danych jednostek — układ jak w opublikowanym sprawozdaniu.`,
    numberLabel: 'Numer załącznika',
    numberDefault: 'domyślny',
    parentLabel: 'Wiersz pod numerem (sprawozdanie nadrzędne)',
    saveTitle: 'Zapisz nagłówek załącznika',
    withSummary: 'Dołącz podsumowanie (środki, stan realizacji, ocena wykonania)',
    preparing: 'Przygotowywanie…',
    download: 'Pobierz załącznik (DOCX)',
    preparingYear: (year: number) => `Przygotowywanie załącznika za ${year} r.…`,
    downloaded: (filename: string, kilobytes: number) =>
      `Pobrano plik ${filename} (${formatPlNumber(kilobytes)} KB) — otwórz go w Wordzie z folderu pobranych plików.`,
    titleSaved: (year: number) => `Zapisano nagłówek załącznika za ${year} r.`,
  },
} as const;
