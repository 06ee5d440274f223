// Dashboard sessions: an opaque cookie token whose SHA-256 is stored, with a per-session CSRF token.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SessionRepository } from '../store/repositories/sessions.ts';
import type { Database, SessionRow } from '../store/schema.ts';

export const SESSION_TTL_MS = 14 * 86_400_000;

export interface Session {
  id: string;
  userId: string;
  /** The synchroniser token every form of this session must echo. */
  csrfToken: string;
  expiresAt: Date;
  createdAt: Date;
}

export class SessionService {
  private readonly repo: SessionRepository;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new SessionRepository(db);
  }

  /**
   * Starts a session; the token goes into the cookie and is never stored.
   *
   * @example
   * const { token, session } = await sessions.createSession(user.id);
   */
  async createSession(userId: string): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now().getTime();
    const row = {
      id: randomUUID(),
      user_id: userId,
      token_hash: hashToken(token),
      csrf_secret: randomBytes(32).toString('base64url'),
      expires_at: now + SESSION_TTL_MS,
      created_at: now,
    };
    await this.repo.insert(row);
    return { token, session: toSession(row) };
  }

  /** The live session for a cookie token, or null (unknown, malformed or expired). */
  async findSession(token: string): Promise<Session | null> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await this.repo.findByTokenHash(hashToken(token));
    if (!row || row.expires_at <= this.now().getTime()) return null;
    return toSession(row);
  }

  async deleteSession(token: string): Promise<void> {
    await this.repo.deleteByTokenHash(hashToken(token));
  }

  /** Signs the user out everywhere but the session `keepId`; returns how many sessions ended. */
  async deleteOtherSessions(userId: string, keepId: string): Promise<number> {
    return this.repo.deleteForUser(userId, keepId);
  }

  /** The user's live sessions, this one included. */
  async countSessions(userId: string): Promise<number> {
    return this.repo.countForUser(userId, this.now().getTime());
  }

  /** Removes sessions that expired; returns how many. */
  async deleteExpired(): Promise<number> {
    return this.repo.deleteExpired(this.now().getTime());
  }
}

/** SHA-256 hex of a bearer token (session cookies, reset links): what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_secret,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
  };
}
