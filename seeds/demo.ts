/**
 * The demo program period 2025–2027. We do not have the real 2025–2027 program text, so the demo
 * derives a clearly labelled period from 2022–2024: the same areas and tasks, and the activities that
 * did not end or get cancelled in 2024 (by the rule a new year starts with: shared carryOver). Its
 * title says „Dane demonstracyjne”, so every view that names the program shows it.
 */
import { MSG, carryOver, type Program, type ReportStatus } from '@pwr-sync/shared';
import type { SeedReport } from './tools/extractToSeed.ts';

export const DEMO_PERIOD: [number, number] = [2025, 2027];

export function demoProgram(previous: Program, reports: readonly SeedReport[]): Program {
  const lastYear = previous.years[1];
  const statuses = new Map<string, ReportStatus | null>(reports.filter((r) => r.year === lastYear).map((r) => [r.activityId, r.status]));
  const { carried } = carryOver(previous.activities, statuses);
  return {
    code: `PWR-${DEMO_PERIOD[0]}-${DEMO_PERIOD[1]}-DEMO`,
    title: MSG.program.demoTitle(DEMO_PERIOD[0], DEMO_PERIOD[1], previous.years[0], previous.years[1]),
    years: DEMO_PERIOD,
    demo: true,
    areas: previous.areas,
    tasks: previous.tasks,
    activities: carried.map((a) => ({ ...a, status: 'running' as const })),
  };
}
