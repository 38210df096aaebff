/** Worker thread of uploadPool.ts: reads one uploaded file at a time (a unit's report or plan template, or a program file), off the server's event loop. */
import { MSG } from '@pwr-sync/shared';
import { parentPort } from 'node:worker_threads';
import { readUploadedTemplate, type UploadExpectation, type UploadRead } from './importUpload.ts';
import { readProgramFile, type ProgramFileExpectation, type ProgramFileRead } from './programFileRead.ts';
import { readUploadedPlan, type PlanUploadExpectation, type PlanUploadRead } from './importPlanUpload.ts';

export type UploadTask =
  | { kind: 'template'; expected: UploadExpectation }
  | { kind: 'plan'; expected: PlanUploadExpectation }
  | { kind: 'program'; expected: ProgramFileExpectation };
export interface UploadJob { id: number; file: Uint8Array; task: UploadTask }
export interface UploadJobDone { id: number; read: UploadRead | PlanUploadRead | ProgramFileRead }
/** Posted once the worker has loaded (exceljs and the shared core). */
export interface UploadWorkerReady { ready: true }

const UNREADABLE = { ok: false, status: 400, code: 'malformed_file', message: MSG.api.uploadUnreadable } as const;

parentPort!.on('message', async ({ id, file, task }: UploadJob) => {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const reading: Promise<UploadRead | PlanUploadRead | ProgramFileRead> = task.kind === 'program' ? readProgramFile(buf, task.expected)
    : task.kind === 'plan' ? readUploadedPlan(buf, task.expected) : readUploadedTemplate(buf, task.expected);
  const read = await reading.catch(() => UNREADABLE);
  parentPort!.postMessage({ id, read } satisfies UploadJobDone);
});
parentPort!.postMessage({ ready: true } satisfies UploadWorkerReady);
