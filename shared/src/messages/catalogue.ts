/**
 * The catalogue: every user-facing Polish text of the task pane, the server (API errors), the CLI
 * and the workbooks, keyed by message. Code elsewhere names a message (MSG.api.forbidden) and never
 * writes Polish itself; a lint test (messages/lint.test.ts) keeps it that way.
 *
 * Rules for a message:
 * - a number with a noun goes through counted() / withCount(), never "${n} wierszy";
 * - states, statuses and bands are named in the user's words, never by their codes;
 * - a refusal says what is wrong and what to do, naming the field, header or form field.
 */
import { signInText } from './signInText.ts';
import { formatPlNumber } from '../numbers/polishNumber.ts';
import { formatPercent } from '../format/percent.ts';
import { agreeing, counted } from './plural.ts';
import { withCount } from './counted.ts';
import { ADJECTIVE, NOUN, w3 } from './words.ts';
import { configText, deployText } from './configText.ts';
import { browserText } from './browserText.ts';
import { templateText } from './templateText.ts';
import { workbookText } from './workbookText.ts';
import { planText } from './planText.ts';
import { reviewText } from './reviewText.ts';
import { authText } from './authText.ts';
import { annexText } from './annexText.ts';
import { programText } from './programText.ts';
import { figureFormText, pairingText, sheetLinesText } from './pairingText.ts';

/** „text” — Polish quotation marks. */
export const q = (s: string | number): string => `„${s}”`;

/** Domain labels: statuses, states, bands, plan kinds. */
const labels = {
  /** ReportStatus → label; the sheets' status lists use these, so they are also read back. */
  reportStatus: {
    realized: 'zrealizowane',
    not_realized: 'niezrealizowane w tym roku',
    ended: 'zakończone',
    cancelled: 'odwołane',
    realized_elsewhere: 'realizowane w ramach innego działania',
    ongoing: 'realizowane w sposób ciągły',
  },
  planKind: {
    target: 'cel liczbowy',
    new_activity: 'nowe działanie (bez celu)',
    descriptive: 'opis bez liczb',
  },
  /** WorkflowState → the user's word for it. */
  workflowState: {
    not_started: 'nierozpoczęte',
    draft: 'wersja robocza',
    submitted: 'przekazane',
    returned: 'zwrócone',
    accepted: 'zaakceptowane',
  },
  /** A workflow event as a sentence fragment: "zwrócono do poprawy — Anna Nowak". */
  workflowEvent: {
    submitted: 'przekazano do weryfikacji',
    accepted: 'zaakceptowano',
    returned: 'zwrócono do poprawy',
    reopened: 'otwarto ponownie',
  },
  varianceBand: {
    far_below: 'znacznie poniżej planu',
    below: 'poniżej planu',
    on_plan: 'zgodnie z planem',
    far_above: 'znacznie powyżej planu',
    not_realized: 'niezrealizowane',
    no_target: 'brak celu',
    no_data: 'brak danych',
  },
  /** What a consolidated row is with respect to the plan (column „Względem planu”). */
  lineRole: {
    planned: 'miara planu',
    extra: 'poza planem',
    part: 'część wykonania',
    subset: 'w tym',
  },
  /** The currency after an amount: "2 000 750,00 zł". */
  currency: 'zł',
  role: {
    unit_reporter: 'sprawozdawca jednostki',
    reviewer: 'weryfikator (MOPS)',
    manager: 'kierownictwo',
    admin: 'administrator',
  },
} as const;

/** Polish numbers, money and counts typed by people. */
const numbers = {
  empty: 'pusta wartość — wpisz liczbę',
  negative: (text: string) => `wartość ujemna ${q(text)} — liczby ujemne nie są tu dozwolone`,
  badCharacters: (text: string) => `niedozwolone znaki w ${q(text)} — wpisz samą liczbę, np. „1 234,5”`,
  ambiguousDot: (text: string) => `niejednoznaczny separator w ${q(text)} — tysiące oddzielaj spacją, a część dziesiętną przecinkiem`,
  dotDecimal: (text: string) => `kropka w ${q(text)} — część dziesiętną oddziel przecinkiem, np. „1,5”`,
  manyCommas: (text: string) => `kilka przecinków w ${q(text)} — przecinek oddziela tylko część dziesiętną`,
  noIntegerPart: (text: string) => `brak części całkowitej w ${q(text)} — wpisz np. „0,5”`,
  badFraction: (text: string) => `niepoprawna część dziesiętna w ${q(text)} — po przecinku wpisz same cyfry`,
  badGrouping: (text: string) => `niepoprawne grupowanie cyfr w ${q(text)} — tysiące oddzielaj spacją co trzy cyfry, np. „12 345”`,
  tooManyDecimals: (text: string, max: number) => `za dużo miejsc po przecinku w ${q(text)} — najwyżej ${max}`,
  outOfRange: (text: string) => `liczba ${q(text)} jest poza zakresem`,
  moneyCharacters: (text: string) => `niedozwolone znaki w ${q(text)} — wpisz kwotę, np. „1 234,56 zł”`,
  moneyOutOfRange: (text: string) => `kwota ${q(text)} jest poza zakresem`,
  /** A count of discrete things typed with a fraction: "1,234" uczestników. */
  wholeCount: (text: string, kindGenitivePlural: string) => {
    const grouped = /^\d{1,3},\d{3}$/.test(text.trim()) ? ` Jeśli chodziło o tysiące, oddziel je spacją: ${q(text.trim().replace(',', ' '))}.` : '';
    return `${q(text.trim())} — liczba ${kindGenitivePlural} musi być całkowita.${grouped}`;
  },
  wholeCountValue: (kindGenitivePlural: string) => `liczba ${kindGenitivePlural} musi być całkowita`,
  percentTooHigh: 'próg powyżej 10 000 % — wpisz procent, np. „80”',
} as const;

/** Zod issues as Polish sentences naming the field (see zodIssue.ts). `f` is the field's Polish name. */
const zod = {
  required: (f: string) => `Uzupełnij pole ${q(f)}.`,
  expected: {
    string: (f: string) => `Pole ${q(f)} musi być tekstem.`,
    number: (f: string) => `Pole ${q(f)} musi być liczbą, np. „12” albo „0,5”.`,
    int: (f: string) => `Pole ${q(f)} musi być liczbą całkowitą.`,
    boolean: (f: string) => `Pole ${q(f)} musi mieć wartość true albo false.`,
    array: (f: string) => `Pole ${q(f)} musi być listą.`,
    object: (f: string) => `Pole ${q(f)} musi być obiektem z polami.`,
    null: (f: string) => `Pole ${q(f)} musi być puste (null).`,
    other: (f: string) => `Pole ${q(f)} ma niepoprawny typ wartości.`,
  },
  notFinite: (f: string) => `Pole ${q(f)} musi być skończoną liczbą.`,
  min: (f: string, min: number, inclusive: boolean) => `Pole ${q(f)} musi wynosić ${inclusive ? 'co najmniej' : 'więcej niż'} ${formatPlNumber(min)}.`,
  max: (f: string, max: number, inclusive: boolean) => `Pole ${q(f)} może wynosić ${inclusive ? 'najwyżej' : 'mniej niż'} ${formatPlNumber(max)}.`,
  minLength: withCount((n: number, f: string) => `Pole ${q(f)} musi mieć co najmniej ${counted(n, NOUN.character)}.`),
  maxLength: withCount((n: number, f: string) => `Pole ${q(f)} może mieć najwyżej ${counted(n, NOUN.character)} — skróć tekst.`),
  minItems: withCount((n: number, f: string) => `Pole ${q(f)} musi zawierać co najmniej ${counted(n, NOUN.itemAccusative)}.`),
  maxItems: withCount((n: number, f: string) => `Pole ${q(f)} może zawierać najwyżej ${counted(n, NOUN.itemAccusative)}.`),
  format: (f: string, hint?: string) => `Pole ${q(f)} ma niepoprawny format${hint ? ` — ${hint}` : ''}.`,
  multipleOf: (f: string, step: number) => `Pole ${q(f)} musi być wielokrotnością ${formatPlNumber(step)}.`,
  unknownKeys: (keys: readonly string[], allowed: readonly string[]) =>
    `${keys.length > 1 ? 'Nieznane pola' : 'Nieznane pole'} ${keys.map(q).join(', ')} — usuń je z żądania.${allowed.length ? ` Dozwolone pola: ${allowed.join(', ')}.` : ' To żądanie nie przyjmuje żadnych pól.'}`,
  unknownValue: (f: string, value: string | null, allowed: readonly string[]) =>
    `Pole ${q(f)}: ${value === null ? 'niedozwolona wartość' : `nieznana wartość ${q(value)}`} — dozwolone: ${allowed.join(', ')}.`,
  invalidValue: (f: string) => `Pole ${q(f)} ma niedozwoloną wartość.`,
  invalidKey: (f: string) => `Pole ${q(f)} zawiera niepoprawny klucz.`,
  invalidElement: (f: string) => `Pole ${q(f)} zawiera niepoprawny element.`,
  custom: (f: string, reason: string) => `Pole ${q(f)}: ${reason}`,
  /** The request as a whole (no field). */
  wholeRequest: 'treść żądania',
  /** Headline of a 400 listing zod problems. */
  /** One problem: the problem itself is the headline. */
  headline: (first: string) => first,
  headlineMany: withCount((n: number, first: string) => `Niepoprawne dane żądania (${counted(n, NOUN.problem)}). Pierwszy: ${first}`),
} as const;

