// The API key format: `jfi_sk_live_` / `jfi_sk_test_` + 40 base62 characters, of which the last 6 are a
// checksum of the prefix and the first 34. A mistyped or truncated key fails the checksum, so it is
// rejected without a database read, and secret scanners can recognise a real key by its shape.
import { createHash, randomInt } from 'node:crypto';
import type { Mode } from './auth-types.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 34;
const CHECKSUM_LENGTH = 6;
const BODY_LENGTH = RANDOM_LENGTH + CHECKSUM_LENGTH;
const PREFIXES: Record<Mode, string> = { live: 'jfi_sk_live_', test: 'jfi_sk_test_' };
const PREFIX_LENGTH = PREFIXES.live.length;
const KEY_LENGTH = PREFIX_LENGTH + BODY_LENGTH;
const BODY_PATTERN = /^[0-9A-Za-z]{40}$/;
const CHECKSUM_SPACE = 62 ** CHECKSUM_LENGTH;

/** Returns 'live' or 'test' for a key whose prefix names a mode, else null. Says nothing of validity. */
export function keyMode(raw: string): Mode | null {
  if (raw.startsWith(PREFIXES.live)) return 'live';
  if (raw.startsWith(PREFIXES.test)) return 'test';
  return null;
}

/** True when `raw` has a known prefix, the right length and alphabet, and a matching checksum. */
export function isWellFormedKey(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length !== KEY_LENGTH || keyMode(raw) === null) return false;
  const body = raw.slice(PREFIX_LENGTH);
  if (!BODY_PATTERN.test(body)) return false;
  return checksum(raw.slice(0, PREFIX_LENGTH + RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

/** A new random key of the given mode (about 202 random bits). */
export function generateKey(mode: Mode): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  const head = PREFIXES[mode] + random;
  return head + checksum(head);
}

/** SHA-256 (hex) of the whole key: the only form in which a key is stored. */
export function hashKey(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** What a person sees to recognise a key: its prefix and last 4 characters. */
export function keyHint(raw: string): string {
  return `${raw.slice(0, PREFIX_LENGTH)}…${raw.slice(-4)}`;
}

// 6 base62 digits of the first 48 bits of SHA-256(prefix + random part).
function checksum(head: string): string {
  let value = createHash('sha256').update(head, 'utf8').digest().readUIntBE(0, 6) % CHECKSUM_SPACE;
  let digits = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    digits = ALPHABET[value % 62] + digits;
    value = Math.floor(value / 62);
  }
  return digits;
}
