import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '@pwr-sync/shared';
import { filledCount, unsyncedActivities } from './unsynced.ts';

const entry = (activityId: string, patch: Partial<ReportEntry> = {}): ReportEntry => ({ activityId, status: null, actual: { measures: [] }, moneySpent: [], comment: '', ...patch });

describe('unsyncedActivities', () => {
  const server = [
    entry('A.1', { status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: 'm1' }, { kind: 'uczestnik', value: 82, planMeasureId: 'm2' }] } }),
    entry('A.2', { status: 'not_realized', comment: 'Brak chętnych.' }),
  ];

  it('is empty when the sheet says what the server holds, whatever the order of measures and untouched activities', () => {
    const sheet = [
      entry('A.1', { status: 'realized', actual: { measures: [{ kind: 'uczestnik', value: 82, planMeasureId: 'm2' }, { kind: 'spotkanie', value: 4, planMeasureId: 'm1' }] } }),
      entry('A.2', { status: 'not_realized', comment: ' Brak chętnych. ' }),
      entry('A.3'),
    ];
    expect(unsyncedActivities(sheet, server)).toEqual([]);
  });

  it('names each activity changed in any field, or cleared, or newly filled', () => {
    const sheet = [
      entry('A.1', { status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 5, planMeasureId: 'm1' }, { kind: 'uczestnik', value: 82, planMeasureId: 'm2' }] } }),
      entry('A.3', { scopeDescription: 'Warsztaty' }),
    ];
    expect(unsyncedActivities(sheet, server)).toEqual(['A.1', 'A.2', 'A.3']);
    expect(unsyncedActivities([...server, entry('A.4', { moneySpent: [100] })], server)).toEqual(['A.4']);
  });

  it('counts an activity with an unreadable cell: its value cannot have reached the server', () => {
    expect(unsyncedActivities(server, server, [{ rowIndex: 3, column: 'actual', activityId: 'A.2', message: 'x' }])).toEqual(['A.2']);
  });
});

describe('filledCount', () => {
  it('counts the activities with a status, not the rows or touched ones', () => {
    expect(filledCount([entry('A.1', { status: 'realized' }), entry('A.2', { comment: 'x' })], ['A.1', 'A.2', 'A.3'])).toBe(1);
  });
});
