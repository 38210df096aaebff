/**
 * The plural table: every catalogue message that takes a count, rendered for n = 0, 1, 2, 4, 5,
 * 12, 22, 25, 112, must use the form Polish grammar needs for n (with adjectives agreeing).
 * A new counted message without a row here fails the test.
 */
import { describe, expect, it } from 'vitest';
import { MSG } from './catalogue.ts';
import { takesCount } from './counted.ts';
import { counted, formFor, pluralCategory } from './plural.ts';
import { NOUN, ADJECTIVE } from './words.ts';

const NS = [0, 1, 2, 4, 5, 12, 22, 25, 112];

/** The category Polish grammar gives each n of the table, spelled out (not computed). */
const EXPECTED_CATEGORY: Record<number, 'one' | 'few' | 'many'> = { 0: 'many', 1: 'one', 2: 'few', 4: 'few', 5: 'many', 12: 'many', 22: 'few', 25: 'many', 112: 'many' };

/** Every counted message: the other arguments, and the expected text per category with {n} for the number. */
const TABLE: Record<string, { args: unknown[]; one: string; few: string; many: string; zero?: string }> = {
  'cli.tokensRevoked': { args: [], zero: 'nie unieważniono żadnego tokenu', one: 'unieważniono {n} token', few: 'unieważniono {n} tokeny', many: 'unieważniono {n} tokenów' },
  'cli.keysPruned': { args: [], zero: 'nie usunięto żadnego klucza', one: 'usunięto {n} klucz Idempotency-Key', few: 'usunięto {n} klucze Idempotency-Key', many: 'usunięto {n} kluczy Idempotency-Key' },
  'cli.workbookSaved': { args: ['z.xlsx', 5, 1.25], one: 'Zapisano z.xlsx: {n} wiersz, 5 jednostek, 1,3 s', few: 'Zapisano z.xlsx: {n} wiersze, 5 jednostek, 1,3 s', many: 'Zapisano z.xlsx: {n} wierszy, 5 jednostek, 1,3 s' },
  'cli.annexSaved': { args: ['a.docx', 2, 0.5], one: 'Zapisano a.docx: {n} tabela, 2 działania, 0,5 s', few: 'Zapisano a.docx: {n} tabele, 2 działania, 0,5 s', many: 'Zapisano a.docx: {n} tabel, 2 działania, 0,5 s' },
  'cli.demoMore': { args: [], one: '  … oraz tokeny wszystkich {n} jednostki sprawozdającej', few: '  … oraz tokeny wszystkich {n} jednostek sprawozdających', many: '  … oraz tokeny wszystkich {n} jednostek sprawozdających' },
  'review.changes': { args: [], zero: 'brak zmian od pierwszego zapisu', one: '{n} zmiana', few: '{n} zmiany', many: '{n} zmian' },
  'reviewView.commentTooLong': { args: [], one: 'uwaga może mieć najwyżej {n} znak', few: 'uwaga może mieć najwyżej {n} znaki', many: 'uwaga może mieć najwyżej {n} znaków' },
  'reviewView.acceptOpenComments': { args: [], one: '{n} uwaga jest nadal otwarta — akceptacja uzna ją za wyjaśnioną.', few: '{n} uwagi są nadal otwarte — akceptacja uzna je za wyjaśnione.', many: '{n} uwag jest nadal otwartych — akceptacja uzna je za wyjaśnione.' },
  'reviewView.tooManyReplies': { args: [], one: 'Pod tą uwagą jest już {n} odpowiedź — więcej dodać nie można. Dalsze wyjaśnienia wpisz w komentarzu do działania.', few: 'Pod tą uwagą jest już {n} odpowiedzi — więcej dodać nie można. Dalsze wyjaśnienia wpisz w komentarzu do działania.', many: 'Pod tą uwagą jest już {n} odpowiedzi — więcej dodać nie można. Dalsze wyjaśnienia wpisz w komentarzu do działania.' },
  'reviewView.acceptDiscards': { args: [], one: 'Niewysłane uwagi dla jednostki: {n} — akceptacja ich nie wyśle. Aby je wysłać, anuluj i wybierz „Zwróć do poprawy”.', few: 'Niewysłane uwagi dla jednostki: {n} — akceptacja ich nie wyśle. Aby je wysłać, anuluj i wybierz „Zwróć do poprawy”.', many: 'Niewysłane uwagi dla jednostki: {n} — akceptacja ich nie wyśle. Aby je wysłać, anuluj i wybierz „Zwróć do poprawy”.' },
  'reviewView.replyTooLong': { args: [], one: 'odpowiedź może mieć najwyżej {n} znak', few: 'odpowiedź może mieć najwyżej {n} znaki', many: 'odpowiedź może mieć najwyżej {n} znaków' },
  'reviewView.onBehalfReasonTooLong': { args: [], one: 'powód zmiany może mieć najwyżej {n} znak', few: 'powód zmiany może mieć najwyżej {n} znaki', many: 'powód zmiany może mieć najwyżej {n} znaków' },
  'reviewView.tooManyComments': { args: [], one: 'zwrot może zawierać najwyżej {n} uwagę', few: 'zwrot może zawierać najwyżej {n} uwagi', many: 'zwrot może zawierać najwyżej {n} uwag' },
  'reviewView.changedSince': { args: [3], zero: 'Od wersji 3, którą oglądałeś(-aś) ostatnio, nic się nie zmieniło.', one: 'Od wersji 3, którą oglądałeś(-aś) ostatnio, zmieniono {n} działanie (oznaczone „zmieniono”).', few: 'Od wersji 3, którą oglądałeś(-aś) ostatnio, zmieniono {n} działania (oznaczone „zmieniono”).', many: 'Od wersji 3, którą oglądałeś(-aś) ostatnio, zmieniono {n} działań (oznaczone „zmieniono”).' },
  'reviewView.draftCount': { args: [], one: 'Do zwrotu: {n} uwaga.', few: 'Do zwrotu: {n} uwagi.', many: 'Do zwrotu: {n} uwag.' },
  'reviewView.returned': { args: ['OKN'], zero: 'Zwrócono sprawozdanie do poprawy: OKN. Jednostka zobaczy uwagę ogólną.', one: 'Zwrócono sprawozdanie do poprawy: OKN ({n} uwaga przy działaniach). Jednostka zobaczy je przy działaniach.', few: 'Zwrócono sprawozdanie do poprawy: OKN ({n} uwagi przy działaniach). Jednostka zobaczy je przy działaniach.', many: 'Zwrócono sprawozdanie do poprawy: OKN ({n} uwag przy działaniach). Jednostka zobaczy je przy działaniach.' },
  'reviewView.unitCommentsIntro': { args: [], one: 'Weryfikator dodał {n} uwagę — przy każdej widać działanie, którego dotyczy.', few: 'Weryfikator dodał {n} uwagi — przy każdej widać działanie, którego dotyczy.', many: 'Weryfikator dodał {n} uwag — przy każdej widać działanie, którego dotyczy.' },
  'schema.reopenNoteTooLong': { args: [], one: 'notatka może mieć najwyżej {n} znak', few: 'notatka może mieć najwyżej {n} znaki', many: 'notatka może mieć najwyżej {n} znaków' },
  'plan.template.upload.tooMany': { args: [], one: 'plan działania może mieć najwyżej {n} miarę', few: 'plan działania może mieć najwyżej {n} miary', many: 'plan działania może mieć najwyżej {n} miar' },
  'plan.template.upload.bulkSaved': { args: [], one: 'Wprowadzono plany {n} jednostki jako wpis MOPS.', few: 'Wprowadzono plany {n} jednostek jako wpis MOPS.', many: 'Wprowadzono plany {n} jednostek jako wpis MOPS.' },
  'pane.conflictDetail': { args: ['Anna Nowak', '1 marca 2025, 10:00'], one: ' Zapisał(a): Anna Nowak, 1 marca 2025, 10:00. {n} różnica.', few: ' Zapisał(a): Anna Nowak, 1 marca 2025, 10:00. {n} różnice.', many: ' Zapisał(a): Anna Nowak, 1 marca 2025, 10:00. {n} różnic.' },
  'pane.daysLeft': { args: [], zero: ' (termin mija dziś)', one: ' (został {n} dzień)', few: ' (zostały {n} dni)', many: ' (zostało {n} dni)' },
  'pane.problemsBeforeSubmit': { args: [], one: 'Sprawozdanie ma {n} problem do poprawienia przed przekazaniem (lista „Problemy w arkuszu”).', few: 'Sprawozdanie ma {n} problemy do poprawienia przed przekazaniem (lista „Problemy w arkuszu”).', many: 'Sprawozdanie ma {n} problemów do poprawienia przed przekazaniem (lista „Problemy w arkuszu”).' },
  'pane.problemCount': { args: [], one: '{n} problem', few: '{n} problemy', many: '{n} problemów' },
  'pane.progress': { args: [3], one: 'Wypełniono 3 z {n} działania', few: 'Wypełniono 3 z {n} działań', many: 'Wypełniono 3 z {n} działań' },
  'pane.savedWithProblems': { args: [], one: 'Zapisano w arkuszu, ale działanie ma {n} problem do poprawienia (przy polach formularza).', few: 'Zapisano w arkuszu, ale działanie ma {n} problemy do poprawienia (przy polach formularza).', many: 'Zapisano w arkuszu, ale działanie ma {n} problemów do poprawienia (przy polach formularza).' },
  'pane.sheetHas': { args: [], one: 'Arkusz „Sprawozdanie” ma {n} wiersz. Ponowne przygotowanie zachowa wpisane dane.', few: 'Arkusz „Sprawozdanie” ma {n} wiersze. Ponowne przygotowanie zachowa wpisane dane.', many: 'Arkusz „Sprawozdanie” ma {n} wierszy. Ponowne przygotowanie zachowa wpisane dane.' },
  'pane.unreadable': { args: [], one: 'Nie wysłano: w arkuszu jest {n} komórka, której nie da się odczytać (lista „Problemy w arkuszu”). Popraw ją, aby nie nadpisać danych zapisanych na serwerze.', few: 'Nie wysłano: w arkuszu są {n} komórki, których nie da się odczytać (lista „Problemy w arkuszu”). Popraw je, aby nie nadpisać danych zapisanych na serwerze.', many: 'Nie wysłano: w arkuszu jest {n} komórek, których nie da się odczytać (lista „Problemy w arkuszu”). Popraw je, aby nie nadpisać danych zapisanych na serwerze.' },
  'pane.validation.scopeError': { args: [], one: 'Opis może mieć najwyżej {n} znak.', few: 'Opis może mieć najwyżej {n} znaki.', many: 'Opis może mieć najwyżej {n} znaków.' },
  'pane.scopeHint': { args: [], one: 'Co zostało zrobione, własnymi słowami — trafi do rocznego sprawozdania (najwyżej {n} znak).', few: 'Co zostało zrobione, własnymi słowami — trafi do rocznego sprawozdania (najwyżej {n} znaki).', many: 'Co zostało zrobione, własnymi słowami — trafi do rocznego sprawozdania (najwyżej {n} znaków).' },
  'pane.scopeTooLong': { args: [5], one: 'Opis ma {n} znak — skróć go do 5 znaków.', few: 'Opis ma {n} znaki — skróć go do 5 znaków.', many: 'Opis ma {n} znaków — skróć go do 5 znaków.' },
  'pane.validation.commentError': { args: [], one: 'Komentarz może mieć najwyżej {n} znak.', few: 'Komentarz może mieć najwyżej {n} znaki.', many: 'Komentarz może mieć najwyżej {n} znaków.' },
  'review.excelShows': { args: [4], one: 'Excel pokazuje 4 z {n} wiersza.', few: 'Excel pokazuje 4 z {n} wierszy.', many: 'Excel pokazuje 4 z {n} wierszy.' },
  'review.filled': { args: [3, 2, ''], one: 'Wypełniono 3 z {n} działania · wersja 2', few: 'Wypełniono 3 z {n} działań · wersja 2', many: 'Wypełniono 3 z {n} działań · wersja 2' },
  'review.filtersChangedInSheet': { args: [], one: ' Filtry zmieniono też ręcznie w arkuszu — podsumowanie poniżej dotyczy filtrów z panelu ({n} wiersz).', few: ' Filtry zmieniono też ręcznie w arkuszu — podsumowanie poniżej dotyczy filtrów z panelu ({n} wiersze).', many: ' Filtry zmieniono też ręcznie w arkuszu — podsumowanie poniżej dotyczy filtrów z panelu ({n} wierszy).' },
  'review.loaded': { args: [2025], one: 'Zestawienie 2025 r. jest w arkuszu „Zestawienie” ({n} wiersz).', few: 'Zestawienie 2025 r. jest w arkuszu „Zestawienie” ({n} wiersze).', many: 'Zestawienie 2025 r. jest w arkuszu „Zestawienie” ({n} wierszy).' },
  'review.moreActivities': { args: [], one: '… i {n} działanie więcej (pełna lista w arkuszu).', few: '… i {n} działania więcej (pełna lista w arkuszu).', many: '… i {n} działań więcej (pełna lista w arkuszu).' },
  'review.onServer': { args: [2025, false], one: 'Na serwerze: {n} wiersz (działanie × miara) za 2025 r. Wczytanie utworzy arkusz „Zestawienie” z tabelą jak w zestawieniu centralnym.', few: 'Na serwerze: {n} wiersze (działanie × miara) za 2025 r. Wczytanie utworzy arkusz „Zestawienie” z tabelą jak w zestawieniu centralnym.', many: 'Na serwerze: {n} wierszy (działanie × miara) za 2025 r. Wczytanie utworzy arkusz „Zestawienie” z tabelą jak w zestawieniu centralnym.' },
  'api.uploadsBusy': { args: [], one: 'Serwer odczytuje teraz inne przesłane pliki. Spróbuj ponownie za {n} sekundę.', few: 'Serwer odczytuje teraz inne przesłane pliki. Spróbuj ponownie za {n} sekundy.', many: 'Serwer odczytuje teraz inne przesłane pliki. Spróbuj ponownie za {n} sekund.' },
  'sheetGuard.rowLimit': { args: [], one: 'szablon mieści najwyżej {n} wiersz', few: 'szablon mieści najwyżej {n} wiersze', many: 'szablon mieści najwyżej {n} wierszy' },
  'sheetGuard.columnLimit': { args: [], one: 'szablon mieści najwyżej {n} kolumnę', few: 'szablon mieści najwyżej {n} kolumny', many: 'szablon mieści najwyżej {n} kolumn' },
  'sheetGuard.tooMuchText': { args: [], one: 'skoroszyt zawiera za dużo tekstu (ponad {n} znaku)', few: 'skoroszyt zawiera za dużo tekstu (ponad {n} znaków)', many: 'skoroszyt zawiera za dużo tekstu (ponad {n} znaków)' },
  'config.tooLong': { args: ['PWR_PUBLIC_URL'], one: 'PWR_PUBLIC_URL jest za długi (najwyżej {n} znak)', few: 'PWR_PUBLIC_URL jest za długi (najwyżej {n} znaki)', many: 'PWR_PUBLIC_URL jest za długi (najwyżej {n} znaków)' },
  'zod.minLength': { args: ['komentarz'], one: 'Pole „komentarz” musi mieć co najmniej {n} znak.', few: 'Pole „komentarz” musi mieć co najmniej {n} znaki.', many: 'Pole „komentarz” musi mieć co najmniej {n} znaków.' },
  'zod.maxLength': { args: ['komentarz'], one: 'Pole „komentarz” może mieć najwyżej {n} znak — skróć tekst.', few: 'Pole „komentarz” może mieć najwyżej {n} znaki — skróć tekst.', many: 'Pole „komentarz” może mieć najwyżej {n} znaków — skróć tekst.' },
  'zod.minItems': { args: ['lista'], one: 'Pole „lista” musi zawierać co najmniej {n} pozycję.', few: 'Pole „lista” musi zawierać co najmniej {n} pozycje.', many: 'Pole „lista” musi zawierać co najmniej {n} pozycji.' },
  'zod.maxItems': { args: ['lista'], one: 'Pole „lista” może zawierać najwyżej {n} pozycję.', few: 'Pole „lista” może zawierać najwyżej {n} pozycje.', many: 'Pole „lista” może zawierać najwyżej {n} pozycji.' },
  'zod.headlineMany': { args: ['X.'], one: 'Niepoprawne dane żądania ({n} problem). Pierwszy: X.', few: 'Niepoprawne dane żądania ({n} problemy). Pierwszy: X.', many: 'Niepoprawne dane żądania ({n} problemów). Pierwszy: X.' },
  'api.bodyTooLargeLimit': { args: [], one: 'Treść żądania jest za duża (limit: {n} bajt).', few: 'Treść żądania jest za duża (limit: {n} bajty).', many: 'Treść żądania jest za duża (limit: {n} bajtów).' },
  'api.submitIncomplete': {
    args: [],
    one: 'Sprawozdania nie można przekazać: {n} brakująca lub błędna pozycja. Popraw ją i przekaż ponownie.',
    few: 'Sprawozdania nie można przekazać: {n} brakujące lub błędne pozycje. Popraw je i przekaż ponownie.',
    many: 'Sprawozdania nie można przekazać: {n} brakujących lub błędnych pozycji. Popraw je i przekaż ponownie.',
  },
  'api.reportInvalid': { args: [], one: 'Sprawozdanie zawiera {n} błąd — popraw go i zapisz ponownie.', few: 'Sprawozdanie zawiera {n} błędy — popraw je i zapisz ponownie.', many: 'Sprawozdanie zawiera {n} błędów — popraw je i zapisz ponownie.' },
  'api.sheetTooManyRows': { args: [], one: 'Arkusz ma za dużo wierszy (limit: {n} wiersz).', few: 'Arkusz ma za dużo wierszy (limit: {n} wiersze).', many: 'Arkusz ma za dużo wierszy (limit: {n} wierszy).' },
  'api.sheetProblems': {
    args: [],
    one: 'Plik zawiera {n} błąd — nic nie zapisano. Popraw go i wyślij plik ponownie.',
    few: 'Plik zawiera {n} błędy — nic nie zapisano. Popraw je i wyślij plik ponownie.',
    many: 'Plik zawiera {n} błędów — nic nie zapisano. Popraw je i wyślij plik ponownie.',
  },
  'zip.tooManyEntries': { args: [10], one: 'archiwum ma za dużo części ({n} plik, limit: 10)', few: 'archiwum ma za dużo części ({n} pliki, limit: 10)', many: 'archiwum ma za dużo części ({n} plików, limit: 10)' },
  'schema.kindTooLong': { args: [], one: 'rodzaj miary może mieć najwyżej {n} znak', few: 'rodzaj miary może mieć najwyżej {n} znaki', many: 'rodzaj miary może mieć najwyżej {n} znaków' },
  'schema.qualifierTooLong': { args: [], one: 'opis miary może mieć najwyżej {n} znak', few: 'opis miary może mieć najwyżej {n} znaki', many: 'opis miary może mieć najwyżej {n} znaków' },
  'schema.returnCommentTooLong': { args: [], one: 'komentarz dla jednostki może mieć najwyżej {n} znak', few: 'komentarz dla jednostki może mieć najwyżej {n} znaki', many: 'komentarz dla jednostki może mieć najwyżej {n} znaków' },
  'schema.tooManyEntries': { args: [], one: 'sprawozdanie może mieć najwyżej {n} pozycję', few: 'sprawozdanie może mieć najwyżej {n} pozycje', many: 'sprawozdanie może mieć najwyżej {n} pozycji' },
  'schema.tooManyMeasures': { args: [], one: 'działanie może mieć najwyżej {n} miarę', few: 'działanie może mieć najwyżej {n} miary', many: 'działanie może mieć najwyżej {n} miar' },
  'schema.tooManyAmounts': { args: [], one: 'działanie może mieć najwyżej {n} kwotę wydatków', few: 'działanie może mieć najwyżej {n} kwoty wydatków', many: 'działanie może mieć najwyżej {n} kwot wydatków' },
  'schema.tooManyMoneyTexts': { args: [], one: 'działanie może mieć najwyżej {n} kwotę zapisaną tekstem', few: 'działanie może mieć najwyżej {n} kwoty zapisane tekstem', many: 'działanie może mieć najwyżej {n} kwot zapisanych tekstem' },
  'schema.moneyTextTooLong': { args: [], one: 'kwota zapisana tekstem może mieć najwyżej {n} znak', few: 'kwota zapisana tekstem może mieć najwyżej {n} znaki', many: 'kwota zapisana tekstem może mieć najwyżej {n} znaków' },
  'schema.filterTooLong': { args: ['jednostki'], one: 'filtr jednostki może mieć najwyżej {n} znak', few: 'filtr jednostki może mieć najwyżej {n} znaki', many: 'filtr jednostki może mieć najwyżej {n} znaków' },
  'schema.textTooLong': { args: [], one: 'tekst może mieć najwyżej {n} znak', few: 'tekst może mieć najwyżej {n} znaki', many: 'tekst może mieć najwyżej {n} znaków' },
  'schema.commentTooLong': { args: [], one: 'komentarz może mieć najwyżej {n} znak', few: 'komentarz może mieć najwyżej {n} znaki', many: 'komentarz może mieć najwyżej {n} znaków' },
  'schema.scopeDescriptionTooLong': { args: [], one: 'zakres realizacji (opis) może mieć najwyżej {n} znak', few: 'zakres realizacji (opis) może mieć najwyżej {n} znaki', many: 'zakres realizacji (opis) może mieć najwyżej {n} znaków' },
  'schema.planMeasureIdTooLong': { args: [], one: 'identyfikator miary planu może mieć najwyżej {n} znak', few: 'identyfikator miary planu może mieć najwyżej {n} znaki', many: 'identyfikator miary planu może mieć najwyżej {n} znaków' },
  'summary.selected': { args: [1], one: 'Wybrano {n} działanie (1 wiersz).', few: 'Wybrano {n} działania (1 wiersz).', many: 'Wybrano {n} działań (1 wiersz).' },
  'summary.totalIn': { args: ['Zrealizowano 4 z 10 planowanych spotkań (40 %)'], one: 'Zrealizowano 4 z 10 planowanych spotkań (40 %) — łącznie w {n} działaniu.', few: 'Zrealizowano 4 z 10 planowanych spotkań (40 %) — łącznie w {n} działaniach.', many: 'Zrealizowano 4 z 10 planowanych spotkań (40 %) — łącznie w {n} działaniach.' },
  'plan.api.planInvalid': { args: [], one: 'Plan zawiera {n} błąd — popraw go i zapisz ponownie.', few: 'Plan zawiera {n} błędy — popraw je i zapisz ponownie.', many: 'Plan zawiera {n} błędów — popraw je i zapisz ponownie.' },
  'plan.api.planIncomplete': { args: [], one: 'Nie można przekazać planu: {n} problem do uzupełnienia.', few: 'Nie można przekazać planu: {n} problemy do uzupełnienia.', many: 'Nie można przekazać planu: {n} problemów do uzupełnienia.' },
  'plan.api.bulkInvalid': { args: [], one: 'Plany jednostek zawierają {n} błąd — nic nie zapisano; popraw go i wyślij ponownie.', few: 'Plany jednostek zawierają {n} błędy — nic nie zapisano; popraw je i wyślij ponownie.', many: 'Plany jednostek zawierają {n} błędów — nic nie zapisano; popraw je i wyślij ponownie.' },
  'plan.schema.tooManyEntries': { args: [], one: 'plan może mieć najwyżej {n} pozycję', few: 'plan może mieć najwyżej {n} pozycje', many: 'plan może mieć najwyżej {n} pozycji' },
  'plan.schema.descriptionTooLong': { args: [], one: 'wskaźniki rezultatów (opis) mogą mieć najwyżej {n} znak', few: 'wskaźniki rezultatów (opis) mogą mieć najwyżej {n} znaki', many: 'wskaźniki rezultatów (opis) mogą mieć najwyżej {n} znaków' },
  'plan.schema.nameTooLong': { args: [], one: 'nazwa działania może mieć najwyżej {n} znak', few: 'nazwa działania może mieć najwyżej {n} znaki', many: 'nazwa działania może mieć najwyżej {n} znaków' },
  'plan.schema.formTooLong': { args: [], one: 'forma rodzaju miary może mieć najwyżej {n} znak', few: 'forma rodzaju miary może mieć najwyżej {n} znaki', many: 'forma rodzaju miary może mieć najwyżej {n} znaków' },
};

