import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VARIANCE_POLICY, columnIndex, type SheetColumnKey } from '@pwr-sync/shared';
import { readUploadedTemplate, type UploadRead } from './importUpload.ts';
import { unitTemplateBuffer, type UnitTemplateInput } from './template.ts';
import { checkZip, readZipEntry } from './zipGuard.ts';
import { assignments, entries, tasks } from './testSupport/fixtures.ts';
import { findSoffice, skipLibreOffice } from './testSupport/libreoffice.ts';
import { makeZip, rewriteZip, sheetPart } from './testSupport/zip.ts';
import { savedByLibreOffice, savedByOpenpyxl } from './testSupport/otherTools.ts';

const input = (over: Partial<UnitTemplateInput> = {}): UnitTemplateInput => ({
  year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'MOPS PRZ 08' }, assignments, entries: [], reportVersion: 0,
  policy: DEFAULT_VARIANCE_POLICY, tasks, ...over,
});
const expected = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, assignments };
const col = (key: SheetColumnKey) => columnIndex(key) + 1;

/** Opens a template, lets the test edit the report sheet like a user would, saves it again. */
async function edit(buf: Buffer, change: (ws: Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  change(wb.getWorksheet('Sprawozdanie')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rejected(read: UploadRead) {
  if (read.ok) throw new Error('expected a rejection');
  return read;
}

describe('readUploadedTemplate', () => {
  it('reads filled inputs back into entries', async () => {
    const file = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('actual')).value = 4;
      ws.getCell(3, col('actual')).value = 82;
      ws.getCell(2, col('status')).value = 'zrealizowane';
      ws.getCell(2, col('moneySpent')).value = 1234.5;
      ws.getCell(2, col('comment')).value = 'mniej chętnych';
      ws.getCell(2, col('moneySpent2')).value = '500,00 zł';
      ws.getCell(2, col('scopeDescription')).value = 'Grupy wsparcia w dwóch filiach; spotkania w soboty.';
      // the activity's line beyond the plan
      ws.getCell(4, col('measureKind')).value = 'spektakl';
      ws.getCell(4, col('qualifier')).value = 'dla rodzin';
      ws.getCell(4, col('actual')).value = 3;
      ws.getCell(7, col('status')).value = 'niezrealizowane w tym roku';
      ws.getCell(11, col('measureKind')).value = 'spektakl';
      ws.getCell(11, col('actual')).value = '1 200';
      ws.getCell(11, col('status')).value = 'zrealizowane';
    });
    const read = await readUploadedTemplate(file, expected);
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(read.entries).toEqual([
      {
        activityId: 'I.1-01', status: 'realized',
        actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'uczestnik', value: 82, planMeasureId: '2' }, { kind: 'spektakl', qualifier: 'dla rodzin', value: 3, planMeasureId: null }] },
        // two amounts stay two amounts
        moneySpent: [123_450, 50_000], comment: 'mniej chętnych', scopeDescription: 'Grupy wsparcia w dwóch filiach; spotkania w soboty.',
      },
      { activityId: 'I.1-02', status: 'not_realized', actual: { measures: [] }, moneySpent: [], comment: '' },
      { activityId: 'I.2-01', status: 'realized', actual: { measures: [{ kind: 'spektakl', value: 1200, planMeasureId: null }] }, moneySpent: [], comment: '' },
    ]);
  });

  it('reads parts and „w tym” figures from the empty lines, by what „Względem planu” names', async () => {
    const file = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('status')).value = 'zrealizowane';
      ws.getCell(2, col('actual')).value = 4;
      // the planned row holds the sum of its parts, or nothing
      ws.getCell(3, col('actual')).value = 130;
      const line = (r: number, role: string, kind: string, value: number, qualifier?: string) => {
        ws.getCell(r, col('lineRole')).value = role;
        ws.getCell(r, col('measureKind')).value = kind;
        ws.getCell(r, col('actual')).value = value;
        if (qualifier) ws.getCell(r, col('qualifier')).value = qualifier;
      };
      line(4, 'część: 200 uczestników', 'uczestnicy', 82, 'spotkań');
      line(5, 'część: 200 uczestników', 'uczestnicy', 48, 'pikniku');
      line(6, 'w tym: 20 spotkań', 'spotkania', 1, 'online');
    });
    const read = await readUploadedTemplate(file, expected);
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(read.entries[0]!.actual.measures).toEqual([
      { kind: 'spotkanie', value: 4, planMeasureId: '1', subsets: [{ kind: 'spotkanie', value: 1, qualifier: 'online' }] },
      { kind: 'uczestnik', value: 82, qualifier: 'spotkań', planMeasureId: '2' },
      { kind: 'uczestnik', value: 48, qualifier: 'pikniku', planMeasureId: '2' },
    ]);
  });

  it('maps rows by the hidden ids even when the user sorted them', async () => {
    const file = await edit(await unitTemplateBuffer(input({ entries })), (ws) => {
      // every cell of a row moves with it, empty ones too (row.values is sparse)
      const data = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r, c + 1).value));
      data.reverse().forEach((values, i) => values.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = (v ?? null) as ExcelJS.CellValue)));
    });
    const read = await readUploadedTemplate(file, expected);
    expect(read.ok && read.entries.find((e) => e.activityId === 'I.1-01')).toEqual(entries[0]);
  });

  it('keeps text starting with = + - @ as text', async () => {
    const texts = ['=SUMA(A1:A9)', '+48 12 345 67 89', '-- do uzupełnienia', '@kierownik'];
    for (const text of texts) {
      const file = await edit(await unitTemplateBuffer(input()), (ws) => {
        ws.getCell(2, col('status')).value = 'zrealizowane';
        ws.getCell(2, col('comment')).value = text;
      });
      const read = await readUploadedTemplate(file, expected);
      expect(read.ok && read.entries[0]!.comment).toBe(text);
    }
  });

  it('takes a formula’s cached result, and refuses a formula without one', async () => {
    const withResult = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('actual')).value = { formula: '2+2', result: 4 };
      ws.getCell(3, col('actual')).value = { formula: 'K2-K2', result: 0 };
    });
    const read = await readUploadedTemplate(withResult, expected);
    expect(read.ok && read.entries[0]!.actual.measures).toEqual([{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'uczestnik', value: 0, planMeasureId: '2' }]);

    const without = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('actual')).value = { formula: 'SUM(1,2)' } as ExcelJS.CellFormulaValue;
      ws.getCell(3, col('actual')).value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const bad = rejected(await readUploadedTemplate(without, expected));
    expect(bad).toMatchObject({ status: 422, code: 'sheet_problems' });
    expect(bad.problems!.map((p) => p.message)).toEqual([
      'Wiersz 2, kolumna „Wykonanie”: komórka zawiera formułę bez obliczonej wartości — wpisz samą wartość albo otwórz i zapisz plik w Excelu',
      'Wiersz 3, kolumna „Wykonanie”: formuła w komórce daje błąd #DIV/0! — wpisz samą wartość',
    ]);
  });

  it('lists every unreadable cell with its row and column, in Polish', async () => {
    const file = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('actual')).value = 'dużo';
      ws.getCell(2, col('status')).value = 'prawie gotowe';
      ws.getCell(7, col('actual')).value = -3;
    });
    const bad = rejected(await readUploadedTemplate(file, expected));
    expect(bad.status).toBe(422);
    expect(bad.problems).toHaveLength(3);
    expect(bad.problems!.map((p) => [p.activityId, p.field])).toEqual(expect.arrayContaining([['I.1-01', 'actual'], ['I.1-01', 'status'], ['I.1-02', 'actual']]));
    // Each with its sheet and cell as Excel names them (Wykonanie is column I, Status column M).
    const letter = (key: SheetColumnKey) => String.fromCharCode(64 + col(key));
    expect(bad.problems!.map((p) => `${p.sheet}!${p.cell}`).sort()).toEqual([`Sprawozdanie!${letter('actual')}2`, `Sprawozdanie!${letter('actual')}7`, `Sprawozdanie!${letter('status')}2`].sort());
    expect(bad.problems!.find((p) => p.field === 'status')!.message).toMatch(/^Wiersz 2, kolumna „Status”: nieznany status „prawie gotowe”/);
  });

  it('refuses a template of another unit or another year', async () => {
    const other = rejected(await readUploadedTemplate(await unitTemplateBuffer(input({ orgUnit: { code: 'NCK', name: 'NCK' } })), expected));
    expect(other).toMatchObject({ status: 400, code: 'template_mismatch' });
    expect(other.message).toContain('NCK');
    const lastYear = rejected(await readUploadedTemplate(await unitTemplateBuffer(input({ year: 2024 })), expected));
    expect(lastYear).toMatchObject({ status: 400, code: 'template_mismatch' });
    expect(lastYear.message).toContain('2024');
  });

  it('refuses files that are not our template', async () => {
    expect(rejected(await readUploadedTemplate(Buffer.from('%PDF-1.7 not a spreadsheet'), expected))).toMatchObject({ status: 400, code: 'malformed_file' });
    expect(rejected(await readUploadedTemplate(Buffer.from('PK\x03\x04 truncated'), expected))).toMatchObject({ status: 400, code: 'malformed_file' });
    const zipOfText = makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    expect(rejected(await readUploadedTemplate(zipOfText, expected))).toMatchObject({ status: 400, code: 'malformed_file' });
    const plainWorkbook = new ExcelJS.Workbook();
    plainWorkbook.addWorksheet('Arkusz1').getCell('A1').value = 'x';
    const plain = Buffer.from(await plainWorkbook.xlsx.writeBuffer());
    expect(rejected(await readUploadedTemplate(plain, expected))).toMatchObject({ status: 400, code: 'not_a_template' });
  });
});

