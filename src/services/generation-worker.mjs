// Piscina worker for generation: reading a long description and laying out its diagram takes seconds of CPU
// (about 5 s for 20,000 characters with the builtin provider), which must not block the server's event loop.
// Plain .mjs registering tsx, like the render worker. Failures come back as values: errors lose their class
// crossing the thread boundary.
import { register } from 'tsx/esm/api';

register();

const { generateProcess } = await import('../generate/generate.ts');
const { GenerationError } = await import('../generate/provider.ts');
const { createProvider } = await import('../generate/providers/select.ts');
const { parseBpmn } = await import('../bpmn/parse.ts');
const { computeStats } = await import('../bpmn/stats.ts');
const { announceLoaded } = await import('../worker-loaded.ts');

/** One provider per configuration, kept for the life of the worker (the builtin one loads its NLP model once). */
const providers = new Map();

/** { prompt, contexts, name?, generator } → { ok: true, xml, stats, … } | { ok: false, code, message }. */
export default async function generate({ prompt, contexts, name, generator }) {
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
