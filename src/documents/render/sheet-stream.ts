import { Readable } from 'node:stream';
import type { SheetDocumentKind, SheetOptions } from './sheet-documents';

/** Items handed to the worker per message: 2,000 badges never sit in one message nor in memory at once. */
export const SHEET_BATCH = 200;

/** Main thread → worker, for a many-page document. */
export type SheetMessage =
  { type: 'sheet'; id: number; kind: SheetDocumentKind; options: SheetOptions } | { type: 'rows'; id: number; rows: unknown[]; done: boolean } | { type: 'cancel'; id: number };

/** Worker → main thread, for a many-page document. */
export type SheetReply =
  { type: 'more'; id: number } | { type: 'chunk'; id: number; chunk: Uint8Array } | { type: 'end'; id: number } | { type: 'failed'; id: number; error: string };

/**
 * The main thread's end of a document drawn in a worker: hands the worker the items in batches when
 * it asks and the reader keeps up (back-pressure: no rows while the response is more than its high
 * water mark behind), and pushes the worker's chunks into a readable stream. `started` settles with
 * the first chunk, so a failure before the first byte can still be answered as a problem.
 */
export class SheetStream {
  readonly readable: Readable;
  readonly started: Promise<Readable>;
  private readonly rows: AsyncIterator<unknown>;
  private asked = false;
  private paused = false;
  private sending = false;
  private begun = false;
  private finished = false;
  private begin!: (readable: Readable) => void;
  private refuse!: (error: Error) => void;

  constructor(
    private readonly id: number,
    items: AsyncIterable<unknown> | Iterable<unknown>,
    private readonly post: (message: SheetMessage) => void,
    private readonly settle: () => void,
  ) {
    this.rows = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : toAsync(items[Symbol.iterator]());
    this.started = new Promise<Readable>((resolve, reject) => {
      this.begin = resolve;
      this.refuse = reject;
    });
    this.readable = new Readable({
      read: () => {
        this.paused = false;
        void this.sendRows();
      },
      destroy: (error, callback) => {
        // The reader went away: the worker stops drawing and the cursor gives its connection back.
        if (!this.finished) {
          this.post({ type: 'cancel', id: this.id });
          this.close();
        }
        callback(error);
      },
    });
  }

  onReply(reply: SheetReply): void {
    if (this.finished) return;
    switch (reply.type) {
      case 'more':
        this.asked = true;
        void this.sendRows();
        break;
      case 'chunk':
        if (!this.readable.push(Buffer.from(reply.chunk.buffer, reply.chunk.byteOffset, reply.chunk.byteLength))) this.paused = true;
        if (!this.begun) {
          this.begun = true;
          this.begin(this.readable);
        }
        break;
      case 'end':
        this.close();
        this.readable.push(null);
        this.begin(this.readable);
        break;
      case 'failed':
        this.fail(new Error(reply.error));
        break;
    }
  }

  /** The document cannot be finished: refused before its first byte, cut after. */
  fail(error: Error): void {
    if (this.finished) return;
    this.close();
    if (this.begun) this.readable.destroy(error);
    else {
      this.refuse(error);
      this.readable.destroy();
    }
  }

  private close(): void {
    this.finished = true;
    this.settle();
    void this.rows.return?.();
  }

  private async sendRows(): Promise<void> {
    if (!this.asked || this.paused || this.sending || this.finished) return;
    this.sending = true;
    this.asked = false;
    try {
      const rows: unknown[] = [];
      let done = false;
      while (rows.length < SHEET_BATCH) {
        const next = await this.rows.next();
        if (next.done) {
          done = true;
          break;
        }
        rows.push(next.value);
      }
      if (!this.finished) this.post({ type: 'rows', id: this.id, rows, done });
    } catch (error) {
      this.post({ type: 'cancel', id: this.id });
      this.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.sending = false;
    }
  }
}

function toAsync<T>(items: Iterator<T>): AsyncIterator<T> {
  return { next: () => Promise.resolve(items.next()) };
}
