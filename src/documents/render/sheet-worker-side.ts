import type { MessagePort } from 'node:worker_threads';
import type { Pdf } from '../pdf/pdf-document';
import { renderSheet } from './sheet-documents';
import type { SheetMessage, SheetReply } from './sheet-stream';

/** Bytes gathered before a chunk is handed to the main thread (one message, its buffer transferred). */
const CHUNK = 64 * 1024;

interface Drawing {
  doc: Pdf;
  give: ((batch: { rows: unknown[]; done: boolean }) => void) | null;
  cancelled: boolean;
}

/** The worker's end of many-page documents: draws each as its rows arrive, asking for the next batch when done with one. */
export function sheetWorker(port: MessagePort): (message: SheetMessage) => void {
  const drawings = new Map<number, Drawing>();
  const reply = (message: SheetReply, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

  function start(id: number, message: Extract<SheetMessage, { type: 'sheet' }>): void {
    const drawing: Drawing = { doc: null as unknown as Pdf, give: null, cancelled: false };
    async function* rows(): AsyncGenerator<unknown> {
      for (;;) {
        const batch = await new Promise<{ rows: unknown[]; done: boolean }>((resolve) => {
          drawing.give = resolve;
          reply({ type: 'more', id });
        });
        drawing.give = null;
        if (drawing.cancelled) return;
        yield* batch.rows;
        if (batch.done) return;
      }
    }
    let pending: Buffer[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      const chunk = new Uint8Array(size);
      let offset = 0;
      for (const part of pending) {
        chunk.set(part, offset);
        offset += part.length;
      }
      pending = [];
      size = 0;
      reply({ type: 'chunk', id, chunk }, [chunk.buffer]);
    };
    const doc = renderSheet(message.kind, rows() as AsyncIterable<never>, message.options);
    drawing.doc = doc;
    drawings.set(id, drawing);
    doc.on('data', (part: Buffer) => {
      pending.push(part);
      size += part.length;
      if (size >= CHUNK) flush();
    });
    doc.on('end', () => {
      drawings.delete(id);
      flush();
      reply({ type: 'end', id });
    });
    doc.on('error', (error: Error) => {
      drawings.delete(id);
      if (!drawing.cancelled) reply({ type: 'failed', id, error: error.message });
    });
  }

  return (message) => {
    if (message.type === 'sheet') return start(message.id, message);
    const drawing = drawings.get(message.id);
    if (!drawing) return;
    if (message.type === 'rows') drawing.give?.({ rows: message.rows, done: message.done });
    else {
      drawing.cancelled = true;
      drawings.delete(message.id);
      drawing.doc.destroy();
      drawing.give?.({ rows: [], done: true });
    }
  };
}
