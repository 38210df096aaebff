/**
 * The catalogue's lint: user-facing Polish text lives in shared/src/messages/ (the catalogue) and
 * nowhere else; a number is never glued to a fixed noun form ("${n} wierszy") anywhere, the
 * catalogue included — counted nouns go through counted()/withCount().
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEASURE_KINDS } from '../src/measures/kinds.ts';
import { ADJECTIVE, NOUN } from '../src/messages/words.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROOTS = ['shared/src', 'sync-server/src', 'addin/src'];

/** Files that may hold Polish text, and why. */
const EXEMPT: [RegExp, string][] = [
  [/^shared\/src\/messages\//, 'the catalogue itself'],
  [/^shared\/src\/measures\/kinds\.ts$/, 'the vocabulary of measure words'],
  [/^shared\/src\/indicators\//, 'patterns that recognise the source report’s Polish, not texts shown'],
  [/^shared\/src\/measures\/pairMeasures\.ts$/, 'Polish stop words for matching qualifiers'],
  [/^shared\/src\/measures\/agreeQualifier\.ts$/, 'Polish pronouns a number leaves as they are (recognition, not texts shown)'],
  [/\.test\.tsx?$/, 'tests'],
  [/\/(testing|testSupport)\//, 'test fixtures'],
  [/^sync-server\/src\/openapi\//, 'the API description for integrators (developer documentation, not a message)'],
];


const POLISH_LETTER = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;
/** Short Polish words (prepositions, conjunctions) between words: „Filtry tabeli w Excelu”. */
const POLISH_SHORT = /(^|[\s„(])(i|w|z|na|do|od|po|za|ze|o|albo|tylko|jako|gdy|czy|już)\s+\p{L}/u;
/** The product's own nouns and verbs, which carry no Polish letter: „Razem”, „Obszary”, „kopia zapasowa”. */
const PRODUCT_WORD = /(^|[\s„(])(Razem|Nazwa|Instrukcja|Zestawienie|zestawienie|Podsumowanie|Ustawienia|Wersja|wersja|Miara|Miary|Opis|opis|Termin|Stan|Uwagi|Obszary|Zadania|Progi|progi|Oceny|Wiersz|wiersz|kolumna|kopia|proces|polecenie|Sprawozdanie|sprawozdanie|Rok|rok|Historia|Pole|pole|Plik|plik|Serwer|serwer|Arkusz|arkusz|Dane|dane|Kod|kod|Kiedy|Anuluj|Akceptuj|Pokaż|Wczytaj|Filtry|Dodaj|Cofnij|Zachowaj|Zapisano|Pobrano|Przekazano|Wybrano)($|[\s.,:;!?…)”])/;
const POLISH_WORD = /(^|[\s„(])(nie|jest|się|lub|oraz|dla|przez|brak|Brak|wpisz|Wpisz|podaj|Podaj|wybierz|Wybierz|kliknij|Kliknij|zapisz|Zapisz|pobierz|Pobierz|wyślij|Wyślij|Spróbuj|spróbuj|Zaloguj|Wyloguj|Synchronizuj|Przygotuj|Działanie|działania|Wydatki|Komentarz|Wykonanie|Plan|Status|Obszar|Zadanie|Jednostka|Ocena|Token|Logowanie)($|[\s.,:;!?…)”])/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Code with comments removed (strings kept), line structure kept. */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** String literals and JSX text of a file, with their line numbers. */
export function texts(code: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const clean = withoutComments(code);
  const lineOf = (i: number) => clean.slice(0, i).split('\n').length;
  for (const m of clean.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) out.push({ line: lineOf(m.index!), text: m[0].slice(1, -1) });
  for (const m of clean.matchAll(/>([^<>{}]*[A-Za-ząćęłńóśźż][^<>{}]*)</g)) {
    if (/[=;()]|=>/.test(m[1]!)) continue; // code between a type parameter and a tag, not JSX text
    out.push({ line: lineOf(m.index!), text: m[1]!.trim() });
  }
  return out;
}

export function isPolishText(text: string): boolean {
  if (PRODUCT_WORD.test(text) && /^\p{L}+$/u.test(text)) return true; // a lone word: „Razem”, „Obszary”
  if (/^[\w./@:-]*$/.test(text)) return false; // identifiers, paths, module names
  const words = text.replace(/\$\{[^}]*\}/g, ' '); // a template's words, not its code
  return POLISH_LETTER.test(words) || POLISH_WORD.test(words) || POLISH_SHORT.test(words) || PRODUCT_WORD.test(words);
}

/** Every form a counted word takes after a number (when it differs between numbers). */
const COUNTED_FORMS = [...new Set([
  ...Object.values(NOUN), ...Object.values(ADJECTIVE), ...MEASURE_KINDS.map((k) => k.forms),
].flatMap((f) => (f.few === f.many && f.one === f.few ? [] : [f.one, f.few, f.many])).filter((w) => /^[\p{L}]{2,}$/u.test(w)))];
const GLUED = new RegExp(`\\$\\{[^}]*\\}\\s+(${COUNTED_FORMS.join('|')})(?![\\p{L}])`, 'u');

const files = ROOTS.flatMap((r) => sources(path.join(REPO, r))).map((f) => path.relative(REPO, f).split(path.sep).join('/'));

describe('the message catalogue lint', () => {
  it('finds Polish text the way the check needs', () => {
    expect(texts("const a = 'Zapisz zmiany'; // 'w komentarzu'\n<Text>Wyloguj</Text>").map((t) => t.text)).toEqual(['Zapisz zmiany', 'Wyloguj']);
    expect(isPolishText('Brak połączenia z serwerem.')).toBe(true);
    expect(isPolishText('Przygotuj arkusz')).toBe(true);
    expect(isPolishText('application/json')).toBe(false);
    expect(isPolishText('TableStyleLight9')).toBe(false);
    expect(isPolishText('Filtry tabeli w Excelu')).toBe(true);
    expect(isPolishText('kopia zapasowa (npm run backup)')).toBe(true);
    expect(isPolishText('Razem')).toBe(true);
    expect(isPolishText('docx: a table without w:tblPr')).toBe(false);
    expect(isPolishText('${w.year}-${two(w.month)}')).toBe(false);
    expect(GLUED.test('Plik zawiera ${n} błędów')).toBe(true);
    expect(GLUED.test('${counted(n, NOUN.error)}')).toBe(false);
    expect(GLUED.test('Arkusz ma ${rows.length} wierszy')).toBe(true);
  });

  it('has no user-facing Polish text outside the catalogue', () => {
    const found = new Map<string, string[]>();
    for (const file of files) {
      if (EXEMPT.some(([re]) => re.test(file))) continue;
      const polish = texts(readFileSync(path.join(REPO, file), 'utf8')).filter((t) => isPolishText(t.text));
      if (polish.length) found.set(file, polish.map((t) => `${file}:${t.line}: ${t.text.slice(0, 100)}`));
    }
    expect([...found.values()].flat(), 'move these texts into shared/src/messages/catalogue.ts').toEqual([]);
  });

  it('never glues a number to a fixed noun form, the catalogue included', () => {
    const glued = files.filter((f) => !/\.test\.tsx?$/.test(f)).flatMap((file) =>
      texts(readFileSync(path.join(REPO, file), 'utf8')).filter((t) => GLUED.test(t.text)).map((t) => `${file}:${t.line}: ${t.text.slice(0, 100)}`));
    expect(glued, 'use counted(n, NOUN.x) / withCount').toEqual([]);
  });
});
