// SESSION_SECRET: the one secret every server process shares, and the key each use derives from it (HKDF), so a
// CSRF token can never pass for a cursor checksum or the other way round.
import { hkdfSync, randomBytes } from 'node:crypto';
import { ConfigError, type Config } from './config.ts';

export type SecretPurpose = 'csrf' | 'cursor';

export function deriveKey(secret: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'jfi', `${purpose} v1`, 32));
}

/**
 * With Postgres or Redis configured, several processes may serve the same users: each must sign forms and
 * cursors with the same secret, or a form opened on one instance fails on another.
 */
export function requireSharedSecret(config: Config): void {
  if (config.sessionSecret !== null) return;
  const shared = config.databaseUrl.startsWith('postgres') ? 'DATABASE_URL is Postgres' : config.redisUrl !== null ? 'REDIS_URL is set' : null;
  if (shared) {
    throw new ConfigError(`SESSION_SECRET is required when ${shared}: every server process must share it (e.g. openssl rand -base64 48).`);
  }
}

/** The configured secret, or a random one for this process alone (one SQLite process needs nothing shared). */
export function processSecret(config: Config): string {
  return config.sessionSecret ?? randomBytes(32).toString('base64url');
}
