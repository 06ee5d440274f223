// What every web route plugin receives, what a signed-in request carries, and reading form fields.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { User } from '../services/accounts.ts';
import type { Services } from '../services/index.ts';
import type { CsrfGuard } from './csrf.ts';
import type { AuthThrottle } from './auth-throttle.ts';
import type { Clock } from '../limits/clock.ts';
import type { RateLimiter } from '../limits/limiter.ts';
import type { Workspace } from './workspace.ts';

export interface WebContext {
  config: Config;
  services: Services;
  csrf: CsrfGuard;
  throttle: AuthThrottle;
  /** Dashboard generations per workspace per minute (DASHBOARD_GENERATIONS_PER_MINUTE). */
  generationBurst: RateLimiter;
  clock: Clock;
}

/** Who is signed in, in which workspace, and the CSRF token for the forms of the page: `request.signedIn` under /app. */
export interface SignedIn {
  user: User;
  workspace: Workspace;
  csrf: string;
  /** Where this server is reached, for examples shown on pages. */
  baseUrl: string;
}

/** The metadata of every dashboard route plugin: it reads `request.signedIn`, so it runs only inside the /app scope. */
export const DASHBOARD_ROUTES = { decorators: { request: ['signedIn'] }, dependencies: ['jfi-dashboard'] };

/** Form bodies arrive as string or string[] per field; this reads one field as a string. */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes). */
export function fields(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * A dashboard path (`/app`, `/app/…`, optionally with a query) of plain URL characters only, else `/app`: a crafted
 * ?next= can neither leave the site (`//host`, `/\\host`, a tab or newline browsers drop) nor break the Location header.
 */
const APP_PATH = /^\/app(?:\/[\w\-.~%!$&'()*+,;=:@/]*)?(?:\?[\w\-.~%!$&'()*+,;=:@/?]*)?$/;

export function safeNext(raw: string): string {
  return APP_PATH.test(raw) && !raw.includes('//') ? raw : '/app';
}

export function baseUrlOf(context: Pick<WebContext, 'config'>, request: FastifyRequest): string {
  return context.config.publicBaseUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}
