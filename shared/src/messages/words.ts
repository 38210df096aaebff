/**
 * The catalogue's vocabulary of counted words: every noun (and agreeing adjective) a message puts
 * after a number, with its forms for Intl.PluralRules('pl'). Measure words live in
 * measures/kinds.ts; these are the words of the product itself.
 */
import type { CountForms } from './plural.ts';

const w = (one: string, few: string, many: string, other?: string): CountForms => (other ? { one, few, many, other } : { one, few, many });

/** Forms of any word that agrees with a number (a verb: „został / zostały / zostało”). */
export const w3 = (one: string, few: string, many: string): CountForms => ({ one, few, many });

/** Nouns counted in messages. */
export const NOUN = {
  activity: w('działanie', 'działania', 'działań'),
  /** genitive after "z": "3 z 1 działania", "z 4 działań" */
  activityGenitiveAfterZ: w('działania', 'działań', 'działań'),
  /** "… i 1 działanie więcej", "i 3 działania więcej", "i 5 działań więcej" */
  activityGenitiveMore: w('działanie', 'działania', 'działań'),
  /** locative: "łącznie w 3 działaniach" */
  activityLocative: w('działaniu', 'działaniach', 'działaniach'),
  row: w('wiersz', 'wiersze', 'wierszy'),
  /** genitive after "z": "4 z 1 wiersza", "z 22 wierszy" */
  rowGenitiveAfterZ: w('wiersza', 'wierszy', 'wierszy'),
  item: w('pozycja', 'pozycje', 'pozycji'),
  /** accusative: "musi zawierać co najmniej 1 pozycję" */
  itemAccusative: w('pozycję', 'pozycje', 'pozycji'),
  error: w('błąd', 'błędy', 'błędów'),
  change: w('zmiana', 'zmiany', 'zmian'),
  problem: w('problem', 'problemy', 'problemów'),
  problemAccusative: w('problem', 'problemy', 'problemów'),
  difference: w('różnica', 'różnice', 'różnic'),
  unit: w('jednostka', 'jednostki', 'jednostek'),
  /** genitive after "wszystkich": "tokeny wszystkich 28 jednostek sprawozdających" */
  unitGenitive: w('jednostki', 'jednostek', 'jednostek'),
  token: w('token', 'tokeny', 'tokenów'),
  key: w('klucz', 'klucze', 'kluczy'),
  file: w('plik', 'pliki', 'plików'),
  byte: w('bajt', 'bajty', 'bajtów'),
  megabyte: w('MB', 'MB', 'MB'),
  character: w('znak', 'znaki', 'znaków'),
  /** genitive after "ponad": "ponad 1 znaku", "ponad 2 znaków" */
  characterGenitive: w('znaku', 'znaków', 'znaków'),
  rowAccusative: w('wiersz', 'wiersze', 'wierszy'),
  column: w('kolumnę', 'kolumny', 'kolumn'),
  /** accusative after "za": "za 1 sekundę", "za 30 sekund" */
  second: w('sekundę', 'sekundy', 'sekund'),
  day: w('dzień', 'dni', 'dni'),
  measure: w('miara', 'miary', 'miar'),
  measureAccusative: w('miarę', 'miary', 'miar'),
  cell: w('komórka', 'komórki', 'komórek'),
  table: w('tabela', 'tabele', 'tabel'),
  amount: w('kwota', 'kwoty', 'kwot'),
  amountAccusative: w('kwotę', 'kwoty', 'kwot'),
} as const;

/** Adjectives that agree with a counted noun of the same gender. */
export const ADJECTIVE = {
  /** feminine (pozycja): brakująca / brakujące / brakujących */
  missingF: w('brakująca', 'brakujące', 'brakujących'),
  wrongF: w('błędna', 'błędne', 'błędnych'),
  /** neuter (działanie): wypełnione / wypełnione / wypełnionych */
  filledN: w('wypełnione', 'wypełnione', 'wypełnionych'),
  /** feminine (jednostka) in the genitive after "wszystkich": sprawozdającej / sprawozdających */
  reportingFGenitive: w('sprawozdającej', 'sprawozdających', 'sprawozdających'),
  /** feminine accusative (kwotę): zapisaną / zapisane / zapisanych */
  writtenFAccusative: w('zapisaną', 'zapisane', 'zapisanych'),
  /** masculine inanimate (wiersz) */
  selectedM: w('wybrany', 'wybrane', 'wybranych'),
} as const;
