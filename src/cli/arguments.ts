// Flag parsing for every command: node:util parseArgs in strict mode, with errors people can act on.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad command-line usage: exit code 2, with the command's usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** A failure the operator can fix (unknown user, server not available…): exit code 1, message only. */
export class CliError extends Error {
  override name = 'CliError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

/** Parses `argv` against `options` (plus --help); unknown flags, missing values and stray words are usage errors. */
export function parseCommand(argv: string[], options: Options, usage: string, maxPositionals = 0): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (!help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[maxPositionals]}".`, usage);
  }
  return { values, positionals: parsed.positionals, help };
}

/** The value of a string flag that must be present. */
export function requireFlag(parsed: Parsed, name: string, usage: string): string {
  const value = parsed.values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`, usage);
  return value;
}

/** The value of an optional string flag. */
export function optionalFlag(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Checks a flag against its allowed values. */
export function chooseFlag<T extends string>(value: string, allowed: readonly T[], name: string, usage: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}".`, usage);
  }
  return value as T;
}
