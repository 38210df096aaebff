/**
 * Texts of the browser mode (addin/src/browser/): the same app as the task pane, opened at the
 * server's address without Excel. Part of MSG (catalogue.ts) as MSG.browser.
 */
const q = (s: string | number): string => `„${s}”`;

export const browserText = {
  appTitle: 'Sprawozdania PWR',
  signInNote: 'Wklej osobisty token otrzymany od administratora MOPS. Przeglądarka zapamięta tylko sesję: wygasa po bezczynności, na koniec dnia pracy i po zamknięciu przeglądarki.',
  signOut: 'Wyloguj',
  loading: 'Wczytywanie…',
  retry: 'Spróbuj ponownie',
  years: 'Lata sprawozdawcze',
  yearOpen: 'otwarty',
  yearClosed: 'zamknięty',
  yearLabel: (year: number, phase: string) => `Rok ${year} (${phase})`,
  deadline: (date: string) => `termin: ${date}`,
  noDeadline: 'bez terminu',
  reportState: (state: string, version: number) => (version > 0 ? `${state}, wersja ${version}` : state),
  chooseYear: 'Wybierz rok',
  noYears: 'Serwer nie ma jeszcze żadnego roku sprawozdawczego.',
  noUnit: 'To konto nie jest przypisane do żadnej jednostki — poproś administratora o przypisanie.',
  returned: 'Sprawozdanie zwrócone do poprawy',
  returnedNoComment: 'Weryfikator nie dodał komentarza.',
  readOnlyClosed: (year: number) => `Rok ${year} jest zamknięty — sprawozdanie jest tylko do odczytu.`,
  readOnlySubmitted: 'Sprawozdanie przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.',
  readOnlyAccepted: 'Sprawozdanie zostało zaakceptowane.',
  step1: '1. Pobierz szablon',
  step1Text: 'Szablon zawiera działania jednostki, plan na ten rok i dane już zapisane. Wypełnij w Excelu (2016 lub nowszym) albo w LibreOffice kolumny Wykonanie, Status, Wydatki i Komentarz.',
  downloadTemplate: 'Pobierz szablon (.xlsx)',
  downloading: 'Pobieranie…',
  step2: '2. Prześlij wypełniony plik',
  chooseFile: 'Plik sprawozdania (.xlsx)',
  upload: 'Prześlij',
  uploading: 'Przesyłanie…',
  noFile: 'Wybierz plik .xlsx z wypełnionym szablonem.',
  notXlsx: (name: string) => `Plik ${q(name)} nie jest skoroszytem .xlsx — zapisz go w Excelu jako „Skoroszyt programu Excel (*.xlsx)”.`,
  progress: (percent: number) => `Wysłano ${percent} %`,
  checking: 'Serwer sprawdza plik…',
  saved: (version: number) => `Zapisano — wersja ${version}.`,
  savedSame: (version: number) => `Zapisano — wersja ${version}. Dane nie różnią się od poprzedniej wersji.`,
  changesTitle: 'Co się zmieniło',
  change: (activityId: string, field: string, from: string, to: string) => `${activityId}, ${field}: ${from} → ${to}`,
  empty: '(puste)',
  field: (field: string) => {
    if (field === 'status') return 'status';
    if (field === 'comment') return 'komentarz';
    if (field === 'moneySpent') return 'wydatki';
    if (field === 'actualText') return 'wykonanie (opis)';
    if (field === 'scopeDescription') return 'zakres realizacji (opis)';
    if (field.startsWith('actual:')) return `wykonanie (${field.slice(7).split('|').filter(Boolean).join(', ')})`;
    return field;
  },
  problemsTitle: 'Plik nie został zapisany',
  problemAt: (sheet: string, cell: string) => `Arkusz ${q(sheet)}, komórka ${cell}`,
  step3: '3. Przekaż do weryfikacji',
  step3Text: 'Po przekazaniu MOPS sprawdzi sprawozdanie; do czasu zwrotu nie można go zmieniać.',
  submit: 'Przekaż do weryfikacji',
  submitting: 'Przekazywanie…',
  submitted: 'Przekazano do weryfikacji.',
  submitNothing: 'Najpierw prześlij wypełniony szablon.',
  // reviewers and managers
  reviewTitle: 'Przegląd sprawozdań',
  downloads: 'Pliki roku',
  centralWorkbook: 'Zestawienie zbiorcze (.xlsx)',
  annex: 'Załącznik do sprawozdania (.docx)',
  accepted: (unit: string) => `Zaakceptowano sprawozdanie jednostki ${unit}.`,
  returnedTo: (unit: string) => `Zwrócono sprawozdanie jednostce ${unit} z komentarzem.`,
  // inside a too-old Excel
  tooOldExcel: 'Ta wersja Excela jest zbyt stara dla panelu sprawozdania (potrzebny Excel 2021, Excel 2024, Microsoft 365 lub Excel w przeglądarce).',
  useBrowser: 'Otwórz wersję w przeglądarce',
  useBrowserText: 'Tam pobierzesz szablon, wypełnisz go w tym Excelu i prześlesz z powrotem — bez dodatku.',
} as const;
