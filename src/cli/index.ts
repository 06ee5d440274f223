// The `jfi` admin CLI: dispatches to one module per command group and maps failures to exit codes
// (0 success, 1 failure, 2 usage error). Messages never include a password or a key's secret.
import { ApiError } from '../api/errors.ts';
import { ConfigError } from '../config.ts';
import { DatabaseUrlError } from '../store/db.ts';
import { CliError, UsageError } from './arguments.ts';
import { DELEGATED_COMMANDS, isDelegated, runDelegated } from './delegated.ts';
import { processIo, type CliIo } from './io.ts';
import { runKey } from './key.ts';
import { runMigrate } from './migrate.ts';
import { runOrg } from './org.ts';
import { runServe } from './serve.ts';
import { runUser } from './user.ts';

const USAGE = `Usage: jfi <command> [options]

Commands:
  migrate    Bring the database up to the latest schema
  serve      Run the API and dashboard
  user       Create and list users, change their plan
  org        Create organizations, manage members and plans
  key        Create, list and revoke API keys
${Object.entries(DELEGATED_COMMANDS)
  .map(([name, summary]) => `  ${name.padEnd(9)}  ${summary}`)
  .join('\n')}

Every command reads the server's configuration from the environment (DATABASE_URL, …).
Run "jfi <command> --help" for a command's options.`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  migrate: runMigrate,
  serve: runServe,
  user: runUser,
  org: runOrg,
  key: runKey,
};

/** Runs one CLI invocation; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(USAGE);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run) return await run(rest, io);
    if (isDelegated(command)) return await runDelegated(command, rest);
    throw new UsageError(`Unknown command "${command}".`, USAGE);
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`jfi: ${error.message}\n\n${error.usage}`);
    return 2;
  }
  if (error instanceof ApiError || error instanceof CliError || error instanceof ConfigError || error instanceof DatabaseUrlError) {
    io.err(`jfi: ${error.message}`);
    return 1;
  }
  // Unexpected (database down, disk full…): the message helps; a stack trace would only bury it.
  io.err(`jfi: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
