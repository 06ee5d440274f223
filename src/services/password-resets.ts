// Password resets without mail: an operator makes a one-time link (jfi user reset-password) and hands it over.
// The link's token is 32 random bytes; only its SHA-256 is stored. It works once, within RESET_TTL_MS, and only the
// newest link of a user works. Using it sets the new password (sign-up rules) and signs out every session.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { Database } from '../store/schema.ts';
import { PasswordResetRepository } from '../store/repositories/password-resets.ts';
import { SessionRepository } from '../store/repositories/sessions.ts';
import { UserRepository } from '../store/repositories/users.ts';
import { requirePassword } from './password-rules.ts';
import { hashToken } from './sessions.ts';

export const RESET_TTL_MS = 24 * 3_600_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class PasswordResetService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A new one-time reset token for the user with this email (earlier links stop working).
   * @example const { token, expiresAt } = await resets.createLink('ada@example.com'); // → /reset/<token>
   */
  async createLink(email: string): Promise<{ token: string; email: string; expiresAt: Date }> {
    const user = typeof email === 'string' ? await new UserRepository(this.db).findUserByEmail(email.trim().toLowerCase()) : undefined;
    if (!user) throw new NotFoundError(`No user with email ${String(email).trim().toLowerCase()}.`, 'email');
    const token = randomBytes(32).toString('base64url');
    const now = this.now().getTime();
    const row = { id: randomUUID(), user_id: user.id, token_hash: hashToken(token), expires_at: now + RESET_TTL_MS, used_at: null, created_at: now };
    await this.db.transaction().execute((trx) => new PasswordResetRepository(trx).replaceForUser(row));
    return { token, email: user.email, expiresAt: new Date(row.expires_at) };
  }

  /** The email a link resets, or null when the link is unknown, used or expired. */
  async emailFor(token: string): Promise<string | null> {
    const reset = await this.#live(token);
    if (!reset) return null;
    return (await new UserRepository(this.db).findUserById(reset.user_id))?.email ?? null;
  }

  /** Sets the new password through the link, once, and signs out every session of the user. */
  async resetPassword(token: string, password: string): Promise<{ email: string }> {
    const reset = await this.#live(token);
    const user = reset ? await new UserRepository(this.db).findUserById(reset.user_id) : undefined;
    if (!reset || !user) throw notValid();
    const passwordHash = await hash(requirePassword(password, user.email));
    await this.db.transaction().execute(async (trx) => {
      if (!(await new PasswordResetRepository(trx).markUsed(reset.id, this.now().getTime()))) throw notValid();
      await new UserRepository(trx).updateUser(user.id, { password_hash: passwordHash }, this.now().getTime());
      await new SessionRepository(trx).deleteForUser(user.id);
    });
    return { email: user.email };
  }

  async #live(token: string) {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    const row = await new PasswordResetRepository(this.db).findByTokenHash(hashToken(token));
    return row && row.used_at === null && row.expires_at > this.now().getTime() ? row : null;
  }
}

function notValid(): InvalidRequestError {
  return new InvalidRequestError('invalid_parameter', 'This reset link does not work any more: it was used, it expired, or a newer one was made. Ask your operator for a new one.', 'token');
}
