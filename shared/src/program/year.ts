import { z } from 'zod';

/**
 * The phases of a program year, in order: planning (units state their plans) → reporting (units
 * report execution against the accepted plan; plans are locked) → closed (read-only archive).
 * A year may start straight in reporting when MOPS enters the plans itself.
 */
export const YearPhaseSchema = z.enum(['planning', 'reporting', 'closed']);
export type YearPhase = z.infer<typeof YearPhaseSchema>;

export const YEAR_PHASES: readonly YearPhase[] = YearPhaseSchema.options;

/** The phase a year moves to next, or null for a closed year. */
export function nextPhase(phase: YearPhase): YearPhase | null {
  return phase === 'planning' ? 'reporting' : phase === 'reporting' ? 'closed' : null;
}

/** Units save and submit plans only while the year is in planning; from reporting on, plans are locked. */
export function plansOpen(phase: YearPhase): boolean {
  return phase === 'planning';
}

/** Units save and submit reports (actuals) only while the year is in reporting. */
export function reportsOpen(phase: YearPhase): boolean {
  return phase === 'reporting';
}
