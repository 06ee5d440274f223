// A worker-thread pool for generation, so reading long descriptions never blocks the server's event loop.
import { Piscina } from 'piscina';
import type { BpmnStats } from '../bpmn/stats.ts';
import type { Config } from '../config.ts';
import type { GenerationErrorCode } from '../generate/provider.ts';
import { workerFile } from '../worker-file.ts';

export interface GenerationTask {
  prompt: string;
  /** Folder contexts, outermost first. */
  contexts: string[];
  name?: string;
  generator: Config['generator'];
}

export type GenerationOutcome =
  | {
      ok: true;
      xml: string;
      stats: BpmnStats;
      /** The name the provider gave the process (the requested name when one was given). */
      name: string;
      warnings: string[];
      provider: string;
      model: string;
      duration_ms: number;
    }
  | { ok: false; code: GenerationErrorCode; message: string };

export interface GenerationPool {
  run(task: GenerationTask): Promise<GenerationOutcome>;
  close(): Promise<void>;
}

const WORKER = workerFile('generation-worker', import.meta.url);

/** Threads start on the first generation, not with the server. */
export function createGenerationPool(options: { threads: number }): GenerationPool {
  const threads = Math.max(1, Math.floor(options.threads));
  let pool: Piscina | null = null;
  return {
    run(task) {
      pool ??= new Piscina({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
      return pool.run(task);
    },
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}