/**
 * Polish names of request fields, by path with list indexes removed ("entries[].comment").
 * `hint` says what to type when the format is wrong.
 */
const fields: Record<string, { name: string; hint?: string; required?: string; ownMessages?: true }> = {
  year: { name: 'rok', hint: 'podaj rok, np. 2025' },
  unit: { name: 'jednostka', hint: 'podaj kod jednostki, np. MOPS/PRZ/08' },
  baseVersion: { name: 'wersja bazowa', hint: 'podaj numer wersji, od której zaczęto edycję' },
  version: { name: 'wersja' },
  entries: { name: 'pozycje sprawozdania' },
  'entries[]': { name: 'pozycja sprawozdania' },
  'entries[].activityId': { name: 'identyfikator działania', hint: 'podaj identyfikator działania z przydziału, np. I.1-03' },
  'entries[].status': { name: 'status realizacji' },
  'entries[].actual': { name: 'wykonanie' },
  'entries[].actual.measures': { name: 'miary wykonania' },
  'entries[].actual.measures[]': { name: 'miara wykonania' },
  'entries[].actual.measures[].kind': { name: 'rodzaj miary' },
  'entries[].actual.measures[].qualifier': { name: 'opis miary' },
  'entries[].actual.measures[].value': { name: 'wartość miary' },
  'entries[].actual.text': { name: 'opis wykonania' },
  'entries[].moneySpent': { name: 'wydatki' },
  'entries[].moneySpent[]': { name: 'kwota wydatków (w groszach)' },
  'entries[].moneyText': { name: 'kwoty zapisane tekstem' },
  'entries[].moneyText[]': { name: 'kwota zapisana tekstem' },
  'entries[].comment': { name: 'komentarz do działania' },
  'entries[].scopeDescription': { name: 'zakres realizacji (opis)' },
  comment: { name: 'komentarz dla jednostki', required: 'Podaj komentarz dla jednostki — napisz, co ma poprawić.' },
  status: { name: 'status' },
  reason: { name: 'powód cofnięcia', required: 'Podaj powód cofnięcia — zostanie zapisany w historii roku.' },
  from: { name: 'faza, z której rok przechodzi', hint: 'podaj planning, reporting albo closed' },
  to: { name: 'faza, do której rok przechodzi', hint: 'podaj planning, reporting albo closed' },
  phase: { name: 'faza początkowa', hint: 'podaj planning albo reporting (bez planowania)' },
  planningDeadline: { name: 'termin planowania', hint: 'podaj datę w postaci RRRR-MM-DD, np. 2025-12-15' },
  pick: { name: 'wybrane działania zakończone lub odwołane' },
  'pick[]': { name: 'identyfikator wybranego działania', hint: 'podaj identyfikator działania, np. I.3.2-14' },
  deadline: { name: 'termin', hint: 'podaj datę w postaci RRRR-MM-DD, np. 2025-03-31' },
  policy: { name: 'progi oceny' },
  // Thresholds are ratios (1 = 100 %): their schema's own messages speak in percent.
  'policy.farBelow': { name: 'próg: znacznie poniżej planu', ownMessages: true },
  'policy.onPlanFrom': { name: 'próg: zgodnie z planem od', ownMessages: true },
  'policy.farAboveOver': { name: 'próg: znacznie powyżej planu', ownMessages: true },
  annexNumber: { name: 'numer załącznika' },
  parentReportTitle: { name: 'tytuł sprawozdania nadrzędnego' },
  area: { name: 'obszar (area)' },
  task: { name: 'zadanie (task)' },
  band: { name: 'ocena (band)' },
  ratioBelow: { name: 'wykonanie poniżej (ratioBelow)', hint: 'podaj ułamek, np. 0,8 dla 80 %' },
  ratioAbove: { name: 'wykonanie powyżej (ratioAbove)', hint: 'podaj ułamek, np. 1,5 dla 150 %' },
  withMoney: { name: 'tylko z wydatkami (withMoney)' },
  'area[]': { name: 'obszar (area)' },
  'task[]': { name: 'zadanie (task)', hint: 'podaj kod zadania, np. I.1' },
  'unit[]': { name: 'jednostka (unit)', hint: 'podaj kod jednostki, np. MOPS/PRZ/08' },
  'band[]': { name: 'ocena (band)' },
  'status[]': { name: 'status' },
  summary: { name: 'podsumowanie (summary)' },
  'Idempotency-Key': { name: 'nagłówek Idempotency-Key', hint: 'wyślij 8–200 widocznych znaków ASCII bez spacji, np. UUID' },
  // a return with comments on activities, an answer in a comment's thread (reviewContracts.ts)
  comments: { name: 'uwagi do działań' },
  'comments[]': { name: 'uwaga do działania' },
  'comments[].activityId': { name: 'identyfikator działania', hint: 'podaj identyfikator działania z przydziału, np. I.1-03' },
  'comments[].measureKey': { name: 'miara, której dotyczy uwaga' },
  'comments[].text': { name: 'treść uwagi' },
  text: { name: 'treść odpowiedzi' },
  onBehalfReason: { name: 'powód zmiany w imieniu jednostki' },
  ...planText.requestFields,
  // signing in and the users page (MSG.auth)
  token: { name: 'token', required: 'Wklej token otrzymany od administratora MOPS.' },
  client: { name: 'rodzaj klienta (client)', hint: 'podaj browser albo pane' },
  id: { name: 'identyfikator użytkownika' },
  name: { name: 'imię i nazwisko lub nazwa', required: 'Podaj imię i nazwisko lub nazwę użytkownika.' },
  role: { name: 'rola' },
  orgUnitCode: { name: 'jednostka', hint: 'podaj kod jednostki, np. MOPS/PRZ/08' },
  label: { name: 'opis tokenu' },
  expiresOn: { name: 'data ważności tokenu', hint: 'podaj datę w postaci RRRR-MM-DD, np. 2026-12-31' },
  email: { name: 'adres e-mail', hint: 'podaj adres e-mail, np. anna.nowak@um.krakow.pl' },
  tokenSignIn: { name: 'logowanie tokenem' },
  limit: { name: 'liczba wpisów (limit)' },
};

