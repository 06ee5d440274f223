// The engine commands (render, layout, generate) share how they end: usage errors exit 2 with the usage text,
// failures exit 1 with one line that names the cause, never a stack trace.
import type { BpmnParseError } from '../bpmn/parse.ts';
import type { ConfigError } from '../config.ts';
import type { GenerationError } from '../generate/provider.ts';
import { UsageError } from './arguments.ts';
import type { CliIo } from './io.ts';

export async function runEngineCommand(name: string, io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`jfi ${name}: ${error.message}\n\n${error.usage}`);
      return 2;
    }
    io.err(`jfi ${name}: ${describeFailure(error)}`);
    return 1;
  }
}

/** One line naming why a command (or one file of a batch) failed. */
export function describeFailure(error: unknown): string {
  // By name, not instanceof: importing the classes would load the BPMN parser into every command's start-up.
  if (isNamed<BpmnParseError>(error, 'BpmnParseError')) return `invalid BPMN: ${error.message}`;
  if (isNamed<GenerationError>(error, 'GenerationError') && error.code === 'unreadable') return `cannot read the description: ${error.message}`;
  if (isNamed<ConfigError>(error, 'ConfigError')) return error.message;
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return `no such file: ${path ?? ''}`;
  if (code === 'EACCES') return `permission denied: ${path ?? ''}`;
  if (code === 'EISDIR') return `is a directory: ${path ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}

function isNamed<T extends Error>(error: unknown, name: string): error is T {
  return error instanceof Error && error.name === name;
}
