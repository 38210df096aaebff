/**
 * End-to-end: the browser mode in headless Chromium with no Office at all (any request to Microsoft's
 * office.js is refused and recorded), against the real server. A unit signs in at the server's root,
 * downloads its template, fills it with exceljs as a person types (Polish numbers as text; a figure in
 * parts, a figure beyond the plan and a „w tym” figure chosen from the „Względem planu” lists, two money
 * amounts and the scope text), uploads it and sees it saved with what changed and stored as typed,
 * uploads a broken file and sees each problem with its cell, submits; a reviewer opens the report and
 * returns it with a comment on an activity and an overall note; the unit sees both and answers the
 * comment. Screenshots at
 * 1280 and 375 px wide.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { API_PATHS, MSG, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, columnLetter, type Assignment, type ConsolidatedRow, type SheetColumnKey, type UnitReport } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { OFFICE_JS_URL, launchPaneBrowser, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
const officeRequests: string[] = [];
const cspViolations: string[] = [];
const col = (key: SheetColumnKey) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key) + 1;
/** The unit of this walk-through: MOPS/PRZ/08 reports activities of basic tasks (money), each with a planned measure. */
const UNIT_CODE = 'MOPS/PRZ/08';
const unit = () => server.tokens.find((t: DemoToken) => t.role === 'unit_reporter' && t.orgUnitCode === UNIT_CODE)!;
const unitToken = () => unit().token;
const reviewerToken = () => server.tokens.find((t: DemoToken) => t.role === 'reviewer')!.token;
let template: Buffer;

async function signIn(token: string) {
  await page.goto(`${server.baseUrl}/`);
  await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

async function signOut() {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
}

/** Both widths the issue names: a desktop and a phone. */
async function shots(name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await browser.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** What the rich fill put where: the activity answered in parts with an extra and two amounts, and the one with a „w tym” figure. */
const fill = { parts: '', subset: '', basic: false };

/** The values of a list a cell's data validation offers (a defined name over the hidden sheet), as the dropdown shows them. */
function dropdown(wb: ExcelJS.Workbook, cell: ExcelJS.Cell): string[] {
  const name = String(cell.dataValidation?.formulae?.[0] ?? '');
  const range = wb.definedNames.model.find((n) => n.name === name)!.ranges[0]!;
  const [, sheet, from, to] = /^'?([^'!]+)'?!\$([A-Z]+\$\d+):\$([A-Z]+\$\d+)$/.exec(range)!;
  const ws = wb.getWorksheet(sheet!)!;
  const [c, r1] = from!.split('$');
  const r2 = Number(to!.split('$')[1]);
  return Array.from({ length: r2 - Number(r1) + 1 }, (_, i) => String(ws.getCell(`${c}${Number(r1) + i}`).value));
}

/**
 * The template filled as a person types into it: every activity reported (the first one with a
 * figure, "1 234" typed as text, the rest not realised with a reason), or broken cells when asked.
 * `rich`: the first activity of a basic task with a planned measure gives that measure in two parts
 * (700 at the classes, 534 at the picnic; its own row holds their sum), a figure beyond the plan, two
 * money amounts and „Zakres realizacji (opis)”; the next activity with a planned measure gives its
 * figure with a „w tym” figure — each chosen from the „Względem planu” list of an empty line.
 */
