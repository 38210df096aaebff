/**
 * Bench of the annual annex: Kraków's 2024 data from the seed (the test harness's in-memory
 * PGlite), read and built as the API and `npm run report` do — the DOCX with its closing summary.
 * Target: well under 1 s for the city.
 */
import { buildAnnexModel } from '@pwr-sync/shared';
import { createTestDb } from '../sync-server/test/harness.ts';
import { loadAnnexInput } from '../sync-server/src/commands/annexInput.ts';
import { annexDocxBuffer } from '../sync-server/src/annex/docx.ts';

const RUNS = 7;

export async function run(): Promise<void> {
  const { db, close } = await createTestDb('pglite');
  try {
    const total: number[] = [];
    const build: number[] = [];
    let bytes = 0;
    let rows = 0;
    // one warm-up build (JIT, the docx library's first use) not counted: a running server is warm
    await annexDocxBuffer(buildAnnexModel(await loadAnnexInput(db, 2024, { summary: true })));
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const input = await loadAnnexInput(db, 2024, { summary: true });
      const t1 = performance.now();
      const model = buildAnnexModel(input);
      bytes = (await annexDocxBuffer(model)).length;
      const t2 = performance.now();
      rows = model.areas.flatMap((a) => a.tasks.flatMap((t) => [t.table, ...t.subsections.map((s) => s.table)])).reduce((n, t) => n + (t?.rows.length ?? 0), 0);
      total.push(t2 - t0);
      build.push(t2 - t1);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`  city 2024 annex (DOCX with summary): ${rows} activities, ${(bytes / 1024).toFixed(0)} KB; read + build median ${median(total).toFixed(0)} ms `
      + `(build alone ${median(build).toFixed(0)} ms; min ${Math.min(...total).toFixed(0)}, max ${Math.max(...total).toFixed(0)} ms over ${RUNS} runs; target < 1000 ms)`);
  } finally {
    await close();
  }
}
