/** Test support of the plan routes' suites. */
import { resetOpenYear } from '../../../test/harness.ts';
import type { Db } from '../../storage/index.ts';

/** Forgets every plan of the year (the accepted ones written into `plans` stay: each test sets what it reads). */
export async function resetPlans(db: Db, YEAR: number): Promise<void> {
  await resetOpenYear(db, YEAR);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM plan_changes WHERE year = $1', [YEAR]);
    await tx.query('DELETE FROM plan_versions WHERE year = $1', [YEAR]);
    await tx.query('DELETE FROM plan_events WHERE year = $1', [YEAR]);
    await tx.query('DELETE FROM unit_plans WHERE year = $1', [YEAR]);
    await tx.query('DELETE FROM measure_kinds');
    // activities that joined the program from an accepted proposal
    const joined = "SELECT activity_id FROM plans WHERE year = $1 AND plan->>'kind' = 'new_activity' AND (plan->>'sinceYear')::int = $1";
    const gone = await tx.query<{ activity_id: string }>(`DELETE FROM plans WHERE activity_id IN (${joined}) RETURNING activity_id`, [YEAR]);
    for (const { activity_id } of gone.rows) {
      await tx.query('DELETE FROM year_activities WHERE activity_id = $1 AND year >= $2', [activity_id, YEAR]);
      await tx.query("DELETE FROM program_activities WHERE id = $1 AND (data->>'joinedYear')::int = $2", [activity_id, YEAR]);
    }
    // the seed's year in reporting, back in planning (with last year's plans as the units' starting point)
    await tx.query("UPDATE reporting_years SET phase = 'planning' WHERE year = $1", [YEAR]);
  });
}

