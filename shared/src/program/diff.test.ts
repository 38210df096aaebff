import { describe, expect, it } from 'vitest';
import { diffProgram, isEmptyDiff } from './diff.ts';
import type { Activity, Program } from './schema.ts';

const act = (id: string, over: Partial<Activity> = {}): Activity => ({
  id, taskCode: 'I.1', subsection: null, name: `Działanie ${id}`, responsibleUnits: [{ orgUnitCode: 'MOPS', role: 'reporting' }], ...over,
});
const program = (activities: Activity[], over: Partial<Program> = {}): Program => ({
  code: 'PWR-2025-2027', title: 'Program', years: [2025, 2027],
  areas: [{ code: 'I', title: 'Obszar I' }],
  tasks: [
    { code: 'I.1', area: 'I', kind: 'basic', title: 'Zadanie 1', linkedTo: [], subsections: [] },
    { code: 'I.2', area: 'I', kind: 'complementary', title: 'Zadanie 2', linkedTo: ['Usługa W-2'], subsections: [{ number: 1, title: 'Podsekcja', linkedTo: [] }] },
  ],
  activities, ...over,
});
const registry = [{ code: 'MOPS', name: 'MOPS', kind: 'mops' as const, aliases: [] }, { code: 'NCK', name: 'Nowohuckie Centrum Kultury', kind: 'culture' as const, aliases: [] }];

describe('diffProgram', () => {
  const before = program([act('I.1-01'), act('I.1-02'), act('I.1-03'), act('I.1-04'), act('I.1-05')]);
  const stored = (retired: string[] = []) => before.activities.map((activity) => ({ activity, retired: retired.includes(activity.id) }));

  it('names what a file changes: added, renamed, moved, retired, units, status, org units', () => {
    const after = program([
      act('I.1-01', { name: 'Nowa nazwa' }),
      act('I.1-02', { taskCode: 'I.2', subsection: 1 }),
      act('I.1-03', { responsibleUnits: [{ orgUnitCode: 'NCK', role: 'reporting' }, { orgUnitCode: 'MOPS', role: 'contributing' }] }),
      act('I.1-04', { status: 'ended' }),
      act('I.2-01', { taskCode: 'I.2', subsection: 1 }),
    ]);
    const fileUnits = [registry[0]!, { ...registry[1]!, kind: 'other' as const }, { code: 'NOWA', name: 'Nowa', kind: 'other' as const, aliases: [] }];
    const d = diffProgram({ before, beforeActivities: stored(), after, registry, fileUnits, newPeriod: false });
    expect(d).toMatchObject({
      renamed: [{ id: 'I.1-01', from: 'Działanie I.1-01', to: 'Nowa nazwa' }],
      moved: [{ id: 'I.1-02', from: 'I.1', to: 'I.2 1)' }],
      unitsChanged: [{ id: 'I.1-03', from: ['MOPS'], to: ['NCK', 'MOPS'], reportingFrom: 'MOPS', reportingTo: 'NCK' }],
      statusChanged: [{ id: 'I.1-04', from: 'running', to: 'ended' }],
      added: [{ id: 'I.2-01', taskCode: 'I.2' }],
      retired: [{ id: 'I.1-05' }],
      orgUnitsAdded: [{ code: 'NOWA', name: 'Nowa' }],
      orgUnitsKindChanged: [{ code: 'NCK', name: 'Nowohuckie Centrum Kultury', from: 'culture', to: 'other' }],
      unchanged: 0, title: null, demo: null,
    });
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('an activity retired before and back in the file is restored, not added; the same file is an empty diff', () => {
    const d = diffProgram({ before, beforeActivities: stored(['I.1-05']), after: before, registry, fileUnits: registry, newPeriod: false });
    expect(d.restored).toEqual([{ id: 'I.1-05', name: 'Działanie I.1-05' }]);
    expect(d.added).toEqual([]);
    const same = diffProgram({ before, beforeActivities: stored(), after: before, registry, fileUnits: registry, newPeriod: false });
    expect(isEmptyDiff(same)).toBe(true);
    expect(same.unchanged).toBe(5);
  });

  it('tasks compare by content whatever the order of their keys (jsonb reorders them)', () => {
    const reordered = { ...before, tasks: before.tasks.map((t) => JSON.parse(JSON.stringify({ subsections: t.subsections, title: t.title, linkedTo: t.linkedTo, kind: t.kind, area: t.area, code: t.code }))) };
    expect(diffProgram({ before: reordered, beforeActivities: stored(), after: before, registry, fileUnits: registry, newPeriod: false }).tasks.changed).toEqual([]);
    const retitled = program(before.activities, { tasks: [before.tasks[0]!, { ...before.tasks[1]!, title: 'Inny tytuł' }] });
    expect(diffProgram({ before, beforeActivities: stored(), after: retitled, registry, fileUnits: registry, newPeriod: false }).tasks.changed).toEqual(['I.2']);
  });

  it('a new period says what it was compared with and the demo mark only for an existing program', () => {
    const next = program(before.activities.slice(0, 3), { code: 'PWR-2028-2030', years: [2028, 2030], demo: true });
    const d = diffProgram({ before, beforeActivities: stored(), after: next, registry, fileUnits: registry, newPeriod: true });
    expect(d).toMatchObject({ newPeriod: true, comparedWith: 'PWR-2025-2027', years: { from: [2025, 2027], to: [2028, 2030] }, demo: null, retired: [{ id: 'I.1-04' }, { id: 'I.1-05' }] });
    expect(diffProgram({ before, beforeActivities: stored(), after: { ...before, demo: true }, registry, fileUnits: registry, newPeriod: false }).demo).toEqual({ from: false, to: true });
  });
});
