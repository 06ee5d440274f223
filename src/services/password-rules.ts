// What a new password must be: 12 to 1024 characters, not the email, not repetitive, and not one of the passwords
// (or base words with digits and symbols added) that top every leaked-password list. A short shipped list, no
// network and no dependency; a strength estimator (zxcvbn-ts) would catch more.
import { InvalidRequestError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
// Bounds the argon2 work a single request can ask for.
export const MAX_PASSWORD_LENGTH = 1024;

/** Common passwords of 12 or more characters, letters and digits only, lower case. */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '111111111111', '000000000000', '123123123123', '123456123456',
  'qwertyuiopas', 'qwerty123456', 'qwertyuiop123', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qazwsxedcrfv', 'zaq12wsxcde3',
  'asdfghjkl123', 'zxcvbnm12345', 'qwertyuiopasdfghjkl', 'abcdefghijkl', 'abcdefghijklmnop', 'abc123abc123',
  'correcthorsebatterystaple', 'passwordpassword', 'trustno1trustno1', 'iloveyouiloveyou', 'administrator',
  'justflowit123', 'justflowit',
]);

/** Words that stay weak whatever digits or symbols are added to them (password1234!, Welcome2024!!). */
const COMMON_BASES = new Set([
  'password', 'passw0rd', 'qwerty', 'qwertyuiop', 'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'login',
  'master', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman', 'starwars',
  'changeme', 'secret', 'abc', 'abcdef', 'test', 'testing', 'default', 'hello', 'freedom', 'whatever', 'trustno',
  'justflowit', 'summer', 'winter', 'spring', 'autumn', 'january', 'shadow', 'michael', 'jessica', 'charlie',
]);

/** The password when it is acceptable for `email`; else invalid_parameter on `password` saying why. */
export function requirePassword(raw: unknown, email: string): string {
  if (typeof raw !== 'string' || raw.length < MIN_PASSWORD_LENGTH) throw weak(`password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (raw.length > MAX_PASSWORD_LENGTH) throw weak(`password must be at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (raw.trim().toLowerCase() === email.trim().toLowerCase()) throw weak('password cannot be your email.');
  if (new Set(raw).size < 4) throw weak('password is too repetitive: use at least 4 different characters.');
  const plain = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (COMMON.has(plain) || COMMON_BASES.has(plain.replace(/\d+$/, '')) || COMMON_BASES.has(plain.replace(/^\d+|\d+$/g, ''))) {
    throw weak('password is one of the most common passwords; choose another (a few unrelated words work well).');
  }
  return raw;
}

function weak(message: string): InvalidRequestError {
  return new InvalidRequestError('invalid_parameter', message, 'password');
}
