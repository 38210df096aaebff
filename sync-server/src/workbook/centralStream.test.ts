import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BAND_ORDER, VARIANCE_BAND_LABELS } from '@pwr-sync/shared';
import { CONSOLIDATED_COLUMNS, consolidatedColumnLetter } from '@pwr-sync/shared';
import { streamCentralWorkbook, type StreamedCentralInput } from './centralStream.ts';
import { centralInput, rows } from './testSupport/fixtures.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';

async function streamed(over: Partial<StreamedCentralInput> = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  async function* lazily() { yield* rows; }
  await streamCentralWorkbook({ ...centralInput(), rows: lazily(), ...over }, out);
  return Buffer.concat(chunks);
}

describe('streamed central workbook', () => {
  it('has the same sheets, values and formulas, with autofilter instead of a table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await streamed()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Zestawienie', 'Podsumowanie', 'Kompletność', 'Ustawienia']);
    const main = wb.getWorksheet('Zestawienie')!;
    expect(main.getRow(1).values).toEqual([undefined, ...CONSOLIDATED_COLUMNS.map((c) => c.header)]);
    expect(main.autoFilter).toBe(`A1:X${rows.length + 1}`);
    expect(main.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(main.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    const band = main.getCell(`${consolidatedColumnLetter('band')}2`);
    expect(band.formula).toContain('ProgDalekoPonizej');
    expect(band.result).toBe(VARIANCE_BAND_LABELS.far_below);
    expect(main.getCell(`${consolidatedColumnLetter('comment')}2`).type).toBe(ExcelJS.ValueType.String);
    expect(main.getCell(`${consolidatedColumnLetter('ratio')}2`).numFmt).toBe('0.0%');
    const cf = (main as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings;
    expect(cf[0]).toMatchObject({ ref: `N2:P${rows.length + 1}` });
    expect(cf[0]!.rules).toHaveLength(BAND_ORDER.length);
    expect(wb.definedNames.model.map((n) => n.name).sort()).toEqual(['ProgDalekoPonizej', 'ProgDalekoPowyzej', 'ProgZgodnieOd']);
    const done = wb.getWorksheet('Kompletność')!;
    expect(done.autoFilter).toBe('A1:J3');
    expect([done.getCell('D2').value, done.getCell('D3').value]).toEqual([null, 'po terminie']);
  });

  it('writes per-unit summary lines as values above the formula limit', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await streamed({ unitFormulaLimit: 1 })) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Podsumowanie')!;
    let unitLine: ExcelJS.Row | undefined;
    let areaLine: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'NCK') unitLine = row;
      if (row.getCell(1).value === 'I' && !areaLine) areaLine = row;
    });
    expect(unitLine!.getCell(7).value).toBe(1);
    expect(unitLine!.getCell(7).formula).toBeUndefined();
    expect(areaLine!.getCell(4).formula).toMatch(/^COUNTIFS/);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with the same bands after recalculation', async () => {
    const sheets = await libreOfficeSheets(await streamed(), { recalculate: true });
    const main = sheets.get('Zestawienie')!;
    const b = CONSOLIDATED_COLUMNS.findIndex((c) => c.key === 'band');
    expect(main.slice(1, rows.length + 1).map((r) => r[b])).toEqual(rows.map((r) => (r.band ? VARIANCE_BAND_LABELS[r.band] : '')));
  });
});
