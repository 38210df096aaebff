import { buildAnnexModel } from '@pwr-sync/shared';
import { createTestDb } from './test/harness.ts';
import { loadAnnexInput } from './src/commands/annexInput.ts';
import { annexDocxBuffer } from './src/annex/docx.ts';
const { db, close } = await createTestDb('pglite');
const model = buildAnnexModel(await loadAnnexInput(db, 2024, { summary: true }));
await close();
for (let i = 0; i < 15; i++) { const t = performance.now(); await annexDocxBuffer(model); console.log((performance.now() - t).toFixed(0)); }
