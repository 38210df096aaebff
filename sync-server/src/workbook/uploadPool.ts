/**
 * Reading an uploaded workbook (exceljs) costs seconds of CPU and tens of MB for a large file; on
 * the server's own thread four at once stalled every other request. So uploads are read in worker
 * threads, and at most `workers + queue` uploads are admitted at a time: beyond that the caller
 * answers 503 with Retry-After instead of piling files up in memory.
 * A worker that runs out of its memory limit or time refuses that file and is replaced.
 */
import { MSG } from '@pwr-sync/shared';
import { Worker } from 'node:worker_threads';
import type { UploadExpectation, UploadRead } from './importUpload.ts';
import type { ProgramFileExpectation, ProgramFileRead } from './programFileRead.ts';
import type { PlanUploadExpectation, PlanUploadRead } from './importPlanUpload.ts';
import type { UploadJob, UploadJobDone, UploadTask, UploadWorkerReady } from './uploadWorker.ts';

export interface UploadPoolOptions {
  /** Uploads read at the same time (worker threads). */
  workers: number;
  /** Admitted uploads waiting for a worker. */
  queue: number;
  /** A read taking longer is abandoned (the worker is terminated). */
  timeoutMs: number;
  /** Heap limit of a worker, MB. */
  maxHeapMb: number;
}

export const DEFAULT_UPLOAD_POOL: UploadPoolOptions = { workers: 1, queue: 3, timeoutMs: 60_000, maxHeapMb: 512 };

/** A place in the pool, held from admission until the response is done. */
export interface UploadTicket {
  /** A unit's filled template (importUpload.ts). */
  read(file: Buffer, expected: UploadExpectation): Promise<UploadRead>;
  /** A unit's plan template, or MOPS's sheet of plans (importPlanUpload.ts). */
  readPlan(file: Buffer, expected: PlanUploadExpectation): Promise<PlanUploadRead>;
  /** A program file (programFileRead.ts). */
  readProgram(file: Buffer, expected: ProgramFileExpectation): Promise<ProgramFileRead>;
  release(): void;
}

type AnyRead = UploadRead | PlanUploadRead | ProgramFileRead;
interface Job { id: number; file: Buffer; task: UploadTask; done: (read: AnyRead) => void }
interface Slot { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null; ready: Promise<void> }

const TOO_COMPLEX: UploadRead & PlanUploadRead & ProgramFileRead = { ok: false, status: 413, code: 'upload_too_large', message: MSG.api.uploadTooComplex };
// In development the worker is TypeScript like the server: tsWorker.mjs loads it through tsx. The
// compiled server (npm run build) runs the compiled uploadWorker.js directly — no TypeScript tooling;
// the worker inherits the process's --conditions, so it resolves the compiled @pwr-sync/shared too.
const COMPILED = import.meta.url.endsWith('.js');
const BOOTSTRAP_URL = new URL('./tsWorker.mjs', import.meta.url);
const WORKER_URL = new URL(COMPILED ? './uploadWorker.js' : './uploadWorker.ts', import.meta.url);

export class UploadPool {
  private admitted = 0;
  private nextId = 1;
  private readonly waiting: Job[] = [];
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(private readonly options: UploadPoolOptions = DEFAULT_UPLOAD_POOL) {}

  /** A ticket, or null when the pool is full (answer 503). */
  admit(): UploadTicket | null {
    if (this.closed || this.admitted >= this.options.workers + this.options.queue) return null;
    this.admitted++;
    let released = false;
    const run = <R extends AnyRead>(file: Buffer, task: UploadTask) => new Promise<R>((done) => {
      this.waiting.push({ id: this.nextId++, file, task, done: done as (read: AnyRead) => void });
      this.dispatch();
    });
    return {
      read: (file, expected) => run<UploadRead>(file, { kind: 'template', expected }),
      readPlan: (file, expected) => run<PlanUploadRead>(file, { kind: 'plan', expected }),
      readProgram: (file, expected) => run<ProgramFileRead>(file, { kind: 'program', expected }),
      release: () => {
        if (released) return;
        released = true;
        this.admitted--;
      },
    };
  }

  /**
   * Starts the workers now rather than on the first upload (loading exceljs in a worker takes a
   * second or more), so even the first file is checked at once. Resolves when they are loaded.
   */
  async warm(): Promise<void> {
    while (!this.closed && this.slots.length < this.options.workers) this.spawn();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Terminates the workers (server shutdown); waiting reads are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.done(TOO_COMPLEX);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.job?.done(TOO_COMPLEX);
      slot.job = null;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.options.workers) slot = this.spawn();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.fail(slot!, TOO_COMPLEX), this.options.timeoutMs);
      // A copy: the file stays with the request (idempotency fingerprint) while the worker reads its own.
      slot.worker.postMessage({ id: job.id, file: new Uint8Array(job.file), task: job.task } satisfies UploadJob);
    }
  }

  private spawn(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxHeapMb };
    const worker = COMPILED
      ? new Worker(WORKER_URL, { resourceLimits })
      : new Worker(BOOTSTRAP_URL, { workerData: { entry: WORKER_URL.href }, resourceLimits });
    worker.unref();
    let loaded = () => {};
    const slot: Slot = { worker, job: null, timer: null, ready: new Promise<void>((resolve) => { loaded = resolve; }) };
    worker.on('message', (message: UploadJobDone | UploadWorkerReady) => {
      if ('ready' in message) return loaded();
      if (slot.job?.id === message.id) this.finish(slot, message.read);
    });
    worker.once('exit', () => loaded());
    // Out of memory, or a crash: that file is refused and the worker replaced on the next read.
    worker.on('error', () => this.fail(slot, TOO_COMPLEX));
    worker.on('exit', () => this.fail(slot, TOO_COMPLEX));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, read: AnyRead): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.done(read);
    this.dispatch();
  }

  private fail(slot: Slot, read: AnyRead): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.finish(slot, read);
  }
}
