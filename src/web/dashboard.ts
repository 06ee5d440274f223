// The /app scope: every route in it is signed in. A visitor is sent to sign in (a GET keeps where it was going);
// a signed-in request carries `request.signedIn` (user, workspace, CSRF token) into the route.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../services/accounts.ts';
import { baseUrlOf, type SignedIn, type WebContext } from './context.ts';
import { loadWorkspace } from './workspace.ts';
import { accountRoutes } from './pages/account.ts';
import { billingRoutes } from './pages/billing.ts';
import { diagramHistoryRoutes } from './pages/diagrams/history.ts';
import { diagramRoutes } from './pages/diagrams/routes.ts';
import { keyRoutes } from './pages/keys.ts';
import { organizationRoutes } from './pages/organizations.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the /app scope before every route in it; absent elsewhere. */
    signedIn: SignedIn;
  }
  interface FastifyContextConfig {
    /** Called with fetch, not navigated to: a visitor gets a 401 with a JSON message instead of a redirect. */
    fetched?: boolean;
  }
}

async function dashboard(app: FastifyInstance, context: WebContext): Promise<void> {
  app.decorateRequest('signedIn', null as unknown as SignedIn);
  app.addHook('preHandler', async (request, reply) => {
    const user = request.webUser;
    if (!user) {
      if (request.routeOptions.config.fetched) return reply.code(401).send({ error: 'Your session ended. Sign in again in another tab, then save.' });
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/signin${next}`, 303);
    }
    request.signedIn = await signedInContext(context, request, reply, user);
  });
  await app.register(diagramRoutes, context);
  await app.register(diagramHistoryRoutes, context);
  await app.register(keyRoutes, context);
  await app.register(organizationRoutes, context);
  await app.register(billingRoutes, context);
  await app.register(accountRoutes, context);
}

/** What a signed-in page needs: the workspace (checked against the memberships) and the CSRF token of its forms. */
export async function signedInContext(context: WebContext, request: FastifyRequest, reply: FastifyReply, user: User): Promise<SignedIn> {
  const workspace = await loadWorkspace(context.services, request, user);
  return { user, workspace, csrf: context.csrf.tokenFor(request, reply), baseUrl: baseUrlOf(context, request) };
}

export const dashboardScope = fp(dashboard, {
  name: 'jfi-dashboard',
  encapsulate: true,
  decorators: { request: ['cookies', 'webUser', 'webSession'] },
  dependencies: ['jfi-web-session'],
});
