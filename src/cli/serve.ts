// jfi serve: runs the HTTP server until SIGINT or SIGTERM.
import { loadConfig, type Config } from '../config.ts';
import { CliError, parseCommand } from './arguments.ts';
import { printUsage, type CliIo } from './io.ts';

const SERVE_USAGE = `Usage: jfi serve

Starts the API and dashboard with the configuration from the environment (PORT, HOST, DATABASE_URL, …)
and runs until interrupted (Ctrl-C or SIGTERM), then shuts down gracefully.`;

type StartServer = (config: Config) => Promise<{ close(): Promise<void> }>;

export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, {}, SERVE_USAGE);
  if (parsed.help) return printUsage(io, SERVE_USAGE);
  const config = loadConfig(io.env);
  const server: { startServer?: StartServer } = await import('../server.ts');
  if (typeof server.startServer !== 'function') throw new CliError('This build has no server (src/server.ts does not export startServer).');
  const running = await server.startServer(config);
  io.err(`Just Flow It listening on http://${config.host}:${config.port}`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.err(`Received ${signal}, shutting down.`);
  await running.close();
  return 0;
}
