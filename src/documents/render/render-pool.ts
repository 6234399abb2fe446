import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { renderSheet, SheetDocumentKind, SheetDocuments, SheetOptions } from './sheet-documents';
import { SheetReply, SheetStream } from './sheet-stream';
import { renderSingle, SingleDocumentKind, SingleDocuments } from './single-documents';

export interface RenderJob {
  id: number;
  kind: SingleDocumentKind;
  view: unknown;
  createdAt?: Date;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

interface Pending {
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

interface Lane {
  worker: Worker;
  pending: Map<number, Pending>;
  sheets: Map<number, SheetStream>;
}

const busy = (lane: Lane) => lane.pending.size + lane.sheets.size;

/** The compiled worker; absent when the code runs from its TypeScript sources (tests), which then draw in their own thread. */
const WORKER_SCRIPT = join(__dirname, 'render-worker.js');

/**
 * One worker per core beyond the first, at least one, at most two (a document is ≈ 2–4 ms of CPU).
 * They draw at a lower priority (background-priority.ts), so the event loop keeps a core when it
 * needs one. On two cores a second worker drew no more mail per second (the delivery draws the
 * next messages' documents ahead, so one worker is kept busy) and cost 15 % more CPU per message:
 * two threads drawing at once on two cores slow each other down, and each compiles and collects
 * its own heap.
 */
export function defaultPoolSize(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

/**
 * Draws one-person documents (badge, agenda, certificate) and many-page ones (badge sheets,
 * certificates) in worker threads, so that the mail delivery and the downloads leave the event loop
 * free for requests and use the other cores. Each worker has its own parsed fonts. A job goes to the worker with the fewest
 * waiting; a worker that dies fails its jobs and is replaced at the next one. Without workers
 * (size 0, or no compiled worker script) documents are drawn in the calling thread.
 */
export class RenderPool {
  private readonly lanes: Array<Lane | null>;
  private nextId = 1;
  private closed = false;

  constructor(size: number = existsSync(WORKER_SCRIPT) ? defaultPoolSize() : 0) {
    this.lanes = Array.from({ length: size }, () => null);
  }

  /** Whether documents are drawn off the calling thread. */
  get threaded(): boolean {
    return this.lanes.length > 0;
  }

  render<K extends SingleDocumentKind>(kind: K, view: SingleDocuments[K], createdAt?: Date): Promise<Buffer> {
    if (!this.threaded || this.closed) return renderSingle(kind, view, createdAt);
    const lane = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      // A worker with work keeps the process alive; an idle one does not.
      if (busy(lane) === 0) lane.worker.ref();
      lane.pending.set(id, { resolve, reject });
      lane.worker.postMessage({ id, kind, view, createdAt } satisfies RenderJob);
    });
  }

  /**
   * A many-page document (badge sheets, certificates) drawn in a worker as the items arrive, in
   * batches, streamed back with back-pressure. Resolves with the first bytes drawn, so that a failure
   * before them rejects instead; a later one destroys the stream.
   */
  stream<K extends SheetDocumentKind>(kind: K, items: AsyncIterable<SheetDocuments[K]> | Iterable<SheetDocuments[K]>, options: SheetOptions): Promise<Readable> {
    if (!this.threaded || this.closed) return Promise.resolve(renderSheet(kind, items, options));
    const lane = this.leastBusy();
    const id = this.nextId++;
    if (busy(lane) === 0) lane.worker.ref();
    const sheet = new SheetStream(
      id,
      items,
      (message) => lane.worker.postMessage(message),
      () => {
        lane.sheets.delete(id);
        if (busy(lane) === 0) lane.worker.unref();
      },
    );
    lane.sheets.set(id, sheet);
    lane.worker.postMessage({ type: 'sheet', id, kind, options });
    return sheet.started;
  }

  /** Starts the workers now (each loads its fonts), rather than at the first document. */
  start(): void {
    if (this.closed) return;
    for (let i = 0; i < this.lanes.length; i++) this.lanes[i] ??= this.launch(i);
  }

  /** Ends the workers (application shutdown); later documents are drawn in the calling thread. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const lanes = this.lanes.filter((lane): lane is Lane => lane !== null);
    this.lanes.fill(null);
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }

  private leastBusy(): Lane {
    let best = 0;
    for (let i = 0; i < this.lanes.length; i++) {
      const lane = this.lanes[i];
      if (!lane) {
        best = i;
        break;
      }
      if (busy(lane) < busy(this.lanes[best]!)) best = i;
    }
    return this.lanes[best] ?? (this.lanes[best] = this.launch(best));
  }

  private launch(index: number): Lane {
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    const lane: Lane = { worker, pending: new Map(), sheets: new Map() };
    worker.on('message', (reply: RenderReply | SheetReply) => {
      if ('type' in reply) return lane.sheets.get(reply.id)?.onReply(reply);
      const job = lane.pending.get(reply.id);
      if (!job) return;
      lane.pending.delete(reply.id);
      if (busy(lane) === 0) worker.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    });
    const fail = (error: Error) => {
      if (this.lanes[index] === lane) this.lanes[index] = null;
      for (const job of lane.pending.values()) job.reject(error);
      lane.pending.clear();
      for (const sheet of [...lane.sheets.values()]) sheet.fail(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`document worker stopped (exit code ${code})`)));
    return lane;
  }
}
