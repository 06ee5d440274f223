// Starts the service: configuration, server, graceful shutdown on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { DatabaseUrlError } from './store/db.ts';
import { MigrationError } from './store/migrations/index.ts';

try {
  const config = loadConfig();
  const { app } = await startServer(config);
  const scheme = config.tlsCertPath ? 'https' : 'http';
  app.log.info(`Just Flow It listening on ${scheme}://${config.host}:${config.port}`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  } else if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    console.error(`Cannot listen: ${(error as Error).message}. Set PORT or HOST to a free, permitted address.`);
    process.exit(1);
  } else if (error instanceof MigrationError || error instanceof DatabaseUrlError) {
    // The database is unreachable, refuses us or cannot be migrated: an operating problem, no stack needed.
    console.error(`Cannot open the database (DATABASE_URL): ${error.message}`);
    process.exit(1);
  }
  throw error;
}
