import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '@pwr-sync/shared';
import { pairingChange, reportChanges } from './reportChanges.ts';

const entry = (over: Partial<ReportEntry> = {}): ReportEntry => ({ activityId: 'I.1-01', status: 'realized', actual: { measures: [] }, moneySpent: [], comment: '', ...over });

describe('reportChanges (typed records between two versions)', () => {
  it('money as amounts in grosze, texts, status; nothing for an unchanged entry', () => {
    expect(reportChanges([entry({ moneySpent: [125050, 3000] })], [entry({ moneySpent: [125050], status: 'ongoing', comment: 'x' })]).map((c) => c.change)).toEqual([
      { field: 'status', old: 'realized', new: 'ongoing' },
      { field: 'comment', old: null, new: 'x' },
      { field: 'moneySpent', old: [125050, 3000], new: [125050] },
    ]);
    expect(reportChanges([entry()], [entry()])).toEqual([]);
  });

  it('figures by measure and what they answer: equal values of different roles are not merged; same-key figures keep every value', () => {
    const before = entry({ actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'spotkanie', value: 4 }] } });
    const after = entry({ actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'spotkanie', value: 4, planMeasureId: null }] } });
    expect(reportChanges([before], [after]).map((c) => c.change)).toEqual([
      { field: 'figure', measure: { kind: 'spotkanie', qualifier: null }, role: 'planned', planMeasureId: '1', old: [4], new: [4, 4] },
      { field: 'figure', measure: { kind: 'spotkanie', qualifier: null }, role: 'extra', planMeasureId: null, old: [], new: [4] },
      { field: 'figure', measure: { kind: 'spotkanie', qualifier: null }, role: 'unstated', planMeasureId: null, old: [4], new: [] },
    ]);
  });

  it('an activity that appears or disappears is compared with an empty one', () => {
    const added = reportChanges([], [entry({ actual: { measures: [{ kind: 'uczestnik', qualifier: 'Rodzin', value: 3, subsets: [{ kind: 'dziecko', value: 1 }] }] } })]);
    expect(added.map((c) => c.change)).toEqual([
      { field: 'status', old: null, new: 'realized' },
      { field: 'figure', measure: { kind: 'uczestnik', qualifier: 'Rodzin' }, role: 'unstated', planMeasureId: null, old: [], new: [3] },
      { field: 'subset', of: { kind: 'uczestnik', qualifier: 'Rodzin' }, ofPlanMeasureId: null, measure: { kind: 'dziecko', qualifier: null }, old: [], new: [1] },
    ]);
    expect(reportChanges([entry({ comment: 'a' })], []).map((c) => c.change)).toEqual([{ field: 'status', old: 'realized', new: null }, { field: 'comment', old: 'a', new: null }]);
  });
});

describe('pairingChange', () => {
  it('names the figures answering the planned measure before and after, and the comment', () => {
    expect(pairingChange('I.3.2-17', '2', [{ kind: 'spotkanie', value: 4, planMeasureId: '2' }], [{ kind: 'spotkanie', qualifier: 'część A', value: 2, planMeasureId: '2' }, { kind: 'spotkanie', value: 2 }], null)).toEqual({
      activityId: 'I.3.2-17',
      change: { field: 'pairing', planMeasureId: '2', old: [{ kind: 'spotkanie', qualifier: null, value: 4 }], new: [{ kind: 'spotkanie', qualifier: 'część A', value: 2 }, { kind: 'spotkanie', qualifier: null, value: 2 }], comment: null },
    });
  });
});
