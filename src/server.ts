// Builds the Fastify app from the API plugins; startServer listens and shuts down gracefully.
import fs from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { ConfigError, type Config } from './config.ts';
import { registerAccessLog } from './api/plugins/access-log.ts';
import { registerAuth, registerRequestDecorations } from './api/plugins/auth.ts';
import { applyBurstLimit } from './api/plugins/burst-limit.ts';
import { registerErrorHandling, routeNotFound, sendError, toDomainError } from './api/plugins/errors.ts';
import { registerHttpsRequirement } from './api/plugins/https.ts';
import { API_PREFIX, registerOpenApi } from './api/plugins/openapi.ts';
import { answerClientError } from './api/plugins/client-errors.ts';
import { createRequestId, registerRequestIdHeader } from './api/plugins/request-id.ts';
import { healthRoutes } from './api/routes/health/index.ts';
import { registerApiRoutes, type ApiContext } from './api/routes/index.ts';
import { closeRequestSchemas, createValidatorCompiler } from './api/validation.ts';
import { clientBucket } from './limits/client-bucket.ts';
import { systemClock, type Clock } from './limits/clock.ts';
import { createLimiter } from './limits/create-limiter.ts';
import type { RateLimiter } from './limits/limiter.ts';
import { createServices, type Services } from './services/index.ts';
import { mcpRoutes } from './mcp/route.ts';
import { webApp } from './web/index.ts';
import { AuthThrottle } from './web/auth-throttle.ts';
import { processSecret, requireSharedSecret } from './shared-secret.ts';

export interface ServerDependencies {
  /** Built from config.databaseUrl when absent (and then closed with the server). */
  services?: Services;
  /** Built from config (Redis when REDIS_URL is set) when absent (and then closed with the server). */
  limiter?: RateLimiter;
  clock?: Clock;
  /** Where JSON logs go; stdout when absent. */
  logStream?: DestinationStream;
  /** More resource plugins for the authenticated /api/v1 scope, after the built-in ones (tests, extensions). */
  routes?: (api: FastifyInstance, context: ApiContext) => Promise<void>;
}

/** Never log these, whatever a future log call passes in. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

export function createLogger(config: Config, stream?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return stream ? pino(options, stream) : pino(options);
}

/**
 * Builds the app: request ids, error envelope, strict validation, OpenAPI, health routes outside and the
 * authenticated, rate-limited /api/v1 scope.
 *
 * @example
 * const app = await buildServer(loadConfig(), { services, limiter: new MemoryRateLimiter({ max: 120, windowMs: 60_000 }) });
 * const res = await app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
 */
export async function buildServer(config: Config, deps: ServerDependencies = {}): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  // Before anything is opened, so a bad TLS setting leaks no database or Redis connection.
  const tls = readTls(config);
  const secret = processSecret(config);
  const services = deps.services ?? (await createServices(config));
  let limiter: RateLimiter;
  let throttle: AuthThrottle;
  try {
    limiter = deps.limiter ?? (await createLimiter(config));
  } catch (error) {
    if (!deps.services) await services.close();
    throw error;
  }
  let burst: RateLimiter;
  try {
    throttle = await AuthThrottle.create(config, clock);
    burst = await createLimiter(config, { max: config.dashboardGenerationsPerMinute, windowMs: 60_000 }, 'jfi:dashgen:').catch(async (error: unknown) => {
      await throttle.close();
      throw error;
    });
  } catch (error) {
    if (!deps.limiter) await limiter.close();
    if (!deps.services) await services.close();
    throw error;
  }

  const app = Fastify({
    loggerInstance: createLogger(config, deps.logStream),
    // Our access line (plugins/access-log.ts) replaces Fastify's two per-request lines.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: createRequestId,
    requestIdHeader: false,
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    https: tls,
    // While draining, requests already on an open connection are served, not 503'd outside the envelope.
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      sendError(toDomainError(error, request), request, reply);
    },
  }) as unknown as FastifyInstance;

  closeConnectionsWhileDraining(app);
  app.addHook('onClose', async () => {
    await throttle.close();
    await burst.close();
    if (!deps.limiter) await limiter.close();
    if (!deps.services) await services.close();
  });
  try {
    await assemble(app, config, deps, { services, limiter, clock, secret, throttle, generationBurst: burst });
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
  return app;
}