/** Every message declared withCount, by its dotted path in MSG. */
function countedMessages(node: unknown, prefix = ''): [string, (n: number, ...a: unknown[]) => string][] {
  if (takesCount(node)) return [[prefix, node as (n: number, ...a: unknown[]) => string]];
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => countedMessages(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

describe('the plural table', () => {
  it('has a row for every counted message of the catalogue, and no stale rows', () => {
    const found = countedMessages(MSG).map(([path]) => path).sort();
    expect(found.length).toBeGreaterThan(10);
    expect(Object.keys(TABLE).sort()).toEqual(found);
  });

  it('Intl.PluralRules("pl") gives the categories Polish grammar expects', () => {
    for (const n of NS) expect(pluralCategory(n), `n = ${n}`).toBe(EXPECTED_CATEGORY[n]);
    expect(pluralCategory(1.5)).toBe('other');
  });

  for (const [path, render] of countedMessages(MSG)) {
    it.each(NS)(`${path} for n = %i`, (n) => {
      const row = TABLE[path];
      expect(row, `add ${path} to the plural table`).toBeDefined();
      const expected = (n === 0 && row!.zero !== undefined ? row!.zero : row![EXPECTED_CATEGORY[n]!]).replace('{n}', String(n));
      expect(render(n, ...row!.args)).toBe(expected);
    });
  }

  it('makes adjectives agree with the counted noun', () => {
    expect(counted(3, ADJECTIVE.missingF, 'lub', ADJECTIVE.wrongF, NOUN.item)).toBe('3 brakujące lub błędne pozycje');
    expect(counted(7, ADJECTIVE.missingF, 'lub', ADJECTIVE.wrongF, NOUN.item)).toBe('7 brakujących lub błędnych pozycji');
    expect(counted(1, ADJECTIVE.missingF, 'lub', ADJECTIVE.wrongF, NOUN.item)).toBe('1 brakująca lub błędna pozycja');
    expect(counted(283, NOUN.row)).toBe('283 wiersze');
    expect(counted(1234, NOUN.row)).toBe('1\u00a0234 wiersze');
  });

  it('gives fractions the genitive singular when a word has it, else the many form', () => {
    expect(formFor(1.5, { one: 'godzina', few: 'godziny', many: 'godzin', other: 'godziny' })).toBe('godziny');
    expect(formFor(2.5, NOUN.item)).toBe('pozycji');
  });

  it('every word of the vocabulary has three distinct-enough forms', () => {
    for (const [name, forms] of Object.entries({ ...NOUN, ...ADJECTIVE })) {
      for (const f of [forms.one, forms.few, forms.many]) expect(f.trim(), name).not.toBe('');
    }
  });
});
