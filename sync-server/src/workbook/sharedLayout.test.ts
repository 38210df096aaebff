/**
 * The workbooks and the add-in share one layout and one palette (shared/src/sheet/): these tests read
 * the written files back and hold them to the shared definitions, and hold the central workbook's
 * cells to the add-in review table's (reviewRowValues), so the two cannot drift apart.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BAND_COLOURS, BAND_ORDER, CONSOLIDATED_COLUMNS, DEFAULT_VARIANCE_POLICY, NUMBER_FORMATS, SHEET_COLOURS, UNIT_SHEET_COLUMNS, UNIT_VARIANCE_COLUMNS,
  argbOf, reviewRowValues, unitBandCondition, unitColumnFormat,
} from '@pwr-sync/shared';
import { centralWorkbookBuffer } from './central.ts';
import { unitTemplateBuffer } from './template.ts';
import { assignments, centralInput, entries, rows, tasks } from './testSupport/fixtures.ts';

type ConditionalFormats = { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } } }[] }[];
const conditionalFormats = (ws: Worksheet) => (ws as unknown as { conditionalFormattings: ConditionalFormats }).conditionalFormattings;

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A read-back cell as the add-in's review table holds it: formula results, dates as serials, blanks as null. */
function asReviewCell(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Math.round(((v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) * 1e8) / 1e8;
  if (typeof v === 'object' && 'formula' in v) return (v.result as string | number | undefined) ?? null;
  return v as string | number;
}

describe('the central workbook and the review table', () => {
  let main: Worksheet;
  beforeAll(async () => {
    main = (await load(await centralWorkbookBuffer(centralInput()))).getWorksheet('Zestawienie')!;
  });

  it('have the shared columns: headers, widths, number formats, wrapping', () => {
    expect(main.getRow(1).values).toEqual([undefined, ...CONSOLIDATED_COLUMNS.map((c) => c.header)]);
    CONSOLIDATED_COLUMNS.forEach((c, i) => {
      const column = main.getColumn(i + 1);
      expect(column.width, c.key).toBe(c.width);
      // text columns stay General in the file (it stores each cell's type); Office.js needs '@'
      expect(main.getCell(2, i + 1).numFmt ?? NUMBER_FORMATS.text, c.key).toBe(c.numberFormat === NUMBER_FORMATS.text ? NUMBER_FORMATS.text : c.numberFormat);
      expect(Boolean(main.getCell(2, i + 1).alignment?.wrapText), c.key).toBe(Boolean(c.wrap));
    });
  });

  it('hold, cell for cell, what the review table writes', () => {
    rows.forEach((row, i) => {
      const central = CONSOLIDATED_COLUMNS.map((_c, j) => asReviewCell(main.getCell(i + 2, j + 1)));
      const review = reviewRowValues(row);
      CONSOLIDATED_COLUMNS.forEach((c, j) => {
        if (typeof review[j] === 'number') expect(central[j], `${c.key} row ${i + 2}`).toBeCloseTo(review[j] as number, 6);
        else expect(central[j], `${c.key} row ${i + 2}`).toBe(review[j]);
      });
    });
  });

  it('group counts but not identifiers: version 1234 never shows as "1 234" (the old "0" vs "#,##0" drift)', () => {
    const at = (r: number, key: string) => main.getCell(r, CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key) + 1);
    let wholeCounts = 0;
    for (let r = 2; r <= rows.length + 1; r++) {
      expect(at(r, 'version').numFmt, `version row ${r}`).toBe('0');
      expect(at(r, 'subsection').numFmt, `subsection row ${r}`).toBe('0');
      if (Number.isInteger(at(r, 'plan').value)) {
        wholeCounts++;
        expect(at(r, 'plan').numFmt, `plan row ${r}`).toBe('#,##0');
      }
    }
    expect(wholeCounts).toBeGreaterThan(0);
  });

  it('colour the bands with the shared palette, in the shared order', () => {
    const rules = conditionalFormats(main)[0]!.rules;
    expect(rules.map((r) => r.style.fill.bgColor.argb)).toEqual(BAND_ORDER.map((b) => argbOf(BAND_COLOURS[b].fill)));
    expect(rules.map((r) => r.style.font.color.argb)).toEqual(BAND_ORDER.map((b) => argbOf(BAND_COLOURS[b].font)));
    expect(main.getCell('A1').fill).toMatchObject({ fgColor: { argb: argbOf(SHEET_COLOURS.header.fill) } });
  });
});

describe('one consolidated layout', () => {
  it('names each column once and cannot be changed at run time', () => {
    expect(new Set(CONSOLIDATED_COLUMNS.map((c) => c.key)).size).toBe(CONSOLIDATED_COLUMNS.length);
    expect(new Set(CONSOLIDATED_COLUMNS.map((c) => c.header)).size).toBe(CONSOLIDATED_COLUMNS.length);
    expect(Object.isFrozen(CONSOLIDATED_COLUMNS) && CONSOLIDATED_COLUMNS.every(Object.isFrozen)).toBe(true);
  });
});

describe('the unit template and the add-in unit sheet', () => {
  let ws: Worksheet;
  beforeAll(async () => {
    const buf = await unitTemplateBuffer({
      year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'MOPS' }, assignments, entries, reportVersion: 1,
      policy: DEFAULT_VARIANCE_POLICY, tasks, generatedAt: new Date('2025-02-01T08:00:00Z'),
    });
    ws = (await load(buf)).getWorksheet('Sprawozdanie')!;
  });

  it('share the column formats and the band colours', () => {
    UNIT_SHEET_COLUMNS.forEach((c, i) => expect(ws.getCell(2, i + 1).numFmt ?? null, c.key).toBe(unitColumnFormat(c)));
    const [cf] = conditionalFormats(ws);
    expect(cf!.ref).toMatch(new RegExp(`^${UNIT_VARIANCE_COLUMNS.first}2:${UNIT_VARIANCE_COLUMNS.last}\\d+$`));
    expect(cf!.rules.map((r) => r.formulae[0])).toEqual(BAND_ORDER.map((b) => unitBandCondition(b)));
    expect(cf!.rules.map((r) => r.style.fill.bgColor.argb)).toEqual(BAND_ORDER.map((b) => argbOf(BAND_COLOURS[b].fill)));
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: argbOf(SHEET_COLOURS.header.fill) } });
  });
});
