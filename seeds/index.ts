/**
 * The embedded default data: the real 2024 report of Kraków's Family Support Program, validated
 * by the shared schemas on load so the files cannot drift from the domain model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgUnitSchema, ProgramSchema, type OrgUnit, type Plan, type Program } from '@pwr-sync/shared';
import { z } from 'zod';
import { SEEDS_DIR } from './paths.ts';
import { demoProgram } from './demo.ts';
import { SeedReportSchema, type SeedReport } from './tools/extractToSeed.ts';
import { PairingFileSchema, type PairingFile } from './tools/pairingFormat.ts';

export interface Seed {
  program: Program;
  orgUnits: OrgUnit[];
  plans: { year: number; activityId: string; plan: Plan }[];
  reports: SeedReport[];
  /** The demo period that follows the seed's program (seeds/demo.ts): its years start on it. */
  demo: { program: Program };
  /** Pairings left „do sprawdzenia”, with the decision's note: MOPS settles them in review. */
  pairingReviews: { year: number; activityId: string; planMeasureId: string; note: string }[];
}

export const SEED_YEAR = 2024;

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(SEEDS_DIR, ...path), 'utf8')) as unknown;

/** Loads and validates the seed data (throws on any schema violation). */
export function loadSeed(): Seed {
  const program = ProgramSchema.parse(readJson(String(SEED_YEAR), 'program.json'));
  const orgUnits = z.array(OrgUnitSchema).parse(readJson('org-units.json'));
  const reports = z.array(SeedReportSchema).parse(readJson(String(SEED_YEAR), 'reports.json'));
  const plans = reports.map((r) => ({ year: r.year, activityId: r.activityId, plan: r.plan }));
  const pairingReviews = loadPairing().activities.flatMap((a) => a.measures.filter((m) => m.review).map((m) => ({
    year: SEED_YEAR, activityId: a.activityId, planMeasureId: m.planMeasureId,
    note: m.note ?? m.reason ?? '',
  })));
  return { program, orgUnits, plans, reports, pairingReviews, demo: { program: demoProgram(program, reports) } };
}

/** The reviewed pairing decisions of the seed year (seeds/<year>/pairing.json), validated. */
export function loadPairing(): PairingFile {
  return PairingFileSchema.parse(readJson(String(SEED_YEAR), 'pairing.json'));
}

export type { SeedReport, PairingFile };
export { SEEDS_DIR };