/** Refusals of the HTTP API. */
const api = {
  unauthorized: 'Brak ważnego tokenu dostępu — zaloguj się tokenem od administratora (nagłówek Authorization: Bearer …).',
  forbidden: 'Brak uprawnień do tej operacji.',
  notFound: 'Nie znaleziono.',
  noSuchPath: 'Nie ma takiego adresu API.',
  malformedJson: 'Treść żądania nie jest poprawnym JSON-em.',
  bodyTooLarge: 'Treść żądania jest za duża.',
  bodyTooLargeLimit: withCount((limitBytes: number) => `Treść żądania jest za duża (limit: ${counted(limitBytes, NOUN.byte)}).`),
  unsupportedEncoding: 'Nieobsługiwane kodowanie treści żądania — wyślij treść w UTF-8.',
  aborted: 'Żądanie zostało przerwane — wyślij je ponownie.',
  badRequest: 'Niepoprawne żądanie — nie udało się odczytać adresu lub treści żądania.',
  internal: 'Wewnętrzny błąd serwera — spróbuj ponownie za chwilę; jeśli błąd się powtarza, zgłoś go administratorowi.',
  rateLimited: 'Za dużo żądań — odczekaj chwilę i spróbuj ponownie.',
  dbUnavailable: 'Baza danych nie odpowiada.',
  headersTooLarge: 'Nagłówki żądania są za duże (limit 16 KB) — usuń zbędne nagłówki lub ciasteczka i spróbuj ponownie.',
  requestTimeout: 'Żądanie nie dotarło w całości w wyznaczonym czasie — wyślij je ponownie.',
  headersTimeout: 'Nagłówki żądania nie dotarły w wyznaczonym czasie — wyślij żądanie ponownie.',
  malformedHttp: 'Niepoprawne żądanie HTTP — nie udało się go odczytać.',
  noUnit: (unit: string) => `Nie ma jednostki ${unit}.`,
  noYear: (year: number) => `Rok ${year} nie jest prowadzony w systemie.`,
  yearClosed: (year: number) => `Rok ${year} jest zamknięty — sprawozdania są tylko do odczytu.`,
  // access
  otherUnitWrite: (own: string | null, unit: string) => `Twoja jednostka (${own ?? '—'}) nie może zapisywać sprawozdania jednostki ${unit}.`,
  readOnlyRole: 'Ta rola może czytać sprawozdania, ale nie może ich zapisywać.',
  reviewOnly: 'Akceptować, zwracać i ponownie otwierać sprawozdania może tylko weryfikator (MOPS).',
  adminOnly: 'Tylko administrator może wykonać tę operację.',
  noReportAccess: (unit: string) => `Twoja jednostka nie ma wglądu w sprawozdanie jednostki ${unit}.`,
  noAssignmentAccess: (unit: string) => `Twoja jednostka nie ma wglądu w przydział jednostki ${unit}.`,
  noHistoryAccess: (unit: string) => `Twoja jednostka nie ma wglądu w historię jednostki ${unit}.`,
  centralWorkbookReaders: 'Zestawienie zbiorcze mogą pobrać MOPS, kierownictwo i administrator.',
  templateReaders: (unit: string) => `Szablon jednostki ${unit} może pobrać tylko ta jednostka lub MOPS.`,
  completenessReaders: 'Zestawienie kompletności jest dostępne dla MOPS i kierownictwa.',
  annexReaders: 'Załącznik do sprawozdania mogą pobrać MOPS, kierownictwo i administrator.',
  annexTitleReaders: 'Nagłówek załącznika widzą MOPS, kierownictwo i administrator.',
  annexTitleEditors: 'Nagłówek załącznika może zmienić tylko weryfikator MOPS lub administrator.',
  noProgram: 'W bazie nie ma programu — nie ma z czego utworzyć załącznika.',
  // workflow
  lockedSubmitted: 'Sprawozdanie przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.',
  lockedAccepted: 'Sprawozdanie zostało zaakceptowane i jest zablokowane — zmiany wymagają ponownego otwarcia przez weryfikatora.',
  submitEmpty: 'Nie można przekazać sprawozdania, w którym nic jeszcze nie zapisano.',
  submitAgain: (state: string) => `Nie można przekazać sprawozdania o stanie ${q(state)} — jest już u weryfikatora lub zostało zaakceptowane.`,
  wrongState: (action: 'submit' | 'accept' | 'return' | 'reopen', state: string) => {
    const verb = { submit: 'przekazać', accept: 'zaakceptować', return: 'zwrócić do poprawy', reopen: 'ponownie otworzyć' }[action];
    return `Nie można ${verb} sprawozdania o stanie ${q(state)}.`;
  },
  versionMoved: (stored: number, viewed: number) =>
    `Sprawozdanie zmieniło się w międzyczasie (zapisana wersja ${stored}, oglądana wersja ${viewed}) — odśwież je i spróbuj ponownie.`,
  entryMissing: (activityId: string) => `Działanie ${activityId}: brak sprawozdania — wybierz status realizacji.`,
  submitIncomplete: withCount((n: number) =>
    `Sprawozdania nie można przekazać: ${counted(n, ADJECTIVE.missingF, 'lub', ADJECTIVE.wrongF, NOUN.item)}. Popraw ${n === 1 ? 'ją' : 'je'} i przekaż ponownie.`),
  // saving
  reportInvalid: withCount((n: number) => `Sprawozdanie zawiera ${counted(n, NOUN.error)} — popraw ${n === 1 ? 'go' : 'je'} i zapisz ponownie.`),
  notOurActivities: (unit: string, ids: readonly string[]) =>
    `Jednostka ${unit} nie sprawozdaje ${ids.length === 1 ? 'działania' : 'działań'} ${ids.join(', ')} — zapisuje je jednostka sprawozdająca.`,
  idempotencyReused: 'Ten klucz Idempotency-Key został już użyty dla innego żądania — wygeneruj nowy klucz dla nowego zapisu.',
  staleVersion: (stored: number, base: number) =>
    `Sprawozdanie zmieniło się w międzyczasie (zapisana wersja ${stored}, edytowano wersję ${base}). Pobierz aktualną wersję i nanieś zmiany ponownie.`,
  concurrentSave: 'Równoczesny zapis tego sprawozdania — pobierz aktualną wersję i spróbuj ponownie.',
  // upload (multipart/form-data, file in the form field "file")
  uploadTooLarge: (limitMb: number) => `Plik w polu formularza „file” jest za duży (limit: ${formatPlNumber(limitMb)} MB).`,
  uploadUnexpectedField: (field: string) => `Nieoczekiwany plik w polu formularza ${q(field)} — wyślij jeden plik w polu „file”.`,
  uploadTooManyFiles: 'Za dużo plików — wyślij jeden plik w polu formularza „file”.',
  uploadTooManyFields: 'Za dużo pól formularza — wyślij plik w polu „file” i najwyżej pole „baseVersion”.',
  uploadFieldTooLong: (field: string) => `Pole formularza ${q(field)} jest za długie.`,
  uploadFieldNameTooLong: 'Nazwa pola formularza jest za długa — wyślij plik w polu „file”.',
  uploadTooManyParts: 'Za dużo części formularza — wyślij plik w polu „file” i najwyżej pole „baseVersion”.',
  uploadMalformed: 'Niepoprawne żądanie przesłania pliku — wyślij formularz multipart/form-data z plikiem w polu „file”.',
  uploadFileMissing: 'Brak pliku — wyślij wypełniony szablon w polu formularza „file” (multipart/form-data).',
  uploadRejected: (reason: string) => `Plik odrzucony: ${reason}.`,
  /** A cell of an uploaded sheet: „Wiersz 12, kolumna „Wykonanie”: …”. */
  uploadCell: (row: number | string, column: string, reason: string) => `Wiersz ${row}, kolumna ${q(column)}: ${reason}`,
  uploadNotXlsx: 'Plik odrzucony: to archiwum nie jest skoroszytem Excel (.xlsx).',
  uploadUnreadable: 'Plik odrzucony: nie udało się odczytać skoroszytu Excel (.xlsx).',
  notATemplate: 'To nie jest szablon sprawozdania pwr-sync. Pobierz szablon swojej jednostki z systemu i wypełnij go.',
  templateOutdated: 'Szablon pochodzi z innej wersji systemu. Pobierz aktualny szablon i przenieś do niego dane.',
  templateOtherUnit: (fileUnit: string, unit: string) => `Ten plik jest szablonem jednostki ${fileUnit}, a nie ${unit}.`,
  templateOtherYear: (fileYear: number, year: number) => `Ten plik jest szablonem sprawozdania za rok ${fileYear}, a nie ${year}.`,
  sheetTooManyRows: withCount((n: number) => `Arkusz ma za dużo wierszy (limit: ${counted(n, NOUN.row)}).`),
  sheetProblems: withCount((n: number) => `Plik zawiera ${counted(n, NOUN.error)} — nic nie zapisano. Popraw ${n === 1 ? 'go' : 'je'} i wyślij plik ponownie.`),
  noHeaderRow: 'Nie znaleziono wiersza nagłówków tabeli sprawozdania.',
  sheetMissing: (sheet: string) => `W pliku brakuje arkusza ${q(sheet)}.`,
  columnsMissing: (headers: readonly string[]) => `W arkuszu brakuje kolumn: ${headers.map(q).join(', ')}. Pobierz aktualny szablon.`,
  cellFormulaWithoutValue: 'komórka zawiera formułę bez obliczonej wartości — wpisz samą wartość albo otwórz i zapisz plik w Excelu',
  cellFormulaError: (error: string) => `formuła w komórce daje błąd ${error} — wpisz samą wartość`,
  cellError: (error: string) => `komórka zawiera błąd ${error}`,
  cellUnsupported: 'nieobsługiwana zawartość komórki',
  uploadsBusy: withCount((seconds: number) => `Serwer odczytuje teraz inne przesłane pliki. Spróbuj ponownie za ${counted(seconds, NOUN.second)}.`),
  uploadTooComplex: 'Plik odrzucony: skoroszyt jest zbyt złożony, by go odczytać.',
} as const;

