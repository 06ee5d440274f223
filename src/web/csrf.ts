// CSRF: signed-in forms echo the session's synchroniser token; sign-in and sign-up forms (no session yet)
// echo an HMAC of a random pre-session cookie, so a cross-site page can forge neither.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deriveKey } from '../shared-secret.ts';
import { cookieOptions } from './session.ts';

export const CSRF_FIELD = '_csrf';
const PRE_SESSION_COOKIE = 'jfi_presession';

export class CsrfGuard {
  readonly #secret: Buffer;

  /** SESSION_SECRET (or this process's own): the HMAC key derives from it. */
  constructor(secret: string) {
    this.#secret = deriveKey(secret, 'csrf');
  }

  /** The token to put in a form rendered for this request (sets the pre-session cookie when needed). */
  tokenFor(request: FastifyRequest, reply: FastifyReply): string {
    if (request.webSession) return request.webSession.csrfToken;
    let nonce = request.cookies[PRE_SESSION_COOKIE];
    if (!nonce || !/^[A-Za-z0-9_-]{22,64}$/.test(nonce)) {
      nonce = randomBytes(24).toString('base64url');
      reply.setCookie(PRE_SESSION_COOKIE, nonce, cookieOptions(request, 2 * 3_600_000));
      request.cookies[PRE_SESSION_COOKIE] = nonce;
    }
    return this.#sign(nonce);
  }

  /** True when the submitted token matches the session's, or the pre-session cookie's signature. */
  verify(request: FastifyRequest, submitted: unknown): boolean {
    if (typeof submitted !== 'string' || submitted === '') return false;
    if (request.webSession) return sameText(submitted, request.webSession.csrfToken);
    const nonce = request.cookies[PRE_SESSION_COOKIE];
    return typeof nonce === 'string' && nonce !== '' && sameText(submitted, this.#sign(nonce));
  }

  #sign(nonce: string): string {
    return createHmac('sha256', this.#secret).update(`csrf:${nonce}`).digest('base64url');
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
