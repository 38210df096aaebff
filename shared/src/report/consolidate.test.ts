import { describe, expect, it } from 'vitest';
import type { Activity, Task } from '../program/schema.ts';
import { PlanSchema, type Plan, type ReportEntry } from './schema.ts';
import { consolidateRows, filterConsolidatedRows } from './consolidate.ts';

const tasks: Task[] = [
  { code: 'I.1', area: 'I', kind: 'basic', title: 'Zadanie podstawowe', linkedTo: [], subsections: [] },
  { code: 'I.2', area: 'I', kind: 'complementary', title: 'Zadanie komplementarne', linkedTo: [], subsections: [] },
];
const activity = (id: string, taskCode: string, units: [string, 'reporting' | 'contributing'][]): Activity => ({
  id, taskCode, subsection: null, name: `Działanie ${id}`, responsibleUnits: units.map(([orgUnitCode, role]) => ({ orgUnitCode, role })),
});
const activities = [
  activity('I.1-01', 'I.1', [['A', 'reporting']]),
  activity('I.1-02', 'I.1', [['B', 'contributing'], ['A', 'reporting']]),
  activity('I.2-01', 'I.2', [['B', 'reporting']]),
];
const plans = new Map<string, Plan>(([
  ['I.1-01', { kind: 'target', measures: [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 200 }], text: '20 spotkań, 200 uczestników' }],
  ['I.1-02', { kind: 'descriptive', measures: [] }],
  ['I.2-01', { kind: 'target', measures: [{ kind: 'uczestnik', value: 10 }] }],
] as const).map(([id, p]) => [id, PlanSchema.parse(p)]));
const entry = (activityId: string, e: Partial<ReportEntry>): ReportEntry => ({ activityId, status: 'realized', actual: { measures: [] }, moneySpent: [], comment: '', ...e });
const reports = [
  { orgUnitCode: 'A', version: 3, savedAt: '2025-05-01T10:00:00.000Z', savedBy: 'Anna', entries: [
    entry('I.1-01', { actual: { measures: [{ kind: 'spotkanie', value: 4 }, { kind: 'uczestnik', value: 82 }] }, moneySpent: [100_00, 50_00] }),
    entry('I.1-02', { status: 'ongoing', comment: 'stale', moneySpent: [7_00] }),
  ] },
  // B contributes to I.1-02 but must not be counted there.
  { orgUnitCode: 'B', version: 1, savedAt: null, savedBy: 'Bartek', entries: [entry('I.1-02', { status: 'cancelled' }), entry('I.2-01', { status: 'not_realized', comment: 'brak chętnych' })] },
];

describe('consolidateRows', () => {
  const rows = consolidateRows({ year: 2025, program: { tasks, activities }, plans, reports });

  it('gives one row per activity × measure and one status row for an activity without measures', () => {
    expect(rows.map((r) => `${r.activityId}:${r.measureKind}`)).toEqual(['I.1-01:spotkanie', 'I.1-01:uczestnik', 'I.1-02:null', 'I.2-01:uczestnik']);
    expect(rows[0]).toMatchObject({ plan: 20, actual: 4, difference: -16, ratio: 0.2, band: 'far_below', version: 3, savedBy: 'Anna', planText: '20 spotkań, 200 uczestników' });
    expect(rows[1]).toMatchObject({ plan: 200, actual: 82, ratio: 0.41, band: 'far_below' });
    expect(rows[3]).toMatchObject({ status: 'not_realized', band: 'not_realized', actual: null, comment: 'brak chętnych' });
  });

  it('carries the task\'s and the area\'s titles from the program, so tables name them; none where the program has none', () => {
    expect(rows[3]).toMatchObject({ taskCode: 'I.2', taskTitle: 'Zadanie komplementarne', area: 'I' });
    expect(rows[3]!.areaTitle).toBeUndefined();
    const named = consolidateRows({ year: 2025, program: { areas: [{ code: 'I', title: 'Wsparcie rodziny' }], tasks, activities }, plans, reports });
    expect(named.map((r) => r.areaTitle)).toEqual(['Wsparcie rodziny', 'Wsparcie rodziny', 'Wsparcie rodziny', 'Wsparcie rodziny']);
  });

  it('puts money on the first row of an activity only', () => {
    expect(rows.map((r) => r.moneySpent)).toEqual([150_00, null, 7_00, null]);
  });

  it('counts a joint activity once, by its reporting unit', () => {
    expect(rows[2]).toMatchObject({ status: 'ongoing', reportingUnit: 'A', orgUnitCodes: ['A', 'B'], band: 'no_target' });
  });

  it('filters and moves money onto the first kept row', () => {
    const participants = filterConsolidatedRows(rows, { bands: ['far_below'], ratioAbove: 0.3 });
    expect(participants.map((r) => [r.measureKind, r.moneySpent])).toEqual([['uczestnik', 150_00]]);
    expect(filterConsolidatedRows(rows, { units: ['B'] }).map((r) => r.activityId)).toEqual(['I.1-02', 'I.2-01']);
    expect(filterConsolidatedRows(rows, { withMoney: true }).map((r) => r.activityId)).toEqual(['I.1-01', 'I.1-01', 'I.1-02']);
    expect(filterConsolidatedRows(rows, { statuses: ['none'] })).toEqual([]);
    expect(filterConsolidatedRows(rows, { areas: ['II'] })).toEqual([]);
  });
});
