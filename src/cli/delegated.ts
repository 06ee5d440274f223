// Commands whose code lives in its own module (written with its feature): loaded only when asked for.
import { CliError } from './arguments.ts';

export const DELEGATED_COMMANDS = {
  render: 'Render a BPMN file to SVG or PNG',
  layout: 'Lay out a BPMN file (adds or replaces diagram interchange)',
  generate: 'Generate a BPMN diagram from a plain-language description',
} as const;

export type DelegatedCommand = keyof typeof DELEGATED_COMMANDS;

interface CommandModule {
  main(argv: string[]): Promise<number>;
}

export function isDelegated(command: string): command is DelegatedCommand {
  return Object.hasOwn(DELEGATED_COMMANDS, command);
}

export async function runDelegated(command: DelegatedCommand, argv: string[]): Promise<number> {
  // A computed specifier: the module may not exist in every build, and that must not break type checking.
  const specifier = new URL(`./${command}.ts`, import.meta.url).href;
  let module: Partial<CommandModule>;
  try {
    module = (await import(specifier)) as Partial<CommandModule>;
  } catch (error) {
    if (isModuleNotFound(error, command)) throw new CliError(`"jfi ${command}" is not available in this build.`);
    throw error;
  }
  if (typeof module.main !== 'function') throw new CliError(`"jfi ${command}" is not available in this build.`);
  return module.main(argv);
}

function isModuleNotFound(error: unknown, command: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
    String((error as { message?: unknown }).message).includes(`${command}.ts`)
  );
}
