/**
 * Bench of the central workbook: Kraków's 2024 data from the seed (the test harness's in-memory
 * PGlite), read and built in memory as the API and the CLI do — target under 1 s. One in-memory
 * writer serves every year: a year far larger than a city's is not a goal (issue 21).
 */
import { createTestDb } from '../sync-server/test/harness.ts';
import { loadCentralWorkbookInput } from '../sync-server/src/commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../sync-server/src/workbook/central.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

export async function run(): Promise<void> {
  const { db, close } = await createTestDb('pglite');
  try {
    const times: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const input = await loadCentralWorkbookInput(db, 2024);
      bytes = (await centralWorkbookBuffer(input)).length;
      rows = input.rows.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`  city 2024 (in memory, Excel table): ${rows} rows, ${mb(bytes)}; read + build median ${times[2]!.toFixed(0)} ms `
      + `(min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)} ms over 5 runs; target < 1000 ms); process peak RSS ${mb(peakRss())}`);
  } finally {
    await close();
  }
}
