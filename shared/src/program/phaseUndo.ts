import type { PhaseEvent } from './contracts.ts';
import type { YearPhase } from './year.ts';

/**
 * The move that brought a year into its phase, when it can be taken back: a phase reached by a move
 * (not the one the year started in, nor one an undo returned to) — else null. The server's undo and
 * the admin page's „Cofnij” button both ask this.
 */
export function undoableMove(phase: YearPhase, events: readonly PhaseEvent[]): PhaseEvent | null {
  const reached = [...events].reverse().find((e) => e.toPhase === phase && e.action !== 'undone');
  return reached && reached.action === 'advanced' && reached.fromPhase ? reached : null;
}
