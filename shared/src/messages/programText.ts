/**
 * Texts of program periods and years (issue 15): the program's schema, year phases and their moves,
 * starting a year, the program file and its diff, the admin pages. Part of MSG (catalogue.ts) as MSG.program.
 */
const q = (s: string | number): string => `„${s}”`;

const schema = {
  areaCode: 'kod obszaru: 1–8 wielkich liter lub cyfr, np. „I” albo „IV”',
  taskCode: 'kod zadania w postaci „I.1” (kod obszaru, kropka, numer)',
  programCode: 'kod programu: wielkie litery, cyfry i „-”, np. „PWR-2025-2027”',
  unitTwice: 'ta sama jednostka podana dwa razy przy jednym działaniu',
  periodOrder: 'rok początkowy okresu nie może być późniejszy niż końcowy',
  areaTwice: (code: string) => `obszar ${q(code)} występuje dwa razy`,
  taskTwice: (code: string) => `zadanie ${q(code)} występuje dwa razy`,
  subsectionTwice: (task: string, n: number) => `zadanie ${q(task)} ma dwa razy podsekcję ${n})`,
  unknownArea: (code: string) => `nie ma obszaru ${q(code)} w programie`,
  activityTwice: (id: string) => `identyfikator działania ${q(id)} występuje dwa razy`,
  unknownTask: (code: string) => `nie ma zadania ${q(code)} w programie`,
  unknownSubsection: (task: string, n: number) => `zadanie ${q(task)} nie ma podsekcji ${n})`,
  joinedOutside: (year: number, from: number, to: number) => `rok włączenia ${year} leży poza okresem programu ${from}–${to}`,
  reasonRequired: 'Podaj powód cofnięcia — zostanie zapisany w historii roku.',
} as const;

/** The phases of a program year, in the user's words. */
const phase = {
  planning: 'planowanie',
  reporting: 'sprawozdawczość',
  closed: 'zamknięty',
} as const;

const activityStatus = {
  running: 'realizowane',
  ended: 'zakończone',
  cancelled: 'odwołane',
} as const;

const api = {
  phaseConflict: (year: number, expected: string, current: string) =>
    `Rok ${year} jest już w fazie ${q(current)}, nie ${q(expected)} — ktoś zmienił fazę w międzyczasie. Odśwież widok i spróbuj ponownie.`,
  phaseNotNext: (from: string, to: string) =>
    `Nie można przejść z fazy ${q(from)} do ${q(to)}: rok przechodzi kolejno planowanie → sprawozdawczość → zamknięty (cofnięcie — przyciskiem „Cofnij” z podaniem powodu).`,
  phaseClosedAlready: (year: number) => `Rok ${year} jest zamknięty — to ostatnia faza. Aby go otworzyć, cofnij ostatnią zmianę fazy z podaniem powodu.`,
  nothingToUndo: (year: number) => `Rok ${year} nie miał jeszcze żadnej zmiany fazy do cofnięcia.`,
  yearExists: (year: number) => `Rok ${year} już istnieje — nie można go rozpocząć drugi raz.`,
  noProgramFor: (year: number) => `Żaden program nie obejmuje roku ${year}. Najpierw wgraj plik programu na okres, w którym leży ten rok.`,
  fromYearMissing: (year: number) => `Rok ${year}, z którego miały przejść działania, nie jest prowadzony w systemie.`,
  fromYearLater: (from: number, year: number) => `Działania przenosi się z roku wcześniejszego: ${from} nie jest wcześniejszy niż ${year}.`,
  pickUnknown: (ids: string[]) => `Tych działań nie ma w programie tego roku: ${ids.join(', ')}.`,
  noProgram: (code: string) => `Nie ma programu ${q(code)}.`,
  uploadUnknown: 'Nie ma takiego podglądu zmian programu (wygasł albo nie istniał) — wgraj plik programu ponownie.',
  uploadApplied: (at: string) => `Te zmiany programu zastosowano już (${at}). Aby zmienić program dalej, pobierz jego aktualny plik.`,
  programChanged: (code: string) => `Program ${q(code)} albo rejestr jednostek zmienił się od przygotowania podglądu — nic nie zastosowano. Pobierz aktualny plik programu, nanieś zmiany i wgraj go ponownie.`,
  programExists: (code: string) => `Program ${q(code)} już istnieje — ktoś założył go w międzyczasie. Nic nie zastosowano.`,
  noPlansPhase: (year: number, phase: string) => `Rok ${year} jest w fazie ${q(phase)} — sprawozdania przyjmuje się tylko w fazie ${q('sprawozdawczość')}.`,
} as const;

