// The message a pool worker posts when its module has finished loading, so worker-pool.ts knows when a thread
// may be terminated safely (Piscina marks the first threads "ready" before they have loaded anything).
import { parentPort, threadId } from 'node:worker_threads';

export const WORKER_LOADED = 'jfiWorkerLoaded';

/** Call last in a worker module, after its imports. */
export function announceLoaded(): void {
  parentPort?.postMessage({ [WORKER_LOADED]: threadId });
}
