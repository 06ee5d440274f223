// Runs one command over many files: all of them submitted to a worker pool at once, a failure recorded and the
// batch kept going, a summary at the end (exit 1 if any file failed), or everything as JSON with --json.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describeFailure } from './engine-command.ts';
import { formatJson, type CliIo } from './io.ts';
import { createProgress } from './progress.ts';
import { optionalFlag, UsageError, type Parsed } from './arguments.ts';

export interface BatchItem {
  input: string;
  output: string;
}

interface BatchResult extends BatchItem {
  ok: boolean;
  error?: string;
  duration_ms: number;
}

/** --jobs: worker threads for a batch, default one per core. */
export function readJobs(parsed: Parsed, usage: string): number {
  const raw = optionalFlag(parsed, 'jobs');
  if (raw === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,2}$/.test(raw)) throw new UsageError(`--jobs must be a whole number from 1 to 999, got "${raw}".`, usage);
  return Number(raw);
}

/** The given files, with each directory replaced by its files ending in `extension` (sorted). */
export async function expandInputs(inputs: string[], extension: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const isDirectory = await stat(input).then((s) => s.isDirectory(), () => false);
    if (!isDirectory) files.push(input);
    else files.push(...(await readdir(input)).filter((name) => name.endsWith(extension)).sort().map((name) => path.join(input, name)));
  }
  return files;
}

/** `dir/<input's name without its extension>.<extension>`; two inputs that would write the same file are a usage error. */
export function outputsIn(dir: string, inputs: string[], extension: string, usage: string): BatchItem[] {
  const seen = new Map<string, string>();
  return inputs.map((input) => {
    const output = path.join(dir, `${path.parse(input).name}.${extension}`);
    const other = seen.get(output);
    if (other !== undefined) throw new UsageError(`${other} and ${input} would both write ${output}.`, usage);
    seen.set(output, input);
    return { input, output };
  });
}

/** Runs `work` on every item (the pool behind it decides how many at once); resolves to the exit code. */
export async function runBatch(
  name: string,
  items: BatchItem[],
  work: (item: BatchItem) => Promise<void>,
  io: CliIo,
  options: { json: boolean },
): Promise<number> {
  const started = performance.now();
  const progress = createProgress(io, items.length, { quiet: options.json });
  const results = await Promise.all(
    items.map(async (item): Promise<BatchResult> => {
      const itemStarted = performance.now();
      try {
        await work(item);
        const result = { ...item, ok: true, duration_ms: Math.round(performance.now() - itemStarted) };
        progress.succeeded(`${item.input} -> ${item.output}`);
        return result;
      } catch (error) {
        const message = describeFailure(error);
        progress.failed(`jfi ${name}: ${item.input}: ${message}`);
        return { ...item, ok: false, error: message, duration_ms: Math.round(performance.now() - itemStarted) };
      }
    }),
  );
  progress.finish();
  const failed = results.filter((result) => !result.ok).length;
  const durationMs = Math.round(performance.now() - started);
  if (options.json) io.out(formatJson({ files: results.length, failed, duration_ms: durationMs, results }));
  else io.out(`${results.length} files, ${failed} failed, ${(durationMs / 1000).toFixed(1)} s`);
  return failed > 0 ? 1 : 0;
}