describe('zip bombs are stopped before exceljs', () => {
  it('refuses a huge declared size', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 2_000_000_000 }]);
    expect(checkZip(bomb)).toMatchObject({ ok: false, code: 'zip_too_large' });
    expect(rejected(await readUploadedTemplate(bomb, expected))).toMatchObject({ status: 413, code: 'upload_too_large' });
  });

  it('refuses an entry that inflates beyond its declared size (lying header)', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    const check = checkZip(bomb);
    expect(check).toMatchObject({ ok: false, code: 'zip_too_large' });
    expect(rejected(await readUploadedTemplate(bomb, expected)).status).toBe(413);
  });

  it('refuses a suspicious compression ratio and too many entries', () => {
    const dense = makeZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(30 * 1024 * 1024) }]);
    expect(checkZip(dense)).toMatchObject({ ok: false, code: 'zip_too_large' });
    const many = makeZip(Array.from({ length: 300 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    expect(checkZip(many)).toMatchObject({ ok: false, code: 'zip_too_large' });
  });

  it('refuses a sheet too large for exceljs to load cheaply, though it compresses normally', async () => {
    // ~12 MB of ordinary cells, well under the upload size and the ratio limit: exceljs would hold
    // ~200 MB of cell objects (and block for seconds) before the template checks could run.
    const xml = Buffer.from(Array.from({ length: 300_000 }, (_, i) => `<c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c>`).join(''));
    const big = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: xml }]);
    expect(big.length).toBeLessThan(5 * 1024 * 1024);
    expect(xml.length / big.length).toBeLessThan(200);
    expect(checkZip(big)).toMatchObject({ ok: false, code: 'zip_too_large' });
    expect(rejected(await readUploadedTemplate(big, expected))).toMatchObject({ status: 413, code: 'upload_too_large' });
  });

  it('accepts real templates', async () => {
    expect(checkZip(await unitTemplateBuffer(input()))).toMatchObject({ ok: true });
  });
});