interface WiredParts {
  services: Services;
  limiter: RateLimiter;
  clock: Clock;
  secret: string;
  throttle: AuthThrottle;
  generationBurst: RateLimiter;
}

async function assemble(
  app: FastifyInstance,
  config: Config,
  deps: ServerDependencies,
  { services, limiter, clock, secret, throttle, generationBurst }: WiredParts,
): Promise<void> {

  app.setValidatorCompiler(createValidatorCompiler());
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(`${API_PREFIX}/`)) closeRequestSchemas(route);
  });
  registerRequestDecorations(app);
  registerRequestIdHeader(app);
  if (config.requireHttps) registerHttpsRequirement(app);
  registerAccessLog(app);
  registerErrorHandling(app);
  await registerOpenApi(app, config);

  await app.register(healthRoutes, { database: services.store, limiter });
  await app.register(webApp, { config, services, secret, throttle, generationBurst, clock });
  app.get(
    `${API_PREFIX}/openapi.json`,
    // Public, but limited per client address like any unauthenticated request.
    { onRequest: async (request, reply) => void (await applyBurstLimit(limiter, clock, clientBucket(request.ip), reply)) },
    async () => app.swagger(),
  );

  // Beside /api/v1, not in it: the same keys and checks, but refusals of tool calls come back as tool results.
  await app.register(mcpRoutes, { config, services, limiter, clock, secret });
  await app.register(
    async (api) => {
      // JSON only: a text/plain body is a clear Content-Type error, not a string that fails validation.
      api.removeContentTypeParser('text/plain');
      registerAuth(api, { keys: services.keys, limiter, clock });
      // Inside the scope, so unknown /api/v1 routes are authenticated and limited like known ones.
      api.setNotFoundHandler((request, reply) => sendError(routeNotFound(request), request, reply));
      const context: ApiContext = { config, services, limiter, clock, secret };
      await registerApiRoutes(api, context);
      if (deps.routes) await deps.routes(api, context);
    },
    { prefix: API_PREFIX },
  );
}

/**
 * Fastify closes the connections that are idle when shutdown starts; a keep-alive connection whose request
 * was still in flight turns idle later and would hold shutdown open until the keep-alive timeout. Reap those
 * too while draining (a timer during shutdown costs nothing per request, unlike a header hook).
 */
function closeConnectionsWhileDraining(app: FastifyInstance): void {
  let reaper: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    reaper.unref();
  });
  app.addHook('onClose', async () => clearInterval(reaper));
}

/**
 * Fastify trusts nothing for a bare hop count (it cannot check the nearest peer), so a count becomes the function
 * proxy-addr calls per hop: hop 0 is the socket's peer, hop 1 the address it put in X-Forwarded-For, and so on.
 */
function proxyTrust(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

function readTls(config: Config): { cert: Buffer; key: Buffer } | null {
  const { tlsCertPath: certPath, tlsKeyPath: keyPath } = config;
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) throw new ConfigError('TLS needs both TLS_CERT_PATH and TLS_KEY_PATH.');
  try {
    return { cert: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) };
  } catch (error) {
    throw new ConfigError(`Cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
}

export interface RunningServer {
  app: FastifyInstance;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database and Redis. */
  close(): Promise<void>;
}

/**
 * Builds and starts the server; SIGTERM/SIGINT shut it down gracefully. Refuses to start a setup meant for several
 * processes (Postgres or Redis) without SESSION_SECRET.
 */
export async function startServer(config: Config, deps: ServerDependencies = {}): Promise<RunningServer> {
  requireSharedSecret(config);
  const app = await buildServer(config, deps);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close().finally(() => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }));
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return { app, close };
}