/** The task pane (Excel add-in): unit mode. */
const pane = {
  // sign-in
  signInTitle: 'Logowanie',
  signInIntro: 'Wklej osobisty token otrzymany od administratora MOPS. Panel zamieni go na sesję, która wygasa po bezczynności i na koniec dnia pracy; samego tokenu nie zapamiętuje.',
  tokenLabel: 'Token',
  tokenMissing: 'Wklej token otrzymany z serwera MOPS.',
  signingIn: 'Logowanie…',
  signIn: 'Zaloguj',
  signOut: 'Wyloguj',
  // starting
  loading: 'Wczytywanie sprawozdania…',
  retry: 'Spróbuj ponownie',
  cannotStart: 'Panel nie może się uruchomić.',
  noOffice: 'Nie udało się wczytać biblioteki Office (office.js). Sprawdź połączenie z internetem i otwórz panel ponownie z karty Narzędzia główne.',
  excelTooOld: 'Za stara wersja Excela.',
  noUnit: 'To konto nie jest przypisane do żadnej jednostki. Panel służy jednostkom sprawozdającym.',
  noYear: 'Serwer nie ma jeszcze żadnego roku sprawozdawczego.',
  // server answers (api/client.ts)
  offline: 'Brak połączenia z serwerem MOPS. Nic nie zostało utracone — dane są w arkuszu. Spróbuj ponownie później.',
  noConnection: 'Brak połączenia z serwerem.',
  unexpectedReply: 'Serwer odpowiedział w nieoczekiwany sposób. Zgłoś to administratorowi.',
  tokenInvalid: 'Token jest nieprawidłowy lub wygasł. Zaloguj się ponownie.',
  newerVersion: 'Ktoś zapisał nowszą wersję sprawozdania.',
  serverRefused: 'Serwer odrzucił dane.',
  serverError: (status: number) => `Błąd serwera (${status}). Spróbuj ponownie później.`,
  // header
  reportFor: (year: number, unit: string) => `Sprawozdanie za ${year} r. · ${unit}`,
  deadline: (date: string) => `Termin: ${date}`,
  daysLeft: withCount((n: number) => (n === 0 ? ' (termin mija dziś)' : ` (${agreeing(n, w3('został', 'zostały', 'zostało'))} ${counted(n, NOUN.day)})`)),
  deadlinePassed: ' (termin minął)',
  serverVersion: (version: number) => `wersja na serwerze: ${version}`,
  // the sheet
  sheetTitle: 'Arkusz sprawozdania',
  sheetHas: withCount((n: number) => `Arkusz „Sprawozdanie” ma ${counted(n, NOUN.row)}. Ponowne przygotowanie zachowa wpisane dane.`),
  sheetCreate: 'Utwórz w tym skoroszycie arkusz z działaniami jednostki i planem na ten rok.',
  preparing: 'Przygotowywanie…',
  prepare: 'Przygotuj arkusz',
  prepareFirst: 'Najpierw przygotuj arkusz („Przygotuj arkusz”).',
  notSent: (reason: string) => `Nie wysłano: ${reason}`,
  otherUnitsSheet: (sheetUnit: string, sheetYear: number, unit: string, year: number) =>
    `Nie wysłano: arkusz w tym skoroszycie to sprawozdanie jednostki ${sheetUnit} za ${sheetYear} r., a zalogowano się jako jednostka ${unit} (rok ${year}). Otwórz skoroszyt jednostki ${unit} albo przygotuj arkusz w nowym skoroszycie.`,
  /** Labels of the hidden sync record's cells (read back: a change here loses existing records). */
  syncRecordLabels: ['Jednostka', 'Rok', 'Wersja na serwerze', 'Klucz wysyłki w toku', 'Skrót wysyłki w toku'],
  savedNotRecorded: (reason: string) =>
    `Skoroszyt nie zapamiętał nowej wersji: ${reason} Kliknij „Synchronizuj” jeszcze raz, zanim zmienisz arkusz — serwer potwierdzi ten sam zapis.`,
  unreadable: withCount((n: number) => `Nie wysłano: w arkuszu ${agreeing(n, w3('jest', 'są', 'jest'))} ${counted(n, NOUN.cell)}, ${n === 1 ? 'której' : 'których'} nie da się odczytać (lista „Problemy w arkuszu”). Popraw ${n === 1 ? 'ją' : 'je'}, aby nie nadpisać danych zapisanych na serwerze.`),
  // The list's place on the pane changes with the view: name it, never "below" or "above".
  problemsBeforeSubmit: withCount((n: number) => `Sprawozdanie ma ${counted(n, NOUN.problemAccusative)} do poprawienia przed przekazaniem (lista „Problemy w arkuszu”).`),
  noProblems: 'Brak problemów w arkuszu',
  problemsTitle: (n: number) => `Problemy w arkuszu (${n})`,
  sheetRow: (row: number) => `wiersz ${row}`,
  notFilled: '(nie wypełniono)',
  // the activity list
  /** The list's heading: how many are shown, never "29 z 29", which reads as "all done". */
  activitiesTitle: (shown: number, all: number) => (shown === all ? `Działania (${all})` : `Działania (pokazano ${shown} z ${all})`),
  activityListHint: 'Strzałki w górę i w dół wybierają działanie, Enter otwiera formularz. Zaznaczenie wiersza w arkuszu też otwiera formularz.',
  /** Progress of the report: activities with a status. */
  progress: withCount((all: number, filled: number) => `Wypełniono ${formatPlNumber(filled)} z ${counted(all, NOUN.activityGenitiveAfterZ)}`),
  // the steps of the unit's flow
  stepsLabel: 'Kroki sprawozdania',
  steps: { prepare: 'Przygotuj arkusz', fill: 'Wypełnij', sync: 'Synchronizuj', submit: 'Przekaż' },
  stepDone: 'zrobione',
  stepCurrent: 'teraz',
  // the activity's own view
  backToList: 'Wróć do listy',
  previousActivity: 'Poprzednie',
  nextActivity: 'Następne',
  activityNav: 'Przejdź do działania',
  activityOf: (position: number, all: number) => `Działanie ${position} z ${all}`,
  /** A figure typed in the sheet on a line without a measure kind, offered in the form to be given one. */
  strayFigure: (value: string) => `W arkuszu wpisano ${value} bez rodzaju miary. Wybierz rodzaj poniżej i zapisz — wartość trafi do właściwego wiersza.`,
  // the sync state
  syncStateLabel: 'Stan synchronizacji',
  unsyncedTitle: (n: number) => `Niezsynchronizowane zmiany (${n})`,
  unsyncedDetail: (when: string | null) => (when ? `Ostatnia synchronizacja: ${when}. Kliknij „Synchronizuj”, aby wysłać zmiany na serwer.` : 'Sprawozdania nie wysłano jeszcze na serwer. Kliknij „Synchronizuj”, aby je wysłać.'),
  formUnsaved: 'W formularzu są niezapisane zmiany — kliknij „Zapisz w arkuszu”.',
  nothingSent: 'Na serwerze nie ma jeszcze danych sprawozdania.',
  submitNeedsData: 'Przekazać można, gdy co najmniej jedno działanie jest wypełnione.',
  savedWithProblems: withCount((n: number) => `Zapisano w arkuszu, ale działanie ma ${counted(n, NOUN.problemAccusative)} do poprawienia (przy polach formularza).`),
  /** In the pane the Miara cell is locked (a plan column): the fix is the form's „Dodaj miarę”, and the problem says so. */
  kindMissingHere: 'wartość bez rodzaju miary — otwórz działanie, wybierz rodzaj miary w formularzu i zapisz.',
  problemWhere: (activityId: string, field: string) => `${activityId} · ${field}`,
  problemsShort: (n: number) => (n === 0 ? 'Brak problemów w arkuszu' : `Problemy w arkuszu (${n})`),
  searchLabel: 'Szukaj działania',
  searchPlaceholder: 'nazwa lub identyfikator',
  filterTask: 'Filtr: zadanie',
  filterStatus: 'Filtr: status',
  all: 'wszystkie',
  unfilled: 'niewypełnione',
  /** The badge of an activity with problems: „2 problemy”. */
  problemCount: withCount((n: number) => counted(n, NOUN.problem)),
  onlyProblems: 'Tylko z problemami',
  activityListLabel: 'Lista działań',
  noActivities: 'Brak działań spełniających kryteria.',
  // the form
  taskLine: (task: string, subsection: number | null, plan: string) => `Zadanie ${task}${subsection ? ` (${subsection})` : ''} · plan: ${plan}`,
  noFigures: 'bez liczb',
  statusLabel: 'Status',
  choose: '— wybierz —',
  actualLegend: 'Wykonanie',
  planWithoutMeasures: 'Plan nie ma miar liczbowych. Możesz dodać miarę wykonania.',
  kindLabel: 'Rodzaj miary',
  chooseKind: 'wybierz rodzaj miary',
  qualifierLabel: 'Opis miary (opcjonalnie)',
  extraActual: 'Wykonanie (miara spoza planu)',
  actualFor: (plan: string) => `Wykonanie: ${plan} w planie`,
  ofPlan: (percent: string) => `${percent} planu`,
  removeMeasure: 'Usuń miarę',
  addMeasure: 'Dodaj miarę',
  moneyLabel: 'Wydatki (zł)',
  moneyHint: 'np. 2 000 750,00',
  commentLabel: 'Komentarz / wyjaśnienie',
  commentHint: 'Powód niezrealizowania albo wyjaśnienie dużego odchylenia od planu.',
  money2Label: 'Wydatki – druga kwota (zł)',
  money2Hint: 'Tylko gdy działanie ma drugie źródło finansowania.',
  scopeLabel: 'Zakres realizacji (opis)',
  scopeHint: withCount((max: number) => `Co zostało zrobione, własnymi słowami — trafi do rocznego sprawozdania (najwyżej ${counted(max, NOUN.character)}).`),
  /** The typed description is over the limit: how long it is and what to shorten it to. */
  scopeTooLong: withCount((length: number, max: number) => `Opis ma ${counted(length, NOUN.character)} — skróć go do ${counted(max, NOUN.characterGenitive)}.`),
  savedInSheet: 'Zapisano w arkuszu.',
  saveInSheet: 'Zapisz w arkuszu',
  undo: 'Cofnij zmiany',
  // sync
  serverTitle: 'Serwer MOPS',
  returnedTitle: 'Sprawozdanie zwrócone do poprawy.',
  reviewerNotes: (comment: string) => `Uwagi weryfikatora: ${comment}`,
  sync: 'Synchronizuj',
  submit: 'Przekaż do weryfikacji',
  working: 'Trwa…',
  savedTitle: 'Zapisano na serwerze.',
  /** While a save is on its way: nothing may look saved before the server answers. */
  sendingTitle: 'Trwa zapisywanie na serwerze…',
  savedDetail: (version: number, when: string) => `Wersja ${version}, ${when}.`,
  submittedTitle: 'Przekazano do weryfikacji.',
  submittedDetail: 'MOPS otrzymał sprawozdanie.',
  offlineTitle: 'Serwer niedostępny.',
  rejectedTitle: 'Serwer odrzucił część danych.',
  conflictTitle: (version: number) => `Ktoś zapisał nowszą wersję (${version}).`,
  conflictDetail: withCount((differences: number, who: string, when: string) => ` Zapisał(a): ${who}, ${when}. ${counted(differences, NOUN.difference)}.`),
  keepMine: 'Zachowaj moje',
  takeTheirs: 'Weź wersję z serwera',
  differencesLabel: 'Różnice między arkuszem a serwerem',
  colActivity: 'Działanie',
  colField: 'Pole',
  colMine: 'W arkuszu',
  colTheirs: 'Na serwerze',
  fieldLabels: { status: 'Status', actual: 'Wykonanie', moneySpent: 'Wydatki', comment: 'Komentarz' },
  // Excel (runExcel, sheet validation)
  excel: {
    InvalidOperationInCellEditMode: 'Excel jest w trybie edycji komórki. Zakończ wpisywanie (Enter lub Esc) i spróbuj ponownie.',
    ItemNotFound: 'Nie ma arkusza sprawozdania w tym skoroszycie. Kliknij „Przygotuj arkusz”.',
    AccessDenied: 'Excel nie pozwolił na zmianę: skoroszyt jest tylko do odczytu albo chroniony hasłem.',
    ApiNotFound: 'Ta wersja Excela nie obsługuje potrzebnej funkcji. Skorzystaj z szablonu sprawozdania do przesłania na serwer.',
    InsertDeleteConflict: 'Nie można wstawić ani usunąć wierszy: przeszkadza scalona komórka lub inna tabela obok arkusza sprawozdania.',
    RequestPayloadSizeLimitExceeded: 'Sprawozdanie jest zbyt duże na jedno żądanie Excela w przeglądarce.',
    ResponsePayloadSizeLimitExceeded: 'Sprawozdanie jest zbyt duże na jedno żądanie Excela w przeglądarce.',
    ActivityLimitReached: 'Excel jest przeciążony. Odczekaj chwilę i spróbuj ponownie.',
    EditModeNotSupported: 'Excel jest w trybie edycji komórki. Zakończ wpisywanie i spróbuj ponownie.',
  },
  excelFailed: 'Excel nie wykonał operacji. Spróbuj ponownie; jeśli błąd się powtarza, zamknij i otwórz panel.',
  noReviewTable: 'W tym skoroszycie nie ma jeszcze zestawienia. Kliknij „Wczytaj zestawienie”.',
  validation: {
    statusTitle: 'Status',
    statusError: 'Wybierz status z listy.',
    statusPrompt: 'Co się stało z działaniem w tym roku (tylko w pierwszym wierszu działania).',
    actualTitle: 'Wykonanie',
    moneyTitle: 'Wydatki',
    numberError: 'Wpisz liczbę nieujemną, np. 1 234,5.',
    commentTitle: 'Komentarz',
    commentError: withCount((max: number) => `Komentarz może mieć najwyżej ${counted(max, NOUN.character)}.`),
    scopeTitle: 'Zakres realizacji (opis)',
    scopeError: withCount((max: number) => `Opis może mieć najwyżej ${counted(max, NOUN.character)}.`),
  },
} as const;

