// The contract every generation provider implements, and the one error type generation throws.
import type { ProcessModel } from './model.ts';

export interface GenerationInput {
  prompt: string;
  /** Folder contexts, outermost first. */
  contexts?: string[];
  name?: string;
}

export interface GenerationProvider {
  /** "builtin" or "openai". */
  readonly name: string;
  /** The model behind it ("builtin-1", "gpt-4o-mini", …). */
  readonly modelName: string;
  /** Reads the description into a model; warnings collect what was guessed. */
  describe(input: GenerationInput, warnings: string[]): Promise<ProcessModel>;
}

/** 'unreadable': the text holds no process we can read (maps to 422); 'provider_failed': the provider broke. */
export type GenerationErrorCode = 'unreadable' | 'provider_failed';

export class GenerationError extends Error {
  override name = 'GenerationError';
  constructor(
    readonly code: GenerationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
