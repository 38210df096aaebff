/**
 * The program file on its own: written from the seeded programs, read back by exceljs and by
 * LibreOffice (another real reader), read back by programFileRead into the same program (also
 * after LibreOffice saved it, as MOPS's own office suite might), and every broken cell named by
 * its sheet and cell.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadSeed } from '@pwr-sync/seeds';
import { MSG, type Program } from '@pwr-sync/shared';
import { writeProgramFile } from './programFile.ts';
import { readProgramFile, type ProgramFileRead } from './programFileRead.ts';
import { PROGRAM_SHEETS } from './programLayout.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';
import { savedByLibreOffice } from './testSupport/otherTools.ts';
import { measurePrint, pdfWords, printToPdf } from './testSupport/print.ts';

const seed = loadSeed();
const demo = seed.demo!.program;
const registry = seed.orgUnits.map((u) => ({ code: u.code, kind: u.kind }));
const S = PROGRAM_SHEETS;

async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const ok = (read: ProgramFileRead) => {
  if (!read.ok) throw new Error(`${read.message}\n${read.problems?.map((p) => p.message).join('\n')}`);
  return read;
};
/** The program as the reader returns it (status always stated, no empty optional fields). */
const normal = (p: Program): Program => ({ ...p, demo: p.demo ?? false, activities: p.activities.map((a) => ({ ...a, status: a.status ?? 'running' })) });