/** The task pane: review mode (reviewers, managers, admins). */
const review = {
  title: 'Przegląd sprawozdań',
  roles: { reviewer: 'weryfikator MOPS', manager: 'kierownictwo (podgląd)', admin: 'administrator', unit_reporter: 'jednostka' },
  yearLabel: 'Rok sprawozdawczy',
  yearOption: (year: number, phase: string) => `${year} (${phase})`,
  tableTitle: 'Zestawienie w arkuszu',
  filtersTitle: 'Filtry tabeli w Excelu',
  fetching: 'Pobieranie zestawienia z serwera…',
  onServer: withCount((rows: number, year: number | null, loaded: boolean) =>
    `Na serwerze: ${counted(rows, NOUN.row)} (działanie × miara) za ${year ?? '—'} r. ${loaded ? 'Odświeżenie zastąpi tabelę w miejscu i zachowa filtry.' : 'Wczytanie utworzy arkusz „Zestawienie” z tabelą jak w zestawieniu centralnym.'}`),
  writing: 'Zapisywanie w arkuszu…',
  refresh: 'Odśwież zestawienie',
  load: 'Wczytaj zestawienie',
  downloading: 'Pobieranie…',
  tabsLabel: 'Widoki przeglądu',
  tabFilters: 'Filtry i podsumowanie',
  tabCompleteness: 'Kompletność',
  tabHistory: 'Historia',
  loaded: withCount((rows: number, year: number) => `Zestawienie ${year} r. jest w arkuszu „Zestawienie” (${counted(rows, NOUN.row)}).`),
  /** Which thresholds band the review table (the „Ustawienia” sheet's), said under the table's button. */
  thresholds: {
    /** The three thresholds in one phrase, percentages already formatted. */
    values: (farBelow: string, onPlanFrom: string, farAboveOver: string) =>
      `znacznie poniżej planu poniżej ${farBelow}, zgodnie z planem od ${onPlanFrom}, znacznie powyżej planu powyżej ${farAboveOver}`,
    ofYear: (year: number, values: string) => `Oceny w tabeli liczone progami roku ${year} ustalonymi przez MOPS: ${values}.`,
    edited: (values: string, year: number, yearValues: string) =>
      `Oceny w tabeli liczone progami zmienionymi w arkuszu „Ustawienia”: ${values}. Progi roku ${year} ustalone przez MOPS: ${yearValues}. Odświeżenie zestawienia zostawia zmienione progi; podsumowanie poniżej liczy tymi samymi.`,
    /** A threshold cell that holds no number (e.g. text typed over it). */
    unreadable: 'nieczytelny',
    restore: 'Przywróć progi roku',
    restoring: 'Przywracanie progów…',
    restored: (year: number) => `Przywrócono progi roku ${year}: oceny i kolory w tabeli i arkuszach sprawozdań przeliczyły się.`,
  },
  // filters
  band: 'Ocena',
  execution: 'Wykonanie',
  below: 'poniżej',
  above: 'powyżej',
  thresholdLabel: 'Próg wykonania w % (np. 80 lub 87,5)',
  area: 'Obszar',
  task: 'Zadanie',
  unit: 'Jednostka (odpowiedzialna, także współrealizująca)',
  searchPlaceholder: 'Szukaj po nazwie lub kodzie',
  searchLabel: (what: string) => `Szukaj: ${what}`,
  searchNothing: (query: string) => `Nic nie pasuje do „${query}”.`,
  noneChosen: 'Nic nie zaznaczone — wszystkie.',
  chosen: (n: number, visible: number) => `Zaznaczone: ${formatPlNumber(n)}${visible < n ? ` (ukryte przez wyszukiwanie: ${formatPlNumber(n - visible)})` : ''}`,
  unchoose: 'Odznacz wszystkie',
  unchooseLabel: (what: string) => `Odznacz wszystkie: ${what}`,
  status: 'Status',
  withMoney: 'Tylko działania z wydatkami',
  apply: 'Zastosuj filtry',
  clear: 'Wyczyść filtry',
  excelShows: withCount((total: number, shown: number) => `Excel pokazuje ${formatPlNumber(shown)} z ${counted(total, NOUN.rowGenitiveAfterZ)}.`),
  filtersChangedInSheet: withCount((n: number) => ` Filtry zmieniono też ręcznie w arkuszu — podsumowanie poniżej dotyczy filtrów z panelu (${counted(n, NOUN.row)}).`),
  loadFirst: 'Najpierw wczytaj zestawienie do arkusza.',
  /** A value no activity id has: an empty Excel values filter would show every row. */
  noRowsValue: '(brak)',
  // summary and chart
  summaryTitle: 'Podsumowanie wybranych wierszy',
  totalsLabel: 'Łącznie według miary',
  activitiesLabel: 'Działania',
  moreActivities: withCount((n: number) => `… i ${counted(n, NOUN.activityGenitiveMore)} więcej (pełna lista w arkuszu).`),
  chartBy: 'Wykres według',
  byArea: 'Według obszaru',
  byUnit: 'Według jednostki',
  chartByArea: 'Wykonanie według obszaru',
  chartByUnit: 'Wykonanie według jednostki',
  atLeastPlan: (total: number, percent: string) => `${total} · ${percent} ≥ plan`,
  noRatedRows: 'Brak ocenionych wierszy do wykresu.',
  // completeness
  loadingCompleteness: 'Wczytywanie kompletności…',
  reviewerOnly: 'Akceptować i zwracać sprawozdania może tylko weryfikator MOPS — ta rola ma wgląd bez zmian.',
  yearClosed: 'Rok jest zamknięty — sprawozdania są tylko do odczytu.',
  returnReasonMissing: 'Podaj komentarz dla jednostki — napisz, co ma poprawić; zobaczy go w swoim panelu.',
  completenessTitle: 'Kompletność sprawozdań',
  showStates: 'Pokaż jednostki w stanie',
  allStates: (n: number) => `wszystkie (${n})`,
  stateCount: (label: string, n: number) => `${label} (${n})`,
  unitsLabel: 'Jednostki',
  filled: withCount((activities: number, filled: number, version: number, change: string) =>
    `Wypełniono ${formatPlNumber(filled)} z ${counted(activities, NOUN.activityGenitiveAfterZ)} · wersja ${version}${change}`),
  lastChange: (when: string, who: string) => ` · ${when}, ${who}`,
  notes: (comment: string) => `Uwagi: ${comment}`,
  accept: 'Akceptuj',
  acceptLabel: (unit: string) => `Akceptuj sprawozdanie ${unit}`,
  returnAction: 'Zwróć do poprawy…',
  returnLabel: (unit: string) => `Zwróć do poprawy sprawozdanie ${unit}`,
  commentFor: (unit: string) => `Komentarz dla jednostki ${unit}`,
  returnWithComment: 'Zwróć z komentarzem',
  cancel: 'Anuluj',
  accepted: (unit: string) => `Zaakceptowano sprawozdanie jednostki ${unit}.`,
  returned: (unit: string) => `Zwrócono sprawozdanie jednostki ${unit} do poprawy. Jednostka zobaczy komentarz w swoim panelu.`,
  // history
  historyTitle: 'Historia zaznaczonego wiersza',
  changes: withCount((n: number) => (n === 0 ? 'brak zmian od pierwszego zapisu' : counted(n, NOUN.change))),
  historyHint: 'Zaznacz w arkuszu „Zestawienie” dowolną komórkę wiersza i kliknij przycisk.',
  showHistory: 'Pokaż historię',
  selectRowFirst: 'Zaznacz w arkuszu „Zestawienie” komórkę w wierszu działania, a potem kliknij „Pokaż historię”.',
  historyTable: 'Historia zmian działania',
  colWhen: 'Kiedy i kto',
  colField: 'Pole',
  colChange: 'Było → jest',
  savedLine: (when: string, who: string, version: number) => `${when} · ${who} (wersja ${version})`,
  workflowTitle: (unit: string) => `Przebieg weryfikacji sprawozdania: ${unit}`,
  noEvents: 'Brak zapisów weryfikacji (przekazanie, zwrot, akceptacja) tego sprawozdania.',
  eventsLabel: 'Przebieg weryfikacji',
  eventLine: (when: string, version: number) => `${when} · wersja ${version}`,
  fieldStatus: 'Status',
  fieldComment: 'Komentarz',
  fieldMoney: 'Wydatki',
  fieldActualText: 'Wykonanie (opis)',
  fieldScopeDescription: 'Zakres realizacji (opis)',
  fieldActual: (kind: string, qualifier?: string) => `Wykonanie — ${kind}${qualifier ? ` (${qualifier})` : ''}`,
  fieldExtra: (figure: string) => `${figure} — poza planem`,
  fieldSubset: (measure: string, of: string) => `W tym — ${measure} (z: ${of})`,
  fieldPairing: (planMeasureId: string) => `Przypisanie do planu (miara planu nr ${planMeasureId})`,
  pairingNone: 'brak danych',
  pairingComment: (comment: string) => ` — ${comment}`,
  fieldReviewComment: (measure: string | null) => `Komentarz weryfikatora${measure ? ` — ${measure}` : ''}`,
  fieldReviewReply: (fromUnit: boolean) => (fromUnit ? 'Odpowiedź jednostki' : 'Odpowiedź MOPS'),
  fieldCommentResolved: 'Komentarz rozpatrzony (jednostka zmieniła działanie)',
  fieldCommentSettled: 'Komentarz rozpatrzony (weryfikator uznał odpowiedź za wystarczającą)',
  onBehalfNote: (reason: string) => ` · wprowadził MOPS w imieniu jednostki: ${reason}`,
} as const;

