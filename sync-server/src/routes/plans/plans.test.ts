import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  API_PATHS, PLAN_PATHS, PROGRAM_PATHS, PlanCompletenessRowSchema, PlanHistorySchema, PlanPreviousResponseSchema, UnitPlanSchema,
  type Assignment, type PlanEntry,
} from '@pwr-sync/shared';
import { backends, client, createTestDb, OPEN_YEAR, pickUnits, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';
import { resetPlans } from './testSupport.ts';

const { unitA, unitB } = pickUnits();
const YEAR = OPEN_YEAR;

describe.each(backends())('units’ plans on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let other: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let ids: string[];
  let idsB: string[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'rep-a', 'unit_reporter', unitA));
    other = client(app.url, await userToken(t.db, 'rep-b', 'unit_reporter', unitB));
    reviewer = client(app.url, await userToken(t.db, 'rev', 'reviewer'));
    manager = client(app.url, await userToken(t.db, 'mgr', 'manager'));
    admin = client(app.url, await userToken(t.db, 'adm', 'admin'));
    const own = (r: { body: { assignments: Assignment[] } }) => r.body.assignments.filter((a) => a.role === 'reporting').map((a) => a.activity.id);
    ids = own(await unit('GET', API_PATHS.assignments(YEAR, unitA)));
    idsB = own(await other('GET', API_PATHS.assignments(YEAR, unitB)));
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetPlans(t.db, YEAR));

  const plan = () => PLAN_PATHS.plan(YEAR, unitA);
  /** A complete plan: the first activity with two measures, every other with one. */
  const fullPlan = (): PlanEntry[] => ids.map((activityId, i) => ({
    activityId,
    measures: i === 0 ? [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 200 }] : [{ kind: 'uczestnik', value: 10 + i }],
  }));

  it('saves a plan as versions with measure ids and field-level history', async () => {
    const first = await unit('PUT', plan(), { baseVersion: 0, entries: fullPlan().slice(0, 2) }, { 'x-pwr-client': 'addin' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, savedBy: 'Test rep-a', replayed: false });
    const got = UnitPlanSchema.parse((await unit('GET', plan())).body);
    expect(got).toMatchObject({ version: 1, state: 'draft', editable: true, source: 'addin' });
    expect(got.entries[0]!.measures).toEqual([{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', value: 200 }]);

    // the unit changes one target and adds a measure: ids stay, the new one takes the next free id
    const entries = got.entries.map((e, i) => (i === 0 ? { ...e, measures: [{ ...e.measures[0]!, value: 24 }, e.measures[1]!, { kind: 'godzina', value: 12.5 }] } : e));
    expect((await unit('PUT', plan(), { baseVersion: 1, entries })).status).toBe(201);
    const history = PlanHistorySchema.parse((await unit('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.versions.map((v) => [v.version, v.source])).toEqual([[1, 'addin'], [2, 'api']]);
    expect(history.changes.filter((c) => c.version === 2).map((c) => [c.activityId, c.field, c.old, c.new])).toEqual([
      [ids[0], 'measure:1', '20 spotkanie', '24 spotkanie'],
      [ids[0], 'measure:3', null, '12.5 godzina'],
    ]);
  });

  it('refuses another unit’s plan (403), a stale version (409) and a locked plan (423)', async () => {
    const body = { baseVersion: 0, entries: fullPlan() };
    const foreign = await other('PUT', plan(), body);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe(`Twoja jednostka (${unitB}) nie może zapisywać planu jednostki ${unitA}.`);
    expect((await other('GET', plan())).status).toBe(403);
    expect((await manager('PUT', plan(), body)).status).toBe(403);
    // activities of another unit inside one's own plan
    const theirs = await unit('PUT', plan(), { baseVersion: 0, entries: [{ activityId: idsB[0], measures: [] }] });
    expect(theirs.status).toBe(403);

    expect((await unit('PUT', plan(), body)).status).toBe(201);
    const stale = await unit('PUT', plan(), body);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.error).toContain('zapisana wersja 1, a edycję zaczęto od wersji 0');
    expect(UnitPlanSchema.parse(stale.body.currentPlan).version).toBe(1);

    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA), { version: 1 })).status).toBe(200);
    const locked = await unit('PUT', plan(), { ...body, baseVersion: 1 });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'plan_locked', error: 'Plan przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.' });
    expect((await unit('GET', plan())).body.editable).toBe(false);
  });

  const broken = (measures: PlanEntry['measures']) => ({ baseVersion: 0, entries: [{ activityId: ids[0], measures }] });
  it.each<[string, PlanEntry['measures'], string, string, string]>([
    ['a zero target', [{ kind: 'spotkanie', value: 0 }], 'target_not_positive', 'value', 'miara 1 („spotkanie”): pole „cel” musi być większe od zera (wpisano 0)'],
    ['a negative target', [{ kind: 'rodzina', value: -5 }], 'target_not_positive', 'value', 'pole „cel” musi być większe od zera (wpisano -5)'],
    ['a fraction of people', [{ kind: 'uczestnik', value: 10.5 }], 'target_not_whole', 'value', 'pole „cel”: liczba uczestników musi być całkowita (wpisano 10,5)'],
    ['a fraction of events', [{ kind: 'wydarzenie', value: 2.25 }], 'target_not_whole', 'value', 'liczba wydarzeń musi być całkowita'],
    ['a kind outside the vocabulary', [{ kind: 'hackathon', value: 3 }], 'kind_unknown', 'kind', 'pole „rodzaj miary”: rodzaju „hackathon” nie ma w słowniku'],
    ['an empty kind', [{ kind: ' ', value: 3 }], 'kind_missing', 'kind', 'pole „rodzaj miary” jest puste'],
    ['a proposed kind without all forms', [{ kind: 'hackathon', value: 3, proposedForms: { one: 'hackathon', few: 'hackathony', many: '' } }], 'kind_forms_missing', 'proposedForms', 'uzupełnij: forma dla 5 i więcej'],
    ['a kind and qualifier twice', [{ kind: 'godzina', value: 3, qualifier: 'usług' }, { kind: 'godzina', value: 4, qualifier: 'Usług' }], 'duplicate_measure', 'qualifier', 'ta sama miara z opisem „Usług” jest już w tym działaniu'],
  ])('422 for %s, naming the field in Polish', async (_name, measures, code, field, message) => {
    const r = await unit('PUT', plan(), broken(measures));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('plan_invalid');
    expect(r.body.problems).toEqual([expect.objectContaining({ activityId: ids[0], code, field })]);
    expect(r.body.problems[0].message).toMatch(new RegExp(`^Działanie ${ids[0]!.replace(/\./g, '\\.')}, miara \\d`));
    expect(r.body.problems[0].message).toContain(message);
    expect((await unit('GET', plan())).body.version).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['without a name', { name: '' }, 'name_missing', 'pole „nazwa działania” jest puste'],
    ['in an unknown task', { taskCode: 'IV.9' }, 'task_unknown', 'w programie nie ma zadania „IV.9”'],
    ['with an unknown partner', { partnerUnits: ['NIEMA'] }, 'partner_unknown', 'nie ma jednostki „NIEMA”'],
    ['with itself as a partner', { partnerUnits: [unitA] }, 'partner_self', 'jednostka proponująca jest jednostką sprawozdającą'],
  ])('422 for a proposal %s', async (_name, patch, code, message) => {
    const proposal = { key: 'p1', name: 'Rodzinny rajd rowerowy', taskCode: 'I.1', subsection: null, partnerUnits: [], ...patch };
    const r = await unit('PUT', plan(), { baseVersion: 0, entries: [], proposals: [proposal] });
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual([expect.objectContaining({ code, activityId: 'propozycja:p1' })]);
    expect(r.body.problems[0].message).toContain(message);
  });

  it('submit → return with a comment → fix → submit → accept: the accepted plan is what the unit reports against', async () => {
    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA))).body.code).toBe('plan_empty');
    await unit('PUT', plan(), { baseVersion: 0, entries: fullPlan().slice(0, 1) });
    const incomplete = await unit('POST', PLAN_PATHS.submit(YEAR, unitA));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('plan_incomplete');
    expect(incomplete.body.problems.map((p: { activityId: string }) => p.activityId)).toEqual(ids.slice(1));
    expect(incomplete.body.problems[0].message).toContain('brak planu — dodaj co najmniej jedną miarę albo wypełnij pole „wskaźniki rezultatów (opis)”');

    const proposal = { key: 'p1', name: 'Rodzinny rajd rowerowy', taskCode: 'I.1', subsection: null, partnerUnits: [unitB] };
    const entries = fullPlan().map((e, i) => (i === 1 ? { ...e, measures: [{ kind: 'rajd', value: 2, proposedForms: { one: 'rajd', few: 'rajdy', many: 'rajdów' } }] } : e));
    expect((await unit('PUT', plan(), { baseVersion: 1, entries, proposals: [proposal] })).status).toBe(201);
    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA), { version: 2 })).body.state).toBe('submitted');
    expect((await unit('POST', PLAN_PATHS.accept(YEAR, unitA))).status).toBe(403);
    expect((await manager('POST', PLAN_PATHS.return(YEAR, unitA), { comment: 'x' })).status).toBe(403);
    const returned = await reviewer('POST', PLAN_PATHS.return(YEAR, unitA), { comment: 'Cel spotkań za niski wobec 2024 r.' });
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Cel spotkań za niski wobec 2024 r.', editable: true });
    expect((await unit('GET', plan())).body.reviewComment).toBe('Cel spotkań za niski wobec 2024 r.');

    const fixed = entries.map((e, i) => (i === 0 ? { ...e, measures: [{ kind: 'spotkanie', value: 30 }, { kind: 'uczestnik', value: 200 }] } : e));
    const saved = await unit('PUT', plan(), { baseVersion: 2, entries: fixed, proposals: [proposal] });
    expect(saved.status).toBe(201);
    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA))).body.state).toBe('submitted');
    const accepted = await reviewer('POST', PLAN_PATHS.accept(YEAR, unitA));
    expect(accepted.body).toMatchObject({ state: 'accepted', version: 3, editable: false });
    expect((await unit('PUT', plan(), { baseVersion: 3, entries: fixed })).status).toBe(423);

    // the accepted plan is the year's plan: assignments, the new activity, the new measure kind
    const assignments: Assignment[] = (await unit('GET', API_PATHS.assignments(YEAR, unitA))).body.assignments;
    const first = assignments.find((a) => a.activity.id === ids[0])!;
    expect(first.plan).toEqual({ kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 30 }, { id: '2', kind: 'uczestnik', value: 200 }] });
    const joined = assignments.find((a) => a.activity.name === 'Rodzinny rajd rowerowy')!;
    expect(joined.activity).toMatchObject({ taskCode: 'I.1', subsection: null, responsibleUnits: [{ orgUnitCode: unitA, role: 'reporting' }, { orgUnitCode: unitB, role: 'contributing' }] });
    expect(joined.activity.id).toMatch(/^I\.1-\d{2,3}$/);
    expect(joined.plan).toEqual({ kind: 'new_activity', measures: [], text: `przedsięwzięcie włączone do Programu w ${YEAR} roku`, sinceYear: YEAR });
    expect((await other('GET', API_PATHS.assignments(YEAR, unitB))).body.assignments.map((a: Assignment) => [a.activity.id, a.role])).toContainEqual([joined.activity.id, 'contributing']);
    expect((await unit('GET', PLAN_PATHS.measureKinds)).body).toEqual([{ lemma: 'rajd', forms: { one: 'rajd', few: 'rajdy', many: 'rajdów' }, acceptedYear: YEAR }]);

    // the year moves to reporting (plans lock); the unit reports one figure per planned measure; variance compares with the accepted plan
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(YEAR), { from: 'planning', to: 'reporting' })).status).toBe(200);
    expect((await unit('PUT', plan(), { baseVersion: 3, entries: fixed })).status).toBeGreaterThanOrEqual(409);
    const report = assignments.filter((a) => a.role === 'reporting').map((a) => ({
      activityId: a.activity.id,
      status: a.plan.measures.length ? 'realized' : 'ongoing',
      actual: { measures: a.plan.measures.map((m) => ({ kind: m.kind, value: a.activity.id === ids[0] && m.kind === 'spotkanie' ? 9 : m.value, planMeasureId: m.id })) },
      moneySpent: [], comment: a.plan.measures.length ? (a.activity.id === ids[0] ? 'połowa spotkań online' : '') : 'rajd w przygotowaniu',
    }));
    const put = await unit('PUT', API_PATHS.report(YEAR, unitA), { baseVersion: 0, entries: report });
    expect(put.status).toBe(201);
    const rows = (await reviewer('GET', `${API_PATHS.consolidated(YEAR)}?unit=${encodeURIComponent(unitA)}`)).body;
    expect(rows.find((r: { activityId: string; measureKind: string }) => r.activityId === ids[0] && r.measureKind === 'spotkanie'))
      .toMatchObject({ plan: 30, actual: 9, ratio: 0.3, band: 'far_below', planMeasureId: '1' });
    expect(rows.find((r: { activityId: string }) => r.activityId === ids[1])).toMatchObject({ measureKind: 'rajd', plan: 2, actual: 2, band: 'on_plan' });

    // reopened by MOPS the plan is a draft again and the history keeps every version and move
    expect((await reviewer('POST', PLAN_PATHS.reopen(YEAR, unitA), { comment: 'korekta celu' })).body.state).toBe('draft');
    const history = PlanHistorySchema.parse((await reviewer('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.events.map((e) => [e.action, e.by, e.version, e.comment])).toEqual([
      ['submitted', 'Test rep-a', 2, null],
      ['returned', 'Test rev', 2, 'Cel spotkań za niski wobec 2024 r.'],
      ['submitted', 'Test rep-a', 3, null],
      ['accepted', 'Test rev', 3, null],
      ['reopened', 'Test rev', 3, 'korekta celu'],
    ]);
  });

  it('the year moves to reporting: plans lock for units (423 in Polish); only MOPS changes one by reopening it; reporting reads the accepted plan; history keeps every version', async () => {
    await unit('PUT', plan(), { baseVersion: 0, entries: fullPlan() });
    await unit('POST', PLAN_PATHS.submit(YEAR, unitA));
    expect((await reviewer('POST', PLAN_PATHS.accept(YEAR, unitA))).body.state).toBe('accepted');
    const draftB = { baseVersion: 0, entries: [{ activityId: idsB[0], measures: [{ kind: 'spotkanie', value: 3 }] }] };
    expect((await other('PUT', PLAN_PATHS.plan(YEAR, unitB), draftB)).status).toBe(201);
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(YEAR), { from: 'planning', to: 'reporting' })).status).toBe(200);

    // a unit's draft is locked with the year: neither saved nor handed in
    const lockedYear = `Rok ${YEAR} jest już w fazie sprawozdawczej — plany są zablokowane; zmienić plan może tylko MOPS, otwierając go ponownie.`;
    const savedB = await other('PUT', PLAN_PATHS.plan(YEAR, unitB), { ...draftB, baseVersion: 1 });
    expect(savedB.status).toBe(423);
    expect(savedB.body).toEqual(expect.objectContaining({ code: 'plan_locked', error: lockedYear }));
    expect((await other('POST', PLAN_PATHS.submit(YEAR, unitB))).status).toBe(423);
    expect((await other('GET', PLAN_PATHS.plan(YEAR, unitB))).body).toMatchObject({ version: 1, state: 'draft', editable: false });

    // the accepted plan: locked for the unit; MOPS reopens it, and still only MOPS changes it
    expect((await unit('PUT', plan(), { baseVersion: 1, entries: fullPlan() })).status).toBe(423);
    expect((await reviewer('POST', PLAN_PATHS.reopen(YEAR, unitA), { comment: 'korekta celu po zmianie budżetu' })).body.state).toBe('draft');
    const changed = fullPlan().map((e, i) => (i === 0 ? { ...e, measures: [{ kind: 'spotkanie', value: 26 }, e.measures[1]!] } : e));
    const byUnit = await unit('PUT', plan(), { baseVersion: 1, entries: changed });
    expect(byUnit.status).toBe(423);
    expect(byUnit.body.error).toBe(lockedYear);
    expect((await reviewer('PUT', plan(), { baseVersion: 1, entries: changed })).status).toBe(201);

    // until MOPS accepts the change, reporting (and variance) read the accepted plan
    const planOf = async () => ((await unit('GET', API_PATHS.assignments(YEAR, unitA))).body.assignments as Assignment[]).find((a) => a.activity.id === ids[0])!.plan.measures[0];
    expect(await planOf()).toMatchObject({ id: '1', kind: 'spotkanie', value: 20 });
    expect((await reviewer('POST', PLAN_PATHS.accept(YEAR, unitA))).body.state).toBe('accepted');
    expect(await planOf()).toMatchObject({ id: '1', kind: 'spotkanie', value: 26 });

    const history = PlanHistorySchema.parse((await unit('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.versions.map((v) => [v.version, v.savedBy, v.source])).toEqual([[1, 'Test rep-a', 'api'], [2, 'Test rev', 'mops']]);
    expect(history.events.map((e) => [e.action, e.by])).toEqual([['submitted', 'Test rep-a'], ['accepted', 'Test rev'], ['reopened', 'Test rev'], ['accepted', 'Test rev']]);
    expect(history.changes.filter((c) => c.version === 2).map((c) => [c.field, c.old, c.new])).toEqual([['measure:1', '20 spotkanie', '26 spotkanie']]);
  });

  it('MOPS enters many units’ plans at once, audited as its entry; a broken one saves nothing', async () => {
    const bulk = { plans: [{ orgUnitCode: unitA, entries: fullPlan() }, { orgUnitCode: unitB, entries: idsB.map((activityId) => ({ activityId, measures: [], description: 'wg potrzeb' })) }], accept: true };
    expect((await unit('PUT', PLAN_PATHS.bulk(YEAR), bulk)).status).toBe(403);
    const bad = await reviewer('PUT', PLAN_PATHS.bulk(YEAR), { ...bulk, plans: [bulk.plans[0], { orgUnitCode: unitB, entries: [{ activityId: idsB[0], measures: [{ kind: 'osoba', value: 0 }] }] }] });
    expect(bad.status).toBe(422);
    expect(bad.body.problems.map((p: { orgUnitCode: string; code: string }) => `${p.orgUnitCode}:${p.code}`)).toContain(`${unitB}:target_not_positive`);
    expect(bad.body.problems.find((p: { code: string }) => p.code === 'target_not_positive').message).toMatch(new RegExp(`^Jednostka ${unitB.replace(/\//g, '\\/')} — Działanie `));
    expect((await reviewer('GET', PLAN_PATHS.plan(YEAR, unitA))).body.version).toBe(0);

    const ok = await reviewer('PUT', PLAN_PATHS.bulk(YEAR), bulk);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.saved).toEqual([{ orgUnitCode: unitA, version: 1, state: 'accepted' }, { orgUnitCode: unitB, version: 1, state: 'accepted' }]);
    const history = PlanHistorySchema.parse((await unit('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.versions).toEqual([expect.objectContaining({ version: 1, savedBy: 'Test rev', source: 'mops_import' })]);
    expect(history.events).toEqual([expect.objectContaining({ action: 'accepted', by: 'Test rev' })]);
    const rows = (await reviewer('GET', PLAN_PATHS.completeness(YEAR))).body.map((r: unknown) => PlanCompletenessRowSchema.parse(r));
    expect(rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === unitA)).toMatchObject({ state: 'accepted', filled: ids.length, activities: ids.length, source: 'mops_import', lastChangeBy: 'Test rev' });
    expect(rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === unitB)).toMatchObject({ state: 'accepted', filled: idsB.length });
    const assignmentsB: Assignment[] = (await other('GET', API_PATHS.assignments(YEAR, unitB))).body.assignments;
    expect(assignmentsB.find((a) => a.activity.id === idsB[0])!.plan).toEqual({ kind: 'descriptive', measures: [], text: 'wg potrzeb' });
  });

  it('MOPS enters one unit’s plan and accepts it without a submit; a unit’s own draft needs its submit', async () => {
    await unit('PUT', plan(), { baseVersion: 0, entries: fullPlan() });
    expect((await reviewer('POST', PLAN_PATHS.accept(YEAR, unitA))).status).toBe(409);
    const byMops = await reviewer('PUT', plan(), { baseVersion: 1, entries: fullPlan() });
    expect(byMops.status).toBe(201);
    expect((await unit('GET', plan())).body).toMatchObject({ source: 'mops', savedBy: 'Test rev' });
    expect((await reviewer('POST', PLAN_PATHS.accept(YEAR, unitA))).body.state).toBe('accepted');
  });

  it('completeness lists every reporting unit; last year stands beside this year', async () => {
    await unit('PUT', plan(), { baseVersion: 0, entries: fullPlan().slice(0, 2) });
    expect((await unit('GET', PLAN_PATHS.completeness(YEAR))).status).toBe(403);
    const rows = (await manager('GET', PLAN_PATHS.completeness(YEAR))).body;
    expect(rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === unitA)).toMatchObject({ state: 'draft', version: 1, filled: 2, activities: ids.length, source: 'api' });
    expect(rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === unitB)).toMatchObject({ state: 'not_started', version: 0, filled: 0 });

    const previous = PlanPreviousResponseSchema.parse((await unit('GET', PLAN_PATHS.previous(YEAR, unitA))).body);
    expect(previous.previousYear).toBe(YEAR - 1);
    expect(previous.activities.map((a) => a.activityId)).toEqual(ids);
    const withFigures = previous.activities.filter((a) => a.previousPlan?.kind === 'target' && a.previousActual && a.previousActual.measures.length > 0);
    expect(withFigures.length).toBeGreaterThan(0);
    expect((await other('GET', PLAN_PATHS.previous(YEAR, unitA))).status).toBe(403);
  });
});
