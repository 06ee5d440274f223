// Piscina worker for generation: reading a long description and laying out its diagram takes seconds of CPU
// (about 5 s for 20,000 characters with the builtin provider), which must not block the server's event loop.
// Compiled to generation-worker.js by the build; from the sources it is loaded through generation-worker.mjs.
// Failures come back as values: errors lose their class crossing the thread boundary.
import { parseBpmn } from '../bpmn/parse.ts';
import { computeStats } from '../bpmn/stats.ts';
import { generateProcess } from '../generate/generate.ts';
import { GenerationError, type GenerationProvider } from '../generate/provider.ts';
import { createProvider } from '../generate/providers/select.ts';
import type { GenerationOutcome, GenerationTask } from './generation-pool.ts';
import { announceLoaded } from '../worker-loaded.ts';

/** One provider per configuration, kept for the life of the worker (the builtin one loads its NLP model once). */
const providers = new Map<string, GenerationProvider>();

export default async function generate({ prompt, contexts, name, generator }: GenerationTask): Promise<GenerationOutcome> {
  const cacheKey = JSON.stringify(generator);
  let provider = providers.get(cacheKey);
  if (!provider) providers.set(cacheKey, (provider = createProvider(generator)));
  try {
    const result = await generateProcess({ prompt, contexts, ...(name === undefined ? {} : { name }) }, provider);
    const { definitions } = await parseBpmn(result.xml);
    return {
      ok: true,
      xml: result.xml,
      stats: computeStats(definitions),
      name: result.model.name,
      warnings: result.warnings,
      provider: result.provider,
      model: result.model_name,
      duration_ms: result.duration_ms,
    };
  } catch (error) {
    if (error instanceof GenerationError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

announceLoaded();
