/**
 * Texts of planning: the plan rules' problems, the plan API's refusals and the planning pane.
 * Part of MSG (catalogue.ts) as MSG.plan.
 */
import { formatPlNumber } from '../numbers/polishNumber.ts';
import { counted } from './plural.ts';
import { withCount } from './counted.ts';
import { NOUN } from './words.ts';
import { planTemplateText } from './planTemplateText.ts';

const q = (s: string | number): string => `„${s}”`;

/** Polish names of the plan's fields, as the rules' messages and the pane name them. */
const field = {
  kind: 'rodzaj miary',
  qualifier: 'opis miary',
  value: 'cel',
  proposedForms: 'formy nowego rodzaju miary',
  description: 'wskaźniki rezultatów (opis)',
  name: 'nazwa działania',
  taskCode: 'zadanie',
  subsection: 'podrozdział',
  partnerUnits: 'jednostki współrealizujące',
} as const;

export const planText = {
  field,
  /** Request fields of the plan API, for zod problems (merged into MSG.fields). */
  requestFields: {
    'entries[].measures': { name: 'miary planu' },
    'entries[].measures[]': { name: 'miara planu' },
    'entries[].measures[].id': { name: 'identyfikator miary planu' },
    'entries[].measures[].kind': { name: field.kind },
    'entries[].measures[].value': { name: field.value },
    'entries[].measures[].proposedForms': { name: field.proposedForms },
    'entries[].measures[].proposedForms.one': { name: 'forma dla 1 (np. „spotkanie”)' },
    'entries[].measures[].proposedForms.few': { name: 'forma dla 2–4 (np. „spotkania”)' },
    'entries[].measures[].proposedForms.many': { name: 'forma dla 5 i więcej (np. „spotkań”)' },
    'entries[].description': { name: field.description },
    proposals: { name: 'propozycje nowych działań' },
    'proposals[]': { name: 'propozycja nowego działania' },
    'proposals[].key': { name: 'identyfikator propozycji' },
    'proposals[].name': { name: field.name },
    'proposals[].taskCode': { name: field.taskCode, hint: 'podaj kod zadania, np. I.1' },
    'proposals[].subsection': { name: field.subsection },
    'proposals[].partnerUnits': { name: field.partnerUnits },
    'proposals[].partnerUnits[]': { name: 'jednostka współrealizująca', hint: 'podaj kod jednostki, np. MOPS/PRZ/08' },
    plans: { name: 'plany jednostek' },
    'plans[]': { name: 'plan jednostki' },
    'plans[].orgUnitCode': { name: 'jednostka', hint: 'podaj kod jednostki, np. MOPS/PRZ/08' },
    'plans[].entries': { name: 'pozycje planu' },
    'plans[].proposals': { name: 'propozycje nowych działań' },
  } as Record<string, { name: string; hint?: string }>,
  rules: {
    /** "Działanie I.1-01, miara 2 („spotkanie”): " */
    prefix: (activityId: string, measure?: { index: number; kind: string }) =>
      `Działanie ${activityId}${measure ? `, miara ${measure.index + 1}${measure.kind ? ` (${q(measure.kind)})` : ''}` : ''}: `,
    /** A unit's part of MOPS's bulk entry: "Jednostka ZZM — " */
    unitPrefix: (unit: string) => `Jednostka ${unit} — `,
    unitTwice: 'plan tej jednostki podano dwa razy — zostaw jeden.',
    proposalPrefix: (index: number, name: string) => `Propozycja nowego działania ${index + 1}${name.trim() ? ` (${q(name.trim().slice(0, 60))})` : ''}: `,
    valueNotPositive: (value: number) => `pole ${q(field.value)} musi być większe od zera (wpisano ${formatPlNumber(value)}) — wpisz, ile planujesz.`,
    valueNotWhole: (kindGenitivePlural: string, value: number) =>
      `pole ${q(field.value)}: liczba ${kindGenitivePlural} musi być całkowita (wpisano ${formatPlNumber(value)}).`,
    kindEmpty: `pole ${q(field.kind)} jest puste — wybierz rodzaj z listy.`,
    kindUnknown: (kind: string) =>
      `pole ${q(field.kind)}: rodzaju ${q(kind)} nie ma w słowniku — wybierz rodzaj z listy albo zaproponuj nowy, podając jego trzy formy (dla 1, 2–4 i 5 sztuk).`,
    formsMissing: (kind: string, missing: string[]) =>
      `pole ${q(field.proposedForms)}: nowy rodzaj ${q(kind)} wymaga wszystkich trzech form — uzupełnij: ${missing.join(', ')}.`,
    formNames: { one: 'forma dla 1', few: 'forma dla 2–4', many: 'forma dla 5 i więcej' },
    duplicateMeasure: (qualifier?: string) =>
      `ta sama miara${qualifier ? ` z opisem ${q(qualifier)}` : ' bez opisu'} jest już w tym działaniu — połącz cele albo rozróżnij miary w polu ${q(field.qualifier)}.`,
    duplicateMeasureId: (id: string) => `identyfikator miary ${q(id)} występuje dwa razy — usuń jedną z miar albo dodaj ją jako nową.`,
    duplicateEntry: 'podane dwa razy w jednym planie.',
    unknownActivity: 'jednostka nie planuje tego działania w tym roku.',
    planMissing: `brak planu — dodaj co najmniej jedną miarę albo wypełnij pole ${q(field.description)}.`,
    nameMissing: `pole ${q(field.name)} jest puste — opisz planowane działanie.`,
    taskUnknown: (code: string) => `pole ${q(field.taskCode)}: w programie nie ma zadania ${q(code)} — wybierz zadanie z listy.`,
    subsectionNeeded: (task: string) => `pole ${q(field.subsection)}: zadanie ${task} dzieli się na podrozdziały — wybierz podrozdział.`,
    subsectionUnknown: (task: string, n: number) => `pole ${q(field.subsection)}: zadanie ${task} nie ma podrozdziału ${n} — wybierz podrozdział z listy.`,
    subsectionNotAllowed: (task: string) => `pole ${q(field.subsection)}: zadanie ${task} nie ma podrozdziałów — zostaw pole puste.`,
    partnerUnknown: (code: string) => `pole ${q(field.partnerUnits)}: nie ma jednostki ${q(code)} — wybierz jednostkę z listy.`,
    partnerSelf: `pole ${q(field.partnerUnits)}: jednostka proponująca jest jednostką sprawozdającą — nie dodawaj jej jako współrealizującej.`,
    partnerTwice: (code: string) => `pole ${q(field.partnerUnits)}: jednostka ${q(code)} podana dwa razy.`,
    proposalTwice: `działanie o tej nazwie w tym zadaniu zaproponowano dwa razy — usuń jedną propozycję.`,
  },
  schema: {
    tooManyEntries: withCount((n: number) => `plan może mieć najwyżej ${counted(n, NOUN.itemAccusative)}`),
    tooManyProposals: (n: number) => `liczba propozycji nowych działań w jednym planie może wynosić najwyżej ${formatPlNumber(n)}`,
    tooManyPartners: (n: number) => `liczba jednostek współrealizujących może wynosić najwyżej ${formatPlNumber(n)}`,
    tooManyPlans: (n: number) => `liczba planów w jednym wprowadzeniu może wynosić najwyżej ${formatPlNumber(n)}`,
    descriptionTooLong: withCount((n: number) => `wskaźniki rezultatów (opis) mogą mieć najwyżej ${counted(n, NOUN.character)}`),
    nameTooLong: withCount((n: number) => `nazwa działania może mieć najwyżej ${counted(n, NOUN.character)}`),
    formTooLong: withCount((n: number) => `forma rodzaju miary może mieć najwyżej ${counted(n, NOUN.character)}`),
    proposalKey: 'identyfikator propozycji: 1–20 liter, cyfr lub łączników',
  },
  /** The planning form (task pane and browser mode). */
  pane: {
    modes: 'Sprawozdanie czy plan',
    tabReport: 'Sprawozdanie',
    tabPlan: 'Plan',
    title: (year: number) => `Plan na ${year} rok`,
    intro: (year: number) => `Dla każdego działania podaj planowane miary: rodzaj, opcjonalny opis i cel na ${year} rok. Obok widać plan i wykonanie z poprzedniego roku.`,
    loading: 'Wczytywanie planu…',
    state: (state: string, version: number) => `Stan planu: ${state}${version > 0 ? ` · wersja ${version}` : ''}`,
    enteredByMops: 'Ostatnią wersję wprowadził MOPS w imieniu jednostki.',
    returned: 'MOPS zwrócił plan do poprawy',
    locked: 'Plan jest przekazany lub zaakceptowany — zmiany są możliwe po zwrocie albo ponownym otwarciu przez MOPS.',
    yearLocked: 'Rok jest już w fazie sprawozdawczej: plany są zablokowane.',
    previousNone: (year: number) => `W ${year} roku działanie nie miało planu.`,
    previousPlan: (year: number, plan: string) => `Plan ${year}: ${plan}`,
    previousActual: (year: number, actual: string) => `Wykonanie ${year}: ${actual}`,
    previousNotReported: (year: number) => `Wykonanie ${year}: brak sprawozdania`,
    copyPrevious: (year: number) => `Kopiuj miary z ${year} r.`,
    measure: (n: number) => `Miara ${n}`,
    kind: field.kind,
    kindPick: 'wybierz rodzaj',
    kindNew: 'nowy rodzaj (spoza słownika)…',
    kindNewWord: 'nowy rodzaj — forma dla 1 (np. „rajd”)',
    formFew: 'forma dla 2–4 (np. „rajdy”)',
    formMany: 'forma dla 5 i więcej (np. „rajdów”)',
    qualifier: `${field.qualifier} (opcjonalnie)`,
    value: field.value,
    preview: (text: string) => `Będzie: ${text}`,
    addMeasure: 'Dodaj miarę',
    removeMeasure: 'Usuń miarę',
    description: `${field.description} — opcjonalnie, tekst do sprawozdania`,
    proposalsTitle: 'Propozycje nowych działań',
    proposalsIntro: 'Nowe działanie po akceptacji MOPS wejdzie do Programu jako „włączone do Programu” w tym roku.',
    proposalName: field.name,
    proposalTask: field.taskCode,
    proposalSubsection: field.subsection,
    proposalNoSubsection: '— brak —',
    proposalPartners: `${field.partnerUnits} (kody po przecinku, opcjonalnie)`,
    addProposal: 'Zaproponuj nowe działanie',
    removeProposal: 'Usuń propozycję',
    save: 'Zapisz plan',
    saving: 'Zapisywanie…',
    submit: 'Przekaż plan do weryfikacji',
    saved: (version: number) => `Zapisano plan (wersja ${version}).`,
    submitted: 'Plan przekazano do weryfikacji MOPS.',
    problems: 'Popraw plan:',
    conflictTitle: (version: number) => `Ktoś zapisał nowszą wersję planu (${version}).`,
    conflictDetail: (who: string) => `Zapisał(a): ${who}. Twoje zmiany są nadal w formularzu — zapisz je na nowszej wersji albo wczytaj plan z serwera.`,
    keepMine: 'Zapisz moje zmiany',
    takeTheirs: 'Wczytaj plan z serwera',
    plannedLine: (measures: string) => `Plan: ${measures}`,
    nothingPlanned: 'nic nie zaplanowano',
    descriptionLine: (text: string) => `Wskaźniki rezultatów: ${text}`,
    proposalLine: (task: string, subsection: string | null, partners: readonly string[]) =>
      `Zadanie ${task}${subsection ? `, podrozdział ${subsection}` : ''}${partners.length ? `; współrealizują: ${partners.join(', ')}` : ''}`,
    tookServer: (version: number) => `Wczytano plan z serwera (wersja ${version}).`,
    targetUnreadable: (reason: string) => `pole „${field.value}”: ${reason}`,
  },
  /** The plan template, its upload, and MOPS's review of plans. */
  template: planTemplateText,
  /** The plan API's refusals. */
  api: {
    planInvalid: withCount((n: number) => `Plan zawiera ${counted(n, NOUN.error)} — ${n === 1 ? 'popraw go' : 'popraw je'} i zapisz ponownie.`),
    planIncomplete: withCount((n: number) => `Nie można przekazać planu: ${counted(n, NOUN.problem)} do uzupełnienia.`),
    notOurActivities: (unit: string, ids: string[]) => `Jednostka ${unit} nie planuje działań: ${ids.join(', ')}.`,
    otherUnitWrite: (own: string | null, unit: string) => `Twoja jednostka (${own ?? '—'}) nie może zapisywać planu jednostki ${unit}.`,
    readOnlyRole: 'Ta rola może czytać plany, ale nie może ich zapisywać.',
    noPlanAccess: (unit: string) => `Twoja jednostka nie ma wglądu w plan jednostki ${unit}.`,
    reviewOnly: 'Akceptować, zwracać i ponownie otwierać plany może tylko weryfikator (MOPS).',
    lockedSubmitted: 'Plan przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.',
    lockedAccepted: 'Plan został zaakceptowany i jest zablokowany — zmiany wymagają ponownego otwarcia przez weryfikatora (MOPS).',
    lockedYear: (year: number) => `Rok ${year} jest już w fazie sprawozdawczej — plany są zablokowane; zmienić plan może tylko MOPS, otwierając go ponownie.`,
    yearClosed: (year: number) => `Rok ${year} jest zamknięty — plany są tylko do odczytu.`,
    submitEmpty: 'Nie można przekazać planu, w którym nic jeszcze nie zapisano.',
    submitAgain: (state: string) => `Nie można przekazać planu o stanie ${q(state)} — jest już u weryfikatora lub został zaakceptowany.`,
    wrongState: (action: 'submit' | 'accept' | 'return' | 'reopen', state: string) => {
      const verb = { submit: 'przekazać', accept: 'zaakceptować', return: 'zwrócić do poprawy', reopen: 'ponownie otworzyć' }[action];
      return `Nie można ${verb} planu o stanie ${q(state)}.`;
    },
    staleVersion: (stored: number, base: number) =>
      `Plan zmienił się w międzyczasie (zapisana wersja ${stored}, a edycję zaczęto od wersji ${base}) — pobierz aktualny plan i nanieś zmiany ponownie.`,
    versionMoved: (stored: number, viewed: number) =>
      `Plan zmienił się w międzyczasie (zapisana wersja ${stored}, oglądana wersja ${viewed}) — odśwież go i spróbuj ponownie.`,
    bulkUnknownUnit: (unit: string) => `Nie ma jednostki ${unit}.`,
    bulkInvalid: withCount((n: number) => `Plany jednostek zawierają ${counted(n, NOUN.error)} — nic nie zapisano; ${n === 1 ? 'popraw go' : 'popraw je'} i wyślij ponownie.`),
    bulkLocked: (unit: string, state: string) => `Plan jednostki ${unit} ma stan ${q(state)} — otwórz go ponownie, zanim wprowadzisz nowy.`,
    /** How the accepted plan text of an activity joining the program reads. */
    joined: (year: number) => `przedsięwzięcie włączone do Programu w ${year} roku`,
  },
} as const;


