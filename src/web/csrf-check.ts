// Every POST in the web app carries the form's CSRF token; a missing or wrong one gets a 403 page and nothing happens.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { CSRF_FIELD, type CsrfGuard } from './csrf.ts';
import { sendErrorPage } from './error-page.ts';

async function checkCsrf(app: FastifyInstance, { csrf }: { csrf: CsrfGuard }): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | undefined;
    if (!csrf.verify(request, body?.[CSRF_FIELD])) {
      await sendErrorPage(reply, null, 403, 'This form has expired', 'The security token of the form did not match your session. Go back, reload the page and submit again.');
    }
  });
}

export const csrfCheck = fp(checkCsrf, { name: 'jfi-web-csrf', decorators: { request: ['cookies', 'webSession'] }, dependencies: ['jfi-web-session'] });
