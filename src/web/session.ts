// The signed-in user behind a request: the session cookie, looked up on every dashboard request.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../services/accounts.ts';
import type { Services } from '../services/index.ts';
import { SESSION_TTL_MS, type Session } from '../services/sessions.ts';

const SESSION_COOKIE = 'jfi_session';

declare module 'fastify' {
  interface FastifyRequest {
    webSession: Session | null;
    webUser: User | null;
  }
}

/** HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS (directly or via a trusted proxy). */
export function cookieOptions(request: FastifyRequest, maxAgeMs?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) }),
  };
}

/** Puts the signed-in session and user (or null) on every request; needs @fastify/cookie. */
export const sessionLookup = fp(lookUpSessions, { name: 'jfi-web-session', decorators: { request: ['cookies'] }, dependencies: ['@fastify/cookie'] });

async function lookUpSessions(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.decorateRequest('webSession', null);
  app.decorateRequest('webUser', null);
  app.addHook('onRequest', async (request) => {
    // Static files need no user: spare them the database read.
    if (request.url.startsWith('/assets/') || request.url.startsWith('/vendor/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await services.sessions.findSession(token);
    if (!session) return;
    const user = await services.accounts.getUserById(session.userId).catch(() => null);
    if (!user) return;
    request.webSession = session;
    request.webUser = user;
  });
}

export async function startSession(services: Services, request: FastifyRequest, reply: FastifyReply, user: User): Promise<void> {
  const previous = request.cookies[SESSION_COOKIE];
  // A fresh token on every sign-in: a token planted before sign-in never becomes a live session.
  if (previous) await services.sessions.deleteSession(previous);
  // Sign-ins are rare enough to sweep expired sessions here rather than on a timer.
  await services.sessions.deleteExpired();
  const { token, session } = await services.sessions.createSession(user.id);
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_MS));
  request.webSession = session;
  request.webUser = user;
}

export async function endSession(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await services.sessions.deleteSession(token);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
