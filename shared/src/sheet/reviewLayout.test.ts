import { describe, expect, it } from 'vitest';
import type { ConsolidatedRow } from '../api/contracts.ts';
import { CONSOLIDATED_COLUMNS, codeAndTitle, consolidatedColumnIndex, consolidatedColumnLetter, consolidatedHeader } from './consolidatedLayout.ts';
import { REVIEW_VARIANCE_KEYS, excelSerialDate, reviewBandConditions, reviewRowValues, reviewVarianceAddress, reviewVarianceCells } from './reviewLayout.ts';
import { bandFormula } from './varianceFormulas.ts';

const row: ConsolidatedRow = {
  year: 2024, area: 'I', areaTitle: 'Zapewnienie specjalistycznej pomocy', taskCode: 'I.1', taskTitle: 'Wzmocnienie zdolności rodzin', taskKind: 'basic', subsection: null, activityId: 'I.1-01', activityName: 'Poradnictwo',
  orgUnitCodes: ['MOPS/PRZ/08', 'GRP-NGO'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', 'organizacje pozarządowe'], reportingUnit: 'MOPS/PRZ/08', lineRole: 'planned', planMeasureId: '1', measureKind: 'usługa', qualifier: 'poradnictwa', plan: 10900,
  actual: 10801, difference: -99, ratio: 0.99, band: 'on_plan', status: 'realized', moneySpent: 200075000, comment: '',
  planText: '10 900 usług', actualText: null, scopeDescription: null, version: 1, savedBy: 'Anna', savedAt: '2024-07-01T10:00:00Z',
};

describe('review layout', () => {
  it('has the central workbook\'s 28 columns in its order: what is printed first, then filtering and tracing', () => {
    expect(CONSOLIDATED_COLUMNS.map((c) => c.header)).toEqual([
      'Zadanie', 'ID działania', 'Działanie', 'Jednostki odpowiedzialne', 'Miara', 'Opis miary', 'Względem planu',
      'Plan', 'Wykonanie', 'Różnica', '% wykonania', 'Ocena', 'Status', 'Wydatki (zł)', 'Komentarz / wyjaśnienie', 'Plan (opis)', 'Wykonanie (opis)',
      'Obszar', 'Kod obszaru', 'Kod zadania', 'Rodzaj zadania', 'Podsekcja', 'Jednostka sprawozdająca', 'Kod jednostki sprawozdającej',
      'Kody jednostek odpowiedzialnych', 'Wersja', 'Zapisał(a)', 'Data zapisu',
    ]);
    expect(consolidatedColumnLetter('ratio')).toBe('K');
    expect(consolidatedColumnLetter('band')).toBe('L');
    expect(consolidatedHeader('moneySpent')).toBe('Wydatki (zł)');
  });

  it('turns a consolidated row into cells: labels, złoty, Warsaw-time serial dates', () => {
    // Every cell, under its header: a cell that moves, goes missing or changes shows here.
    const byHeader = Object.fromEntries(CONSOLIDATED_COLUMNS.map((c, i) => [c.header, reviewRowValues(row)[i]]));
    expect(byHeader).toEqual({
      'Obszar': 'I Zapewnienie specjalistycznej pomocy', 'Kod obszaru': 'I', 'Zadanie': 'I.1 Wzmocnienie zdolności rodzin', 'Kod zadania': 'I.1',
      'Rodzaj zadania': 'podstawowe', 'Podsekcja': null, 'ID działania': 'I.1-01', 'Działanie': 'Poradnictwo',
      'Jednostka sprawozdająca': 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', 'Kod jednostki sprawozdającej': 'MOPS/PRZ/08', 'Jednostki odpowiedzialne': 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)\norganizacje pozarządowe',
      'Kody jednostek odpowiedzialnych': 'MOPS/PRZ/08, GRP-NGO', 'Miara': 'usługi', 'Opis miary': 'poradnictwa', 'Względem planu': 'miara planu',
      'Plan': 10900, 'Wykonanie': 10801, 'Różnica': -99, '% wykonania': 0.99, 'Ocena': 'zgodnie z planem', 'Status': 'zrealizowane',
      'Wydatki (zł)': 2000750, 'Komentarz / wyjaśnienie': null, 'Plan (opis)': '10 900 usług', 'Wykonanie (opis)': null, 'Wersja': 1,
      'Zapisał(a)': 'Anna',
      // 2024-07-01 12:00 in Kraków (UTC+2) = 45474.5
      'Data zapisu': 45474.5,
    });
    expect(reviewRowValues(row)).toHaveLength(28);
  });

  it('names a task and an area by code and title; a row from an older server, without titles, by its code', () => {
    const { areaTitle: _a, taskTitle: _t, ...older } = row;
    const cells = (r: ConsolidatedRow) => {
      const v = reviewRowValues(r);
      return [v[consolidatedColumnIndex('taskTitle')], v[consolidatedColumnIndex('areaTitle')], v[consolidatedColumnIndex('reportingUnitName')]];
    };
    expect(cells(older)).toEqual(['I.1', 'I', 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)']);
    // a unit missing from the registry is named by its code (consolidateRows gives the code as its name)
    expect(cells({ ...row, orgUnitCodes: ['X'], orgUnitNames: ['X'], reportingUnit: 'X' })[2]).toBe('X');
    expect(codeAndTitle('I.2', 'I.2 Wzmacnianie sieci')).toBe('I.2 Wzmacnianie sieci');
    expect(codeAndTitle('I.2', '  ')).toBe('I.2');
  });

  it('dates: winter time, missing and unreadable', () => {
    expect(excelSerialDate('2024-01-01T00:00:00Z')).toBeCloseTo(45292 + 1 / 24, 8);
    expect(excelSerialDate(null)).toBeNull();
    expect(excelSerialDate('nonsense')).toBeNull();
  });
});

describe('review table variance formulas', () => {
  it('keeps difference, % and band adjacent, so they are written as one block', () => {
    const idx = REVIEW_VARIANCE_KEYS.map(consolidatedColumnIndex);
    expect(idx).toEqual([idx[0], idx[0]! + 1, idx[0]! + 2]);
    expect(reviewVarianceAddress(3)).toBe('J2:L4');
    expect(reviewVarianceAddress(0)).toBe('J2:L2');
  });

  it('gives a row with a ratio formulas over the threshold names, and a row without a figure none', () => {
    const noFigure: ConsolidatedRow = { ...row, actual: null, difference: null, ratio: null, band: 'no_data' };
    const cells = reviewVarianceCells([row, noFigure]);
    expect(cells[0]).toEqual([
      { formula: 'IF(ISNUMBER(I2),I2-H2,"")' },
      { formula: 'IF(AND(ISNUMBER(I2),ISNUMBER(H2),H2>0),I2/H2,"")' },
      { formula: bandFormula('K2') },
    ]);
    expect(bandFormula('K2')).toContain('K2<ProgDalekoPonizej');
    expect(cells[1]).toEqual([null, null, 'brak danych']);
    expect(reviewBandConditions()[0]).toEqual({ band: 'far_below', formula: '$L2="znacznie poniżej planu"' });
  });
});