/** The admin's page „Program i lata” in the browser mode (addin/src/browser/ProgramPage.tsx). */
const admin = {
  nav: 'Program i lata',
  title: 'Program i lata',
  intro: 'Okresy programu z ich latami. Rok przechodzi kolejno: planowanie → sprawozdawczość → zamknięty. Każda zmiana fazy trafia do historii roku; pomyłkę cofniesz z podaniem powodu.',
  loadFailed: 'Nie udało się wczytać programów i lat.',
  periods: 'Okresy programu',
  period: (from: number, to: number) => `lata ${from}–${to}`,
  activities: (n: number, retired: number) => `działania w programie: ${n}${retired > 0 ? `, wycofane: ${retired}` : ''}`,
  noYearsInPeriod: 'W tym okresie nie rozpoczęto jeszcze żadnego roku.',
  yearTitle: (year: number) => `Rok ${year}`,
  phaseLabel: 'Faza',
  planningDeadline: 'Termin planów',
  reportingDeadline: 'Termin sprawozdań',
  none: 'nie ustalono',
  moveTo: (phase: string) => `Przejdź do fazy ${q(phase)}`,
  confirmMoveTitle: (year: number) => `Zmiana fazy roku ${year}`,
  confirmMove: (year: number, from: string, to: string) => `Rok ${year} przejdzie z fazy ${q(from)} do ${q(to)}. Zmiana zostanie zapisana w historii roku.`,
  moveEffect: {
    reporting: 'Plany zostaną zablokowane; jednostki zaczną składać sprawozdania z wykonania.',
    closed: 'Rok stanie się tylko do odczytu: jednostki nie zapiszą już ani nie przekażą sprawozdań.',
  },
  moved: (year: number, phase: string) => `Rok ${year} jest teraz w fazie ${q(phase)}.`,
  undo: 'Cofnij ostatnią zmianę fazy',
  undoTitle: (year: number, from: string, to: string) => `Cofnięcie zmiany fazy roku ${year}: ${q(from)} → ${q(to)}`,
  undoReason: 'Powód cofnięcia',
  undoReasonHint: 'Powód zostanie zapisany w historii roku.',
  undone: (year: number, phase: string) => `Cofnięto zmianę — rok ${year} wrócił do fazy ${q(phase)}.`,
  confirm: 'Potwierdź',
  cancel: 'Anuluj',
  history: 'Historia faz',
  hideHistory: 'Ukryj historię',
  event: {
    started: (phase: string) => `rozpoczęty w fazie ${q(phase)}`,
    advanced: (from: string, to: string) => `${q(from)} → ${q(to)}`,
    undone: (from: string, to: string) => `cofnięto: ${q(from)} → ${q(to)}`,
  },
  eventBy: (at: string, by: string) => `${at}, ${by}`,
  eventReason: (reason: string) => `powód: ${reason}`,
  // starting a year
  startTitle: 'Nowy rok z poprzedniego',
  startIntro: 'Realizowane działania przechodzą do nowego roku z jednostkami; zakończone i odwołane — tylko jeśli je zaznaczysz. Plany w nowym roku są puste.',
  startYear: 'Rok',
  startPhase: 'Pierwsza faza',
  startPhasePlanning: 'planowanie (jednostki składają plany)',
  startPhaseReporting: 'sprawozdawczość (bez planowania — plany wprowadza MOPS)',
  preview: 'Pokaż, co przejdzie',
  previewing: 'Sprawdzanie…',
  fromYear: (year: number | null, code: string) => (year === null ? `Program ${q(code)}; poprzedniego roku nie ma w systemie.` : `Program ${q(code)}; statusy działań ze sprawozdań za rok ${year}.`),
  carried: (n: number) => `Przejdą do nowego roku (${n})`,
  notCarried: (n: number) => `Zakończone lub odwołane — nie przejdą, chyba że je zaznaczysz (${n})`,
  noneNotCarried: 'Wszystkie działania programu są realizowane — wszystkie przejdą.',
  reason: {
    ended: 'zakończone w programie',
    cancelled: 'odwołane w programie',
    ended_in_report: 'zakończone według sprawozdania',
    cancelled_in_report: 'odwołane według sprawozdania',
  },
  reportingUnit: (unit: string) => `sprawozdaje: ${unit}`,
  pickAll: 'Zaznacz wszystkie',
  picked: (n: number) => `zaznaczone: ${n}`,
  start: (year: number, n: number) => `Rozpocznij rok ${year} (działania: ${n})`,
  started: (year: number, phase: string) => `Rozpoczęto rok ${year} w fazie ${q(phase)}.`,
  badYear: 'Podaj rok liczbą, np. 2027.',
} as const;

