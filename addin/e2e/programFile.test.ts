/**
 * End-to-end, as MOPS's admin in the browser mode against the real server (headless Chromium): the
 * program as an Excel file. Download the demo period's file from its card, edit it with exceljs as a
 * person would (rename, move, retire, a new activity, a new org unit as a partner); a broken file is
 * refused with every problem naming its sheet and cell and nothing applied; the good file shows its
 * changes, and „Zastosuj zmiany” applies them. Then a new period is created by uploading its file
 * (the previous period's file with a new code and years), and its first year is started from the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import ExcelJS from 'exceljs';
import { MSG, PROGRAM_PATHS, type ProgramChange, type ProgramSummary } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';
import { launchPaneBrowser, type PaneBrowser } from './browser.ts';

const DEMO = 'PWR-2025-2027-DEMO';
const NEXT = 'PWR-2028-2030';
let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let workDir: string;
/** The demo period's file as downloaded from the page. */
let downloaded: Buffer;
const t = MSG.program.admin;

const adminToken = () => server.tokens.find((x) => x.role === 'admin')!.token;
const get = async <T>(path: string) => (await (await fetch(server.baseUrl + path, { headers: { Authorization: `Bearer ${adminToken()}` } })).json()) as T;
const section = () => page.locator('section[aria-labelledby="program-file-title"]');
const diffList = (name: string) => section().locator(`[data-diff="${name}"] li`);

async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
/** The row of an activity on „Działania”, and the column of a header. */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}
const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(2).values as unknown[]).indexOf(header);
const letter = (n: number) => String.fromCharCode(64 + n);

