// Piscina pools as the services use them: no thread until the first task (a server that never renders or
// generates never starts one), and a close that finishes what is running and never terminates a thread that is
// still loading its modules (tsx's hooks thread, native addons): tearing a worker down mid-load is the shutdown
// path suspected of killing a test process (docs/reliability.md, "Flakes").
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { WORKER_LOADED } from './worker-loaded.ts';

export interface WorkerPool {
  /** Runs a task on the named export (default export when no name), starting the threads on the first call. */
  run<T>(task: unknown, name?: string): Promise<T>;
  /** Tasks waiting for a free thread. */
  readonly queueSize: number;
  /** Lets running tasks finish, waits for threads still loading, then ends every thread; later runs reject. */
  close(): Promise<void>;
}

/** The longest a close waits for a thread to finish loading before terminating it anyway. */
const LOAD_WAIT_MS = 30_000;

const openPools = new Set<Piscina>();

/** Threads alive in every open pool of this process (what a test checks to prove nothing leaked). */
export function liveWorkerThreads(): number {
  let count = 0;
  for (const pool of openPools) count += pool.threads.length;
  return count;
}

export class PoolClosedError extends Error {
  constructor() {
    super('The worker pool is closed.');
    this.name = 'PoolClosedError';
  }
}

/**
 * A pool of `threads` threads running `filename`, a worker module that calls announceLoaded() once loaded.
 *
 * @example
 * const pool = createWorkerPool(new URL('./render-worker.mjs', import.meta.url).href, 2);
 * const result = await pool.run<{ svg: string }>({ xml, theme: 'light' }, 'svg');
 * await pool.close();
 */
export function createWorkerPool(filename: string, threads: number): WorkerPool {
  const size = Math.max(1, Math.floor(threads));
  let pool: Piscina | null = null;
  let closing: Promise<void> | null = null;
  const loading = new LoadTracker();

  return {
    run(task, name) {
      if (closing) return Promise.reject(new PoolClosedError());
      if (!pool) {
        pool = new Piscina({ filename, minThreads: size, maxThreads: size, idleTimeout: 60_000 });
        pool.on('message', (message: unknown) => loading.onMessage(message));
        // Piscina emits 'error' for a thread that dies between tasks and for a close that times out; unheard, it would end the process.
        pool.on('error', (err: unknown) => process.emitWarning(`A worker thread failed between tasks: ${String(err)}`, 'WorkerPoolWarning'));
        openPools.add(pool);
      }
      return pool.run(task, name === undefined ? {} : { name });
    },
    get queueSize() {
      return pool?.queueSize ?? 0;
    },
    close() {
      return (closing ??= (async () => {
        const started = pool;
        if (!started) return;
        await loading.whenLoaded(started.threads);
        // Piscina's close lets running tasks end, then terminates the (now loaded) threads and waits for them.
        await started.close();
        openPools.delete(started);
      })());
    },
  };
}

/** Which threads of a pool have announced that they finished loading. */
class LoadTracker {
  readonly #loaded = new Set<number>();
  readonly #waiting = new Map<number, () => void>();

  onMessage(message: unknown): void {
    const id = (message as Record<string, unknown> | null)?.[WORKER_LOADED];
    if (typeof id !== 'number') return;
    this.#loaded.add(id);
    this.#waiting.get(id)?.();
  }

  /** Resolves when each thread has loaded or exited, or after LOAD_WAIT_MS. */
  async whenLoaded(threads: Worker[]): Promise<void> {
    const waits = threads
      .filter((thread) => !this.#loaded.has(thread.threadId))
      .map((thread) => {
        const id = thread.threadId;
        return new Promise<void>((resolve) => {
          const done = () => {
            this.#waiting.delete(id);
            thread.off('exit', done);
            resolve();
          };
          this.#waiting.set(id, done);
          thread.once('exit', done);
        });
      });
    if (waits.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_WAIT_MS).unref()));
    try {
      await Promise.race([Promise.all(waits), giveUp]);
    } finally {
      clearTimeout(timer);
    }
  }
}