/** The command-line tools (npm run admin / consolidate / report) and the server's start. */
const cli = {
  adminUsage: `Użycie:
  user add <id> --name "<nazwa>" --role <unit_reporter|reviewer|manager|admin> [--unit <kod jednostki>]
  user disable <id>
  token issue <userId> [--label <opis>] [--expires RRRR-MM-DD]   (domyślnie ważny tyle dni, ile PWR_TOKEN_DAYS; 90)
  token revoke <początek skrótu z "list">
  list
  year set <rok> [--deadline RRRR-MM-DD]
  prune-idempotency [--days 30]`,
  consolidateUsage: 'Użycie: npm run consolidate -- --year 2024 --out zestawienie-2024.xlsx',
  reportUsage: 'Użycie: npm run report -- --year 2024 --out sprawozdanie-2024.docx [--summary]',
  error: (message: string) => `Błąd: ${message}`,
  badOption: (detail: string) => `Niepoprawna opcja wywołania (${detail}).`,
  userAddNeeds: 'user add wymaga <id>, --name i --role',
  unknownRole: (role: string, allowed: readonly string[]) => `--role: nieznana rola ${q(role)} — dozwolone: ${allowed.join(', ')}`,
  badUnitCode: (unit: string) => `--unit: niepoprawny kod jednostki ${q(unit)} — wielkie litery, cyfry, „/” i „-”, np. MOPS/PRZ/08`,
  unitOnlyForReporter: '--unit podaje się tylko (i zawsze) dla roli unit_reporter',
  noUnit: (unit: string) => `nie ma jednostki ${unit}`,
  userSaved: (id: string, role: string, unit: string | null) => `użytkownik ${id} (${role}${unit ? `, ${unit}` : ''}) zapisany`,
  userDisableNeeds: 'user disable wymaga <id>',
  userDisabled: (id: string) => `użytkownik ${id} wyłączony, tokeny unieważnione`,
  noActiveUser: (id: string) => `brak aktywnego użytkownika ${id}`,
  tokenIssueNeeds: 'token issue wymaga <userId>',
  cannotIssue: (id: string, reason: string) => `nie można wydać tokenu dla ${id}: ${reason}`,
  tokenShownOnce: 'Token pokazany jest tylko raz — przekaż go użytkownikowi bezpiecznym kanałem.',
  tokenRevokeNeeds: 'token revoke wymaga początku skrótu tokenu (co najmniej 8 znaków)',
  tokensRevoked: withCount((n: number) => n === 0 ? 'nie unieważniono żadnego tokenu' : `unieważniono ${counted(n, NOUN.token)}`),
  listUser: (active: boolean, id: string, role: string, unit: string, tokens: number, name: string) =>
    `${active ? '✓' : '✗'} ${id.padEnd(28)} ${role.padEnd(13)} ${unit.padEnd(14)} aktywne tokeny: ${String(tokens).padEnd(3)} ${name}`,
  listToken: (prefix: string, userId: string, label: string, createdAt: string, revokedAt: string | null) =>
    `${prefix}  ${userId.padEnd(28)} ${label.padEnd(8)} ${createdAt}${revokedAt ? `  unieważniony ${revokedAt}` : ''}`,
  noYear: (year: string | undefined) => `nie ma roku ${year ?? '(nie podano)'}`,
  statusValues: '--status: fazę roku (planowanie → sprawozdawczość → zamknięty) zmienia administrator w przeglądarce (Lata i fazy) albo przez POST /api/years/<rok>/phase — każda zmiana trafia do historii roku.',
  deadlineFormat: '--deadline: podaj datę w postaci RRRR-MM-DD, np. 2025-03-31',
  daysWhole: (given: string | undefined) => `--days: podaj liczbę całkowitą dni ≥ 0, nie ${q(given ?? '')}`,
  keysPruned: withCount((n: number) => n === 0 ? 'nie usunięto żadnego klucza' : `usunięto ${counted(n, NOUN.key)} Idempotency-Key`),
  unknownCommand: (command: string) => `nieznane polecenie: ${command}`,
  noCommand: 'brak polecenia',
  giveYear: 'Podaj rok: --year 2024',
  docxExtension: (out: string) => `Plik wynikowy musi mieć rozszerzenie .docx: --out ${out}`,
  workbookSaved: withCount((rows: number, out: string, units: number, seconds: number) =>
    `Zapisano ${out}: ${counted(rows, NOUN.row)}, ${counted(units, NOUN.unit)}, ${formatPlNumber(seconds, { decimals: 1 })} s`),
  annexSaved: withCount((tables: number, out: string, activities: number, seconds: number) =>
    `Zapisano ${out}: ${counted(tables, NOUN.table)}, ${counted(activities, NOUN.activity)}, ${formatPlNumber(seconds, { decimals: 1 })} s`),
  workbookFailed: (detail: string) => `Nie udało się zapisać zestawienia: ${detail}`,
  annexFailed: (detail: string) => `Nie udało się zapisać załącznika: ${detail}`,
  demoHeader: '=== TRYB DEMO: tokeny demonstracyjne (nie używać w produkcji) ===',
  demoMore: withCount((n: number) => `  … oraz tokeny wszystkich ${counted(n, NOUN.unitGenitive, ADJECTIVE.reportingFGenitive)}`),
  demoFile: (file: string) => `  Wszystkie tokeny: ${file}`,
  /** What a process is, in the message another process gets when the embedded database is taken. */
  process: {
    server: 'serwer pwr-sync (npm start)',
    admin: 'polecenie administracyjne (npm run admin)',
    consolidate: 'zestawienie (npm run consolidate)',
    report: 'załącznik (npm run report)',
    backup: 'kopia zapasowa (npm run backup)',
    restore: 'odtwarzanie kopii (npm run backup -- --restore)',
    unknown: 'nieznany proces',
    other: (command: string) => `proces ${command}`,
  },
  /** The embedded database's directory is held by another process (`since`: Warsaw time). */
  dataDirLocked: (dataDir: string, holder: string, pid: number, since: string, purpose: string) => [
    `Wbudowana baza danych ${dataDir} jest teraz używana przez inny proces: ${holder}, PID ${pid}, od ${since}.`,
    `Wbudowana baza (PGlite) obsługuje tylko jeden proces naraz, dlatego zatrzymano: ${purpose}. Niczego nie zmieniono.`,
    `Co zrobić: zatrzymaj tamten proces (Ctrl+C w jego oknie albo „kill ${pid}”) i uruchom polecenie ponownie`,
    'albo przełącz serwer na PostgreSQL (DATABASE_URL), na którym serwer i polecenia mogą działać jednocześnie.',
  ].join('\n'),
  /** Put in the log file in place of a secret or a person's text. */
  redacted: '[usunięto]',
  /** Who saved the seeded 2024 data (the history's „Zapisał(a)”). */
  seedAuthor: 'import sprawozdania (dane startowe)',
  manifestVersion: (version: string) => `wersja manifestu ${q(version)} nie ma postaci 1.2.3.4`,
  manifestOrigin: (origin: string) => `adres ${q(origin)} nie jest samym adresem serwera (np. https://pwr.example.krakow.pl)`,
  manifestComment: (release: string) => `pwr-sync ${release}: manifest dodatku dla adresu serwera, wygenerowany poleceniem npm run manifest`,
} as const;

