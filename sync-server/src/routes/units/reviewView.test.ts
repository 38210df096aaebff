/**
 * Reviewing with the report in front of the reviewer: the report view (plan, figures, bands, the
 * unit's texts, what changed since the version this reviewer last saw), a return with comments on
 * activities that the unit sees, answers and resolves by resubmitting, reopening an accepted report
 * with a reason, and MOPS entering figures on a unit's behalf (audited as MOPS's, visible to the unit).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { API_PATHS, HistorySchema, measureKey, REVIEW_PATHS, ReviewCommentSchema, ReviewViewSchema, UNIT_SHEET_NAME, columnIndex, type Assignment, type ReportEntry } from '@pwr-sync/shared';
import { backends, client, createTestDb, download, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, upload, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA, unitB } = pickUnits();

describe.each(backends())('the reviewer\'s report view, comments and entry on behalf on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let otherUnit: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let assignments: Assignment[];
  let entries: ReportEntry[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'rv-a', 'unit_reporter', unitA));
    otherUnit = client(app.url, await userToken(t.db, 'rv-b', 'unit_reporter', unitB));
    reviewer = client(app.url, await userToken(t.db, 'rv-rev', 'reviewer'));
    manager = client(app.url, await userToken(t.db, 'rv-mgr', 'manager'));
    assignments = (await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments;
    entries = fullReport(assignments);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  const report = API_PATHS.report(OPEN_YEAR, unitA);
  const view = async () => {
    const r = await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA));
    expect(r.status).toBe(200);
    return ReviewViewSchema.parse(r.body);
  };
  /** Two reported activities with a planned measure: the ones the comments are about. */
  const targets = () => assignments.filter((a) => a.role === 'reporting' && a.plan.kind === 'target' && a.plan.measures.length > 0).slice(0, 2);

  it('shows every activity with plan, figure, band and the unit\'s texts; returns with comments the unit sees, answers and resolves', async () => {
    const [first, second] = targets() as [Assignment, Assignment];
    // The unit reports half of the first activity's plan, with a comment and its own text.
    const half = entries.map((e) => e.activityId !== first.activity.id ? e : {
      ...e, comment: 'Mniej chętnych niż zakładano.', scopeDescription: 'Zajęcia w dwóch filiach.',
      actual: { measures: e.actual.measures.map((m) => ({ ...m, value: Math.floor(m.value / 2) })) },
    });
    expect((await unit('PUT', report, { baseVersion: 0, entries: half })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);

    // A manager reads the report view too, but cannot decide.
    expect((await manager('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await manager('POST', API_PATHS.accept(OPEN_YEAR, unitA), {})).status).toBe(403);
    expect((await unit('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA))).status).toBe(403);
    const v1 = await view();
    expect(v1.report).toMatchObject({ version: 1, state: 'submitted' });
    expect(v1.seenVersion).toBeNull();
    expect(v1.activities.map((a) => a.activityId)).toEqual(entries.map((e) => e.activityId));
    expect(v1.activities.every((a) => !a.changed)).toBe(true);
    const shown = v1.activities.find((a) => a.activityId === first.activity.id)!;
    expect(shown.entry).toMatchObject({ comment: 'Mniej chętnych niż zakładano.', scopeDescription: 'Zajęcia w dwóch filiach.' });
    expect(shown.rows[0]).toMatchObject({ activityName: first.activity.name, plan: first.plan.measures[0]!.value, comment: 'Mniej chętnych niż zakładano.' });
    // Half the plan is below the on-plan threshold (90 %), at or above the far-below one (50 %) when the plan is even.
    expect(['below', 'far_below']).toContain(shown.rows[0]!.band);

    // Comments must name the unit's own activities and a measure of the plan.
    const notOurs = (await reviewer('GET', API_PATHS.assignments(OPEN_YEAR, unitB))).body.assignments.find((x: Assignment) => x.role === 'reporting').activity.id as string;
    const foreign = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comments: [{ activityId: notOurs, text: 'x' }] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toContain(notOurs);
    const badMeasure = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comments: [{ activityId: first.activity.id, measureKey: 'smok', text: 'x' }] });
    expect(badMeasure.status).toBe(422);
    expect(badMeasure.body.error).toContain('„smok”');
    expect((await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comments: [] })).status).toBe(400);

    const key = measureKey(first.plan.measures[0]!);
    const returned = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), {
      comment: 'Dwie poprawki, reszta w porządku.',
      comments: [
        { activityId: first.activity.id, measureKey: key, text: 'Wyjaśnij, dlaczego wykonano tylko połowę.' },
        { activityId: second.activity.id, text: 'Uzupełnij opis zakresu realizacji.' },
      ],
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Dwie poprawki, reszta w porządku.' });

    // The unit sees both comments at their activities.
    const seen = ReviewCommentSchema.array().parse((await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body);
    expect(seen.map((c) => [c.activityId, c.measureKey, c.status, c.by])).toEqual([
      [first.activity.id, key, 'open', 'Test rv-rev'],
      [second.activity.id, null, 'open', 'Test rv-rev'],
    ]);
    expect((await otherUnit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).status).toBe(403);

    // It answers the first, fixes the second, and hands the report in again.
    const reply = REVIEW_PATHS.replies(OPEN_YEAR, unitA, seen[0]!.id);
    expect((await otherUnit('POST', reply, { text: 'nie nasze' })).status).toBe(403);
    expect((await unit('POST', reply, { text: '   ' })).status).toBe(400);
    expect((await unit('POST', REVIEW_PATHS.replies(OPEN_YEAR, unitA, 999_999), { text: 'x' })).status).toBe(404);
    expect((await unit('POST', reply, { text: 'Połowa grup nie ruszyła — brak sal w styczniu.' })).status).toBe(201);
    // The template the unit downloads shows both at their activities' first lines, with the answer, and the overall note.
    const template = await download(app.url + API_PATHS.template(OPEN_YEAR, unitA), await userToken(t.db, 'rv-a', 'unit_reporter', unitA));
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(UNIT_SHEET_NAME)!;
    const at = (key: Parameters<typeof columnIndex>[0], r: number) => ws.getCell(r, columnIndex(key) + 1).value;
    const inSheet = new Map<string, { line: unknown; text: string }>();
    for (let r = 2; r <= ws.rowCount; r++) if (at('reviewComments', r) !== null) inSheet.set(String(at('activityId', r)), { line: at('line', r), text: String(at('reviewComments', r)) });
    expect([...inSheet.keys()]).toEqual([first.activity.id, second.activity.id]);
    expect([...inSheet.values()].map((x) => x.line)).toEqual([1, 1]);
    expect(inSheet.get(first.activity.id)!.text).toMatch(/^⚠ Uwaga weryfikatora — otwarta\nTest rv-rev, .+\nDotyczy miary: .+\nWyjaśnij, dlaczego wykonano tylko połowę\.\n↳ Test rv-a, .+: Połowa grup nie ruszyła — brak sal w styczniu\.$/);
    expect(wb.getWorksheet('Instrukcja')!.getColumn(1).values.map(String)).toContain('Uwaga ogólna weryfikatora do całego sprawozdania: Dwie poprawki, reszta w porządku.');
    const fixed = half.map((e) => (e.activityId === second.activity.id ? { ...e, scopeDescription: 'Warsztaty dla rodziców w trzech dzielnicach.' } : e));
    expect((await unit('PUT', report, { baseVersion: 1, entries: fixed })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);

    // The reviewer sees what changed since version 1 and which comment is still open.
    const v2 = await view();
    expect(v2.seenVersion).toBe(1);
    expect(v2.activities.filter((a) => a.changed).map((a) => a.activityId)).toEqual([second.activity.id]);
    const changed = v2.activities.find((a) => a.changed)!;
    expect(changed.previous?.scopeDescription ?? '').not.toBe(changed.entry?.scopeDescription);
    expect(v2.comments.map((c) => [c.activityId, c.status, c.resolvedVersion, c.replies.map((r) => [r.by, r.fromUnit, r.text])])).toEqual([
      [first.activity.id, 'open', null, [['Test rv-a', true, 'Połowa grup nie ruszyła — brak sal w styczniu.']]],
      [second.activity.id, 'resolved', 2, []],
    ]);
    // Opening it again keeps the comparison with version 1 (the last version seen before this one).
    expect((await view()).seenVersion).toBe(1);

    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA), {})).body.state).toBe('accepted');
    // Undo: reopening an accepted report needs a reason, which the audit keeps.
    const noReason = await reviewer('POST', API_PATHS.reopen(OPEN_YEAR, unitA), {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toContain('powód');
    expect((await reviewer('POST', API_PATHS.reopen(OPEN_YEAR, unitA), { comment: 'Błędna kwota w II.1 — do korekty.' })).body.state).toBe('draft');
    const events = HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body).events;
    expect(events.slice(-2).map((e) => [e.action, e.by, e.comment])).toEqual([
      ['accepted', 'Test rv-rev', null],
      ['reopened', 'Test rv-rev', 'Błędna kwota w II.1 — do korekty.'],
    ]);
  });

  it('MOPS enters a late unit\'s figures on its behalf: audited as MOPS\'s with the reason, visible to the unit; a manager cannot', async () => {
    const late = entries.map((e, i) => (i === 0 ? { ...e, comment: 'Dane z e-maila' } : e));
    expect((await manager('PUT', report, { baseVersion: 0, entries: late, onBehalfReason: 'e-mail' })).status).toBe(403);
    const noReason = await reviewer('PUT', report, { baseVersion: 0, entries: late });
    expect(noReason.status).toBe(422);
    expect(noReason.body.problems).toEqual([expect.objectContaining({ field: 'onBehalfReason', code: 'required' })]);
    // The same rules as the unit's own save.
    const invalid = await reviewer('PUT', report, { baseVersion: 0, entries: [...late, late[0]], onBehalfReason: 'e-mail' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.problems.map((p: { code: string }) => p.code)).toContain('duplicate_entry');
    const base = 0;

    const saved = await reviewer('PUT', report, { baseVersion: base, entries: late, onBehalfReason: 'Dane przesłane e-mailem 12.01 (sprawozdanie spóźnione).' });
    expect(saved.status).toBe(201);
    expect(saved.body.savedBy).toBe('Test rv-rev');
    // The unit sees that MOPS changed its report, why, and what changed.
    const history = HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body);
    const byMops = history.versions.at(-1)!;
    expect(byMops).toMatchObject({ savedBy: 'Test rv-rev', onBehalfReason: 'Dane przesłane e-mailem 12.01 (sprawozdanie spóźnione).' });
    expect(history.changes.filter((c) => c.version === byMops.version)).toContainEqual(expect.objectContaining({
      activityId: entries[0]!.activityId, onBehalfReason: 'Dane przesłane e-mailem 12.01 (sprawozdanie spóźnione).', change: { field: 'comment', old: null, new: 'Dane z e-maila' },
    }));
    expect((await unit('GET', report)).body).toMatchObject({ version: byMops.version, savedBy: 'Test rv-rev', state: 'draft' });

    // A report waiting for review can be corrected by MOPS; an accepted one must be reopened first.
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    const corrected = await reviewer('PUT', report, { baseVersion: byMops.version, entries, onBehalfReason: 'Korekta literówki w komentarzu.' });
    expect(corrected.status).toBe(201);
    expect((await unit('GET', report)).body.state).toBe('submitted');
    await view();
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA), {})).status).toBe(200);
    const locked = await reviewer('PUT', report, { baseVersion: corrected.body.version, entries: late, onBehalfReason: 'jeszcze raz' });
    expect(locked.status).toBe(423);
    expect(locked.body.error).toContain('otwórz');
    // The unit's own save still needs no reason; the reviewer's view lists the versions MOPS saved.
    expect((await view()).onBehalf.map((v) => v.reason)).toEqual(['Dane przesłane e-mailem 12.01 (sprawozdanie spóźnione).', 'Korekta literówki w komentarzu.']);
  });

  it('a reviewer settles an answered comment by hand, and accepting settles what is still open; the unit and the history see who did', async () => {
    const [first, second] = targets() as [Assignment, Assignment];
    expect((await unit('PUT', report, { baseVersion: 0, entries })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    await view();
    expect((await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { version: 1, comments: [
      { activityId: first.activity.id, text: 'Czy liczba uczestników jest pełna?' },
      { activityId: second.activity.id, text: 'Dopisz zakres realizacji.' },
    ] })).status).toBe(200);
    // The unit answers the first (no change needed), hands in again unchanged: it stays open.
    const [asked] = ReviewCommentSchema.array().parse((await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body);
    expect((await unit('POST', REVIEW_PATHS.replies(OPEN_YEAR, unitA, asked!.id), { text: 'Tak, pełna — z list obecności.' })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await view()).comments.map((c) => c.status)).toEqual(['open', 'open']);

    // Only MOPS's reviewer (or admin) settles it; the unit and a manager are refused in Polish.
    const resolve = REVIEW_PATHS.resolve(OPEN_YEAR, unitA, asked!.id);
    for (const who of [unit, manager]) {
      const refused = await who('POST', resolve, {});
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('Uznać uwagę za wyjaśnioną może tylko weryfikator MOPS (lub administrator).');
    }
    expect((await reviewer('POST', REVIEW_PATHS.resolve(OPEN_YEAR, unitA, 999_999), {})).status).toBe(404);
    const settled = await reviewer('POST', resolve, {});
    expect(settled.status).toBe(200);
    expect(ReviewCommentSchema.array().parse(settled.body).map((c) => [c.activityId, c.status, c.resolvedVersion, c.resolvedBy])).toEqual([
      [first.activity.id, 'resolved', 1, 'Test rv-rev'],
      [second.activity.id, 'open', null, null],
    ]);
    const again = await reviewer('POST', resolve, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toBe(`Uwaga nr ${asked!.id} jest już rozwiązana.`);

    // Accepting settles the comment still open, by the accepting reviewer; the unit sees none open.
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA), { version: 1 })).body.state).toBe('accepted');
    const closed = ReviewCommentSchema.array().parse((await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body);
    expect(closed.map((c) => [c.status, c.resolvedBy, c.replies.length])).toEqual([['resolved', 'Test rv-rev', 1], ['resolved', 'Test rv-rev', 0]]);
    // The history keeps the thread: each comment, the answer, and who settled each.
    const thread = HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body).changes
      .filter((c) => c.change.field.startsWith('review')).map((c) => [c.activityId, c.change.field, c.savedBy, 'byReviewer' in c.change ? c.change.byReviewer : undefined]);
    expect(thread).toEqual([
      [first.activity.id, 'reviewComment', 'Test rv-rev', undefined],
      [second.activity.id, 'reviewComment', 'Test rv-rev', undefined],
      [first.activity.id, 'reviewReply', 'Test rv-a', undefined],
      [first.activity.id, 'reviewCommentResolved', 'Test rv-rev', true],
      [second.activity.id, 'reviewCommentResolved', 'Test rv-rev', true],
    ]);
  });

  it('a comment\'s thread is bounded: the 51st answer is refused in Polish, naming the limit, and nothing is added', async () => {
    const [first] = targets() as [Assignment];
    expect((await unit('PUT', report, { baseVersion: 0, entries })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    await view();
    expect((await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comments: [{ activityId: first.activity.id, text: 'Sprawdź liczby.' }] })).status).toBe(200);
    const [asked] = ReviewCommentSchema.array().parse((await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body);
    const reply = REVIEW_PATHS.replies(OPEN_YEAR, unitA, asked!.id);
    for (let i = 1; i <= 50; i++) expect((await (i % 2 ? unit : reviewer)('POST', reply, { text: `odpowiedź ${i}` })).status).toBe(201);
    for (const who of [unit, reviewer]) {
      const refused = await who('POST', reply, { text: 'jeszcze jedna' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'too_many_replies', error: 'Pod tą uwagą jest już 50 odpowiedzi — więcej dodać nie można. Dalsze wyjaśnienia wpisz w komentarzu do działania.' });
    }
    const thread = ReviewCommentSchema.array().parse((await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body)[0]!.replies;
    expect(thread).toHaveLength(50);
    expect(thread.map((r) => r.fromUnit).slice(0, 2)).toEqual([true, false]);
  });

  it('refuses a decision on a version other than the one shown (409 naming both), then decides on the new one once opened', async () => {
    expect((await unit('PUT', report, { baseVersion: 0, entries })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await view()).report.version).toBe(1);
    // Meanwhile a second reviewer corrects the waiting report on the unit's behalf, and opens version 2.
    const colleague = client(app.url, await userToken(t.db, 'rv-rev3', 'reviewer'));
    const corrected = entries.map((e, i) => (i === 0 ? { ...e, comment: 'Korekta z e-maila jednostki.' } : e));
    expect((await colleague('PUT', report, { baseVersion: 1, entries: corrected, onBehalfReason: 'Korekta z e-maila.' })).status).toBe(201);
    // Even when this reviewer has version 2 open elsewhere, a decision taken on version 1 is refused.
    await view();
    const unitName = (await reviewer('GET', API_PATHS.completeness(OPEN_YEAR))).body.find((r: { orgUnitCode: string }) => r.orgUnitCode === unitA).orgUnitName as string;
    const staleAccept = await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA), { version: 1 });
    expect(staleAccept.status).toBe(409);
    expect(staleAccept.body).toMatchObject({ code: 'version_conflict', current: { version: 2, state: 'submitted' } });
    expect(staleAccept.body.error).toBe(`Nie zaakceptowano sprawozdania jednostki ${unitName}: oglądasz wersję 1, a w międzyczasie zapisano wersję 2. Przejrzyj zmiany w wersji 2 i zdecyduj ponownie.`);
    const staleReturn = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { version: 1, comment: 'popraw' });
    expect(staleReturn.status).toBe(409);
    expect(staleReturn.body.error).toContain('Nie zwrócono sprawozdania');
    expect((await unit('GET', report)).body).toMatchObject({ version: 2, state: 'submitted' });
    expect(HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body).events.map((e) => e.action)).toEqual(['submitted']);
    // A version never opened by this reviewer is refused by name, not by code.
    const third = client(app.url, await userToken(t.db, 'rv-rev4', 'reviewer'));
    const unseen = await third('POST', API_PATHS.accept(OPEN_YEAR, unitA), { version: 2 });
    expect(unseen.body).toMatchObject({ code: 'report_not_seen', error: `Najpierw otwórz sprawozdanie jednostki ${unitName} (wersja 2) — zaakceptować lub zwrócić można tylko sprawozdanie, które zostało obejrzane.` });
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA), { version: 2 })).body).toMatchObject({ state: 'accepted', version: 2 });
  });

  it('MOPS uploads a unit\'s template on its behalf with a reason; without one it is refused, a manager is refused', async () => {
    const reviewerToken = await userToken(t.db, 'rv-rev2', 'reviewer');
    const template = await download(app.url + API_PATHS.template(OPEN_YEAR, unitA), reviewerToken);
    expect(template.status).toBe(200);
    const url = app.url + API_PATHS.upload(OPEN_YEAR, unitA);
    expect((await upload(url, await userToken(t.db, 'rv-mgr2', 'manager'), template.body, { onBehalfReason: 'x' })).status).toBe(403);
    const noReason = await upload(url, reviewerToken, template.body);
    expect(noReason.status).toBe(422);
    expect(noReason.body.problems[0].field).toBe('onBehalfReason');
    const saved = await upload(url, reviewerToken, template.body, { onBehalfReason: 'Szablon przysłany pocztą.' });
    expect(saved.status).toBe(201);
    const history = HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body);
    expect(history.versions.at(-1)).toMatchObject({ savedBy: 'Test rv-rev2', source: 'upload', onBehalfReason: 'Szablon przysłany pocztą.' });
  });

  it('a broken template MOPS uploads on a unit\'s behalf is refused with each problem at its sheet and cell; nothing is saved and the server keeps answering', async () => {
    const reviewerToken = await userToken(t.db, 'rv-rev3', 'reviewer');
    const template = await download(app.url + API_PATHS.template(OPEN_YEAR, unitA), reviewerToken);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ArrayBuffer);
    const status = columnIndex('status') + 1;
    wb.getWorksheet(UNIT_SHEET_NAME)!.getCell(2, status).value = 'prawie gotowe';
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await unit('GET', report)).body.version;
    const url = app.url + API_PATHS.upload(OPEN_YEAR, unitA);
    for (let i = 0; i < 2; i++) {
      const refused = await upload(url, reviewerToken, broken, { onBehalfReason: 'Dane przesłane e-mailem.' });
      expect(refused.status).toBe(422);
      expect(refused.body.problems).toContainEqual(expect.objectContaining({ sheet: UNIT_SHEET_NAME, cell: `${String.fromCharCode(64 + status)}2` }));
      expect(JSON.stringify(refused.body)).toContain('prawie gotowe');
    }
    expect((await unit('GET', report)).body.version).toBe(before);
    expect((await fetch(app.url + '/api/health')).status).toBe(200);
  });
});
