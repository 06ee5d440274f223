// SVG serialisation. Markup is written with template strings. Anything that comes from the document (ids, label
// text) goes through escapeXml; everything else the renderer writes is built from numbers (num), normalised
// `#rrggbb` colours and constants, which cannot hold markup. That keeps the output safe to inline.

// Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes an attribute value or text node taken from the document. */
export function escapeXml(value: string): string {
  // Most values (ids, names) need nothing; testing first skips six replaces.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** FRACTION[f]: the digits after the point of f / 1000, trailing zeros dropped (FRACTION[50] is "05"). */
const FRACTION = Array.from({ length: 1000 }, (_, f) => String(f + 1000).slice(1).replace(/0+$/, ''));

/**
 * Rounds to 3 decimals so output stays small and deterministic; a non-finite number (0-sized box) becomes 0. Prints
 * what String(Math.round(value * 1000) / 1000) prints, without the general double-to-string conversion: the
 * thousandths are an integer, so the digits come from integer arithmetic and a table.
 */
export function num(value: number): string {
  const thousandths = Math.round(value * 1000);
  // NaN and ±Infinity give NaN here; -0 and 0 both print as 0.
  if (thousandths - thousandths !== 0 || thousandths === 0) return '0';
  const fraction = thousandths % 1000;
  // Whole numbers print fast already; beyond 1e12 a double no longer holds every thousandth exactly.
  if (fraction === 0 || thousandths > 1e15 || thousandths < -1e15) return '' + thousandths / 1000;
  const magnitude = thousandths < 0 ? -thousandths : thousandths;
  const whole = (magnitude - (magnitude % 1000)) / 1000;
  return (thousandths < 0 ? '-' : '') + whole + '.' + FRACTION[magnitude % 1000];
}
