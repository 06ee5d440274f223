// JSON text written by hand, for the few responses whose schema serialiser cost more than the work behind
// them (a list page). Byte for byte what JSON.stringify, and so Fastify's serialiser, writes.

// What JSON.stringify escapes: control characters, quote, backslash, and (well-formed JSON.stringify) lone
// surrogates. A string with none of them is written as it is; U+2028 and U+2029 stay unescaped, as there.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A JSON string literal: `jsonString('a"b')` is `"a\"b"`, exactly JSON.stringify's text. */
export function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** A schema `integer` as Fastify's serialiser writes it: integers as they are, others truncated, NaN/∞ refused. */
export function jsonInteger(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const truncated = Math.trunc(value);
  if (!Number.isFinite(truncated)) throw new TypeError(`The value "${value}" cannot be converted to an integer.`);
  return String(truncated);
}
