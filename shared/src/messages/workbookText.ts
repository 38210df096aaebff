/**
 * Texts of the sheets and workbooks: column headers (also read back from uploaded files, so a change
 * here is a change of the file format), sheet names, titles, notes and data-validation messages of
 * the unit template and the central workbook. Part of MSG (catalogue.ts) as MSG.workbook.
 */

/** Headers of the unit report table (shared/sheet/layout.ts), by column key. */
const unitColumns = {
  activityId: 'ID działania',
  measureKey: 'ID miary',
  line: 'Wiersz',
  taskCode: 'Zadanie',
  activityName: 'Działanie',
  measureKind: 'Miara',
  qualifier: 'Opis miary',
  plan: 'Plan',
  actual: 'Wykonanie',
  difference: 'Różnica',
  ratio: '% wykonania',
  band: 'Ocena',
  status: 'Status',
  moneySpent: 'Wydatki (zł)',
  comment: 'Komentarz / wyjaśnienie',
  moneySpent2: 'Wydatki – druga kwota (zł)',
  scopeDescription: 'Zakres realizacji (opis)',
  lineRole: 'Względem planu',
  reviewComments: 'Uwagi weryfikatora (MOPS)',
} as const;

/** Headers of the consolidated table (shared/sheet/consolidatedLayout.ts), by column key. */
const consolidatedColumns = {
  /** Code and title („I.2 Wzmacnianie sieci…”); the bare codes have their own columns, which filters use. */
  areaTitle: 'Obszar',
  area: 'Kod obszaru',
  taskTitle: 'Zadanie',
  taskCode: 'Kod zadania',
  taskKind: 'Rodzaj zadania',
  subsection: 'Podsekcja',
  activityId: 'ID działania',
  activityName: 'Działanie',
  reportingUnitName: 'Jednostka sprawozdająca',
  reportingUnit: 'Kod jednostki sprawozdającej',
  orgUnits: 'Jednostki odpowiedzialne',
  /** Their codes (the names have the column above). */
  orgUnitCodes: 'Kody jednostek odpowiedzialnych',
  measureKind: 'Miara',
  qualifier: 'Opis miary',
  lineRole: 'Względem planu',
  plan: 'Plan',
  actual: 'Wykonanie',
  difference: 'Różnica',
  ratio: '% wykonania',
  band: 'Ocena',
  status: 'Status',
  moneySpent: 'Wydatki (zł)',
  comment: 'Komentarz / wyjaśnienie',
  planText: 'Plan (opis)',
  actualText: 'Wykonanie (opis)',
  version: 'Wersja',
  savedBy: 'Zapisał(a)',
  savedAt: 'Data zapisu',
} as const;

/** Sheet names (the formulas and the upload find the sheets by these). */
const sheetNames = {
  unit: 'Sprawozdanie',
  instructions: 'Instrukcja',
  consolidated: 'Zestawienie',
  summary: 'Podsumowanie',
  completeness: 'Kompletność',
  settings: 'Ustawienia',
} as const;

/** The printed page's footer: „Strona 2 z 5” and the date (Excel header/footer codes). */
/** „Strona 2 z 5” (Excel header/footer codes), also the add-in's footer. */
const pageNumber = 'Strona &P z &N';
const pageFooter = `&L${pageNumber}&R&D`;

/** The unit template: data validation of its input cells and the instruction sheet. */
const template = {
  title: (unit: string, year: number) => `Sprawozdanie ${unit} — ${year}`,
  /** Titles of the input cells' error messages. */
  field: {
    actual: 'Wykonanie',
    status: 'Status',
    moneySpent: 'Wydatki',
    moneySpent2: 'Wydatki – druga kwota',
    comment: 'Komentarz',
    scopeDescription: 'Zakres realizacji (opis)',
    measureKind: 'Miara',
    qualifier: 'Opis miary',
  },
  chooseStatus: 'Wybierz status z listy.',
  chooseKind: 'Wybierz rodzaj miary z listy.',
  badNumberTitle: (what: string) => `${what}: nieprawidłowa wartość`,
  badNumber: 'Wpisz liczbę większą lub równą 0 (np. 1 234,5).',
  notOnListTitle: (what: string) => `${what}: wartość spoza listy`,
  instructions: {
    title: (year: number) => `Sprawozdanie z realizacji Programu Wspierania Rodziny — ${year}`,
    unit: (code: string, name: string) => `Jednostka: ${code} — ${name}`,
    steps: [
      '1. W arkuszu „Sprawozdanie” wpisz wykonanie w żółtych komórkach kolumny „Wykonanie” (liczby ≥ 0).',
      '2. W pierwszym wierszu każdego działania wybierz status z listy; wpisz wydatki (zadania podstawowe; drugą kwotę, gdy działanie ma dwa źródła finansowania), komentarz i „Zakres realizacji (opis)” — co zostało zrobione, własnymi słowami.',
      '3. Komentarz wyjaśnia odchylenie od planu albo powód braku wykonania; „Zakres realizacji (opis)” trafia do rocznego sprawozdania.',
      '4. Puste wiersze pod działaniem: wybierz rodzaj miary, dopisz opis i wpisz wartość; w kolumnie „Względem planu” wybierz, czym jest: „poza planem” (domyślnie), „część: …” — część wykonania miary planu (np. uczestnicy zajęć i pikniku osobno; w wierszu miary wpisz wtedy sumę części albo zostaw go pusty), albo „w tym: …” — wartość zawarta w innej, nie dodawana do sumy. Działanie bez zaplanowanej miary: wybierz rodzaj miary w jego wierszu.',
      '5. Zapisz plik (.xlsx) i wyślij go w systemie pwr-sync. Możesz sortować i filtrować wiersze — ukryte identyfikatory je rozpoznają.',
    ],
    notes: [
      'Kolumny „Różnica”, „% wykonania” i „Ocena” przeliczają się same, gdy wpisujesz wykonanie; po wysłaniu system liczy je jeszcze raz według progów MOPS.',
      'Nie dodawaj ani nie usuwaj wierszy; arkusz jest chroniony bez hasła wyłącznie przed przypadkową zmianą.',
      'Plik jest przypisany do jednostki i roku — nie da się go wysłać jako sprawozdania innej jednostki ani innego roku.',
    ],
  },
} as const;

