// jfi migrate: brings the configured database up to the latest schema.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../store/db.ts';
import { migrate } from '../store/migrations/index.ts';
import { parseCommand } from './arguments.ts';
import { printUsage, type CliIo } from './io.ts';

const MIGRATE_USAGE = `Usage: jfi migrate

Applies every pending migration to the database named by DATABASE_URL (created if missing).
The server and the other commands also migrate on start; this is for deploy scripts.`;

export async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, {}, MIGRATE_USAGE);
  if (parsed.help) return printUsage(io, MIGRATE_USAGE);
  const store = await openDatabase(loadConfig(io.env).databaseUrl);
  try {
    const applied = await migrate(store);
    io.out(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.join(', ')}.`);
  } finally {
    await store.close();
  }
  return 0;
}
