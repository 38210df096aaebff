import { describe, expect, it } from 'vitest';
import type { ProgramStructure } from '@pwr-sync/shared';
import { wrapLabel } from './chart.ts';
import { areaChoices, choice, choiceText, fold, namesOf, searchChoices, taskChoices, unitChoices } from './choices.ts';

const program = {
  areas: [{ code: 'I', title: 'Wsparcie rodzin' }, { code: 'II', title: 'Dzieci z niepełnosprawnością' }],
  tasks: [
    { code: 'I.1', area: 'I', kind: 'basic', title: 'Poradnictwo specjalistyczne', linkedTo: [], subsections: [] },
    { code: 'I.2', area: 'I', kind: 'complementary', title: 'Sieć oparcia społecznego', linkedTo: [], subsections: [] },
  ],
  orgUnits: [
    { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', kind: 'mops', aliases: [] },
    { code: 'GRP-NGO', name: 'organizacje pozarządowe', kind: 'other', aliases: [] },
  ],
} as unknown as ProgramStructure;

describe('choices: names first, codes second', () => {
  it('shows the code beside the name unless the name already says it', () => {
    expect(choice('GRP-NGO', 'organizacje pozarządowe')).toEqual({ value: 'GRP-NGO', name: 'organizacje pozarządowe', code: 'GRP-NGO' });
    expect(choice('MOPS/PRZ/08', 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)').code).toBeNull();
    expect(choice('XYZ', null)).toEqual({ value: 'XYZ', name: 'XYZ', code: null });
    expect(choiceText(choice('I.1', 'Poradnictwo'))).toBe('Poradnictwo (I.1)');
  });

  it('areas by title in program order; tasks present in the rows by title; units by name in Polish order', () => {
    expect(areaChoices(program, ['II']).map(choiceText)).toEqual(['Wsparcie rodzin (I)', 'Dzieci z niepełnosprawnością (II)']);
    expect(areaChoices(null, ['II', 'I', 'II']).map((c) => c.value)).toEqual(['I', 'II']);
    expect(taskChoices(program, ['I.2', 'IX.9', 'I.2']).map(choiceText)).toEqual(['Sieć oparcia społecznego (I.2)', 'IX.9']);
    const units = unitChoices(program, new Map([['GRP-NGO', 'x'], ['MOPS/PRZ/08', 'y'], ['ZZZ', 'Żłobek nr 1']]));
    expect(units.map((u) => u.name)).toEqual(['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', 'organizacje pozarządowe', 'Żłobek nr 1']);
    expect(namesOf(units, ['GRP-NGO', 'NOPE'])).toEqual(['organizacje pozarządowe (GRP-NGO)', 'NOPE']);
  });

  it('finds by any part of the name or the code, without Polish letters, every word typed', () => {
    const units = unitChoices(program, new Map([['GRP-NGO', ''], ['MOPS/PRZ/08', '']]));
    expect(fold('Ośrodek ŁÓDŹ')).toBe('osrodek lodz');
    expect(searchChoices(units, 'osrodek').map((c) => c.value)).toEqual(['MOPS/PRZ/08']);
    expect(searchChoices(units, 'prz/08 miejski').map((c) => c.value)).toEqual(['MOPS/PRZ/08']);
    expect(searchChoices(units, 'ngo').map((c) => c.value)).toEqual(['GRP-NGO']);
    expect(searchChoices(units, 'pozarzadowe').map((c) => c.value)).toEqual(['GRP-NGO']);
    expect(searchChoices(units, '  ')).toHaveLength(2);
    expect(searchChoices(units, 'szpital')).toEqual([]);
  });
});

describe('wrapLabel (chart names above their bars)', () => {
  it('breaks at spaces and ends with … when the name does not fit', () => {
    expect(wrapLabel('Wsparcie rodzin (I)', 40, 2)).toEqual(['Wsparcie rodzin (I)']);
    expect(wrapLabel('aaa bbb ccc ddd', 7, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrapLabel('aaa bbb ccc ddd eee', 7, 2)).toEqual(['aaa bbb', 'ccc dd…']);
    expect(wrapLabel('abcdefghij', 5, 2)).toEqual(['abcd…']);
    for (const line of wrapLabel('Zapewnienie specjalistycznej pomocy i wsparcia ukierunkowanego na tworzenie optymalnych warunków (I)', 54, 2)) expect(line.length).toBeLessThanOrEqual(54);
  });
});
