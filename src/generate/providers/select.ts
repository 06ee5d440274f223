// Picks the configured provider.
import type { Config } from '../../config.ts';
import type { GenerationProvider } from '../provider.ts';
import { BuiltinProvider } from './builtin/builtin-provider.ts';
import { OpenAiProvider } from './openai.ts';

export function createProvider(generator: Config['generator']): GenerationProvider {
  if (generator.provider === 'openai' && generator.llmBaseUrl) {
    return new OpenAiProvider({
      baseUrl: generator.llmBaseUrl,
      apiKey: generator.llmApiKey,
      model: generator.llmModel,
      timeoutMs: generator.llmTimeoutMs,
    });
  }
  return new BuiltinProvider();
}
