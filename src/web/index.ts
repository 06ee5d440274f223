// The web app: dashboard under /app, sign-in at /, docs at /docs; own cookies, CSRF, headers and HTML errors.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import type { WebContext } from './context.ts';
import { CsrfGuard } from './csrf.ts';
import { csrfCheck } from './csrf-check.ts';
import { dashboardScope, signedInContext } from './dashboard.ts';
import { renderError } from './error-handler.ts';
import type { AuthThrottle } from './auth-throttle.ts';
import type { Clock } from '../limits/clock.ts';
import type { RateLimiter } from '../limits/limiter.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionLookup } from './session.ts';
import { authRoutes } from './pages/auth.ts';
import { docsRoutes } from './docs/index.ts';
import { sendErrorPage } from './error-page.ts';

export interface WebOptions {
  config: Config;
  services: Services;
  /** SESSION_SECRET, or this process's own when unset. */
  secret: string;
  /** Sign-in and sign-up throttling on the shared limiter. */
  throttle: AuthThrottle;
  generationBurst: RateLimiter;
  clock: Clock;
}

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const BPMN_JS_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('bpmn-js/package.json')), 'dist');

/**
 * @example
 * await app.register(webApp, { config, services, secret, throttle, generationBurst, clock });
 */
export async function webApp(app: FastifyInstance, options: WebOptions): Promise<void> {
  const context: WebContext = {
    config: options.config,
    services: options.services,
    csrf: new CsrfGuard(options.secret),
    throttle: options.throttle,
    generationBurst: options.generationBurst,
    clock: options.clock,
  };
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: options.config.bodyLimitBytes });
  await app.register(securityHeaders);
  app.setErrorHandler(renderError);

  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1h' });
  // The modeler is served from our origin (no CDN); its bundle keeps the bpmn.io watermark.
  await app.register(fastifyStatic, {
    root: BPMN_JS_DIST,
    prefix: '/vendor/bpmn-js/',
    decorateReply: false,
    maxAge: '1d',
    allowedPath: (pathname) => /^\/(bpmn-modeler\.production\.min\.js|assets\/.+)$/.test(pathname),
  });

  await app.register(sessionLookup, context);
  await app.register(csrfCheck, context);

  await app.register(authRoutes, context);
  await app.register(dashboardScope, { ...context, prefix: '/app' });
  await app.register(docsRoutes, context);
  // Outside the /app scope (a visitor gets the 404 too, not a sign-in), yet in the signed-in chrome when signed in.
  app.get('/app/*', async (request, reply) => {
    const signedIn = request.webUser ? await signedInContext(context, request, reply, request.webUser) : null;
    return sendErrorPage(reply, signedIn, 404, 'Page not found', 'There is no page at this address.');
  });
}
