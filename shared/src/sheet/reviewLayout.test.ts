import { describe, expect, it } from 'vitest';
import type { ConsolidatedRow } from '../api/contracts.ts';
import { CONSOLIDATED_COLUMNS, consolidatedColumnLetter, consolidatedHeader } from './consolidatedLayout.ts';
import { excelSerialDate, reviewRowValues } from './reviewLayout.ts';

const row: ConsolidatedRow = {
  year: 2024, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: 'I.1-01', activityName: 'Poradnictwo',
  orgUnitCodes: ['MOPS/PRZ/08', 'GRP-NGO'], reportingUnit: 'MOPS/PRZ/08', measureKind: 'usługa', qualifier: 'poradnictwa', plan: 10900,
  actual: 10801, difference: -99, ratio: 0.99, band: 'on_plan', status: 'realized', moneySpent: 200075000, comment: '',
  planText: '10 900 usług', actualText: null, version: 1, savedBy: 'Anna', savedAt: '2024-07-01T10:00:00Z',
};

describe('review layout', () => {
  it('has the central workbook\'s 23 columns in its order', () => {
    expect(CONSOLIDATED_COLUMNS.map((c) => c.header)).toEqual([
      'Obszar', 'Zadanie', 'Rodzaj zadania', 'Podsekcja', 'ID działania', 'Działanie', 'Jednostka sprawozdająca', 'Jednostki odpowiedzialne',
      'Miara', 'Opis miary', 'Plan', 'Wykonanie', 'Różnica', '% wykonania', 'Ocena', 'Status', 'Wydatki (zł)', 'Komentarz / wyjaśnienie',
      'Plan (opis)', 'Wykonanie (opis)', 'Wersja', 'Zapisał(a)', 'Data zapisu',
    ]);
    expect(consolidatedColumnLetter('ratio')).toBe('N');
    expect(consolidatedColumnLetter('band')).toBe('O');
    expect(consolidatedHeader('moneySpent')).toBe('Wydatki (zł)');
  });

  it('turns a consolidated row into cells: labels, złoty, Warsaw-time serial dates', () => {
    const v = reviewRowValues(row);
    expect(v).toHaveLength(CONSOLIDATED_COLUMNS.length);
    expect(v.slice(0, 9)).toEqual(['I', 'I.1', 'podstawowe', null, 'I.1-01', 'Poradnictwo', 'MOPS/PRZ/08', 'MOPS/PRZ/08, GRP-NGO', 'usługi']);
    expect(v[14]).toBe('zgodnie z planem');
    expect(v[15]).toBe('zrealizowane');
    expect(v[16]).toBe(2000750);
    expect(v[17]).toBeNull();
    // 2024-07-01 12:00 in Kraków (UTC+2) = 45474.5
    expect(v[22]).toBe(45474.5);
  });

  it('dates: winter time, missing and unreadable', () => {
    expect(excelSerialDate('2024-01-01T00:00:00Z')).toBeCloseTo(45292 + 1 / 24, 8);
    expect(excelSerialDate(null)).toBeNull();
    expect(excelSerialDate('nonsense')).toBeNull();
  });
});
