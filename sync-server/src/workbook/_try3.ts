import { streamCentralWorkbook } from './centralStream.ts';
import { DEFAULT_VARIANCE_POLICY, type ConsolidatedRow } from '@pwr-sync/shared';
import { createWriteStream } from 'node:fs';
function* gen(n: number): Generator<ConsolidatedRow> {
  for (let i = 0; i < n; i++) {
    const plan = 100, actual = (i * 37) % 220;
    yield { year: 2024, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: `I.1-${String(i % 200).padStart(3,'0')}`, activityName: 'Działanie testowe numer ' + (i % 200), orgUnitCodes: ['G' + Math.floor(i / 400)], reportingUnit: 'G' + Math.floor(i / 400), measureKind: i % 2 ? 'uczestnik' : 'spotkanie', qualifier: null, plan, actual, difference: actual - plan, ratio: actual / plan, band: 'on_plan', status: 'realized', moneySpent: i % 2 ? null : 100000, comment: '', planText: null, actualText: null, version: 1, savedBy: 'x', savedAt: '2025-01-01T00:00:00Z' };
  }
}
const n = Number(process.argv[2] ?? 100000);
const t = performance.now();
await streamCentralWorkbook({ year: 2024, rows: gen(n), completeness: [], program: { areas: [{ code: 'I', title: 'A' }], tasks: [] }, orgUnits: [], policy: DEFAULT_VARIANCE_POLICY }, createWriteStream('/tmp/wbplay/s.xlsx'));
console.log(n, 'rows', ((performance.now() - t) / 1000).toFixed(1), 's', 'rss MB', (process.resourceUsage().maxRSS / 1024).toFixed(0));
