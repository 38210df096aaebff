import { describe, expect, it } from 'vitest';
import { formatMeasure } from './formatMeasure.ts';

describe('a qualifier agrees with its number', () => {
  it.each([
    // feminine
    [{ kind: 'rodzina', value: 1, qualifier: 'objętych usługą' }, '1 rodzina objęta usługą'],
    [{ kind: 'rodzina', value: 3, qualifier: 'objętych usługą' }, '3 rodziny objęte usługą'],
    [{ kind: 'rodzina', value: 22, qualifier: 'objętych usługą' }, '22 rodziny objęte usługą'],
    [{ kind: 'rodzina', value: 5, qualifier: 'objętych usługą' }, '5 rodzin objętych usługą'],
    [{ kind: 'rodzina', value: 12, qualifier: 'objętych usługą' }, '12 rodzin objętych usługą'],
    [{ kind: 'rodzina', value: 0, qualifier: 'objętych usługą' }, '0 rodzin objętych usługą'],
    [{ kind: 'osoba', value: 1, qualifier: 'korzystających z programu' }, '1 osoba korzystająca z programu'],
    // masculine-personal: genitive after 2–4 as the report writes it
    [{ kind: 'uczestnik', value: 1, qualifier: 'biorących udział w programach' }, '1 uczestnik biorący udział w programach'],
    [{ kind: 'uczestnik', value: 3, qualifier: 'biorących udział w programach' }, '3 uczestników biorących udział w programach'],
    [{ kind: 'specjalista', value: 1, qualifier: 'zatrudnionych' }, '1 specjalista zatrudniony'],
    // masculine and neuter things
    [{ kind: 'warsztat', value: 1, qualifier: 'tematycznych' }, '1 warsztat tematyczny'],
    [{ kind: 'warsztat', value: 2, qualifier: 'tematycznych' }, '2 warsztaty tematyczne'],
    [{ kind: 'spotkanie', value: 1, qualifier: 'indywidualnych' }, '1 spotkanie indywidualne'],
    [{ kind: 'dziecko', value: 1, qualifier: 'objętych pomocą' }, '1 dziecko objęte pomocą'],
    [{ kind: 'dziecko', value: 3, qualifier: 'objętych pomocą' }, '3 dzieci objętych pomocą'],
    // soft and velar stems
    [{ kind: 'kurs', value: 1, qualifier: 'długich' }, '1 kurs długi'],
    [{ kind: 'grupa', value: 1, qualifier: 'długich' }, '1 grupa długa'],
    [{ kind: 'grupa', value: 3, qualifier: 'tanich' }, '3 grupy tanie'],
    // fractions: genitive singular
    [{ kind: 'godzina', value: 1.5, qualifier: 'przeprowadzonych' }, '1,5 godziny przeprowadzonej'],
    [{ kind: 'etat', value: 2.5, qualifier: 'dotowanych' }, '2,5 etatu dotowanego'],
    // plural-only noun
    [{ kind: 'zajęcia', value: 1, qualifier: 'organizowanych przez MDK' }, '1 zajęcia organizowane przez MDK'],
    // several leading adjectives; then the rest as typed
    [{ kind: 'materiał', value: 1, qualifier: 'wydanych informacyjnych (plakaty, ulotki)' }, '1 materiał wydany informacyjny (plakaty, ulotki)'],
    // not an adjective in front: left as typed
    [{ kind: 'rodzina', value: 1, qualifier: 'z dziećmi do 3 lat' }, '1 rodzina z dziećmi do 3 lat'],
    [{ kind: 'rodzina', value: 1, qualifier: 'których dzieci uczęszczają' }, '1 rodzina których dzieci uczęszczają'],
    [{ kind: 'usługa', value: 1, qualifier: 'poradnictwa rodzinnego' }, '1 usługa poradnictwa rodzinnego'],
  ])('%j → %s', (m, text) => {
    expect(formatMeasure(m)).toBe(text);
  });
});
