/**
 * The annex over HTTP (a real listening server on the seeded PGlite): who may download it, the
 * title block MOPS sets per year, and a year entered in the product — generated Polish sentences
 * with correct plurals, and the unit's own text winning over them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, type Assignment } from '@pwr-sync/shared';
import { CLOSED_YEAR, OPEN_YEAR, client, createTestDb, download, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';
import { zipEntries } from '../../annex/testSupport/docxFiles.ts';
import { DOCX_TYPE } from './router.ts';

/** Body rows of the document's tables, each as its cells' text. */
function tableRows(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n')));
}

const UNIT = 'OKN';

describe('annex over HTTP', () => {
  let tdb: TestDb;
  let app: TestApp;
  const tokens = { reviewer: '', manager: '', admin: '', unit: '' };

  beforeAll(async () => {
    tdb = await createTestDb('pglite');
    app = await startApp(tdb.db);
    tokens.reviewer = await userToken(tdb.db, 'ax-rev', 'reviewer');
    tokens.manager = await userToken(tdb.db, 'ax-man', 'manager');
    tokens.admin = await userToken(tdb.db, 'ax-admin', 'admin');
    tokens.unit = await userToken(tdb.db, 'ax-unit', 'unit_reporter', UNIT);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  it('is for MOPS, managers and admins: 403 for a unit, 401 without a token, 404 for a year not kept', async () => {
    const get = (token?: string, year = CLOSED_YEAR, query = '') => download(app.url + API_PATHS.reportDocx(year) + query, token);
    const reviewer = await get(tokens.reviewer);
    expect(reviewer.status).toBe(200);
    expect(reviewer.type).toBe(DOCX_TYPE);
    expect(reviewer.disposition).toContain('sprawozdanie-2024.docx');
    expect(zipEntries(reviewer.body).get('word/document.xml')).toContain('Załącznik Nr 3');
    // 2024: every unit's report accepted — no draft note
    expect(zipEntries(reviewer.body).get('word/document.xml')).not.toContain('Wersja robocza');
    expect((await get(tokens.manager)).status).toBe(200);
    expect((await get(tokens.admin, CLOSED_YEAR, '?summary=true')).status).toBe(200);
    const unit = await get(tokens.unit);
    expect(unit.status).toBe(403);
    expect(JSON.parse(unit.body.toString()).error).toMatch(/MOPS, kierownictwo i administrator/);
    expect((await get()).status).toBe(401);
    expect((await get(tokens.reviewer, 2031)).status).toBe(404);
    expect((await get(tokens.reviewer, CLOSED_YEAR, '?summary=tak')).status).toBe(400);
  });

  it('adds the closing summary only when asked for', async () => {
    const plain = zipEntries((await download(app.url + API_PATHS.reportDocx(CLOSED_YEAR), tokens.reviewer)).body).get('word/document.xml')!;
    const withSummary = zipEntries((await download(`${app.url}${API_PATHS.reportDocx(CLOSED_YEAR)}?summary=true`, tokens.reviewer)).body).get('word/document.xml')!;
    expect(plain).not.toContain('>Podsumowanie<');
    expect(withSummary).toContain('>Podsumowanie<');
    expect(withSummary).toContain('29\u00a0003\u00a0616,79\u00a0zł');
  });

  it('keeps the title block per year: defaults, MOPS sets it, validated with Polish messages, printed in the annex', async () => {
    const as = (token: string) => client(app.url, token);
    const initial = await as(tokens.manager)('GET', API_PATHS.annexTitle(OPEN_YEAR));
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ year: OPEN_YEAR, annexNumber: '3', isDefault: true, parentReportTitle: 'do Sprawozdania z działalności Miejskiego Ośrodka Pomocy Społecznej w Krakowie za rok 2025' });

    const title = { annexNumber: '3a', parentReportTitle: 'do Sprawozdania z działalności MOPS w Krakowie za rok 2025 (projekt)' };
    expect((await as(tokens.manager)('PUT', API_PATHS.annexTitle(OPEN_YEAR), title)).status).toBe(403);
    expect((await as(tokens.unit)('PUT', API_PATHS.annexTitle(OPEN_YEAR), title)).status).toBe(403);
    expect((await as(tokens.unit)('GET', API_PATHS.annexTitle(OPEN_YEAR))).status).toBe(403);
    expect((await client(app.url)('PUT', API_PATHS.annexTitle(OPEN_YEAR), title)).status).toBe(401);

    const bad = await as(tokens.reviewer)('PUT', API_PATHS.annexTitle(OPEN_YEAR), { annexNumber: ' ', parentReportTitle: 'do Sprawozdania\nza rok 2025' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'annexNumber', message: 'Uzupełnij pole „numer załącznika”.' }),
      expect.objectContaining({ field: 'parentReportTitle', message: expect.stringContaining('w jednym wierszu') }),
    ]));
    const tooLong = await as(tokens.reviewer)('PUT', API_PATHS.annexTitle(OPEN_YEAR), { ...title, parentReportTitle: 'x'.repeat(301) });
    expect(tooLong.body.problems[0]).toMatchObject({ field: 'parentReportTitle', message: 'Pole „tytuł sprawozdania nadrzędnego” może mieć najwyżej 300 znaków — skróć tekst.' });
    expect((await as(tokens.reviewer)('PUT', API_PATHS.annexTitle(OPEN_YEAR), { ...title, extra: 1 })).status).toBe(400);
    expect((await as(tokens.reviewer)('PUT', API_PATHS.annexTitle(2031), title)).status).toBe(404);
    // nothing half-stored by the refusals
    expect((await as(tokens.reviewer)('GET', API_PATHS.annexTitle(OPEN_YEAR))).body.isDefault).toBe(true);

    const saved = await as(tokens.reviewer)('PUT', API_PATHS.annexTitle(OPEN_YEAR), { annexNumber: ' 3a ', parentReportTitle: title.parentReportTitle });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...title, isDefault: false, updatedBy: 'Test ax-rev' });
    expect((await as(tokens.admin)('GET', API_PATHS.annexTitle(OPEN_YEAR))).body).toMatchObject({ ...title, isDefault: false });

    const doc = zipEntries((await download(app.url + API_PATHS.reportDocx(OPEN_YEAR), tokens.reviewer)).body);
    expect(doc.get('word/document.xml')).toContain('>Załącznik Nr 3a<');
    expect(doc.get('word/document.xml')).toContain(`>${title.parentReportTitle}<`);
    expect(doc.get('docProps/core.xml')).toContain('<dc:title>Załącznik Nr 3a — Sprawozdanie z działań podejmowanych w 2025 roku');
    // another year keeps its own (the default)
    expect(zipEntries((await download(app.url + API_PATHS.reportDocx(CLOSED_YEAR), tokens.reviewer)).body).get('word/document.xml')).toContain('>Załącznik Nr 3<');
  });

  it('prints a year entered in the product from the units’ entries: Polish sentences with correct plurals, the unit’s own text first', async () => {
    const unit = client(app.url, tokens.unit);
    const { body } = await unit<{ assignments: Assignment[] }>('GET', API_PATHS.assignments(OPEN_YEAR, UNIT));
    const meetings = body.assignments.filter((a) => a.role === 'reporting' && a.plan.measures.some((m) => m.kind === 'spotkanie' && !m.qualifier));
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    const counts = [1, 2, 5, 12, 22, 25];
    const entries = [
      ...counts.map((n, i) => ({
        activityId: meetings[i]!.activity.id, status: 'realized' as const, moneySpent: [], comment: '',
        actual: { measures: [{ kind: 'spotkanie', value: n }, { kind: 'uczestnik', value: n }] },
      })),
      { activityId: meetings[6]!.activity.id, status: 'not_realized' as const, actual: { measures: [] }, moneySpent: [], comment: 'brak sali' },
      // the unit wrote what it did („Zakres realizacji (opis)”): printed instead of the sentence from its
      // figures; the comment explains a deviation and is not part of the annex
      { activityId: meetings[7]!.activity.id, status: 'realized' as const, moneySpent: [], comment: 'mniej spotkań: remont sali',
        actual: { measures: [{ kind: 'spotkanie', value: 3 }] }, scopeDescription: 'Trzy spotkania w plenerze, w tym jedno z udziałem Straży Miejskiej.' },
    ];
    const saved = await unit('PUT', API_PATHS.report(OPEN_YEAR, UNIT), { baseVersion: 0, entries }, { 'Idempotency-Key': 'annex-demo-1' });
    expect(saved.status).toBe(201);

    const doc = zipEntries((await download(app.url + API_PATHS.reportDocx(OPEN_YEAR), tokens.reviewer)).body).get('word/document.xml')!;
    const rows = tableRows(doc);
    const scopeOf = (activityId: string) => {
      const name = meetings.find((m) => m.activity.id === activityId)!.activity.name;
      return rows.find((r) => r[0] === name)![3];
    };
    const expected = ['1 spotkanie, 1 uczestnik', '2 spotkania, 2 uczestników', '5 spotkań, 5 uczestników', '12 spotkań, 12 uczestników', '22 spotkania, 22 uczestników', '25 spotkań, 25 uczestników'];
    counts.forEach((_, i) => expect(scopeOf(meetings[i]!.activity.id)).toBe(expected[i]));
    expect(scopeOf(meetings[6]!.activity.id)).toBe('wydarzenie nie było realizowane w 2025 roku');
    expect(scopeOf(meetings[7]!.activity.id)).toBe('Trzy spotkania w plenerze, w tym jedno z udziałem Straży Miejskiej.');
    expect(doc).not.toContain('remont sali');
    // the header speaks of the year; activities nobody reported yet say so
    expect(doc).toContain('>Zakres realizacji zadania w 2025 roku<');
    expect(doc).toContain('>jednostka nie przekazała informacji o realizacji<');
    // not every report of the year is accepted: the annex says it is a draft
    expect(doc).toMatch(/>Wersja robocza: zaakceptowane sprawozdania jednostek — 0 z \d+\. Dane pozostałych jednostek mogą się jeszcze zmienić\.</);
  });
});
