import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLIDATED_COLUMNS, CONSOLIDATED_LAST_LETTER, VARIANCE_BAND_LABELS, consolidatedColumnIndex, consolidatedColumnLetter, type ConsolidatedColumnKey } from '@pwr-sync/shared';
import { PRINTED_WIDTHS, centralWorkbookBuffer } from './central.ts';
import { printScale } from './styles.ts';
import { SUMMARY_WIDTHS } from './summary.ts';
import { centralInput, rows } from './testSupport/fixtures.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Cell by column key on a data row of the main sheet. */
const at = (ws: Worksheet, key: Parameters<typeof consolidatedColumnLetter>[0], row: number) => ws.getCell(`${consolidatedColumnLetter(key)}${row}`);

describe('central workbook (read back with exceljs)', () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  let main: Worksheet;
  beforeAll(async () => {
    buf = await centralWorkbookBuffer(centralInput());
    wb = await read(buf);
    main = wb.getWorksheet('Zestawienie')!;
  });

  it('has the four sheets in reading order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Zestawienie', 'Podsumowanie', 'Kompletność', 'Ustawienia']);
  });

  it('holds an Excel table over every row with all the issue’s columns and filter buttons', () => {
    const table = (main as unknown as { getTable(n: string): { table: { tableRef: string; columns: { name: string; filterButton: boolean }[] } } }).getTable('PWR_Zestawienie');
    expect(table.table.tableRef).toBe(`A1:${CONSOLIDATED_LAST_LETTER}${rows.length + 1}`);
    expect(table.table.columns.map((c) => c.name)).toEqual(CONSOLIDATED_COLUMNS.map((c) => c.header));
    expect(table.table.columns.every((c) => c.filterButton)).toBe(true);
    expect(main.getRow(1).values).toEqual([undefined, ...CONSOLIDATED_COLUMNS.map((c) => c.header)]);
  });

  it('writes one row per activity × measure, status-only activities included, measure kinds in Polish', () => {
    expect(at(main, 'activityId', 2).value).toBe('I.1-01');
    expect(at(main, 'measureKind', 2).value).toBe('spotkania');
    expect(at(main, 'measureKind', 3).value).toBe('uczestnicy');
    expect(at(main, 'taskKind', 5).value).toBe('komplementarne');
    expect(at(main, 'subsection', 5).value).toBe(1);
    expect(at(main, 'orgUnitCodes', 5).value).toBe('NCK, MOPS/PRZ/08');
    // names first, codes as secondary text: the task and the area by code and title, the reporting unit by name
    expect(at(main, 'taskTitle', 5).value).toBe('I.2 Zadanie komplementarne I.2');
    expect(at(main, 'taskCode', 5).value).toBe('I.2');
    expect(at(main, 'areaTitle', 8).value).toBe('II Wspieranie rodzin w wypełnianiu funkcji opiekuńczo-wychowawczych');
    expect(at(main, 'area', 8).value).toBe('II');
    expect(at(main, 'reportingUnitName', 5).value).toBe('Nowohuckie Centrum Kultury');
    expect(at(main, 'reportingUnit', 5).value).toBe('NCK');
    // the cancelled concert: no measure, still a row with its status
    expect(at(main, 'activityId', 7).value).toBe('I.2.1-02');
    expect(at(main, 'measureKind', 7).value).toBeNull();
    expect(at(main, 'status', 7).value).toBe('odwołane');
    expect(at(main, 'comment', 7).value).toBe('wydarzenie odwołane');
    expect(at(main, 'version', 2).value).toBe(3);
    expect(at(main, 'savedBy', 2).value).toBe('Anna Nowak');
    // 10:00 UTC in January is 11:00 in Kraków
    expect(at(main, 'savedAt', 2).value).toEqual(new Date(Date.UTC(2025, 0, 15, 11, 0)));
  });

  it('makes rows tall enough for wrapped long texts, so they do not overlap the next row', async () => {
    const input = centralInput();
    input.rows[0] = { ...input.rows[0]!, activityName: 'Organizacja usługi asystenta rodziny, '.repeat(4) };
    const sheet = (await read(await centralWorkbookBuffer(input))).getWorksheet('Zestawienie')!;
    expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(main.getRow(2).height).toBeLessThan(sheet.getRow(2).height);
  });

  it('writes money in złoty on the activity’s first row only', () => {
    expect(at(main, 'moneySpent', 2).value).toBe(2_000_750);
    expect(at(main, 'moneySpent', 3).value).toBeNull();
    expect(at(main, 'moneySpent', 4).value).toBeCloseTo(4877.29, 2);
  });

  it('computes difference, % and band by formulas over named thresholds, with cached results', () => {
    const diff = at(main, 'difference', 2);
    expect(diff.formula).toBe('IF(ISNUMBER(I2),I2-H2,"")');
    expect(diff.result).toBe(-16);
    const ratio = at(main, 'ratio', 2);
    expect(ratio.formula).toBe('IF(AND(ISNUMBER(I2),ISNUMBER(H2),H2>0),I2/H2,"")');
    expect(ratio.result).toBeCloseTo(0.2);
    const band = at(main, 'band', 2);
    expect(band.formula).toContain('K2<ProgDalekoPonizej');
    expect(band.formula).toContain('K2<ProgZgodnieOd');
    expect(band.formula).toContain('K2>ProgDalekoPowyzej');
    expect(band.result).toBe(VARIANCE_BAND_LABELS.far_below);
    expect(at(main, 'band', 4).result).toBe(VARIANCE_BAND_LABELS.below);
    expect(at(main, 'band', 5).result).toBe(VARIANCE_BAND_LABELS.far_above);
    expect(at(main, 'band', 8).result).toBe(VARIANCE_BAND_LABELS.on_plan);
    // bands that do not come from a ratio stay plain text
    expect(at(main, 'band', 6).value).toBe(VARIANCE_BAND_LABELS.no_target);
    expect(at(main, 'band', 9).value).toBe(VARIANCE_BAND_LABELS.not_realized);
    expect(at(main, 'ratio', 9).value).toBeNull();
  });

  it('keeps user text that looks like a formula as text', () => {
    for (const [cell, text] of [
      [at(main, 'comment', 2), '=HYPERLINK("http://zły.example","kliknij")'],
      [at(main, 'activityName', 4), '+48 12 616 00 00 — telefon zaufania'],
      [at(main, 'comment', 5), '@SUM(1,2)'],
      [at(main, 'savedBy', 5), '-Jan Kowalski'],
    ] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    const done = wb.getWorksheet('Kompletność')!;
    expect(done.getCell('J3').type).toBe(ExcelJS.ValueType.String);
    expect(done.getCell('J3').value).toBe('=popraw liczby');
  });

  it('uses Polish-displaying number formats', () => {
    expect(at(main, 'plan', 2).numFmt).toBe('#,##0');
    expect(at(main, 'ratio', 2).numFmt).toBe('0.0%');
    expect(at(main, 'moneySpent', 2).numFmt).toMatch(/^#,##0\.00\\? "zł"$/);
    expect(at(main, 'savedAt', 2).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('shows whole figures without a dangling separator, and fractions (877,29 hours) with two decimals', () => {
    const r = Array.from({ length: main.rowCount }, (_, i) => i + 1).find((n) => at(main, 'actual', n).value === 877.29)!;
    expect(r).toBeGreaterThan(1);
    expect(at(main, 'plan', r).numFmt).toBe('#,##0'); // 1000
    expect(at(main, 'actual', r).numFmt).toBe('#,##0.00');
    expect(at(main, 'difference', r).numFmt).toBe('#,##0.00'); // a formula whose result is -122,71
    expect(at(main, 'actual', 2).numFmt).toBe('#,##0');
  });

  it('colours bands by conditional formatting that refers to the settings cells', () => {
    const cf = (main as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe(`J2:L${rows.length + 1}`);
    const formulas = cf[0]!.rules.map((r) => r.formulae[0]);
    expect(formulas).toEqual([
      'AND(ISNUMBER($K2),$K2<ProgDalekoPonizej)',
      'AND(ISNUMBER($K2),$K2>=ProgDalekoPonizej,$K2<ProgZgodnieOd)',
      'AND(ISNUMBER($K2),$K2>=ProgZgodnieOd,$K2<=ProgDalekoPowyzej)',
      'AND(ISNUMBER($K2),$K2>ProgDalekoPowyzej)',
      '$L2="brak danych"',
      '$L2="niezrealizowane"',
      '$L2="brak celu"',
    ]);
    expect(cf[0]!.rules.every((r) => r.type === 'expression' && r.style.fill.bgColor.argb)).toBe(true);
    expect(wb.definedNames.model).toEqual(expect.arrayContaining([
      { name: 'ProgDalekoPonizej', ranges: ['Ustawienia!$B$4'] },
      { name: 'ProgZgodnieOd', ranges: ['Ustawienia!$B$5'] },
      { name: 'ProgDalekoPowyzej', ranges: ['Ustawienia!$B$6'] },
    ]));
    const settings = wb.getWorksheet('Ustawienia')!;
    expect([settings.getCell('B4').value, settings.getCell('B5').value, settings.getCell('B6').value]).toEqual([0.5, 0.9, 1.5]);
    expect(settings.getCell('B4').numFmt).toBe('0%');
  });

  it('freezes the header and the columns up to the activity name; prints A3 landscape one page wide at 7 pt or more, header row on every page, tracing columns outside', () => {
    expect(main.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: consolidatedColumnIndex('activityName') + 1 });
    expect(main.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', paperSize: 8 });
    expect(main.pageSetup.printArea).toBe(`A1:${consolidatedColumnLetter('actualText')}${rows.length + 1}`);
    // what is printed: the task by name, the activity, units by name, figures, variance in words, comment, texts
    const printed = CONSOLIDATED_COLUMNS.slice(0, consolidatedColumnIndex('actualText') + 1).map((c) => c.key);
    expect(printed).toEqual(expect.arrayContaining(['taskTitle', 'activityName', 'orgUnits', 'plan', 'actual', 'ratio', 'band', 'comment']));
    // bare codes are for filtering and tracing, not for the reader on paper
    for (const key of ['version', 'savedBy', 'savedAt', 'orgUnitCodes', 'area', 'taskCode', 'reportingUnit'] as const) {
      expect(consolidatedColumnIndex(key), key).toBeGreaterThan(consolidatedColumnIndex('actualText'));
    }
    // one page wide at 64 % or more: 11 pt prints at 7 pt or more
    expect(printScale(PRINTED_WIDTHS, 'A3')).toBeGreaterThanOrEqual(64);
    expect(main.getColumn(consolidatedColumnLetter('activityName')).width).toBeGreaterThanOrEqual(34);
    expect(main.getColumn(consolidatedColumnLetter('taskTitle')).width).toBeGreaterThanOrEqual(24);
  });

  it('names the responsible units, one a line, reporting unit first, with their codes in a column of their own', () => {
    const at = (r: number, key: ConsolidatedColumnKey) => main.getCell(r, consolidatedColumnIndex(key) + 1).value;
    const joint = rows.findIndex((r) => r.orgUnitCodes.length > 1) + 2;
    expect(at(joint, 'orgUnits')).toBe('Nowohuckie Centrum Kultury\nMiejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)');
    expect(at(joint, 'orgUnitCodes')).toBe('NCK, MOPS/PRZ/08');
    // both names show: the row is at least two lines tall
    expect(main.getRow(joint).height).toBeGreaterThanOrEqual(30);
  });

  it('summarises per area, task and unit with COUNTIFS/SUMIFS formulas and correct cached results', () => {
    const sum = wb.getWorksheet('Podsumowanie')!;
    const line = (key: string) => {
      let found = 0;
      sum.eachRow((row, n) => { if (!found && row.getCell(1).value === key) found = n; });
      const row = sum.getRow(found);
      // D..J: far_below, below, on_plan, far_above, no_data, not_realized, no_target; K measures; L without a measure; M money
      return { row, values: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((c) => row.getCell(c).result ?? row.getCell(c).value) };
    };
    const areaI = line('I');
    expect(areaI.values).toEqual([2, 1, 0, 1, 0, 0, 1, 5, 0, 2_005_627.29]);
    expect(areaI.row.getCell(4).formula).toBe('COUNTIFS(Zestawienie!$S$2:$S$9,$A6,Zestawienie!$L$2:$L$9,D$5)');
    expect(areaI.row.getCell(12).formula).toBe('COUNTIFS(Zestawienie!$S$2:$S$9,$A6,Zestawienie!$G$2:$G$9,"",Zestawienie!$L$2:$L$9,"<>")');
    expect(areaI.row.getCell(13).formula).toBe('SUMIFS(Zestawienie!$N$2:$N$9,Zestawienie!$S$2:$S$9,$A6)');
    // the summary matches the bare codes, not the titles (a COUNTIFS criterion holds at most 255 characters)
    expect([consolidatedColumnLetter('area'), consolidatedColumnLetter('taskCode'), consolidatedColumnLetter('reportingUnit')]).toEqual(['S', 'T', 'X']);
    expect(line('II').values).toEqual([0, 0, 1, 0, 0, 1, 0, 2, 0, 1_000_000.5]);
    expect(line('I.2').values).toEqual([0, 0, 0, 1, 0, 0, 1, 2, 0, 0]);
    expect(line('NCK').values).toEqual([0, 0, 0, 1, 0, 0, 1, 2, 0, 0]);
    expect(line('MOPS/PRZ/08').values).toEqual([2, 1, 1, 0, 0, 1, 0, 5, 0, 3_005_627.79]);
    expect(line('MOPS/PRZ/08').row.getCell(11).formula).toContain('Zestawienie!$X$2:$X$9');
  });

  it('heads every summary column with what it holds, „brak danych” among the bands, and prints one A4 page wide at 7 pt or more', () => {
    const sum = wb.getWorksheet('Podsumowanie')!;
    const headerRows: (string | undefined)[][] = [];
    sum.eachRow((row) => { if (row.getCell(2).value === 'Nazwa') headerRows.push((row.values as (string | undefined)[]).slice(1)); });
    expect(headerRows.map((h) => h.slice(0, 3))).toEqual([['Obszar', 'Nazwa', 'Zadania w obszarze'], ['Zadanie', 'Nazwa', 'Rodzaj zadania'], ['Jednostka', 'Nazwa', 'Stan sprawozdania']]);
    for (const h of headerRows) {
      expect(h.slice(3, 10)).toEqual(['znacznie poniżej planu', 'poniżej planu', 'zgodnie z planem', 'znacznie powyżej planu', 'brak danych', 'niezrealizowane', 'brak celu']);
      expect(h.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
    }
    // over the band labels, what they count
    expect(sum.getCell('D4').value).toBe('Liczba miar (i działań bez miary) w ocenie');
    expect(sum.getCell('J4').isMerged).toBe(true);
    const noteOf = (key: string) => { let note: unknown; sum.eachRow((row) => { if (row.getCell(1).value === key) note = row.getCell(3).value; }); return note; };
    expect(noteOf('I')).toBe('I.1, I.2');
    expect(noteOf('II.1')).toBe('podstawowe');
    expect(noteOf('MOPS/PRZ/08')).toBe('zaakceptowane');
    // a line's figures sit at the top, beside the first line of its name
    let areaRow = 0;
    sum.eachRow((row, n) => { if (!areaRow && row.getCell(1).value === 'I') areaRow = n; });
    expect(sum.getCell(areaRow, 4).alignment).toMatchObject({ vertical: 'top' });
    expect(printScale(SUMMARY_WIDTHS, 'A4')).toBeGreaterThanOrEqual(64);
    expect(sum.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('lists every unit’s completeness with Polish states', () => {
    const done = wb.getWorksheet('Kompletność')!;
    expect(done.getRow(2).values).toEqual([undefined, 'MOPS/PRZ/08', 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', 'zaakceptowane', undefined, 3, 4, 4, new Date(Date.UTC(2025, 0, 20, 10, 30)), 'Ewa Weryfikator']);
    expect(done.getCell('C3').value).toBe('zwrócone');
    expect(done.getCell('D1').value).toBe('Termin');
    expect(done.getCell('D3').value).toBe('po terminie');
    expect(done.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('builds an empty year as a valid table with one blank row', async () => {
    const empty = await read(await centralWorkbookBuffer({ ...centralInput(), rows: [], completeness: [] }));
    expect(empty.getWorksheet('Zestawienie')!.getRow(1).getCell(1).value).toBe('Zadanie');
  });
});

describe.skipIf(skipLibreOffice)('central workbook (opened by LibreOffice)', () => {
  it('is a file LibreOffice reads, with the values and the formulas’ results', async () => {
    const sheets = await libreOfficeSheets(await centralWorkbookBuffer(centralInput()), { recalculate: true });
    expect([...sheets.keys()].sort()).toEqual(['Kompletność', 'Podsumowanie', 'Ustawienia', 'Zestawienie']);
    const main = sheets.get('Zestawienie')!;
    expect(main[0]).toEqual(CONSOLIDATED_COLUMNS.map((c) => c.header));
    const col = (key: Parameters<typeof consolidatedColumnLetter>[0]) => CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key);
    expect(main[1]![col('activityId')]).toBe('I.1-01');
    expect(main[1]![col('comment')]).toBe('=HYPERLINK("http://zły.example","kliknij")');
    expect(main[1]![col('difference')]).toBe('-16');
    // LibreOffice recalculated the band formulas from the named thresholds: same as computeVariance
    expect(main.slice(1, rows.length + 1).map((r) => r[col('band')])).toEqual(rows.map((r) => (r.band ? VARIANCE_BAND_LABELS[r.band] : '')));
    const summary = sheets.get('Podsumowanie')!;
    const areaI = summary.find((r) => r[0] === 'I')!;
    expect(areaI.slice(3, 12)).toEqual(['2', '1', '0', '1', '0', '0', '1', '5', '0']);
    expect(Number(areaI[12])).toBeCloseTo(2_005_627.29, 2);
  });

  it('re-bands rows when a threshold is changed in the settings sheet', async () => {
    const wb = await read(await centralWorkbookBuffer(centralInput()));
    wb.getWorksheet('Ustawienia')!.getCell('B4').value = 0.1; // far below only under 10 %
    const sheets = await libreOfficeSheets(Buffer.from(await wb.xlsx.writeBuffer()), { recalculate: true });
    const main = sheets.get('Zestawienie')!;
    const band = CONSOLIDATED_COLUMNS.findIndex((c) => c.key === 'band');
    expect(main[1]![band]).toBe(VARIANCE_BAND_LABELS.below); // 20 % is no longer far below
    expect(main[2]![band]).toBe(VARIANCE_BAND_LABELS.below); // 41 %
    const areaI = sheets.get('Podsumowanie')!.find((r) => r[0] === 'I')!;
    expect(areaI.slice(3, 5)).toEqual(['0', '3']);
  });
});
