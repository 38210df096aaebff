/**
 * A return's comment belongs to the return event: current while the report is returned, and no
 * longer shown as the report's comment once the unit hands it in again (report, completeness,
 * and so the Kompletność sheet, which is built from the completeness rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, REVIEW_PATHS, type CompletenessRow, type ReportEntry } from '@pwr-sync/shared';
import { client, createTestDb, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA } = pickUnits();

describe('a return comment after resubmission', () => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let entries: ReportEntry[];

  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'rc-a', 'unit_reporter', unitA));
    reviewer = client(app.url, await userToken(t.db, 'rc-rev', 'reviewer'));
    await resetOpenYear(t.db);
    entries = fullReport((await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const comment = 'Uzupełnij wyjaśnienie przy I.1';
  const current = async () => ({
    report: (await unit('GET', API_PATHS.report(OPEN_YEAR, unitA))).body.reviewComment,
    completeness: ((await reviewer('GET', API_PATHS.completeness(OPEN_YEAR))).body as CompletenessRow[]).find((r) => r.orgUnitCode === unitA)!.reviewComment,
  });

  it('is current while returned, moves to the history on resubmission', async () => {
    expect((await unit('PUT', API_PATHS.report(OPEN_YEAR, unitA), { baseVersion: 0, entries })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comment })).status).toBe(200);
    expect(await current()).toEqual({ report: comment, completeness: comment });

    // Saving the corrections keeps it in view; handing the report in again ends it.
    expect((await unit('PUT', API_PATHS.report(OPEN_YEAR, unitA), { baseVersion: 1, entries })).status).toBe(201);
    expect((await current()).report).toBe(comment);
    const resubmitted = await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA));
    expect(resubmitted.body.reviewComment).toBeNull();
    expect(await current()).toEqual({ report: null, completeness: null });

    const history = (await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body;
    const returned = history.events.filter((e: { action: string }) => e.action === 'returned');
    expect(returned).toHaveLength(1);
    expect(returned[0].comment).toBe(comment);

    // Accepting does not bring it back either.
    await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA));
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA))).body.reviewComment).toBeNull();
    expect(await current()).toEqual({ report: null, completeness: null });
  });
});
