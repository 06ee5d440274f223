// The web app's one error handler. A route that renders a form names how to render it again (`config.refill`):
// a refused submission comes back as that form, with what the user typed and the reason, under the refusal's
// status. Trouble on our side (5xx) is no fault of the form: that, and everything else, becomes an error page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusalOf, sendThrown, type Refusal } from './error-page.ts';

export type Refill = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => FastifyReply | Promise<FastifyReply>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Renders the form a refused submission came from again. */
    refill?: Refill;
  }
}

export async function renderError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const refusal = refusalOf(error);
  const refill = request.routeOptions.config.refill;
  if (!refusal || refusal.status >= 500 || !refill) return sendThrown(error, request, reply);
  try {
    return await refill(request, reply.code(refusal.status), refusal);
  } catch (again) {
    // The form itself could not be drawn (its folder or organization is gone): that error's page instead.
    return sendThrown(again, request, reply);
  }
}
