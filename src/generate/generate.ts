// Entry point: description → provider → repaired ProcessModel → laid-out BPMN XML.
import { applyContext } from './context/apply.ts';
import { ModelError, repairModel, type ProcessModel } from './model.ts';
import { GenerationError, type GenerationInput, type GenerationProvider } from './provider.ts';
import { modelToBpmn } from './to-bpmn.ts';

export interface GenerationResult {
  model: ProcessModel;
  xml: string;
  warnings: string[];
  provider: string;
  model_name: string;
  duration_ms: number;
}

export const MAX_PROMPT_CHARS = 20_000;

export async function generateProcess(input: GenerationInput, provider: GenerationProvider): Promise<GenerationResult> {
  const started = performance.now();
  const prompt = input.prompt.trim();
  if (!prompt) throw new GenerationError('unreadable', 'The description is empty.');
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new GenerationError('unreadable', `The description is longer than ${MAX_PROMPT_CHARS} characters.`);
  }
  const warnings: string[] = [];
  const raw = await provider.describe({ ...input, prompt }, warnings);
  let model: ProcessModel;
  try {
    const repaired = repairModel(raw);
    model = repaired.model;
    warnings.push(...repaired.warnings);
  } catch (err) {
    if (err instanceof ModelError) throw new GenerationError('unreadable', `No process could be read from the description: ${err.message}`);
    throw err;
  }
  // After repair, so every provider's labels, lanes and pools follow the folder.
  warnings.push(...applyContext(model, input.contexts));
  if (input.name?.trim()) model.name = input.name.trim();
  const xml = await modelToBpmn(model);
  return {
    model,
    xml,
    warnings,
    provider: provider.name,
    model_name: provider.modelName,
    duration_ms: Math.round(performance.now() - started),
  };
}
