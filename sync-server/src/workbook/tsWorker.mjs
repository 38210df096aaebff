// Starts a TypeScript worker thread: Node 20 does not apply `--import tsx` to a worker's entry
// file, so the worker loads the .ts module named in workerData through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