/** The demo program period's title: „Dane demonstracyjne” wherever the program is named. */
const demoTitle = (from: number, to: number, baseFrom: number, baseTo: number) =>
  `Program Wspierania Rodziny dla Gminy Miejskiej Kraków na lata ${from}-${to} — Dane demonstracyjne (na podstawie programu na lata ${baseFrom}-${baseTo})`;

/** The program file (sync-server/src/workbook/programFile*.ts): sheets, headers, choices, problems. */
const file = {
  sheets: { structure: 'Struktura', activities: 'Działania', registry: 'Jednostki' },
  meta: { code: 'Kod programu', title: 'Tytuł programu', from: 'Od roku', to: 'Do roku', demo: 'Dane demonstracyjne' },
  intro: 'Program okresu: obszary, zadania i podsekcje. Zmień, zapisz i wgraj plik na stronie „Program” — przed zastosowaniem zobaczysz zmiany. Kodu programu nie zmieniaj, chyba że zakładasz nowy okres.',
  activitiesIntro: 'Jeden wiersz to jedno działanie. Identyfikator działania zostaje na cały okres programu; usunięty wiersz wycofuje działanie (jego historia zostaje). Jednostki wybierz z listy (arkusz „Jednostki”).',
  registryIntro: 'Rejestr jednostek. Nową jednostkę dopisz na końcu: kod (wielkie litery, cyfry, „/” i „-”), nazwa i rodzaj.',
  structureHeaders: { level: 'Poziom', area: 'Obszar', task: 'Zadanie', subsection: 'Nr podsekcji', kind: 'Rodzaj zadania', title: 'Tytuł', linkedTo: 'Działania powiązane z: (jedno w wierszu)' },
  levels: { area: 'obszar', task: 'zadanie', subsection: 'podsekcja' },
  taskKinds: { basic: 'podstawowe', complementary: 'komplementarne' },
  activityHeaders: {
    id: 'Identyfikator', task: 'Zadanie', subsection: 'Nr podsekcji', name: 'Nazwa działania', reporting: 'Jednostka sprawozdająca',
    contributing: (n: number) => `Współrealizująca ${n}`, status: 'Status', joinedYear: 'Włączone do Programu w roku', unitsText: 'Jednostki (tekst ze sprawozdania)',
  },
  registryHeaders: { code: 'Kod', name: 'Nazwa', kind: 'Rodzaj' },
  orgUnitKinds: {
    mops: 'MOPS', 'city-office': 'Urząd Miasta', 'municipal-unit': 'jednostka miejska', culture: 'kultura', education: 'edukacja',
    health: 'zdrowie', other: 'inna', group: 'grupa (nie sprawozdaje)',
  },
  nothingOf: { areas: 'żadnego obszaru', tasks: 'żadnego zadania', activities: 'żadnego działania' },
  demoBanner: 'Dane demonstracyjne — okres demonstracyjny, nieprzyjęty przez Radę Miasta Krakowa',
  pickFromList: 'Wybierz wartość z listy.',
  pickUnit: 'Wybierz kod jednostki z listy (arkusz „Jednostki”); nową jednostkę dopisz najpierw tam.',
  yes: 'tak',
  no: 'nie',
  problem: {
    fileMissing: 'Brak pliku — wyślij plik programu (.xlsx) w polu formularza „file” (multipart/form-data).',
    notXlsx: 'To nie jest plik programu (.xlsx) — pobierz plik programu i wgraj go po zmianach.',
    missingSheet: (sheet: string) => `brak arkusza ${q(sheet)} — wgraj plik pobrany ze strony „Program”, nie zmieniaj nazw arkuszy`,
    columnMissing: (header: string) => `brakuje kolumny ${q(header)} — nie usuwaj ani nie zmieniaj nagłówków; w razie wątpliwości pobierz plik programu ponownie`,
    header: (expected: string) => `nagłówek kolumny powinien brzmieć ${q(expected)} — nie przestawiaj kolumn`,
    required: (what: string) => `pole ${q(what)} jest puste — uzupełnij je`,
    groupReports: (code: string) => `${q(code)} to grupa (nie sprawozdaje) — jako jednostkę sprawozdającą wybierz jednostkę, która składa sprawozdanie, a grupę wpisz jako współrealizującą`,
    nothing: (what: string) => `arkusz nie ma ${what} — program potrzebuje co najmniej jednego`,
    choose: (what: string, allowed: readonly string[]) => `pole ${q(what)}: wybierz z listy (${allowed.join(', ')})`,
    wholeNumber: (what: string) => `pole ${q(what)}: wpisz liczbę całkowitą`,
    field: (what: string, reason: string) => `pole ${q(what)}: ${reason}`,
    formula: 'w pliku programu nie ma formuł — wpisz wartość',
    taskOfArea: 'wiersz zadania potrzebuje kodu obszaru i kodu zadania',
    subsectionOfTask: 'wiersz podsekcji potrzebuje kodu zadania i numeru podsekcji',
    subsectionNoTask: (task: string) => `podsekcja należy do zadania ${q(task)}, którego nie ma wyżej w arkuszu`,
    unknownUnit: (code: string) => `nie ma jednostki ${q(code)} w arkuszu „Jednostki” ani w rejestrze — dopisz ją tam`,
    unitTwiceInRegistry: (code: string) => `kod jednostki ${q(code)} występuje w rejestrze dwa razy`,
    tooManyRows: (sheet: string, max: number) => `arkusz ${q(sheet)} ma za dużo wierszy danych (najwyżej: ${max})`,
    /** „Arkusz „Działania”, komórka C7: …” — every problem of a program file names its sheet and cell. */
    at: (sheet: string, cell: string, reason: string) => `Arkusz ${q(sheet)}${cell ? `, komórka ${cell}` : ''}: ${reason}`,
    invalid: (n: number) => `Plik programu ma błędy (${n}) — popraw je w Excelu i wgraj plik ponownie.`,
    periodOverlap: (code: string, from: number, to: number) => `okres nakłada się na program ${q(code)} (${from}–${to})`,
    codeOfOtherProgram: (code: string, expected: string) => `to plik programu ${q(code)}, a wgrywasz go do programu ${q(expected)} — nowy okres wgraj przyciskiem „Nowy okres programu”`,
    existingCode: (code: string) => `program ${q(code)} już istnieje — zmień kod programu w komórce B1, aby założyć nowy okres`,
    periodChange: 'okresu istniejącego programu nie zmienia się — nowy okres załóż z nowym kodem programu',
  },
} as const;

export const programText = { schema, phase, activityStatus, api, admin, demoTitle, demoBadge: 'Dane demonstracyjne', file } as const;
