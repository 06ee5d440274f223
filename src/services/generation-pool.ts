// A worker-thread pool for generation, so reading long descriptions never blocks the server's event loop.
import type { BpmnStats } from '../bpmn/stats.ts';
import type { Config } from '../config.ts';
import type { GenerationErrorCode } from '../generate/provider.ts';
import { createWorkerPool } from '../worker-pool.ts';
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

/** Threads start on the first generation, not with the server (see worker-pool.ts). */
export function createGenerationPool(options: { threads: number }): GenerationPool {
  const pool = createWorkerPool(WORKER, options.threads);
  return {
    run: (task) => pool.run<GenerationOutcome>(task),
    close: () => pool.close(),
  };
}
