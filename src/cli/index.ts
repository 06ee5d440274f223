// The `jfi` admin CLI: dispatches to one module per command group and maps failures to exit codes
// (0 success, 1 failure, 2 usage error). Messages never include a password or a key's secret.
// A command's module is imported only when that command runs: `jfi render` never loads a database driver,
// `jfi user list` never loads the renderer, and `jfi --help` loads neither.
import { UsageError } from './arguments.ts';
import { processIo, type CliIo } from './io.ts';

type Run = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Run> }> = {
  migrate: { summary: 'Bring the database up to the latest schema', load: async () => (await import('./migrate.ts')).runMigrate },
  serve: { summary: 'Run the API and dashboard', load: async () => (await import('./serve.ts')).runServe },
  user: { summary: 'Create and list users, change their plan, make password reset links', load: async () => (await import('./user.ts')).runUser },
  org: { summary: 'Create organizations, manage members and plans', load: async () => (await import('./org.ts')).runOrg },
  key: { summary: 'Create, list and revoke API keys', load: async () => (await import('./key.ts')).runKey },
  render: { summary: 'Render BPMN files to SVG or PNG', load: async () => (await import('./render.ts')).main },
  layout: { summary: 'Lay out a BPMN file (adds or replaces diagram interchange)', load: async () => (await import('./layout.ts')).main },
  generate: { summary: 'Generate BPMN diagrams from plain-language descriptions', load: async () => (await import('./generate.ts')).main },
  mcp: { summary: 'Serve a running server\'s tools to a local AI agent over MCP (stdio)', load: async () => (await import('./mcp.ts')).runMcp },
};

const USAGE = `Usage: jfi <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(9)}  ${summary}`)
  .join('\n')}

Every command reads the server's configuration from the environment (DATABASE_URL, …).
Run "jfi <command> --help" for a command's options.`;

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
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) throw new UsageError(`Unknown command "${command}".`, USAGE);
    return await (await entry.load())(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`jfi: ${error.message}\n\n${error.usage}`);
    return 2;
  }
  // Expected failures (unknown user, bad configuration, database down…) and unexpected ones alike: the message
  // helps; a stack trace would only bury it.
  io.err(`jfi: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
