import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/contracts.ts';
import type { ReportEntry } from '../report/schema.ts';
import { withPlanMeasureIds } from '../measures/schema.ts';
import { DEFAULT_VARIANCE_POLICY } from '../variance/policy.ts';
import { columnIndex, type SheetColumnKey } from './layout.ts';
import { activityLineChoices, buildSheetRows, readSheetRows, type SheetCell } from './rows.ts';

// I.3.2-17 as the 2024 report has it: 300 participants planned, 527 at the classes and 490 at a picnic.
const assignments: Assignment[] = [{
  activity: { id: 'I.3.2-17', taskCode: 'I.3', subsection: null, name: 'Zajęcia dla rodzin', responsibleUnits: [{ orgUnitCode: 'KCK', role: 'reporting' }] },
  plan: { kind: 'target', measures: withPlanMeasureIds([{ kind: 'spotkanie', value: 25 }, { kind: 'uczestnik', value: 300 }]) },
  role: 'reporting',
}];
const c = (key: SheetColumnKey) => columnIndex(key);
const cells = (rows: SheetCell[][], ...keys: SheetColumnKey[]) => rows.map((r) => keys.map((k) => r[c(k)]));

const entry: ReportEntry = {
  activityId: 'I.3.2-17', status: 'realized', moneySpent: [], comment: '',
  actual: {
    measures: [
      { kind: 'spotkanie', value: 39, planMeasureId: '1', subsets: [{ kind: 'spotkanie', value: 12, qualifier: 'plenerowych' }] },
      { kind: 'uczestnik', value: 527, qualifier: 'zajęć', planMeasureId: '2' },
      { kind: 'uczestnik', value: 490, qualifier: 'pikniku', planMeasureId: '2' },
      { kind: 'wydarzenie', value: 2, planMeasureId: null, subsets: [{ kind: 'koncert', value: 1 }] },
    ],
  },
};

describe('parts and „w tym” figures in the unit sheet', () => {
  const rows = buildSheetRows(assignments, [entry], DEFAULT_VARIANCE_POLICY);

  it('a planned measure given in parts shows their sum, each part under it; a „w tym” figure follows its total', () => {
    expect(cells(rows, 'measureKey', 'lineRole', 'measureKind', 'qualifier', 'plan', 'actual', 'band')).toEqual([
      ['1', 'miara planu', 'spotkania', null, 25, 39, 'znacznie powyżej planu'],
      ['1~w1', 'w tym: 25 spotkań', 'spotkania', 'plenerowych', null, 12, null],
      ['2', 'miara planu', 'uczestnicy', null, 300, 1017, 'znacznie powyżej planu'],
      ['2~c1', 'część: 300 uczestników', 'uczestnicy', 'zajęć', null, 527, null],
      ['2~c2', 'część: 300 uczestników', 'uczestnicy', 'pikniku', null, 490, null],
      ['+wydarzenie', 'poza planem', 'wydarzenia', null, null, 2, 'brak celu'],
      ['+wydarzenie~w1', 'w tym: wydarzenia', 'koncerty', null, null, 1, null],
    ]);
  });

  it('reads back the same figures, whatever the row order', () => {
    const back = readSheetRows([...rows].reverse(), assignments);
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual([entry]);
  });

  it('a part changed in the sheet while its planned row still holds the old sum is refused, naming both', () => {
    const edited = rows.map((r) => [...r]);
    edited[3]![c('actual')] = 500;
    const back = readSheetRows(edited, assignments);
    expect(back.problems.map((p) => [p.rowIndex, p.column, p.message])).toEqual([
      [2, 'actual', 'Wykonanie: miara „300 uczestników” jest podana w częściach (razem 990) — w jej wierszu wpisz tę sumę albo zostaw go pusty (teraz 1\u00a0017)'],
    ]);
    edited[2]![c('actual')] = null;
    expect(readSheetRows(edited, assignments).problems).toEqual([]);
  });
});

describe('empty lines of the template: „Względem planu” says what a figure is', () => {
  const blank = buildSheetRows(assignments, [], DEFAULT_VARIANCE_POLICY, { blankExtraRows: 3 });
  const fill = (at: number, role: string | null, kind: string, value: number, qualifier?: string) => {
    blank[at]![c('lineRole')] = role;
    blank[at]![c('measureKind')] = kind;
    blank[at]![c('actual')] = value;
    blank[at]![c('qualifier')] = qualifier ?? null;
  };

  it('offers a figure beyond the plan, a part of each planned measure and a „w tym” of each', () => {
    expect(activityLineChoices(assignments[0]!.plan, undefined)).toEqual([
      'poza planem', 'część: 25 spotkań', 'część: 300 uczestników', 'w tym: 25 spotkań', 'w tym: 300 uczestników',
    ]);
    expect(cells(blank, 'measureKey', 'lineRole')).toEqual([['1', 'miara planu'], ['2', 'miara planu'], ['+', null], ['+', null], ['+', null]]);
  });

  it('reads an extra (no role: beyond the plan), a part and a „w tym” typed as a person would (spaces, case)', () => {
    blank[0]![c('actual')] = 39;
    blank[1]![c('actual')] = 1017;
    blank[0]![c('status')] = 'zrealizowane';
    fill(2, 'Część:  300 uczestników', 'uczestnicy', 490, 'pikniku');
    fill(3, null, 'warsztaty', 51);
    fill(4, 'w tym: 25\u00a0spotkań', 'spotkania', 12, 'plenerowych');
    blank[1]![c('actual')] = 490;
    const back = readSheetRows(blank, assignments);
    expect(back.problems).toEqual([]);
    expect(back.entries[0]!.actual.measures).toEqual([
      { kind: 'spotkanie', value: 39, planMeasureId: '1', subsets: [{ kind: 'spotkanie', value: 12, qualifier: 'plenerowych' }] },
      { kind: 'uczestnik', value: 490, qualifier: 'pikniku', planMeasureId: '2' },
      { kind: 'warsztat', value: 51, planMeasureId: null },
    ]);
  });

  it('a cell naming no line of the activity is refused with the column and what to choose', () => {
    const rows = buildSheetRows(assignments, [], DEFAULT_VARIANCE_POLICY, { blankExtraRows: 3 });
    const set = (at: number, role: string) => {
      rows[at]![c('lineRole')] = role;
      rows[at]![c('measureKind')] = 'uczestnicy';
      rows[at]![c('actual')] = 5;
    };
    set(2, 'część: 40 rodzin');
    set(3, 'w tym: 300 uczestników');
    set(4, 'mniej więcej');
    expect(readSheetRows(rows, assignments).problems.map((p) => [p.rowIndex, p.column, p.message])).toEqual([
      [2, 'lineRole', 'Względem planu: w planie działania nie ma miary „40 rodzin” — wybierz z listy miarę planu, której część podajesz'],
      [4, 'lineRole', 'Względem planu: nieznana wartość „mniej więcej” — wybierz z listy „poza planem”, „część: …” (część miary planu) albo „w tym: …”'],
      [3, 'lineRole', 'Względem planu: wartość „w tym” należy do „300 uczestników”, a tej wartości nie podano — wpisz ją najpierw'],
    ]);
  });
});
