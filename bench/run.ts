/**
 * `npm run bench`: runs every bench module in turn and prints its figures.
 * Add a bench by appending { name, load } below; a module exports `run(): Promise<void>`.
 */
export {};

interface BenchModule { name: string; load: () => Promise<{ run: () => Promise<void> }> }

const BENCHES: BenchModule[] = [
  { name: 'saves: 35 units saving full reports concurrently (sync server)', load: () => import('./saves.ts') },
  { name: 'reads: GET /api/me while every unit saves continuously, PGlite vs PostgreSQL', load: () => import('./readsUnderSaves.ts') },
  { name: 'workbook: the central workbook, Kraków 2024', load: () => import('./workbook.ts') },
  { name: 'annex: the annual annex (DOCX), Kraków 2024', load: () => import('./annex.ts') },
];

const only = process.argv.slice(2);
let failed = false;
for (const b of BENCHES) {
  if (only.length > 0 && !only.some((o) => b.name.startsWith(o))) continue;
  console.log(`\n▶ ${b.name}`);
  const t0 = performance.now();
  try {
    await (await b.load()).run();
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed = true;
    console.error(`  FAILED: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
