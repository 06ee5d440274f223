// Starts the service: configuration, server, graceful shutdown.
import { loadConfig } from './config.ts';
import { buildServer } from './server.ts';

const config = loadConfig();
const app = await buildServer(config);
await app.listen({ port: config.port, host: config.host });
console.log(`Just Flow It listening on http://${config.host}:${config.port}`);
