import { describe, expect, it } from 'vitest';
import { DEFAULT_VARIANCE_POLICY, filterConsolidatedRows } from '@pwr-sync/shared';
import { makeConsolidatedRows } from '../excel/testing/reviewFixtures.ts';
import { bandRows, describeThresholds, policyInUse, thresholdsEdited } from './thresholds.ts';

const year = DEFAULT_VARIANCE_POLICY;
const NB = '\u00a0';

describe('the thresholds the review table uses, as the pane says them', () => {
  it('names the year\'s thresholds when the workbook uses them', () => {
    const t = { year, workbook: { ...year } };
    expect(thresholdsEdited(t)).toBe(false);
    expect(describeThresholds(t, 2024)).toBe(
      `Oceny w tabeli liczone progami roku 2024 ustalonymi przez MOPS: znacznie poniżej planu poniżej 50${NB}%, zgodnie z planem od 90${NB}%, znacznie powyżej planu powyżej 150${NB}%.`,
    );
  });

  it('names the changed ones beside the year\'s, and an unreadable cell as such', () => {
    const t = { year, workbook: { farBelow: 0.4, onPlanFrom: 0.9, farAboveOver: null } };
    expect(thresholdsEdited(t)).toBe(true);
    const text = describeThresholds(t, 2024);
    expect(text).toContain(`progami zmienionymi w arkuszu „Ustawienia”: znacznie poniżej planu poniżej 40${NB}%, zgodnie z planem od 90${NB}%, znacznie powyżej planu powyżej nieczytelny.`);
    expect(text).toContain(`Progi roku 2024 ustalone przez MOPS: znacznie poniżej planu poniżej 50${NB}%`);
    expect(policyInUse(t)).toEqual({ farBelow: 0.4, onPlanFrom: 0.9, farAboveOver: 1.5 });
  });

  it('bands the pane\'s rows as the table\'s formulas do: rows with a ratio re-banded, the others kept', () => {
    const rows = makeConsolidatedRows(200);
    // the reviewer's trial: far below under 80 %, on plan from 120 % up to 300 %
    const banded = bandRows(rows, { farBelow: 0.8, onPlanFrom: 1.2, farAboveOver: 3 });
    const bandAt = (ratio: number | null) => [...new Set(banded.filter((r) => r.ratio === ratio).map((r) => r.band))];
    expect(bandAt(0.3)).toEqual(['far_below']);
    expect(bandAt(0.7)).toEqual(['far_below']);
    expect(bandAt(1)).toEqual(['below']);
    expect(bandAt(2)).toEqual(['on_plan']);
    expect(bandAt(null)).toEqual(['not_realized']);
    // the pane's band filter and counts follow the table
    expect(filterConsolidatedRows(banded, { bands: ['on_plan'] }).every((r) => r.ratio === 2)).toBe(true);
    // at the year's thresholds nothing moves
    expect(bandRows(rows, year)).toEqual(rows);
  });
});