async function filled(kind: 'good' | 'broken' | 'rich', basicTasks: ReadonlySet<string> = new Set()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(UNIT_SHEET_NAME)!;
  const seen = new Set<string>();
  const rowsOf = new Map<string, number[]>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(r, col('activityId')).value ?? '');
    if (id) rowsOf.set(id, [...(rowsOf.get(id) ?? []), r]);
  }
  const planned = (id: string) => (rowsOf.get(id) ?? []).filter((r) => typeof ws.getCell(r, col('plan')).value === 'number');
  const open = (id: string) => (rowsOf.get(id) ?? []).filter((r) => ws.getCell(r, col('measureKey')).value === '+');
  const task = (id: string) => String(ws.getCell(rowsOf.get(id)![0]!, col('taskCode')).value).split(' ')[0]!;
  let figure: string | null = null;
  if (kind === 'rich') {
    const withPlan = [...rowsOf.keys()].filter((id) => planned(id).length > 0 && open(id).length >= 3);
    fill.parts = withPlan.find((id) => basicTasks.has(task(id))) ?? withPlan[0]!;
    fill.basic = basicTasks.has(task(fill.parts));
    fill.subset = withPlan.find((id) => id !== fill.parts)!;
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(r, col('activityId')).value ?? '');
    if (!id) continue;
    const kindCell = String(ws.getCell(r, col('measureKind')).value ?? '');
    const plan = ws.getCell(r, col('plan')).value;
    if (kind !== 'rich' && figure === null && kindCell && typeof plan === 'number') figure = id;
    const reported = kind === 'rich' ? id === fill.parts || id === fill.subset : id === figure;
    if (reported && kindCell && typeof plan === 'number') ws.getCell(r, col('actual')).value = '1 234';
    if (!seen.has(id)) {
      seen.add(id);
      ws.getCell(r, col('status')).value = reported ? 'zrealizowane' : 'niezrealizowane w tym roku';
      // the „w tym” activity says its own comment: the reviewer finds the first one's once in the report
      const comment = id === fill.subset && kind === 'rich' ? 'więcej rodzin z małymi dziećmi' : 'więcej chętnych niż zakładano';
      ws.getCell(r, col('comment')).value = reported ? comment : 'brak środków w tym roku';
    }
  }
  if (kind === 'rich') {
    const [first] = planned(fill.parts);
    const kindLabel = String(ws.getCell(first!, col('measureKind')).value);
    const [a, b, c] = open(fill.parts);
    const line = (r: number, choice: string | null, kindText: string, value: string, qualifier: string) => {
      if (choice) ws.getCell(r, col('lineRole')).value = choice;
      ws.getCell(r, col('measureKind')).value = kindText;
      ws.getCell(r, col('qualifier')).value = qualifier;
      ws.getCell(r, col('actual')).value = value;
    };
    // the planned measure in two parts: its row holds their sum, each part is chosen from the list
    const partOfFirst = dropdown(wb, ws.getCell(a!, col('lineRole'))).find((choice) => choice.startsWith('część: '))!;
    line(a!, partOfFirst, kindLabel, '700', 'zajęcia w filiach');
    line(b!, partOfFirst, kindLabel, '534', 'piknik rodzinny');
    // a figure beyond the plan: the line's default
    line(c!, null, 'warsztaty', '12', 'dla rodziców');
    const firstRow = rowsOf.get(fill.parts)![0]!;
    if (fill.basic) {
      ws.getCell(firstRow, col('moneySpent')).value = '1 500,00 zł';
      ws.getCell(firstRow, col('moneySpent2')).value = 250.5;
    }
    ws.getCell(firstRow, col('scopeDescription')).value = 'Zajęcia w dwóch filiach i piknik rodzinny w czerwcu.';
    // a „w tym” figure of the other activity's planned measure
    const [s] = open(fill.subset);
    const subsetKind = String(ws.getCell(planned(fill.subset)[0]!, col('measureKind')).value);
    const subsetOfFirst = dropdown(wb, ws.getCell(s!, col('lineRole'))).find((choice) => choice.startsWith('w tym: '))!;
    line(s!, subsetOfFirst, subsetKind, '400', 'z dziećmi do 3 lat');
  }
  if (kind === 'broken') {
    ws.getCell(2, col('actual')).value = 'około 20';
    ws.getCell(2, col('status')).value = 'prawie gotowe';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(file: Buffer, name: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByRole('button', { name: 'Prześlij', exact: true }).click();
}

describe('browser mode end to end (no Office)', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-browser-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.route(OFFICE_JS_URL, (route) => { officeRequests.push(route.request().url()); return route.abort(); });
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('a unit signs in at the server’s root and sees its years with phase, deadline and report state; the session is an httpOnly cookie, nothing in storage', async () => {
    await signIn(unitToken());
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025 \(sprawozdawczość\)/ }).count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toBe(`${server.baseUrl}/addin/browser.html`);
    const yearButton = page.getByRole('button', { name: /Rok 2025 \(sprawozdawczość\)/ });
    expect(await yearButton.textContent()).toMatch(/termin: .*2026.*nierozpoczęte/);
    expect(await page.getByRole('button', { name: /Rok 2024 \(zamknięty\)/ }).count()).toBe(1);
    expect(cspViolations).toEqual([]);
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie }));
    expect(stored).toEqual({ session: [], local: [], cookie: '' }); // no script can read the session
    const cookies = await browser.context.cookies(server.baseUrl);
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, secure: c.secure, persistent: c.expires > 0 }))).toEqual([
      { name: 'pwr_session', httpOnly: true, sameSite: 'Strict', secure: false, persistent: false }, // plain http://localhost: not Secure
    ]);
    expect(cookies[0]!.value).toMatch(/^pws_/);
    await shots('40-przegladarka-jednostka');
  });

  it('is served under the same Content Security Policy as the pane', async () => {
    const csp = async (path: string) => (await fetch(server.baseUrl + path)).headers.get('content-security-policy');
    const pane = await csp('/addin/taskpane.html');
    expect(pane).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(await csp('/addin/browser.html')).toBe(pane);
  });

  it('the pane’s address opened outside Office leads to the browser mode', async () => {
    const p = await browser.context.newPage();
    // Microsoft's office.js outside Office: ready, with no host.
    await p.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: (cb) => { cb({ host: null, platform: null }); return Promise.resolve({ host: null }); } };' }));
    await p.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => p.url(), { timeout: 30_000 }).toBe(`${server.baseUrl}/addin/browser.html`);
    // The session cookie belongs to the browser: another tab is signed in too.
    await expect.poll(() => p.getByRole('button', { name: 'Wyloguj' }).count(), { timeout: 30_000 }).toBe(1);
    await p.close();
  });

  it('downloads the template of the unit and year', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz szablon (.xlsx)' }).click()]);
    template = readFileSync((await download.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.getWorksheet(UNIT_SHEET_NAME)!.rowCount).toBeGreaterThan(1);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('uploads a broken file and sees each problem with its sheet, cell and reason; nothing saved', async () => {
    await upload(await filled('broken'), 'sprawozdanie-zle.xlsx');
    const result = page.getByTestId('upload-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/Plik nie został zapisany/);
    const text = (await result.textContent())!;
    expect(text).toContain(`Arkusz „Sprawozdanie”, komórka ${columnLetter(col('actual') - 1)}2`);
    expect(text).toContain(`komórka ${columnLetter(col('status') - 1)}2`);
    expect(text).toMatch(/około 20/);
    expect(text).toMatch(/prawie gotowe/);
    expect(await page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/nierozpoczęte/);
    await shots('41-przegladarka-bledy');
  });

  it('uploads the filled template with a progress indicator and sees the saved version and what changed', async () => {
    // The page itself notes the progress bar the moment React adds it: it may show for a fifth of a
    // second only, which Playwright's polling of a busy page can miss.
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => { if (document.querySelector('[role=progressbar]')) w.__sawProgress = true; }).observe(document.body, { subtree: true, childList: true });
    });
    const program = await (await fetch(server.baseUrl + API_PATHS.program, { headers: { Authorization: `Bearer ${unitToken()}` } })).json() as { tasks: { code: string; kind: string }[] };
    await upload(await filled('rich', new Set(program.tasks.filter((t) => t.kind === 'basic').map((t) => t.code))), 'sprawozdanie.xlsx');
    const result = page.getByTestId('upload-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/Zapisano — wersja 1\./);
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    const text = (await result.textContent())!;
    expect(text).toMatch(/Co się zmieniło/);
    expect(text).toMatch(/wykonanie — [^:]+: \(puste\) → 1[\s\u00a0\u202f]?234/);
    expect(text).toMatch(/status: \(puste\) → niezrealizowane w tym roku/);
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/wersja robocza, wersja 1/);
    await shots('42-przegladarka-zapisano');
  });

  it('stored what the template said: the parts answer their planned measure, the extra is beyond the plan, the „w tym” stays under its figure, two amounts and the text', async () => {
    const me = unit();
    const report = await (await fetch(server.baseUrl + API_PATHS.report(2025, me.orgUnitCode!), { headers: { Authorization: `Bearer ${unitToken()}` } })).json() as UnitReport;
    const assignments = (await (await fetch(server.baseUrl + API_PATHS.assignments(2025, me.orgUnitCode!), { headers: { Authorization: `Bearer ${unitToken()}` } })).json() as { assignments: Assignment[] }).assignments;
    const planOf = (id: string) => assignments.find((a) => a.activity.id === id)!.plan.measures;
    const parts = report.entries.find((e) => e.activityId === fill.parts)!;
    const [first] = planOf(fill.parts);
    expect(parts.actual.measures.filter((m) => m.planMeasureId === first!.id)).toEqual([
      { kind: first!.kind, value: 700, qualifier: 'zajęcia w filiach', planMeasureId: first!.id },
      { kind: first!.kind, value: 534, qualifier: 'piknik rodzinny', planMeasureId: first!.id },
    ]);
    expect(parts.actual.measures.filter((m) => m.planMeasureId === null)).toEqual([{ kind: 'warsztat', value: 12, qualifier: 'dla rodziców', planMeasureId: null }]);
    expect(fill.basic, 'the demo unit reports an activity of a basic task').toBe(true);
    expect(parts.moneySpent).toEqual([150_000, 25_050]);
    expect(parts.scopeDescription).toBe('Zajęcia w dwóch filiach i piknik rodzinny w czerwcu.');
    const subset = report.entries.find((e) => e.activityId === fill.subset)!;
    const [answered] = planOf(fill.subset);
    expect(subset.actual.measures.find((m) => m.planMeasureId === answered!.id)).toMatchObject({
      kind: answered!.kind, value: 1234, planMeasureId: answered!.id, subsets: [{ kind: answered!.kind, value: 400, qualifier: 'z dziećmi do 3 lat' }],
    });
  });

  it('submits the report', async () => {
    await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Przekazano do weryfikacji.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/przekazane/);
    expect(await page.getByRole('button', { name: 'Prześlij', exact: true }).isDisabled()).toBe(true);
    const cookie = (await browser.context.cookies(server.baseUrl))[0]!;
    await signOut();
    await expect.poll(() => browser.context.cookies(server.baseUrl)).toEqual([]);
    // The session ended on the server too: the old cookie no longer opens anything.
    expect((await fetch(server.baseUrl + '/api/me', { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status).toBe(401);
  });

  it('a reviewer sees the year’s completeness, downloads the central workbook and annex, opens the report and returns it with comments', async () => {
    await signIn(reviewerToken());
    const unitCode = unit().orgUnitCode!;
    const unitName = (await (await fetch(`${server.baseUrl}/api/program`, { headers: { authorization: `Bearer ${reviewerToken()}` } })).json() as { orgUnits: { code: string; name: string }[] }).orgUnits.find((u) => u.code === unitCode)!.name;
    const openButton = page.getByRole('button', { name: `Otwórz sprawozdanie: ${unitName}` });
    await expect.poll(() => openButton.count(), { timeout: 30_000 }).toBe(1);
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Zestawienie zbiorcze (.xlsx)' }).click()]);
    expect(readFileSync((await workbook.path())!).subarray(0, 2).toString()).toBe('PK');
    // The central workbook shows the unit's parts and extra under the planned row, and the „w tym” under its figure.
    const central = new ExcelJS.Workbook();
    await central.xlsx.load(readFileSync((await workbook.path())!) as unknown as ArrayBuffer);
    const table = central.getWorksheet('Zestawienie')!;
    const headers = (table.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const at = (header: string) => headers.indexOf(header);
    const lines = (id: string) => {
      const out: [unknown, unknown, unknown][] = [];
      table.eachRow((row, n) => {
        // a planned row shows the plan's own description; the unit's lines show theirs
        const role = row.getCell(at('Względem planu')).value;
        if (n > 1 && row.getCell(at('ID działania')).value === id) out.push([role, row.getCell(at('Wykonanie')).value, role === 'miara planu' ? null : row.getCell(at('Opis miary')).value ?? null]);
      });
      return out;
    };
    expect(lines(fill.parts)).toEqual(expect.arrayContaining([
      ['miara planu', 1234, null], ['część wykonania', 700, 'zajęcia w filiach'], ['część wykonania', 534, 'piknik rodzinny'], ['poza planem', 12, 'dla rodziców'],
    ]));
    const partRows = lines(fill.parts).map((l) => l[0]);
    expect(partRows.indexOf('część wykonania')).toBe(partRows.indexOf('miara planu') + 1);
    expect(lines(fill.subset)).toEqual(expect.arrayContaining([['miara planu', 1234, null], ['w tym', 400, 'z dziećmi do 3 lat']]));
    const [annex] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Załącznik do sprawozdania (.docx)' }).click()]);
    expect(annex.suggestedFilename()).toMatch(/\.docx$/);
    await shots('43-przegladarka-weryfikator');
    await openButton.click();
    // The report as the unit sent it: its figure, comment and the band of the figure against the plan.
    const report = page.getByTestId('unit-report');
    await expect.poll(() => report.getByText('Komentarz jednostki: więcej chętnych niż zakładano').count(), { timeout: 30_000 }).toBe(1);
    expect(await report.textContent()).toMatch(/Wykonanie 1[\s\u00a0\u202f]?234/);
    const addComment = page.getByRole('button', { name: /^Dodaj uwagę do działania/ }).first();
    await addComment.click();
    await page.getByLabel('Uwaga dla jednostki').fill('Sprawdź liczbę uczestników — 1 234 to dużo ponad plan.');
    await page.getByRole('button', { name: 'Dodaj uwagę', exact: true }).click();
    await page.getByLabel('Uwaga ogólna (opcjonalnie)').fill('Uzupełnij wydatki w I kwartale.');
    await shots('43a-przegladarka-sprawozdanie-jednostki');
    await page.getByRole('button', { name: 'Zwróć do poprawy', exact: true }).click();
    await expect.poll(() => page.getByText(`Zwrócono sprawozdanie do poprawy: ${unitName} (1 uwaga przy działaniach)`, { exact: false }).count(), { timeout: 30_000 }).toBe(1);
    await signOut();
  });

  it('a manager sees completeness and downloads the central workbook, but may not accept or return', async () => {
    await signIn(server.tokens.find((t: DemoToken) => t.role === 'manager')!.token);
    await expect.poll(() => page.getByText('Kompletność sprawozdań').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(/może tylko weryfikator MOPS/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^(Akceptuj|Zwróć)/ }).count()).toBe(0);
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Zestawienie zbiorcze (.xlsx)' }).click()]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    await signOut();
  });

  it('the unit sees the reviewer’s comment and may upload again; Office was never asked for', async () => {
    await signIn(unitToken());
    const comment = page.getByTestId('review-comment');
    await expect.poll(() => comment.count(), { timeout: 30_000 }).toBe(1);
    expect(await comment.textContent()).toMatch(/zwrócone do poprawy.*Uzupełnij wydatki w I kwartale\./i);
    // The comment on the activity, at that activity, and the unit answers it.
    const feedback = page.getByTestId('unit-feedback');
    await expect.poll(() => feedback.getByText('Sprawdź liczbę uczestników — 1 234 to dużo ponad plan.').count(), { timeout: 30_000 }).toBe(1);
    await feedback.getByRole('button', { name: 'Odpowiedz' }).click();
    await feedback.getByLabel('Twoja odpowiedź').fill('Tak, przyszło więcej rodzin niż w planie.');
    await feedback.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect.poll(() => feedback.getByText(/Tak, przyszło więcej rodzin niż w planie\./).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/zwrócone/);
    // The template it downloads now shows the comment with the answer at its activity's first line, and the overall note.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz szablon (.xlsx)' }).click()]);
    const returned = new ExcelJS.Workbook();
    await returned.xlsx.load(readFileSync((await again.path())!) as unknown as ArrayBuffer);
    const ws = returned.getWorksheet(UNIT_SHEET_NAME)!;
    const shown: { line: unknown; text: string }[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, col('reviewComments')).value;
      if (v !== null && v !== undefined) shown.push({ line: ws.getCell(r, col('line')).value, text: String(v) });
    }
    expect(shown).toHaveLength(1);
    expect(shown[0]!.line).toBe(1);
    expect(shown[0]!.text).toMatch(/^⚠ Uwaga weryfikatora — otwarta\n/);
    expect(shown[0]!.text).toContain('Sprawdź liczbę uczestników — 1 234 to dużo ponad plan.');
    expect(shown[0]!.text).toContain('Tak, przyszło więcej rodzin niż w planie.');
    const instructions = returned.getWorksheet('Instrukcja')!.getColumn(1).values.map(String).join('\n');
    expect(instructions).toContain('Uwaga ogólna weryfikatora do całego sprawozdania: Uzupełnij wydatki w I kwartale.');
    await shots('44-przegladarka-zwrot');
    expect(officeRequests).toEqual([]);
  });

  it('a reviewer settles a 2024 pairing „do sprawdzenia”: the figure no longer answers the plan, audited, and the consolidated year follows', async () => {
    await signOut();
    await signIn(reviewerToken());
    const reviewer = server.tokens.find((t: DemoToken) => t.role === 'reviewer')!;
    const name = reviewer.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const item = page.getByRole('group', { name: /^I\.3\.2-17 \(.+\) — plan: 25 spotkań/ });
    // the page picks its default year once the years arrive: choose 2024 until it holds
    await expect.poll(async () => {
      await page.getByLabel(MSG.browser.chooseYear).selectOption('2024');
      return item.count();
    }, { timeout: 60_000 }).toBe(1);
    expect(await page.getByText(/^Do rozstrzygnięcia: \d+$/).textContent()).toMatch(/: 14$/);
    const figure = item.getByRole('checkbox', { name: 'odpowiada: 39 zajęć' });
    expect(await figure.isChecked()).toBe(true);
    await figure.uncheck();
    await item.getByLabel('Uzasadnienie (do dziennika zmian)').fill('Zajęcia to nie spotkania z planu.');
    await item.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect.poll(() => page.getByText('Zapisano rozstrzygnięcie dla działania I.3.2-17.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => item.getByText(new RegExp(`^Rozstrzygnięte — ${name}, `)).count()).toBe(1);
    expect(await item.getByText(new RegExp(`${name}: 39 zajęć → brak danych — Zajęcia to nie spotkania z planu\\.`)).count()).toBe(1);
    expect(await page.getByText(/^Do rozstrzygnięcia: \d+$/).textContent()).toMatch(/: 13$/);
    await shots('45-przegladarka-pary-do-sprawdzenia');
    const rows = await (await fetch(server.baseUrl + API_PATHS.consolidated(2024), { headers: { Authorization: `Bearer ${reviewer.token}` } })).json() as ConsolidatedRow[];
    expect(rows.filter((r) => r.activityId === 'I.3.2-17' && r.measureKind === 'spotkanie').map((r) => [r.lineRole, r.actual, r.band])).toEqual([['planned', null, 'no_data']]);
    await signOut();
  });
});
