import { buildAnnexModel } from '@pwr-sync/shared';
import { createTestDb } from './test/harness.ts';
import { loadAnnexInput } from './src/commands/annexInput.ts';
import { annexDocxBuffer } from './src/annex/docx.ts';
const { db, close } = await createTestDb('pglite');
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const input = await loadAnnexInput(db, 2024, { summary: true });
  const t1 = performance.now();
  const model = buildAnnexModel(input);
  const t2 = performance.now();
  await annexDocxBuffer(model);
  const t3 = performance.now();
  console.log('load', (t1 - t0).toFixed(0), 'model', (t2 - t1).toFixed(0), 'docx', (t3 - t2).toFixed(0));
}
await close();