describe('sheet bombs are stopped before any cell object is built', () => {
  /** A real template with `xml` added at the end of the report sheet's data. */
  async function withRows(xml: string): Promise<Buffer> {
    const template = await unitTemplateBuffer(input());
    const sheet = sheetPart(template, 'Sprawozdanie');
    return rewriteZip(template, (name, data) => (name === sheet ? Buffer.from(data.toString('utf8').replace('</sheetData>', `${xml}</sheetData>`)) : data));
  }
  const reason = async (file: Buffer) => {
    const r = rejected(await readUploadedTemplate(file, expected));
    expect(r).toMatchObject({ status: 413, code: 'upload_too_large' });
    return r.message;
  };

  it('refuses one cell at row 1 048 576 (a 14 KB file that made the import walk a million rows)', async () => {
    const bomb = await withRows('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(bomb.length).toBeLessThan(30_000);
    const t0 = performance.now();
    expect(await reason(bomb)).toBe('Plik odrzucony: arkusz „Sprawozdanie” ma wiersz 1\u00a0048\u00a0576, a szablon mieści najwyżej 5\u00a0010 wierszy.');
    expect(performance.now() - t0).toBeLessThan(5_000); // generous: the import it replaces took 40 s
  });

  it('refuses a far row without a row number, a far column, and a far dimension', async () => {
    const rows = Array.from({ length: 5100 }, () => '<row/>').join('');
    expect(await reason(await withRows(rows))).toMatch(/ma wiersz 5\u00a0011, a szablon mieści najwyżej 5\u00a0010 wierszy\.$/);
    expect(await reason(await withRows('<row r="200"><c r="XFD200"><v>1</v></c></row>'))).toBe(
      'Plik odrzucony: arkusz „Sprawozdanie” ma komórkę XFD200, a szablon mieści najwyżej 64 kolumny.');
    const template = await unitTemplateBuffer(input());
    const farDimension = rewriteZip(template, (name, data) => (name === sheetPart(template, 'Sprawozdanie')
      ? Buffer.from(data.toString('utf8').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) : data));
    expect(await reason(farDimension)).toMatch(/sięga do wiersza 1\u00a0048\u00a0576/);
  });

  it('refuses a shared-strings bomb: too much text, or too many strings', async () => {
    const template = await unitTemplateBuffer(input());
    let seed = 1;
    const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const text = rewriteZip(template, (name, data) => (name === 'xl/sharedStrings.xml'
      ? Buffer.from(data.toString('utf8').replace('</sst>', `${Array.from({ length: 790 }, () => `<si><t>${junk(10_000)}</t></si>`).join('')}</sst>`)) : data));
    expect(await reason(text)).toBe('Plik odrzucony: skoroszyt zawiera za dużo tekstu (ponad 1\u00a0000\u00a0000 znaków).');
    const many = rewriteZip(template, (name, data) => (name === 'xl/sharedStrings.xml'
      ? Buffer.from(data.toString('utf8').replace('</sst>', `${Array.from({ length: 25_000 }, (_, i) => `<si><t>${i}</t></si>`).join('')}</sst>`)) : data));
    expect(await reason(many)).toMatch(/^Plik odrzucony: skoroszyt zawiera za dużo różnych tekstów \(25\u00a0\d{3}, limit: 20\u00a0000\)\.$/);
  });

  it('refuses inline text past the limit too, and accepts a full template at the limits', async () => {
    let seed = 7;
    const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const inline = Array.from({ length: 120 }, (_, i) => `<row r="${100 + i}"><c r="A${100 + i}" t="inlineStr"><is><t>${junk(9_000)}</t></is></c></row>`).join('');
    expect(await reason(await withRows(inline))).toMatch(/za dużo tekstu/);
    const lastRow = `<row r="5010"><c r="BL5010"><v>1</v></c></row>`;
    expect(await readUploadedTemplate(await withRows(lastRow), expected)).toMatchObject({ ok: true });
  });
});

describe.skipIf(skipLibreOffice)('a template saved by LibreOffice', () => {
  it('still uploads (hidden metadata, ids and inputs survive another program)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwr-lo-rt-'));
    try {
      const template = await edit(await unitTemplateBuffer(input()), (ws) => {
        ws.getCell(2, col('actual')).value = 7;
        ws.getCell(2, col('status')).value = 'zrealizowane';
        ws.getCell(2, col('comment')).value = '=nie formuła';
      });
      writeFileSync(path.join(dir, 'in.xlsx'), template);
      await promisify(execFile)(findSoffice()!, [
        '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, 'in.xlsx'),
      ], { timeout: 120_000 });
      const read = await readUploadedTemplate(readFileSync(path.join(dir, 'out', 'in.xlsx')), expected);
      expect(read).toMatchObject({ ok: true });
      expect(read.ok && read.entries[0]).toMatchObject({ activityId: 'I.1-01', status: 'realized', comment: '=nie formuła', actual: { measures: [{ kind: 'spotkanie', value: 7 }] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipLibreOffice)('the same filled template saved by other programs', () => {
  it('is accepted from exceljs, LibreOffice and openpyxl, with the same values each time', async () => {
    // Filled as a person types: Polish numbers as text, money with „zł”, a comment that looks like a formula.
    const filled = await edit(await unitTemplateBuffer(input()), (ws) => {
      ws.getCell(2, col('actual')).value = '4';
      ws.getCell(3, col('actual')).value = '1 082';
      ws.getCell(2, col('status')).value = 'zrealizowane';
      ws.getCell(2, col('moneySpent')).value = '1 234,50 zł';
      ws.getCell(2, col('comment')).value = '=mniej chętnych';
      ws.getCell(7, col('status')).value = 'niezrealizowane w tym roku';
      ws.getCell(7, col('comment')).value = 'brak sali';
    });
    const files = { exceljs: filled, libreoffice: await savedByLibreOffice(filled), openpyxl: await savedByOpenpyxl(filled) };
    const rels = (f: Buffer) => { const c = checkZip(f); return c.ok ? c.entries.filter((e) => e.name.endsWith('.rels')).map((e) => readZipEntry(f, e).toString('utf8')).join('') : ''; };
    expect(rels(files.openpyxl)).toMatch(/Target="\/xl\//); // the case that was refused
    const reads = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([tool, f]) => [tool, await readUploadedTemplate(f, expected)] as const)));
    for (const read of Object.values(reads)) expect(read).toMatchObject({ ok: true });
    const entriesOf = (r: UploadRead) => (r.ok ? r.entries : null);
    expect(entriesOf(reads.exceljs!)).toEqual([
      { activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'uczestnik', value: 1082, planMeasureId: '2' }] }, moneySpent: [123_450], comment: '=mniej chętnych' },
      { activityId: 'I.1-02', status: 'not_realized', actual: { measures: [] }, moneySpent: [], comment: 'brak sali' },
      { activityId: 'I.2-01', status: null, actual: { measures: [] }, moneySpent: [], comment: '' },
    ]);
    expect(entriesOf(reads.libreoffice!)).toEqual(entriesOf(reads.exceljs!));
    expect(entriesOf(reads.openpyxl!)).toEqual(entriesOf(reads.exceljs!));
  }, 180_000);
});