/** Why an uploaded .xlsx archive was refused (zipGuard), after "Plik odrzucony: ". */
const zip = {
  notXlsx: 'plik nie jest skoroszytem Excel (.xlsx)',
  noDirectory: 'plik .xlsx jest uszkodzony (brak katalogu archiwum)',
  zip64: 'nieobsługiwany format archiwum (ZIP64)',
  tooManyEntries: withCount((n: number, limit: number) => `archiwum ma za dużo części (${counted(n, NOUN.file)}, limit: ${formatPlNumber(limit)})`),
  inEntry: (reason: string, name: string) => `${reason} (${q(name)})`,
  badData: 'uszkodzone dane archiwum',
  directoryOutside: 'plik .xlsx jest uszkodzony (katalog archiwum poza plikiem)',
  badDirectoryHeader: 'plik .xlsx jest uszkodzony (nagłówek katalogu)',
  encrypted: 'zaszyfrowane archiwum nie jest obsługiwane',
  compression: (method: number) => `nieobsługiwana metoda kompresji (${method})`,
  entryTooLarge: (name: string) => `część pliku ${q(name)} jest po rozpakowaniu za duża`,
  totalTooLarge: 'plik jest po rozpakowaniu za duży',
  ratio: (name: string) => `podejrzanie wysoki stopień kompresji części ${q(name)}`,
  badLocalHeader: 'uszkodzony nagłówek części archiwum',
  entryOutside: 'część archiwum wychodzi poza plik',
  sizeMismatch: 'niezgodny rozmiar części archiwum',
  inflatesLarger: 'część archiwum rozpakowuje się do większego rozmiaru niż deklarowany',
} as const;

/** Why a workbook's sheets were refused (sheetGuard), after "Plik odrzucony: ". */
const sheetGuard = {
  rowLimit: withCount((n: number) => `szablon mieści najwyżej ${counted(n, NOUN.rowAccusative)}`),
  columnLimit: withCount((n: number) => `szablon mieści najwyżej ${counted(n, NOUN.column)}`),
  tooMuchText: withCount((n: number) => `skoroszyt zawiera za dużo tekstu (ponad ${counted(n, NOUN.characterGenitive)})`),
  tooManyTexts: (count: number, limit: number) => `skoroszyt zawiera za dużo różnych tekstów (${formatPlNumber(count)}, limit: ${formatPlNumber(limit)})`,
  sheet: (name: string) => `arkusz ${q(name)}`,
  reachesRow: (sheet: string, row: number, limit: string) => `${sheet} sięga do wiersza ${formatPlNumber(row)}, a ${limit}`,
  reachesColumn: (sheet: string, column: string, limit: string) => `${sheet} sięga do kolumny ${column}, a ${limit}`,
  hasRow: (sheet: string, row: number, limit: string) => `${sheet} ma wiersz ${formatPlNumber(row)}, a ${limit}`,
  hasCell: (sheet: string, cell: string, limit: string) => `${sheet} ma komórkę ${cell}, a ${limit}`,
} as const;

/** The validation rules' problems (report/rules.ts). */
const rules = {
  prefix: (activityId: string, measureKind?: string) => `Działanie ${activityId}${measureKind ? `, miara ${q(measureKind)}` : ''}: `,
  duplicateMeasure: (qualifier?: string) => `miara podana dwa razy${qualifier ? ` (${qualifier})` : ''} — połącz wartości albo rozróżnij je opisem.`,
  moneyNotAllowed: 'zadanie komplementarne nie ma kolumny wydatków — usuń kwotę.',
  measuresWithStatus: (status: string) => `przy statusie ${q(status)} nie podaje się wykonania — usuń wartości albo zmień status.`,
  statusMissing: 'brak statusu — wybierz status realizacji.',
  reasonMissing: (status: string) => `przy statusie ${q(status)} podaj w komentarzu powód.`,
  whereMissing: 'wskaż w komentarzu, w ramach jakiego działania było realizowane.',
  measuresMissing: 'status „zrealizowane” wymaga co najmniej jednej wartości wykonania.',
  descriptionMissing: 'przy realizacji ciągłej podaj wykonanie albo opis w komentarzu.',
  actualMissing: (plan: number, qualifier?: string) =>
    `brak wykonania${qualifier ? ` (${qualifier})` : ''} przy planie ${formatPlNumber(plan)} — wpisz wartość (także 0) albo podaj w komentarzu, dlaczego jej nie ma.`,
  unknownPlanMeasure: (value: number) =>
    `wartość ${formatPlNumber(value)} odpowiada mierze planu, której plan nie zawiera — przypisz ją do miary planu albo oznacz jako „poza planem”.`,
  subsetExceedsTotal: (subset: number, total: number) =>
    `wartość „w tym” ${formatPlNumber(subset)} jest większa od całości ${formatPlNumber(total)} — popraw jedną z nich.`,
  explainZeroPlan: (actual: number, qualifier?: string) =>
    `wykonanie ${formatPlNumber(actual)}${qualifier ? ` (${qualifier})` : ''} przy planie 0 — dodaj wyjaśnienie w komentarzu.`,
  explainRatio: (actual: number, ratio: number, qualifier?: string) =>
    `wykonanie ${formatPlNumber(actual)}${qualifier ? ` (${qualifier})` : ''} to ${formatPercent(ratio)} planu — dodaj wyjaśnienie w komentarzu.`,
  duplicateEntry: 'podane dwa razy w jednym sprawozdaniu.',
  unknownActivity: 'jednostka nie sprawozdaje tego działania w tym roku.',
} as const;

