/**
 * Texts of reviewing a unit's report with the report in front of the reviewer: the report view,
 * comments on activities and the unit's answers, accept with confirmation, reopening with a reason,
 * and MOPS entering figures on a unit's behalf. Part of MSG (catalogue.ts) as MSG.reviewView.
 */
import { counted, pluralCategory } from './plural.ts';
import { withCount } from './counted.ts';
import { NOUN, w3 } from './words.ts';

/** „najwyżej 1 uwagę, 2 uwagi, 5 uwag” (a reviewer's comments on activities, accusative). */
const COMMENT_NOUN_ACC = w3('uwagę', 'uwagi', 'uwag');
/** „1 uwaga, 2 uwagi, 5 uwag” (nominative). */
const COMMENT_NOUN_NOM = w3('uwaga', 'uwagi', 'uwag');

/** „1 odpowiedź, 2 odpowiedzi, 5 odpowiedzi”. */
const REPLY_NOUN_NOM = w3('odpowiedź', 'odpowiedzi', 'odpowiedzi');

const q = (s: string | number): string => `„${s}”`;

export const reviewText = {
  // server refusals
  notSeen: (unit: string, version: number) =>
    `Najpierw otwórz sprawozdanie jednostki ${unit} (wersja ${version}) — zaakceptować lub zwrócić można tylko sprawozdanie, które zostało obejrzane.`,
  staleDecision: (action: 'accept' | 'return', unit: string, shown: number, stored: number) =>
    `Nie ${action === 'accept' ? 'zaakceptowano' : 'zwrócono'} sprawozdania jednostki ${unit}: oglądasz wersję ${shown}, a w międzyczasie zapisano wersję ${stored}. Przejrzyj zmiany w wersji ${stored} i zdecyduj ponownie.`,
  returnEmpty: 'Podaj komentarz dla jednostki — uwagę do co najmniej jednego działania albo uwagę ogólną: napisz, co ma poprawić.',
  reopenReasonMissing: 'Podaj powód ponownego otwarcia zaakceptowanego sprawozdania (pole „comment”).',
  commentTooLong: withCount((n: number) => `uwaga może mieć najwyżej ${counted(n, NOUN.character)}`),
  commentEmpty: 'Wpisz treść uwagi.',
  tooManyComments: withCount((n: number) => `zwrot może zawierać najwyżej ${counted(n, COMMENT_NOUN_ACC)}`),
  unknownActivity: (unit: string, id: string) => `Działanie ${id} nie należy do sprawozdania jednostki ${unit} — uwagę można dodać tylko do jej działania.`,
  unknownMeasure: (id: string, measure: string) => `Działanie ${id} nie ma miary ${q(measure)} w planie ani w wykonaniu.`,
  noComment: (id: number) => `Nie ma uwagi nr ${id} w tym sprawozdaniu.`,
  replyTooLong: withCount((n: number) => `odpowiedź może mieć najwyżej ${counted(n, NOUN.character)}`),
  replyEmpty: 'Wpisz treść odpowiedzi.',
  tooManyReplies: withCount((n: number) => `Pod tą uwagą jest już ${counted(n, REPLY_NOUN_NOM)} — więcej dodać nie można. Dalsze wyjaśnienia wpisz w komentarzu do działania.`),
  resolveAccess: 'Uznać uwagę za wyjaśnioną może tylko weryfikator MOPS (lub administrator).',
  commentAlreadyResolved: (id: number) => `Uwaga nr ${id} jest już rozwiązana.`,
  resolveAccepted: 'Sprawozdanie jest zaakceptowane — jego uwagi zamknięto przy akceptacji.',
  replyAccess: (unit: string) => `Na uwagi do sprawozdania jednostki ${unit} odpowiada ta jednostka lub MOPS.`,
  onBehalfReasonMissing: (unit: string) =>
    `Podaj powód zmiany w sprawozdaniu jednostki ${unit} (pole „onBehalfReason”), np. „dane przesłane e-mailem 12.01”.`,
  onBehalfReasonTooLong: withCount((n: number) => `powód zmiany może mieć najwyżej ${counted(n, NOUN.character)}`),
  onBehalfOnly: 'Wpisywać dane w imieniu jednostki może tylko MOPS (weryfikator lub administrator).',
  onBehalfAccepted: 'Sprawozdanie jest zaakceptowane — aby wpisać zmiany w imieniu jednostki, najpierw otwórz je ponownie (z powodem).',
  // the report view (pane and browser)
  open: 'Otwórz sprawozdanie',
  openLabel: (unitName: string) => `Otwórz sprawozdanie: ${unitName}`,
  back: 'Wróć do listy jednostek',
  loading: 'Wczytywanie sprawozdania…',
  title: (unitName: string) => `Sprawozdanie: ${unitName}`,
  versionLine: (state: string, version: number, savedBy: string | null, savedAt: string | null) =>
    `${state} · wersja ${version}${savedBy ? ` · zapisał(a) ${savedBy}` : ''}${savedAt ? `, ${savedAt}` : ''}`,
  firstLook: 'Nie oglądałeś(-aś) wcześniejszej wersji tego sprawozdania — poniżej całe sprawozdanie, bez oznaczeń zmian.',
  changedSince: withCount((n: number, seen: number) =>
    n === 0 ? `Od wersji ${seen}, którą oglądałeś(-aś) ostatnio, nic się nie zmieniło.` : `Od wersji ${seen}, którą oglądałeś(-aś) ostatnio, zmieniono ${counted(n, NOUN.activity)} (oznaczone „zmieniono”).`),
  changed: 'zmieniono',
  before: (text: string) => `Wcześniej: ${text}`,
  nothingBefore: 'wcześniej nie wypełniono',
  overallNote: (text: string) => `Uwaga ogólna: ${text}`,
  plan: 'Plan',
  actual: 'Wykonanie',
  execution: 'Wykonanie planu',
  status: (label: string) => `Status: ${label}`,
  noEntry: 'Jednostka nie wypełniła tego działania.',
  unitComment: (text: string) => `Komentarz jednostki: ${text}`,
  unitScope: (text: string) => `Zakres realizacji (opis): ${text}`,
  planText: (text: string) => `Plan (tekst): ${text}`,
  actualText: (text: string) => `Wykonanie (tekst): ${text}`,
  onBehalfLine: (version: number, by: string, at: string, reason: string) => `Wersja ${version} — wpisał(a) MOPS (${by}, ${at}): ${reason}`,
  onBehalfTitle: 'Zmiany wpisane przez MOPS w imieniu jednostki',
  // the report as a sheet in the reviewer's workbook (pane only)
  openAsSheet: 'Otwórz jako arkusz',
  openAsSheetHint: 'Tylko do odczytu: oceny liczą się z progów w arkuszu „Ustawienia”.',
  openedAsSheet: (sheet: string) => `Sprawozdanie jest w arkuszu „${sheet}” (tylko do odczytu).`,
  sheetYear: (year: number, code: string) => `rok ${year} · kod jednostki ${code}`,
  sheetNoChangeMarks: 'Zmienione działania mają kolor tła; kolumna „Przed zmianą” mówi, co było wcześniej.',
  sheetColumns: {
    change: 'Zmiana',
    before: 'Przed zmianą',
    unitComment: 'Komentarz jednostki',
    scopeDescription: 'Zakres realizacji (opis)',
    reviewComments: 'Uwagi weryfikatora i odpowiedzi',
  },
  // comments
  comments: 'Uwagi weryfikatora',
  commentOpen: 'otwarta',
  commentResolved: (version: number) => `rozwiązana (poprawiono w wersji ${version})`,
  commentStillOpen: 'nadal otwarta — działania nie zmieniono',
  commentSettled: (by: string, version: number) => `rozwiązana — ${by} uznał(a) odpowiedź za wystarczającą (wersja ${version})`,
  resolveComment: 'Uznaj za wyjaśnioną',
  commentSettledNotice: 'Uwaga uznana za wyjaśnioną — jednostka zobaczy ją jako rozwiązaną.',
  reviewerCommentsRule: 'Uwaga jest rozwiązana, gdy jednostka zmieni działanie i przekaże sprawozdanie ponownie. Jeśli wystarcza odpowiedź bez zmiany, wybierz „Uznaj za wyjaśnioną”. Akceptacja zamyka uwagi nadal otwarte.',
  commentMeta: (by: string, at: string, version: number) => `${by}, ${at} (do wersji ${version})`,
  commentAbout: (measure: string) => `Dotyczy miary: ${measure}`,
  reply: (by: string, at: string, text: string) => `${by}, ${at}: ${text}`,
  addComment: 'Dodaj uwagę',
  addCommentLabel: (activity: string) => `Dodaj uwagę do działania ${activity}`,
  commentLabel: 'Uwaga dla jednostki',
  measureLabel: 'Dotyczy (opcjonalnie)',
  wholeActivity: 'całego działania',
  removeComment: 'Usuń uwagę',
  draftCount: withCount((n: number) => `Do zwrotu: ${counted(n, COMMENT_NOUN_NOM)}.`),
  overallLabel: 'Uwaga ogólna (opcjonalnie)',
  // decisions
  accept: 'Akceptuj…',
  acceptTitle: 'Zaakceptować sprawozdanie?',
  acceptText: (unitName: string, version: number) =>
    `Sprawozdanie jednostki ${unitName} (wersja ${version}) zostanie zaakceptowane i zablokowane. Cofnąć to można przez ponowne otwarcie z podaniem powodu.`,
  acceptOpenComments: withCount((n: number) => (n === 1
    ? `${counted(n, COMMENT_NOUN_NOM)} jest nadal otwarta — akceptacja uzna ją za wyjaśnioną.`
    : `${counted(n, COMMENT_NOUN_NOM)} ${pluralCategory(n) === 'few' ? 'są nadal otwarte' : 'jest nadal otwartych'} — akceptacja uzna je za wyjaśnione.`)),
  acceptDiscards: withCount((n: number) => `Niewysłane uwagi dla jednostki: ${n} — akceptacja ich nie wyśle. Aby je wysłać, anuluj i wybierz „Zwróć do poprawy”.`),
  acceptConfirm: 'Tak, akceptuj',
  cancel: 'Anuluj',
  returnAction: 'Zwróć do poprawy',
  returnHint: 'Dodaj uwagę przy działaniu, którego dotyczy poprawka (przycisk „Dodaj uwagę”), albo wpisz uwagę ogólną.',
  reopen: 'Otwórz ponownie…',
  reopenLabel: 'Powód ponownego otwarcia',
  reopenConfirm: 'Otwórz ponownie',
  accepted: (unitName: string) => `Zaakceptowano sprawozdanie: ${unitName}.`,
  returned: withCount((n: number, unitName: string) => (n > 0
    ? `Zwrócono sprawozdanie do poprawy: ${unitName} (${counted(n, COMMENT_NOUN_NOM)} przy działaniach). Jednostka zobaczy je przy działaniach.`
    : `Zwrócono sprawozdanie do poprawy: ${unitName}. Jednostka zobaczy uwagę ogólną.`)),
  reopened: (unitName: string) => `Otwarto ponownie sprawozdanie: ${unitName}. Jednostka może je poprawić.`,
  readOnlyNote: 'Decyzje (akceptacja, zwrot) podejmuje weryfikator MOPS — ta rola tylko czyta.',
  // entry on the unit's behalf
  onBehalfPanel: 'Wpisz dane w imieniu jednostki',
  onBehalfIntro: 'Gdy jednostka przysłała dane e-mailem lub w pliku Word: pobierz jej szablon, wpisz dane w Excelu lub LibreOffice i prześlij go tutaj. Zmiana zostanie zapisana jako wpis MOPS z podanym powodem — jednostka ją zobaczy.',
  onBehalfReasonLabel: 'Powód (zobaczy go jednostka)',
  onBehalfTemplate: 'Pobierz szablon jednostki (.xlsx)',
  onBehalfFile: 'Wypełniony szablon',
  onBehalfUpload: 'Prześlij w imieniu jednostki',
  onBehalfReasonFirst: 'Najpierw wpisz powód zmiany.',
  onBehalfSaved: (version: number) => `Zapisano wersję ${version} jako wpis MOPS w imieniu jednostki.`,
  // the unit's side
  unitCommentsTitle: 'Uwagi weryfikatora do działań',
  unitCommentsIntro: withCount((n: number) => `Weryfikator dodał ${counted(n, COMMENT_NOUN_ACC)} — przy każdej widać działanie, którego dotyczy.`),
  unitCommentsRule: 'Uwaga zostanie rozwiązana, gdy poprawisz działanie i przekażesz sprawozdanie ponownie, albo gdy weryfikator uzna Twoją odpowiedź za wystarczającą.',
  unitReopenedTitle: 'MOPS otworzył ponownie Twoje sprawozdanie — możesz je poprawić i przekazać ponownie.',
  unitReopenedReason: (reason: string) => `Powód: ${reason}`,
  answer: 'Odpowiedz',
  answerLabel: 'Twoja odpowiedź',
  answerSend: 'Wyślij odpowiedź',
  answered: 'Odpowiedź zapisana.',
  mopsChangedTitle: 'MOPS zmienił Twoje sprawozdanie',
  mopsChangedLine: (version: number, by: string, at: string, reason: string) => `Wersja ${version} (${by}, ${at}) — powód: ${reason}`,
  // the reviewer's comments in the unit's own sheet (column „Uwagi weryfikatora (MOPS)”)
  sheetFeedback: {
    open: (state: string) => `Uwaga weryfikatora — ${state}`,
    resolved: (state: string, text: string) => `Uwaga ${state}: ${text}`,
    cut: '[…] Dalszy ciąg w panelu pwr-sync („Uwagi weryfikatora do działań”).',
    hintTitle: 'Uwagi weryfikatora',
    hint: 'Tu MOPS zapisuje uwagi do działania (tylko do odczytu). Odpowiesz na nie w panelu pwr-sync lub w przeglądarce.',
    overallNote: (text: string) => `Uwaga ogólna weryfikatora do całego sprawozdania: ${text}`,
    instructionsReturned: 'Sprawozdanie zwrócono do poprawy: uwagi weryfikatora są w kolumnie „Uwagi weryfikatora (MOPS)” przy działaniach, których dotyczą (otwarte — na pomarańczowym tle).',
  },
} as const;
