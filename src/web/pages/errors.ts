// HTML error pages for the dashboard and docs (the API keeps its JSON envelope).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../errors.ts';
import { httpStatus } from '../../api/plugins/errors.ts';
import { html } from '../html.ts';
import { publicPage } from './layout.ts';

export function sendErrorPage(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  const body = html`<section class="error-page"><p class="error-code">${status}</p><h1>${title}</h1><p class="lead">${message}</p><p><a class="btn btn-primary" href="/app">Back to the dashboard</a> <a class="btn btn-ghost" href="/docs">Documentation</a></p></section>`;
  return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(publicPage(title, body));
}

/** Typed errors show their message; anything else is logged and shown as a plain apology, never a stack. */
export function sendThrown(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    const title = httpStatus(error) === 404 ? 'Not found' : httpStatus(error) === 403 ? 'Not allowed' : 'That did not work';
    return sendErrorPage(reply, httpStatus(error), title, error.message);
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return sendErrorPage(reply, status, 'That request could not be read', 'Check the form and try again.');
  }
  request.log.error({ err: error }, 'dashboard error');
  return sendErrorPage(reply, 500, 'Something went wrong', `Try again in a moment. If it keeps happening, mention request ${request.id}.`);
}
