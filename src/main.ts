// Starts the service: configuration, server, graceful shutdown on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

try {
  const config = loadConfig();
  const { app } = await startServer(config);
  const scheme = config.tlsCertPath ? 'https' : 'http';
  app.log.info(`Just Flow It listening on ${scheme}://${config.host}:${config.port}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
