// The one place the dashboard reads errors: which ones the user can act on (shown in the form they came from, or
// on an error page with their message) and which are ours (logged, shown as an apology, never a stack).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpHeaders, httpStatus } from '../api/plugins/errors.ts';
import { DomainError } from '../errors.ts';
import type { SignedIn } from './context.ts';
import { html } from './html.ts';
import { appPage, publicPage } from './pages/layout.ts';

/** What the user is told when a request is refused. */
export interface Refusal {
  status: number;
  /** The domain error's code (`version_conflict`, …); null for the dashboard's own refusals. */
  code: string | null;
  message: string;
  /** The form field at fault, when there is one. */
  param: string | null;
  /** Seconds until trying again can succeed, for refusals that pass with time. */
  retryAfter: string | null;
}

/** A refusal the dashboard decides itself: a field it checks before any service, a record not in this workspace. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'PageError';
  }
}

/** The refusal an error stands for, or null for a fault of ours. */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof PageError) return { status: error.status, code: null, message: error.message, param: error.param, retryAfter: null };
  if (error instanceof DomainError) {
    const retryAfter = httpHeaders(error)['Retry-After'] ?? null;
    return { status: httpStatus(error), code: error.code, message: error.message, param: error.param, retryAfter };
  }
  return null;
}

/** An error page: inside the signed-in chrome for someone signed in, else the visitors' page. */
export function sendErrorPage(reply: FastifyReply, signedIn: SignedIn | null, status: number, title: string, message: string): FastifyReply {
  const body = html`<section class="error-page"><p class="error-code">${status}</p><h1>${title}</h1><p class="lead">${message}</p><p><a class="btn btn-primary" href="/app">Back to the dashboard</a> <a class="btn btn-ghost" href="/docs">Documentation</a></p></section>`;
  const page = signedIn ? appPage({ title, workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'none' }, body) : publicPage(title, body);
  return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
}

/** Refusals show their message; anything else is logged and shown as a plain apology. */
export function sendThrown(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Set under /app once the visitor is known to be signed in; absent on the other web pages.
  const signedIn = request.signedIn ?? null;
  const refusal = refusalOf(error);
  if (refusal) {
    const title = refusal.status === 404 ? 'Not found' : refusal.status === 403 ? 'Not allowed' : 'That did not work';
    return sendErrorPage(reply, signedIn, refusal.status, title, refusal.message);
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return sendErrorPage(reply, signedIn, status, 'That request could not be read', 'Check the form and try again.');
  }
  request.log.error({ err: error }, 'dashboard error');
  return sendErrorPage(reply, signedIn, 500, 'Something went wrong', `Try again in a moment. If it keeps happening, mention request ${request.id}.`);
}

/** The refusal a check ends in, or null when it passes; a fault of ours still throws. */
export async function refusalFrom(check: Promise<unknown>): Promise<Refusal | null> {
  try {
    await check;
    return null;
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return refusal;
  }
}
