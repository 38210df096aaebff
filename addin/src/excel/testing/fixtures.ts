/** A unit with many activities, for adapter tests. */
import { DEFAULT_VARIANCE_POLICY, type Assignment, type ReportEntry, type TaskKind } from '@pwr-sync/shared';
import type { ReportContext } from '../../report/sheetModel.ts';

export function makeUnit(activities: number): ReportContext & { entries: ReportEntry[]; orgUnitCode: string; year: number; serverVersion: number } {
  const assignments: Assignment[] = [];
  for (let i = 1; i <= activities; i++) {
    const taskCode = i % 2 ? 'I.1' : 'II.3';
    const id = `${taskCode}-${String(i).padStart(3, '0')}`;
    assignments.push({
      activity: { id, taskCode, subsection: null, name: `Działanie ${i}`, responsibleUnits: [{ orgUnitCode: 'MOPS/PRZ/08', role: 'reporting' }] },
      plan: i % 10 === 0
        ? { kind: 'descriptive', measures: [] }
        : { kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', value: 200 }] },
      role: 'reporting',
    });
  }
  const taskKinds = new Map<string, TaskKind>([['I.1', 'basic'], ['II.3', 'complementary']]);
  const entries: ReportEntry[] = [
    { activityId: assignments[0]!.activity.id, status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 18, planMeasureId: '1' }, { kind: 'uczestnik', value: 190, planMeasureId: '2' }] }, moneySpent: [123450], comment: '' },
  ];
  return { assignments, taskKinds, policy: DEFAULT_VARIANCE_POLICY, entries, orgUnitCode: 'MOPS/PRZ/08', year: 2025, serverVersion: 3 };
}
