import { describe, expect, it } from 'vitest';
import { REPORT_STATUS_LABELS, buildSheetRows, columnIndex, type ReportEntry } from '@pwr-sync/shared';
import { makeUnit } from '../excel/testing/fixtures.ts';
import { draftFromEntry, entryFromDraft } from '../taskpane/draft.ts';
import { activityRows, carryUnreadableCells, mergeRows } from './sheetModel.ts';

const c = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);

describe('nothing the unit typed is lost', () => {
  it('re-prepare keeps a figure typed on the row of an activity without planned measures', () => {
    const unit = makeUnit(10); // activity 10 has a descriptive plan: one status-only row
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    const i = rows.findIndex((r) => r[c('activityId')] === unit.assignments[9]!.activity.id);
    rows[i]![c('actual')] = 12; // the measure kind column is protected: the unit can only type the figure
    const merged = mergeRows(rows, [], unit, 'sheet');
    expect(merged.find((r) => r[c('activityId')] === unit.assignments[9]!.activity.id)![c('actual')]).toBe(12);
  });

  it('re-prepare keeps a measure beyond the plan whose figure cannot be read', () => {
    const unit = makeUnit(3);
    const id = unit.assignments[1]!.activity.id;
    const entry: ReportEntry = { activityId: id, status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 20 }, { kind: 'spektakl', value: 3 }] }, moneySpent: [], comment: '' };
    const rows = buildSheetRows(unit.assignments, [entry], unit.policy);
    const extra = rows.findIndex((r) => r[c('measureKey')] === '+spektakl');
    rows[extra]![c('actual')] = 'około 4';
    const merged = mergeRows(rows, [], unit, 'sheet');
    const kept = merged.filter((r) => r[c('activityId')] === id);
    expect(kept.map((r) => r[c('measureKey')])).toEqual(['1', '2', '+spektakl']);
    expect(kept[2]![c('actual')]).toBe('około 4');
    expect(kept[2]![c('line')]).toBe(3);
  });

  it('saving the form keeps cells of the activity the form could not show; what the form sets wins', () => {
    const unit = makeUnit(3);
    const id = unit.assignments[0]!.activity.id;
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    rows[0]![c('actual')] = 'około 20';
    rows[0]![c('status')] = 'zrobione';
    rows[0]![c('moneySpent')] = 'dużo';
    const formEntry: ReportEntry = { activityId: id, status: null, actual: { measures: [{ kind: 'uczestnik', value: 150 }] }, moneySpent: [], comment: 'szacunkowo' };
    const next = carryUnreadableCells(rows, activityRows(formEntry, unit), unit);
    expect(next[0]![c('actual')]).toBe('około 20');
    expect(next[0]![c('status')]).toBe('zrobione');
    expect(next[0]![c('moneySpent')]).toBe('dużo');
    expect(next[0]![c('comment')]).toBe('szacunkowo');
    expect(next[1]![c('actual')]).toBe(150);

    const chosen = carryUnreadableCells(rows, activityRows({ ...formEntry, status: 'realized' }, unit), unit);
    expect(chosen[0]![c('status')]).toBe(REPORT_STATUS_LABELS.realized);
  });
});

describe('the form does not round what it shows', () => {
  it('0,125 etatu stays 0,125 when the form is saved unchanged', () => {
    const unit = makeUnit(1);
    // Fractional kinds only: counts of discrete things (spotkanie, uczestnik) are whole numbers.
    const a = { ...unit.assignments[0]!, plan: { kind: 'target' as const, measures: [{ id: '1', kind: 'etat', value: 1 }, { id: '2', kind: 'godzina', value: 2000 }] } };
    const entry: ReportEntry = { activityId: a.activity.id, status: 'realized', actual: { measures: [{ kind: 'etat', value: 0.125 }, { kind: 'godzina', value: 1234.5 }] }, moneySpent: [123456], comment: '' };
    const draft = draftFromEntry(a, entry);
    expect(draft.measures.map((m) => m.value)).toEqual(['0,125', '1\u00a0234,5']);
    expect(entryFromDraft(draft).entry.actual.measures.map((m) => m.value)).toEqual([0.125, 1234.5]);
  });
});