/** The central workbook: its title, the settings, completeness and summary sheets. */
const central = {
  title: (year: number) => `Program Wspierania Rodziny — zestawienie ${year}`,
  settings: {
    title: 'Progi oceny wykonania (wykonanie / plan)',
    note: 'Zmień próg w kolumnie B — oceny i kolory w arkuszu „Zestawienie” przeliczą się same.',
    /** The same sheet in a reviewer's workbook, written by the add-in. */
    reviewerNote: 'Zmień próg w kolumnie B — oceny i kolory zestawienia i arkuszy sprawozdań przeliczą się same. Zmienione progi zostają po odświeżeniu zestawienia i po „Otwórz jako arkusz”. Kolumna D podaje progi roku ustalone przez MOPS; „Przywróć progi roku” w panelu wpisuje je z powrotem.',
    headers: { threshold: 'Próg', value: 'Wartość', name: 'Nazwa w formułach', yearValue: 'Próg roku (MOPS)' },
    thresholds: {
      farBelow: 'Znacznie poniżej planu, gdy wykonanie jest mniejsze niż',
      onPlanFrom: 'Zgodnie z planem od',
      farAboveOver: 'Znacznie powyżej planu, gdy wykonanie przekracza',
    },
    badThresholdTitle: 'Nieprawidłowy próg',
    badThreshold: 'Podaj wartość procentową od 0 % do 10 000 %.',
    bands: 'Oceny',
    bandsNote: '„Niezrealizowane”, „brak celu” i „brak danych” wynikają ze statusu, planu i braku liczby, nie z progów.',
  },
  completeness: {
    title: (year: number) => `Kompletność sprawozdań ${year}`,
    columns: {
      unitCode: 'Kod jednostki',
      unit: 'Jednostka',
      state: 'Stan',
      deadline: 'Termin',
      version: 'Wersja',
      activities: 'Działania',
      filled: 'Wypełnione',
      lastChange: 'Ostatnia zmiana',
      changedBy: 'Zmienił(a)',
      reviewComment: 'Uwagi weryfikatora',
    },
    /** The „Termin” cell of a unit past the deadline. */
    late: 'po terminie',
  },
  summary: {
    title: (year: number) => `Podsumowanie wykonania Programu Wspierania Rodziny — ${year}`,
    printTitle: 'Program Wspierania Rodziny — podsumowanie',
    note: 'Liczby miar w każdej ocenie i wydatki są liczone formułami z arkusza „Zestawienie”; zmiana danych lub progów je przelicza.',
    sections: {
      area: { title: 'Obszary', key: 'Obszar', note: 'Zadania w obszarze' },
      taskCode: { title: 'Zadania', key: 'Zadanie', note: 'Rodzaj zadania' },
      reportingUnit: { title: 'Jednostki sprawozdające', key: 'Jednostka', note: 'Stan sprawozdania' },
    },
    /** Above the band columns, each headed by its band: what their figures count. */
    bandsGroup: 'Liczba miar (i działań bez miary) w ocenie',
    name: 'Nazwa',
    measures: 'Miary razem (planowane i poza planem)',
    withoutMeasure: 'Działania bez miary, z oceną',
    money: 'Wydatki (zł)',
    total: 'Razem',
  },
} as const;

export const workbookText = { unitColumns, consolidatedColumns, sheetNames, pageNumber, pageFooter, template, central } as const;
