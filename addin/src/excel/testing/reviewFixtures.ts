/** Consolidated rows of a synthetic year, for the review adapter and filter tests. */
import type { ConsolidatedRow, VarianceBand } from '@pwr-sync/shared';

const UNIT_NAMES: Record<string, string> = { 'MOPS/PRZ/08': 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', BK: 'Biblioteka Kraków', ZZM: 'Zarząd Zieleni Miejskiej' };

const BANDS: [VarianceBand, number][] = [['far_below', 0.3], ['below', 0.7], ['on_plan', 1], ['far_above', 2]];

/** `activities` activities over areas I–IV and three units, two measures each (every 10th: status only). */
export function makeConsolidatedRows(activities: number): ConsolidatedRow[] {
  const rows: ConsolidatedRow[] = [];
  for (let i = 1; i <= activities; i++) {
    const area = (['I', 'II', 'III', 'IV'] as const)[i % 4]!;
    const taskCode = `${area}.${1 + (i % 3)}`;
    const unit = ['MOPS/PRZ/08', 'BK', 'ZZM'][i % 3]!;
    const base = {
      year: 2024, area, taskCode, taskKind: i % 2 ? 'basic' as const : 'complementary' as const, subsection: null,
      activityId: `${taskCode}-${String(i).padStart(3, '0')}`, activityName: i === 3 ? '=HYPERLINK("x")' : `Działanie ${i}`,
      orgUnitCodes: i % 5 === 0 ? [unit, 'GRP-NGO'] : [unit], orgUnitNames: i % 5 === 0 ? [UNIT_NAMES[unit]!, 'organizacje pozarządowe'] : [UNIT_NAMES[unit]!], reportingUnit: unit, status: 'realized' as const,
      comment: i === 2 ? '+48 12 000 00 00' : '', planText: '20 spotkań, 200 uczestników', actualText: null, scopeDescription: null,
      version: 1, savedBy: 'Anna Nowak', savedAt: '2025-02-01T09:30:00Z',
    };
    if (i % 10 === 0) {
      rows.push({ ...base, status: 'cancelled', lineRole: null, planMeasureId: null, measureKind: null, qualifier: null, plan: null, actual: null, difference: null, ratio: null, band: 'not_realized', moneySpent: null });
      continue;
    }
    const [band, ratio] = BANDS[i % 4]!;
    rows.push({ ...base, lineRole: 'planned', planMeasureId: '1', measureKind: 'spotkanie', qualifier: null, plan: 20, actual: 20 * ratio, difference: 20 * ratio - 20, ratio, band, moneySpent: i % 2 === 0 ? 150000 : null });
    rows.push({ ...base, lineRole: 'planned', planMeasureId: '2', measureKind: 'uczestnik', qualifier: null, plan: 200, actual: 200 * ratio, difference: 200 * ratio - 200, ratio, band, moneySpent: null });
  }
  return rows;
}
