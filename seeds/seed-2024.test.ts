import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportingUnitOf } from '@pwr-sync/shared';
import { loadSeed, SEEDS_DIR } from './index.ts';
import { ExtractPartSchema } from './tools/extractFormat.ts';
import { extractToSeed } from './tools/extractToSeed.ts';
import { PairingFileSchema } from './tools/pairingFormat.ts';
import { PROGRAMS } from './paths.ts';

const seed = loadSeed();
const sourcePath = join(SEEDS_DIR, '2024', 'source', 'sprawozdanie-2024-zalacznik-3.txt');
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');

describe('2024 seed: what a reader of the report can verify', () => {
  it('holds every activity of every task and subsection', () => {
    const count = (task: string, sub: number | null = null) =>
      seed.program.activities.filter((a) => a.taskCode === task && (sub === null || a.subsection === sub)).length;
    expect(seed.program.activities).toHaveLength(198);
    expect({
      'I.1': count('I.1'), 'I.2': count('I.2'), 'I.3': count('I.3'), 'II.1': count('II.1'), 'II.2': count('II.2'),
      'III.1': count('III.1'), 'III.2': count('III.2'), 'III.3': count('III.3'), 'IV.1': count('IV.1'), 'IV.2': count('IV.2'),
    }).toEqual({ 'I.1': 5, 'I.2': 21, 'I.3': 130, 'II.1': 3, 'II.2': 15, 'III.1': 3, 'III.2': 4, 'III.3': 3, 'IV.1': 1, 'IV.2': 13 });
    expect([1, 2].map((s) => count('I.2', s))).toEqual([8, 13]);
    expect([1, 2, 3, 4, 5].map((s) => count('I.3', s))).toEqual([6, 20, 42, 59, 3]);
  });

  it('money per basic task equals the report, in grosze', () => {
    const total = (task: string) => seed.reports
      .filter((r) => r.activityId.startsWith(`${task}-`))
      .reduce((sum, r) => sum + r.moneySpent.reduce((a, b) => a + b, 0), 0);
    expect(total('I.1')).toBe(636_338_652);
    expect(total('II.1')).toBe(122_496_661);
    expect(total('III.1')).toBe(1_022_466_366);
    expect(total('IV.1')).toBe(1_119_060_000);
    // complementary tasks have no money column
    expect(seed.reports.filter((r) => r.moneySpent.length && !/^(I|II|III|IV)\.1-/.test(r.activityId))).toEqual([]);
    // the one row financed from two sources keeps both amounts
    expect(seed.reports.find((r) => r.activityId === 'III.1-01')!.moneySpent).toEqual([343_144_300, 82_020_800]);
  });

  it('every verbatim text is in the source document, or says why not', () => {
    const doc = squash(readFileSync(sourcePath, 'utf8'));
    const missing: string[] = [];
    for (const r of seed.reports) {
      const activity = seed.program.activities.find((a) => a.id === r.activityId)!;
      const texts: Record<string, string | undefined> = { name: activity.name, unitsText: activity.unitsText, planText: r.plan.text, actualText: r.actual.text };
      (r.moneyText ?? []).forEach((t, i) => (texts[`moneyTexts[${i}]`] = t));
      for (const [field, text] of Object.entries(texts)) {
        if (text && !doc.includes(squash(text)) && !r.source.verbatimNotes?.[field]) missing.push(`${r.activityId} ${field}`);
      }
    }
    expect(missing).toEqual([]);
    const explained = seed.reports.filter((r) => r.source.verbatimNotes).map((r) => r.activityId);
    expect(explained.sort()).toEqual(['I.2.2-07', 'I.3.3-17', 'II.2-11']);
  });

  it('pins rows a reader can check', () => {
    const report = (id: string) => seed.reports.find((r) => r.activityId === id)!;
    expect(report('I.1-01').plan.measures).toEqual([expect.objectContaining({ kind: 'usługa', value: 10_900 })]);
    expect(report('I.1-01').actual.measures).toEqual([expect.objectContaining({ kind: 'usługa', value: 10_801 })]);
    expect(report('I.1-01').moneySpent).toEqual([200_075_000]);
    expect(report('II.1-01').actual.measures[0]!.value).toBeCloseTo(4877.29, 2);
    expect(report('I.2.1-05').status).toBe('not_realized');
    expect(report('I.2.1-06').plan).toMatchObject({ kind: 'new_activity', sinceYear: 2022, measures: [] });
  });

  it('each activity has one reporting unit that is a real unit, and every unit is registered', () => {
    const codes = new Set(seed.orgUnits.map((u) => u.code));
    for (const a of seed.program.activities) {
      for (const r of a.responsibleUnits) expect(codes.has(r.orgUnitCode), `${a.id} ${r.orgUnitCode}`).toBe(true);
      const reporting = seed.orgUnits.find((u) => u.code === reportingUnitOf(a))!;
      expect(reporting.kind, a.id).not.toBe('group');
    }
    expect(seed.orgUnits.find((u) => u.code === 'MOPS/PRZ/08')!.name).toBe('Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)');
  });

  it('the stored files are what the extraction gives (regenerate with npm run seeds:build)', () => {
    const dir = join(SEEDS_DIR, '2024', 'extract');
    const parts = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
      .map((f) => ExtractPartSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    const orgUnits = JSON.parse(readFileSync(join(SEEDS_DIR, 'org-units.json'), 'utf8')) as unknown[];
    const pairing = PairingFileSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, '2024', 'pairing.json'), 'utf8')));
    const rebuilt = extractToSeed(parts, orgUnits, PROGRAMS[0]!, 2024, { pairing, sourceText: readFileSync(sourcePath, 'utf8') });
    expect(JSON.parse(JSON.stringify(rebuilt.program))).toEqual(seed.program);
    expect(rebuilt.reports.length).toBe(seed.reports.length);
  });
});
