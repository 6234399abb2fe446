/* A worker thread of the render pool: draws the documents it is sent and answers their bytes (many-page ones in chunks). */
import { parentPort } from 'node:worker_threads';
import { warmUpDocuments } from '../pdf/pdf-document';
import type { RenderJob, RenderReply } from './render-pool';
import { sheetWorker } from './sheet-worker-side';
import type { SheetMessage } from './sheet-stream';
import { renderSingle } from './single-documents';
import { lowerThisThreadsPriority } from './background-priority';

const port = parentPort!;
lowerThisThreadsPriority();

void warmUpDocuments().finally(() => {
  const sheets = sheetWorker(port);
  port.on('message', (job: RenderJob | SheetMessage) => {
    if ('type' in job) return sheets(job);
    renderSingle(job.kind, job.view as never, job.createdAt).then(
      (bytes) => {
        // Handed over, not copied: a fresh ArrayBuffer of exactly the document.
        const copy = new Uint8Array(bytes);
        port.postMessage({ id: job.id, bytes: copy } satisfies RenderReply, [copy.buffer]);
      },
      (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
    );
  });
});
