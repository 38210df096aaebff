import { describe, expect, it } from 'vitest';
import type { WorkflowState } from '@pwr-sync/shared';
import type { StoredUnitReport } from '../storage/index.ts';
import { completenessRows, isLate, krakowDate } from './completeness.ts';

describe('isLate', () => {
  const DEADLINE = '2026-03-31';
  it.each<[WorkflowState, string | null, string, boolean]>([
    ['not_started', DEADLINE, '2026-04-01', true],
    ['draft', DEADLINE, '2026-04-01', true],
    ['returned', DEADLINE, '2026-04-01', true],
    ['submitted', DEADLINE, '2026-04-01', false],
    ['accepted', DEADLINE, '2027-01-15', false],
    // the deadline day itself is still on time
    ['draft', DEADLINE, '2026-03-31', false],
    ['not_started', DEADLINE, '2026-03-30', false],
    ['not_started', null, '2099-01-01', false],
  ])('%s, deadline %s, today %s → %s', (state, deadline, today, late) => {
    expect(isLate(state, deadline, today)).toBe(late);
  });
});

describe('krakowDate', () => {
  it.each([
    ['2026-03-31T21:59:59Z', '2026-03-31'], // 23:59:59 CEST
    ['2026-03-31T22:00:00Z', '2026-04-01'], // midnight in Kraków, still 31 March in UTC
    ['2026-01-15T23:30:00Z', '2026-01-16'], // CET, UTC+1
  ])('%s is %s in Kraków', (iso, day) => {
    expect(krakowDate(new Date(iso))).toBe(day);
  });
});

describe('completenessRows', () => {
  const units = [
    { code: 'A', name: 'Jednostka A', activities: 3 },
    { code: 'B', name: 'Jednostka B', activities: 2 },
    { code: 'C', name: 'Jednostka C', activities: 1 },
  ];
  const stored = (orgUnitCode: string, state: WorkflowState, filled: number): StoredUnitReport => ({
    year: 2025, orgUnitCode, version: 2, state, savedAt: '2026-03-01T10:00:00Z', savedBy: 'Anna', reviewComment: null,
    entries: Array.from({ length: filled + 1 }, (_, i) => ({
      activityId: `X-${i}`, status: i < filled ? 'realized' as const : null, actual: { measures: [] }, moneySpent: [], comment: '',
    })),
    lastChangeAt: '2026-03-02T10:00:00Z', lastChangeBy: 'Ewa',
  });

  it('lists every unit, those that never saved as not started, and marks the late ones', () => {
    const rows = completenessRows(units, [stored('A', 'submitted', 3), stored('B', 'draft', 1)], { deadline: '2026-03-31', today: '2026-04-02' });
    expect(rows.map((r) => [r.orgUnitCode, r.state, r.version, r.filled, r.activities, r.late])).toEqual([
      ['A', 'submitted', 2, 3, 3, false],
      ['B', 'draft', 2, 1, 2, true],
      ['C', 'not_started', 0, 0, 1, true],
    ]);
    expect(rows[0]).toMatchObject({ orgUnitName: 'Jednostka A', lastChangeAt: '2026-03-02T10:00:00Z', lastChangeBy: 'Ewa', reviewComment: null });
    expect(rows[2]).toMatchObject({ lastChangeAt: null, lastChangeBy: null });
  });

  it('marks nobody late before the deadline', () => {
    const rows = completenessRows(units, [stored('B', 'draft', 1)], { deadline: '2026-03-31', today: '2026-03-31' });
    expect(rows.every((r) => r.late === false)).toBe(true);
  });
});