/** Schema-level reasons (refinements in shared/ schemas). */
const schema = {
  unknownMeasureKind: (kind: string) => `nieznany rodzaj miary ${q(kind)} — wybierz rodzaj z listy`,
  valueNotNumber: 'wartość musi być liczbą',
  valueNotFinite: 'wartość musi być liczbą skończoną',
  valueNegative: 'wartość nie może być ujemna',
  valueTooLarge: (max: number) => `wartość miary może wynosić najwyżej ${formatPlNumber(max)}`,
  kindTooLong: withCount((n: number) => `rodzaj miary może mieć najwyżej ${counted(n, NOUN.character)}`),
  qualifierTooLong: withCount((n: number) => `opis miary może mieć najwyżej ${counted(n, NOUN.character)}`),
  tooManyEntries: withCount((n: number) => `sprawozdanie może mieć najwyżej ${counted(n, NOUN.itemAccusative)}`),
  tooManyMeasures: withCount((n: number) => `działanie może mieć najwyżej ${counted(n, NOUN.measureAccusative)}`),
  tooManyAmounts: withCount((n: number) => `działanie może mieć najwyżej ${counted(n, NOUN.amountAccusative)} wydatków`),
  tooManyMoneyTexts: withCount((n: number) => `działanie może mieć najwyżej ${counted(n, NOUN.amountAccusative, ADJECTIVE.writtenFAccusative)} tekstem`),
  moneyTextTooLong: withCount((n: number) => `kwota zapisana tekstem może mieć najwyżej ${counted(n, NOUN.character)}`),
  filterTooLong: withCount((n: number, whatGenitive: string) => `filtr ${whatGenitive} może mieć najwyżej ${counted(n, NOUN.character)}`),
  filterWhat: { area: 'obszaru', task: 'zadania', unit: 'jednostki', band: 'oceny', status: 'statusu' },
  ratioNegative: 'próg wykonania nie może być ujemny',
  ratioMax: (max: number) => `próg wykonania może wynosić najwyżej ${formatPlNumber(max)} (${formatPercent(max)})`,
  reopenNoteTooLong: withCount((n: number) => `notatka może mieć najwyżej ${counted(n, NOUN.character)}`),
  returnCommentTooLong: withCount((n: number) => `komentarz dla jednostki może mieć najwyżej ${counted(n, NOUN.character)}`),
  textTooLong: withCount((n: number) => `tekst może mieć najwyżej ${counted(n, NOUN.character)}`),
  commentTooLong: withCount((n: number) => `komentarz może mieć najwyżej ${counted(n, NOUN.character)}`),
  scopeDescriptionTooLong: withCount((n: number) => `zakres realizacji (opis) może mieć najwyżej ${counted(n, NOUN.character)}`),
  planMeasureIdEmpty: 'identyfikator miary planu nie może być pusty',
  planMeasureIdTooLong: withCount((n: number) => `identyfikator miary planu może mieć najwyżej ${counted(n, NOUN.character)}`),
  planMeasureIdsUnique: 'identyfikatory miar planu muszą być różne',
  tooManySubsets: 'najwyżej 10 wartości „w tym” przy jednej wartości',
  amountNotNumber: 'kwota musi być liczbą',
  amountNotWhole: 'kwota w groszach musi być liczbą całkowitą',
  amountNegative: 'kwota nie może być ujemna',
  amountTooLarge: 'kwota jest nierealnie duża',
  thresholdPositive: 'próg musi być dodatni',
  thresholdMax: 'próg może wynosić najwyżej 10 000 %',
  thresholdOrder: 'progi muszą spełniać: „znacznie poniżej” ≤ „zgodnie z planem od” ≤ 100 % ≤ „znacznie powyżej”',
  returnComment: 'Podaj komentarz dla jednostki — napisz, co ma poprawić.',
  dateFormat: 'podaj datę w postaci RRRR-MM-DD, np. 2025-03-31',
  noSuchDay: 'nie ma takiego dnia w kalendarzu',
  idempotencyKey: 'wyślij 8–200 widocznych znaków ASCII bez spacji, np. UUID',
  activityId: 'identyfikator działania: wielkie litery i cyfry w członach rozdzielonych kropką lub „-” (najwyżej 40 znaków), np. „I.3.2-14” albo „A.1.07”',
  oneLine: 'tekst musi mieścić się w jednym wierszu (bez znaków sterujących)',
  annexNumberChars: 'tylko litery, cyfry, kropka, ukośnik lub łącznik (np. 3 lub 3a)',
  oneReportingUnit: 'działanie musi mieć dokładnie jedną jednostkę sprawozdającą',
  orgUnitCode: 'kod jednostki: wielkie litery, cyfry, „/” i „-”, np. MOPS/PRZ/08',
  taskCode: 'kod zadania w postaci „I.1”',
} as const;

/** Problems of cells read back from a unit's sheet (the add-in's table, an uploaded template). */
const sheet = {
  notFinite: 'wartość nie jest liczbą skończoną',
  booleanNotNumber: 'wpisz liczbę, a nie wartość PRAWDA/FAŁSZ',
  moneyNegative: 'kwota musi być liczbą nieujemną',
  rowWithoutId: 'wiersz bez identyfikatora działania — nie dodawaj wierszy ręcznie, użyj formularza',
  notReportedHere: (activityId: string) => `działanie ${activityId} nie jest sprawozdawane przez tę jednostkę`,
  unknownStatus: (column: string, text: string) => `${column}: nieznany status ${q(text)} — wybierz z listy`,
  firstRowOnly: (column: string, activityId: string) => `${column}: wpisz w pierwszym wierszu działania ${activityId}`,
  cell: (column: string, reason: string) => `${column}: ${reason}`,
  unknownKind: (column: string, kind: string) => `${column}: nieznany rodzaj miary ${q(kind)} — wybierz z listy`,
  kindMissing: (column: string) => `${column}: wybierz rodzaj miary dla wykonania`,
} as const;

/** Sentences of the review summary (ui-text/executionSummary.ts). */
const summary = {
  noData: 'Brak danych',
  actualWithoutPlan: (actual: string) => `Wykonano ${actual} (bez celu w planie)`,
  notRealized: (plan: string) => `Nie zrealizowano — plan: ${plan}`,
  notFilled: (plan: string) => `Jeszcze nie uzupełniono — plan: ${plan}`,
  noActual: (plan: string) => `Brak danych: nie podano wykonania — plan: ${plan}`,
  subset: (figure: string) => `W tym ${figure}`,
  part: (figure: string) => `Część: ${figure}`,
  ofPlanned: (actual: string, plan: string, kindGenitivePlural: string, qualifier: string, pct: string) =>
    `Zrealizowano ${actual} z ${plan} planowanych ${kindGenitivePlural}${qualifier}${pct}`,
  ofPlan: (actual: string, plan: string, pct: string) => `Zrealizowano ${actual} z planu: ${plan}${pct}`,
  status: (label: string) => `Status: ${label}.`,
  notFilledActivity: 'Jeszcze nie uzupełniono.',
  nothingMatches: 'Żaden wiersz nie spełnia wybranych warunków.',
  selected: withCount((activities: number, rows: number) => `Wybrano ${counted(activities, NOUN.activity)} (${counted(rows, NOUN.row)}).`),
  totalIn: withCount((n: number, sentence: string) => `${sentence} — łącznie w ${counted(n, NOUN.activityLocative)}.`),
} as const;

export const MSG = { labels, numbers, zod, fields, api, zip, sheetGuard, rules, schema, sheet, summary, cli, pane, review, config: configText, browser: browserText, deploy: deployText, template: templateText, workbook: workbookText, plan: planText, reviewView: reviewText, auth: authText, annex: annexText, signIn: signInText, program: programText, sheetLines: sheetLinesText, figureForm: figureFormText, pairing: pairingText } as const;

// Re-exported for messages built elsewhere from these parts.
export { agreeing, counted };
