// Every POST in the web app carries the form's CSRF token; a missing or wrong one gets a 403 page and nothing happens.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { WebContext } from './context.ts';
import { CSRF_FIELD } from './csrf.ts';
import { signedInContext } from './dashboard.ts';
import { sendErrorPage } from './error-page.ts';

async function checkCsrf(app: FastifyInstance, context: WebContext): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | undefined;
    if (!context.csrf.verify(request, body?.[CSRF_FIELD])) {
      const signedIn = request.webUser ? await signedInContext(context, request, reply, request.webUser) : null;
      await sendErrorPage(reply, signedIn, 403, 'This form has expired', 'The security token of the form did not match your session. Go back, reload the page and submit again.');
    }
  });
}

export const csrfCheck = fp(checkCsrf, { name: 'jfi-web-csrf', decorators: { request: ['cookies', 'webSession', 'webUser'] }, dependencies: ['jfi-web-session'] });
