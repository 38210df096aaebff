/** Worker thread of uploadPool.ts: reads one uploaded template at a time, off the server's event loop. */
import { MSG } from '@pwr-sync/shared';
import { parentPort } from 'node:worker_threads';
import { readUploadedTemplate, type UploadExpectation, type UploadRead } from './importUpload.ts';

export interface UploadJob { id: number; file: Uint8Array; expected: UploadExpectation }
export interface UploadJobDone { id: number; read: UploadRead }
/** Posted once the worker has loaded (exceljs and the shared core). */
export interface UploadWorkerReady { ready: true }

parentPort!.on('message', async ({ id, file, expected }: UploadJob) => {
  const read = await readUploadedTemplate(Buffer.from(file.buffer, file.byteOffset, file.byteLength), expected)
    .catch((): UploadRead => ({ ok: false, status: 400, code: 'malformed_file', message: MSG.api.uploadUnreadable }));
  parentPort!.postMessage({ id, read } satisfies UploadJobDone);
});
parentPort!.postMessage({ ready: true } satisfies UploadWorkerReady);
