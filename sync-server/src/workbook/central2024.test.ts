/**
 * The 2024 central workbook against the reviewed pairing decisions, read back by LibreOffice with
 * every formula recalculated: a manager filtering „znacznie poniżej planu” sees only planned measures
 * that have a figure, exactly as many as the decisions give, and extras and „w tym” figures sit
 * under their own activity.
 */
import { describe, expect, it } from 'vitest';
import { loadPairing, loadSeed } from '@pwr-sync/seeds';
import {
  CONSOLIDATED_COLUMNS, DEFAULT_VARIANCE_POLICY, LINE_ROLE_LABELS, VARIANCE_BAND_LABELS, consolidateRows, parseIndicatorText,
  type ConsolidatedColumnKey,
} from '@pwr-sync/shared';
import { centralWorkbookBuffer } from './central.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';

const seed = loadSeed();
const pairing = loadPairing();
const rows = consolidateRows({
  year: 2024, program: seed.program, plans: new Map(seed.plans.map((p) => [p.activityId, p.plan])),
  reports: [...new Set(seed.reports.map((r) => r.orgUnitCode))].map((orgUnitCode) => ({
    orgUnitCode, version: 1, savedAt: null, savedBy: null, entries: seed.reports.filter((r) => r.orgUnitCode === orgUnitCode),
  })),
});
const col = (key: ConsolidatedColumnKey) => CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key);
const L = VARIANCE_BAND_LABELS;

/** „znacznie poniżej planu” as the decisions alone give it: the answering figures' sum under half the plan. */
function farBelowByDecisions(): number {
  const value = (excerpt: string, role: 'plan' | 'actual') => parseIndicatorText(excerpt, { role, year: 2024 }).measures[0]!.value;
  return pairing.activities.flatMap((a) => a.measures).filter((d) => {
    if (d.answer.length === 0) return false;
    const plan = value(d.plan, 'plan');
    return plan > 0 && d.answer.reduce((s, e) => s + value(e, 'actual'), 0) / plan < DEFAULT_VARIANCE_POLICY.farBelow;
  }).length;
}

describe.skipIf(skipLibreOffice)('the 2024 central workbook, recalculated by LibreOffice', async () => {
  const buffer = await centralWorkbookBuffer({
    year: 2024, rows, completeness: [], program: { areas: seed.program.areas, tasks: seed.program.tasks },
    orgUnits: seed.orgUnits, policy: DEFAULT_VARIANCE_POLICY, generatedAt: new Date('2025-03-01T08:00:00Z'),
  });
  const sheets = await libreOfficeSheets(buffer, { recalculate: true });
  const main = sheets.get('Zestawienie')!.slice(1).filter((r) => r[col('activityId')]);

  it('gives no row without a figure a ratio, a difference or a below/above band', () => {
    const withoutFigure = main.filter((r) => r[col('actual')] === '');
    expect(withoutFigure.length).toBeGreaterThan(0);
    for (const r of withoutFigure) {
      expect(r[col('ratio')], r[col('activityId')]).toBe('');
      expect(r[col('difference')], r[col('activityId')]).toBe('');
      expect(['', L.no_data, L.not_realized, L.no_target], r[col('activityId')]).toContain(r[col('band')]);
    }
    // every planned measure the report gives no figure for (and whose status is not "nothing done") is „brak danych”
    const noData = pairing.activities.flatMap((a) => a.measures).filter((d) => d.answer.length === 0 && d.basis !== 'status').length;
    expect(main.filter((r) => r[col('band')] === L.no_data)).toHaveLength(noData);
  });

  it('counts as many „znacznie poniżej planu” rows as the decisions give, none of them without a figure', () => {
    const farBelow = main.filter((r) => r[col('band')] === L.far_below);
    expect(farBelow).toHaveLength(farBelowByDecisions());
    expect(farBelow.every((r) => r[col('actual')] !== '' && r[col('lineRole')] === LINE_ROLE_LABELS.planned)).toBe(true);
  });

  it('shows extras and „w tym” figures under their own activity, without a band', () => {
    const lines = (id: string) => main.filter((r) => r[col('activityId')] === id).map((r) => [r[col('lineRole')], r[col('actual')], r[col('band')]]);
    expect(lines('II.2-11')).toEqual([[LINE_ROLE_LABELS.planned, '1287', L.on_plan], [LINE_ROLE_LABELS.subset, '449', '']]);
    expect(lines('I.3.4-09')).toEqual([[LINE_ROLE_LABELS.planned, '5000', L.below], [LINE_ROLE_LABELS.extra, '1443', L.no_target]]);
    expect(lines('I.2.2-03').map((l) => l[0])).toEqual([LINE_ROLE_LABELS.planned, LINE_ROLE_LABELS.planned]);
    // a part or subset row always follows a row of its own activity
    main.forEach((r, i) => {
      if (r[col('lineRole')] === LINE_ROLE_LABELS.subset || r[col('lineRole')] === LINE_ROLE_LABELS.part) {
        expect(main[i - 1]![col('activityId')]).toBe(r[col('activityId')]);
      }
    });
  });

  it('sums in the summary count planned measures and extras, not the „w tym” rows', () => {
    const summary = sheets.get('Podsumowanie')!;
    const totalRow = summary.find((r) => r[0] === 'Razem')!;
    const measures = rows.filter((r) => r.lineRole === 'planned' || r.lineRole === 'extra').length;
    expect(totalRow).toContain(String(measures));
    expect(rows.filter((r) => r.lineRole === 'subset').length).toBeGreaterThan(0);
  });

  it('has summary totals that agree: the bands add up to measures and activities without one, in every section', () => {
    const summary = sheets.get('Podsumowanie')!;
    const totals = summary.filter((r) => r[0] === 'Razem').map((r) => r.slice(3, 12).map(Number));
    expect(totals).toHaveLength(3);
    for (const t of totals) {
      const bands = t.slice(0, 7).reduce((a, b) => a + b, 0);
      expect(bands).toBe(t[7]! + t[8]!);
      expect(t).toEqual(totals[0]);
    }
    expect(totals[0]![8]).toBe(rows.filter((r) => r.lineRole === null && r.band !== null).length);
    expect(totals[0]![8]).toBeGreaterThan(0);
  });
});
