import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the render threads: below requests and PostgreSQL when they want the same cores. */
const RENDER_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread, and of it alone (Linux: a thread id given
 * to setpriority names that thread). Drawing PDFs for mail or for a download can wait a few
 * milliseconds; a registration in a rush, holding an event's row lock, cannot. On an idle machine
 * it changes nothing. Where threads cannot be told apart (not Linux) nothing is changed.
 */
export function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, RENDER_NICENESS);
  } catch {
    // No /proc, or not allowed: the thread keeps the process's priority.
  }
}
