/**
 * Texts of the unit template's input cells: the hints Excel and LibreOffice show when a cell is
 * selected (a data validation's input message: title ≤ 32 characters, text ≤ 255).
 * Part of MSG (catalogue.ts) as MSG.template.
 */
import { counted } from './plural.ts';
import { NOUN } from './words.ts';
export const templateText = {
  hint: {
    actual: { title: 'Wykonanie', text: 'Wpisz liczbę ≥ 0 (np. 1 234 lub 15,5). Różnica, % wykonania i ocena obok przeliczą się same.' },
    status: { title: 'Status działania', text: 'Wybierz z listy. Status wpisujesz w pierwszym wierszu działania.' },
    moneySpent: { title: 'Wydatki (zł)', text: 'Kwota w złotych, np. 12 500,50 (tylko zadania podstawowe).' },
    comment: (max: number) => ({ title: 'Komentarz / wyjaśnienie', text: `Wyjaśnij odchylenie od planu lub brak wykonania (do ${counted(max, NOUN.characterGenitive)}).` }),
    measureKind: { title: 'Miara', text: 'Działanie bez zaplanowanej miary: wybierz z listy, co liczysz.' },
    scopeDescription: (max: number) => ({ title: 'Zakres realizacji (opis)', text: `Co zostało zrobione, własnymi słowami — trafi do rocznego sprawozdania (do ${counted(max, NOUN.characterGenitive)}).` }),
    qualifier: (max: number) => ({ title: 'Opis miary', text: `Doprecyzuj miarę, np. „rodziny z dziećmi do 3 lat” (do ${counted(max, NOUN.characterGenitive)}).` }),
  },
  tooLong: (what: string, max: number) => ({ title: `${what}: za długi tekst`, text: `Tekst może mieć najwyżej ${counted(max, NOUN.character)}.` }),
} as const;