/** Saves the workbook to a file and uploads it through the page, as the program of `target` (null: a new period). */
async function uploadThroughPage(wb: ExcelJS.Workbook, name: string, target: string | null) {
  const path = join(workDir, name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  await section().getByLabel(t.uploadTarget).selectOption({ label: target ? t.targetProgram(target) : t.targetNew });
  await section().locator('input[type=file]').setInputFiles(path);
  await section().getByRole('button', { name: t.upload }).click();
}

async function shots(name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1)
      .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').slice(0, 40)}`).slice(0, 5), width);
    expect(wide).toEqual([]);
    await browser.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the program file in the browser (admin): download → edit → upload → changes → apply; a new period by its file', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-program-file-dist-'));
    workDir = mkdtempSync(join(tmpdir(), 'pwr-program-file-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const dir of [distDir, workDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the demo period’s file from its card', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel('Token').fill(adminToken());
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.getByRole('tab', { name: t.nav }).click();
    await expect.poll(() => section().count(), { timeout: 30_000 }).toBe(1);
    const card = page.locator(`li[data-program="${DEMO}"]`);
    const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: t.download }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    downloaded = readFileSync((await file.path())!);
    const wb = await open(downloaded);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Struktura', 'Działania', 'Jednostki']);
    expect(wb.getWorksheet('Struktura')!.getCell('B1').value).toBe(DEMO);
  });

  it('a broken file is refused: every problem names its sheet and cell, nothing is applied', async () => {
    const wb = await open(downloaded);
    const act = wb.getWorksheet('Działania')!;
    const REP = col(act, 'Jednostka sprawozdająca');
    act.getCell(4, REP).value = 'NIE-MA-TAKIEJ';
    act.getCell('A5').value = 'I.1/01';
    await uploadThroughPage(wb, 'zepsuty.xlsx', DEMO);
    const problems = section().getByTestId('program-problems');
    await expect.poll(() => problems.count(), { timeout: 60_000 }).toBe(1);
    expect(await problems.textContent()).toContain(t.problemsTitle);
    const items = (await problems.locator('li').allTextContents());
    expect(items).toContain(`Arkusz „Działania”, komórka ${letter(REP)}4: nie ma jednostki „NIE-MA-TAKIEJ” w arkuszu „Jednostki” ani w rejestrze — dopisz ją tam`);
    expect(items.some((x) => x.startsWith('Arkusz „Działania”, komórka A5: '))).toBe(true);
    expect(await section().getByTestId('program-diff').count()).toBe(0);
    await shots('65-program-plik-bledy');
    expect((await get<ProgramChange[]>(PROGRAM_PATHS.programChanges(DEMO))).filter((c) => c.action === 'applied')).toEqual([]);
  });

  it('the edited file shows its changes before anything applies; „Zastosuj zmiany” applies them', async () => {
    const wb = await open(downloaded);
    const act = wb.getWorksheet('Działania')!;
    const reg = wb.getWorksheet('Jednostki')!;
    const [NAME, TASK, SUB, REP, PARTNER] = ['Nazwa działania', 'Zadanie', 'Nr podsekcji', 'Jednostka sprawozdająca', 'Współrealizująca 1'].map((h) => col(act, h)) as [number, number, number, number, number];
    const ids = [3, 4, 5, 6].map((r) => String(act.getCell(r, 1).value));
    const [renamed, moved, joint, retired] = ids as [string, string, string, string];
    const movedTask = String(rowOf(act, moved).getCell(TASK).value);
    const otherTask = (() => { for (let r = 3; r <= act.rowCount; r++) { const v = act.getCell(r, TASK).value; if (v && v !== movedTask) return String(v); } throw new Error('one task'); })();
    const oldName = String(rowOf(act, renamed).getCell(NAME).value);
    rowOf(act, renamed).getCell(NAME).value = `${oldName} (nowa nazwa)`;
    rowOf(act, moved).getCell(TASK).value = otherTask;
    rowOf(act, moved).getCell(SUB).value = null;
    reg.getRow(reg.actualRowCount + 1).values = ['TEST-NOWA', 'Nowa jednostka testowa', 'inna'];
    const jointRow = rowOf(act, joint);
    let free = PARTNER;
    while (jointRow.getCell(free).value) free++;
    jointRow.getCell(free).value = 'TEST-NOWA';
    const retiredName = String(rowOf(act, retired).getCell(NAME).value);
    act.spliceRows(rowOf(act, retired).number, 1);
    await uploadThroughPage(wb, 'program-zmieniony.xlsx', DEMO);

    await expect.poll(() => section().getByTestId('program-diff').count(), { timeout: 60_000 }).toBe(1);
    expect(await section().getByText(t.previewTitle(DEMO)).count()).toBe(1);
    expect(await diffList('renamed').allTextContents()).toEqual([t.diff.renamedItem(renamed, oldName, `${oldName} (nowa nazwa)`)]);
    expect(await diffList('moved').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${moved.replace(/\./g, '\\.')} — .*: .*→ ${otherTask.replace(/\./g, '\\.')}$`))]);
    expect(await diffList('retired').allTextContents()).toEqual([t.diff.item(retired, retiredName)]);
    expect(await diffList('units-changed').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${joint.replace(/\./g, '\\.')} — .*→ .*TEST-NOWA$`))]);
    expect(await diffList('org-units-added').allTextContents()).toEqual([t.diff.unitItem('TEST-NOWA', 'Nowa jednostka testowa')]);
    expect(await diffList('years').count()).toBeGreaterThan(0);
    expect(await diffList('years').first().textContent()).toMatch(/^Rok 202\d \(/);
    // nothing applied yet
    expect((await get<ProgramSummary[]>(PROGRAM_PATHS.programs)).find((p) => p.code === DEMO)!.retired).toBe(0);
    await shots('66-program-plik-zmiany');

    await section().getByRole('button', { name: t.apply }).click();
    await expect.poll(() => section().getByText(/^Zastosowano zmiany programu PWR-2025-2027-DEMO \(wersja \d+\)\.$/).count(), { timeout: 60_000 }).toBe(1);
    expect(await section().getByTestId('program-diff').count()).toBe(0);
    const demo = (await get<ProgramSummary[]>(PROGRAM_PATHS.programs)).find((p) => p.code === DEMO)!;
    expect(demo.retired).toBe(1);
    // the period's card says so: the retired activity is counted apart, its history kept
    await expect.poll(() => page.locator(`li[data-program="${DEMO}"]`).getByText(t.activities(demo.activities, 1)).count(), { timeout: 15_000 }).toBe(1);
    const changes = await get<ProgramChange[]>(PROGRAM_PATHS.programChanges(DEMO));
    expect(changes[0]).toMatchObject({ action: 'applied', byName: 'Administrator (demo)' });
    expect(changes[0]!.diff.retired).toEqual([{ id: retired, name: retiredName }]);
  });

  it('a new period is created by uploading its file, and its first year starts from the page', async () => {
    const wb = await open(downloaded);
    const st = wb.getWorksheet('Struktura')!;
    st.getCell('B1').value = NEXT;
    st.getCell('B2').value = 'Program Wspierania Rodziny dla Gminy Miejskiej Kraków na lata 2028-2030';
    st.getCell('B3').value = 2028;
    st.getCell('B4').value = 2030;
    st.getCell('B5').value = 'nie';
    // uploaded as a change of the demo period, it is refused at B1, saying how to make a new period
    await uploadThroughPage(wb, 'nowy-okres.xlsx', DEMO);
    await expect.poll(() => section().getByTestId('program-problems').count(), { timeout: 60_000 }).toBe(1);
    expect(await section().getByTestId('program-problems').textContent()).toContain('Arkusz „Struktura”, komórka B1: ');

    await uploadThroughPage(wb, 'nowy-okres.xlsx', null);
    await expect.poll(() => section().getByTestId('program-diff').count(), { timeout: 60_000 }).toBe(1);
    expect(await section().getByText(t.previewNewTitle(NEXT, 2028, 2030)).count()).toBe(1);
    await shots('67-program-nowy-okres');
    await section().getByRole('button', { name: t.applyNew }).click();
    await expect.poll(() => section().getByText(t.created(NEXT, 2028, 2030)).count(), { timeout: 60_000 }).toBe(1);
    const card = page.locator(`li[data-program="${NEXT}"]`);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByText(t.noYearsInPeriod).count()).toBe(1);
    expect(await card.getByText(MSG.program.demoBadge, { exact: true }).count()).toBe(0);

    const form = page.locator('section[aria-labelledby="start-year-title"]');
    await form.getByLabel(t.startYear).fill('2028');
    await form.getByRole('button', { name: t.preview }).click();
    await expect.poll(() => form.getByText(t.fromYear(null, NEXT)).count(), { timeout: 15_000 }).toBe(1);
    await form.getByRole('button', { name: /^Rozpocznij rok 2028/ }).click();
    await expect.poll(() => card.locator('li[data-year="2028"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await card.locator('li[data-year="2028"]').textContent()).toContain(MSG.program.phase.planning);
  });
});