describe('program file', () => {
  it('holds the structure, the activities with their units chosen from the registry, and the registry; the demo says so', async () => {
    const wb = await open(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([S.structure, S.activities, S.registry]);
    const st = wb.getWorksheet(S.structure)!;
    expect(st.getCell('B1').value).toBe(demo.code);
    expect(st.getCell('B5').value).toBe('tak');
    expect(String(st.getCell('A6').value)).toContain('Dane demonstracyjne');
    expect(st.headerFooter.oddHeader).toContain('Dane demonstracyjne');
    // every task with its kind, every subsection with its „Działania powiązane z:” list
    const rows = st.getSheetValues().slice(9).filter(Boolean) as unknown[][];
    expect(rows.filter((r) => r[1] === 'zadanie')).toHaveLength(demo.tasks.length);
    const withLinks = demo.tasks.flatMap((t) => t.subsections).find((s) => s.linkedTo.length > 1)!;
    const subsectionRow = rows.find((r) => r[1] === 'podsekcja' && r[6] === withLinks.title)!;
    expect(subsectionRow[7]).toBe(withLinks.linkedTo.join('\n'));

    const act = wb.getWorksheet(S.activities)!;
    expect(act.getCell('A2').value).toBe('Identyfikator');
    expect(act.getCell(2 + demo.activities.length, 1).value).toBe(demo.activities.at(-1)!.id);
    const dv = act.getCell('E3').dataValidation;
    expect(dv).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(dv.formulae![0]).toMatch(/^'Jednostki'!\$A\$3:\$A\$\d+$/);
    const reg = wb.getWorksheet(S.registry)!;
    expect(reg.getCell(3, 1).value).toBe(seed.orgUnits[0]!.code);
    expect(reg.actualRowCount).toBe(2 + seed.orgUnits.length);

    const plain = await open(await writeProgramFile({ program: seed.program, orgUnits: seed.orgUnits }));
    expect(plain.getWorksheet(S.structure)!.getCell('B5').value).toBe('nie');
    expect(plain.getWorksheet(S.structure)!.getCell('A6').value).toBeNull();
  });

  it('reads back into the same program, also after LibreOffice saved it', async () => {
    const file = await writeProgramFile({ program: demo, orgUnits: seed.orgUnits });
    const read = ok(await readProgramFile(file, { registry }));
    expect(read.program).toEqual(normal(demo));
    expect(read.fileUnits.map((u) => u.code)).toEqual(seed.orgUnits.map((u) => u.code));
    if (skipLibreOffice) return;
    const again = ok(await readProgramFile(await savedByLibreOffice(file), { registry }));
    expect(again.program).toEqual(normal(demo));
  }, 180_000);

  it.skipIf(skipLibreOffice)('opens in LibreOffice: three sheets, the activities and units as written', async () => {
    const sheets = await libreOfficeSheets(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits }));
    expect([...sheets.keys()].sort()).toEqual([S.activities, S.registry, S.structure].sort());
    const act = sheets.get(S.activities)!;
    expect(act[1]!.slice(0, 5)).toEqual(['Identyfikator', 'Zadanie', 'Nr podsekcji', 'Nazwa działania', 'Jednostka sprawozdająca']);
    const first = demo.activities[0]!;
    expect(act[2]!.slice(0, 4)).toEqual([first.id, first.taskCode, first.subsection === null ? '' : String(first.subsection), first.name]);
    expect(sheets.get(S.structure)![0]!.slice(0, 2)).toEqual(['Kod programu', demo.code]);
    expect(sheets.get(S.registry)!.filter((r) => r[0]).length).toBe(2 + seed.orgUnits.length);
  }, 180_000);

  it.skipIf(skipLibreOffice)('prints readably: 7 pt or more, no colliding lines, „Dane demonstracyjne” and the page number on every page', async () => {
    const words = await pdfWords(await printToPdf(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits })));
    const m = measurePrint(words);
    expect([...m.pageMedians].filter(([, h]) => h < 7)).toEqual([]);
    expect(m.overlaps.map(({ a, b }) => `${a.page}: ${a.text} / ${b.text}`)).toEqual([]);
    for (let page = 1; page <= m.pages; page++) {
      const text = words.filter((w) => w.page === page).map((w) => w.text);
      expect(text, `strona ${page}`).toEqual(expect.arrayContaining(['demonstracyjne', 'Strona']));
    }
  }, 180_000);

  it('keeps user text as text: a name that looks like a formula is written and read as text', async () => {
    const program = { ...seed.program, activities: seed.program.activities.map((a, i) => (i === 0 ? { ...a, name: '=HYPERLINK("http://x";"klik")' } : a)) };
    const file = await writeProgramFile({ program, orgUnits: seed.orgUnits });
    const cell = (await open(file)).getWorksheet(S.activities)!.getCell('D3');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(ok(await readProgramFile(file, { registry })).program.activities[0]!.name).toBe('=HYPERLINK("http://x";"klik")');
  });

  it('names the sheet and the cell of every problem', async () => {
    const wb = await open(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits }));
    const st = wb.getWorksheet(S.structure)!;
    const act = wb.getWorksheet(S.activities)!;
    const reg = wb.getWorksheet(S.registry)!;
    st.getCell('B3').value = 'dwa tysiące';                 // not a year
    st.getCell(9, 1).value = 'rozdział';                    // not a level
    act.getCell('A3').value = 'zły id';                     // not an activity id
    act.getCell('B4').value = 'Z.9';                        // no such task
    act.getCell('D5').value = null;                         // name missing
    act.getCell('D6').value = { formula: 'A1&"x"', result: 'x' }; // a formula
    act.getCell('E7').value = 'NIEMA';                      // unknown unit
    act.getCell('F8').value = act.getCell('E8').value;      // the reporting unit again as a partner
    act.getCell('A10').value = act.getCell('A9').value;     // the same id twice
    act.getCell('C11').value = 77;                          // no such subsection
    const statusCol = (act.getRow(2).values as unknown[]).indexOf('Status');
    act.getCell(12, statusCol).value = 'w toku';            // not a status
    reg.getCell(4, 1).value = reg.getCell(3, 1).value;      // a registry code twice
    reg.getCell(5, 3).value = 'szkoła';                     // not a kind
    const read = await readProgramFile(await save(wb), { registry: [] });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.status).toBe(422);
    const at = (sheet: string, cell: string) => read.problems!.find((p) => p.sheet === sheet && p.cell === cell)?.message;
    expect(at(S.structure, 'B3')).toBe('Arkusz „Struktura”, komórka B3: pole „Od roku”: wpisz liczbę całkowitą');
    expect(at(S.structure, 'A9')).toMatch(/^Arkusz „Struktura”, komórka A9: pole „Poziom”: wybierz z listy \(obszar, zadanie, podsekcja\)$/);
    expect(at(S.activities, 'A3')).toMatch(/^Arkusz „Działania”, komórka A3: pole „Identyfikator”: /);
    expect(at(S.activities, 'D5')).toBe('Arkusz „Działania”, komórka D5: pole „Nazwa działania” jest puste — uzupełnij je');
    expect(at(S.activities, 'D6')).toBe(`Arkusz „Działania”, komórka D6: ${MSG.program.file.problem.formula}`);
    expect(at(S.activities, 'E7')).toContain('nie ma jednostki „NIEMA” w arkuszu „Jednostki”');
    expect(at(S.activities, 'F8')).toContain('ta sama jednostka podana dwa razy');
    expect(at(S.activities, `${act.getColumn(statusCol).letter}12`)).toContain('pole „Status”: wybierz z listy (realizowane, zakończone, odwołane)');
    expect(at(S.registry, 'A4')).toContain('występuje w rejestrze dwa razy');
    expect(at(S.registry, 'C5')).toContain('pole „Rodzaj”: wybierz z listy');
    // problems between rows come once the cells read: a second file with only those
    const wb2 = await open(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits }));
    const act2 = wb2.getWorksheet(S.activities)!;
    act2.getCell('B4').value = 'Z.9';
    act2.getCell('A10').value = act2.getCell('A9').value;
    act2.getCell('C11').value = 77;
    const read2 = await readProgramFile(await save(wb2), { registry });
    if (read2.ok) throw new Error('accepted');
    expect(read2.problems!.map((p) => p.message).sort()).toEqual([
      `Arkusz „Działania”, komórka A10: identyfikator działania „${act2.getCell('A9').value}” występuje dwa razy`,
      'Arkusz „Działania”, komórka B4: nie ma zadania „Z.9” w programie',
      `Arkusz „Działania”, komórka C11: zadanie „${act2.getCell('B11').value}” nie ma podsekcji 77)`,
    ].sort());
  });

  it('refuses a file without its sheets, and what is not an xlsx', async () => {
    const wb = await open(await writeProgramFile({ program: demo, orgUnits: seed.orgUnits }));
    wb.removeWorksheet(wb.getWorksheet(S.registry)!.id);
    const read = await readProgramFile(await save(wb), { registry });
    expect(read).toMatchObject({ ok: false, status: 422, problems: [{ sheet: S.registry, cell: '', message: 'Arkusz „Jednostki”: brak arkusza „Jednostki” — wgraj plik pobrany ze strony „Program”, nie zmieniaj nazw arkuszy' }] });
    expect(await readProgramFile(Buffer.from('to nie jest plik'), { registry })).toMatchObject({ ok: false, status: 400, message: MSG.program.file.problem.notXlsx });
  });
});
