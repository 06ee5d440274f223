// Colour parsing for DI colours (only safe CSS syntax is accepted) and WCAG contrast adjustment for the dark theme.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const NAMED: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  orange: '#ffa500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#c0c0c0', maroon: '#800000',
  olive: '#808000', lime: '#00ff00', aqua: '#00ffff', cyan: '#00ffff', teal: '#008080', navy: '#000080',
  fuchsia: '#ff00ff', magenta: '#ff00ff', pink: '#ffc0cb', brown: '#a52a2a', gold: '#ffd700', beige: '#f5f5dc',
  lightgray: '#d3d3d3', lightgrey: '#d3d3d3', darkgray: '#a9a9a9', darkgrey: '#a9a9a9', lightblue: '#add8e6',
  lightgreen: '#90ee90', lightyellow: '#ffffe0', darkblue: '#00008b', darkgreen: '#006400', darkred: '#8b0000',
  aliceblue: '#f0f8ff', whitesmoke: '#f5f5f5', ivory: '#fffff0', lavender: '#e6e6fa', salmon: '#fa8072',
  coral: '#ff7f50', tomato: '#ff6347', khaki: '#f0e68c', violet: '#ee82ee', indigo: '#4b0082', tan: '#d2b48c',
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUM = '\\s*(-?\\d{1,3}(?:\\.\\d+)?%?)\\s*';
const RGB = new RegExp(`^rgba?\\(${NUM},${NUM},${NUM}(?:,${NUM})?\\)$`, 'i');
const HSL = new RegExp(`^hsla?\\(${NUM},${NUM},${NUM}(?:,${NUM})?\\)$`, 'i');

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function channel(raw: string): number {
  return raw.endsWith('%') ? clamp((parseFloat(raw) / 100) * 255, 0, 255) : clamp(parseFloat(raw), 0, 255);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r, g, b] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return { r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 };
}

/** Parses a DI colour; anything that is not plain hex, rgb(), hsl() or a known name gives null (so it is ignored). */
export function parseColor(value: unknown): Rgb | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  const named = NAMED[text];
  if (named) return parseColor(named);
  if (HEX.test(text)) {
    let hex = text.slice(1);
    if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('');
    return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
  }
  const rgb = RGB.exec(text);
  if (rgb) return { r: channel(rgb[1]!), g: channel(rgb[2]!), b: channel(rgb[3]!) };
  const hsl = HSL.exec(text);
  if (hsl) return hslToRgb(parseFloat(hsl[1]!), clamp(parseFloat(hsl[2]!) / 100, 0, 1), clamp(parseFloat(hsl[3]!) / 100, 0, 1));
  return null;
}

export function toHex({ r, g, b }: Rgb): string {
  return '#' + [r, g, b].map((v) => Math.round(clamp(v, 0, 255)).toString(16).padStart(2, '0')).join('');
}

/**
 * The remembered answer for `key`, computing it the first time. A diagram uses a handful of colours, on every
 * element and in every render, so the colour functions below remember theirs. Bounded, since documents choose keys.
 */
function recall<T>(answers: Map<string, T>, key: string, compute: () => T): T {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = compute();
    if (key.length > 200) return answer;
    if (answers.size >= 1000) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}

const safeColors = new Map<string, string | null>();

/** A DI colour normalised to #rrggbb, or null when it is missing or not safe colour syntax. */
export function safeColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return recall(safeColors, value, () => {
    const rgb = parseColor(value);
    return rgb ? toHex(rgb) : null;
  });
}

function luminance({ r, g, b }: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const blends = new Map<string, string>();

/** `top` drawn with `opacity` over `bottom`. */
export function blend(bottom: string, top: string, opacity: number): string {
  return recall(blends, `${bottom}|${top}|${opacity}`, () => {
    const b = parseColor(bottom) ?? { r: 0, g: 0, b: 0 };
    const t = parseColor(top) ?? { r: 0, g: 0, b: 0 };
    return toHex(mix(b, t, opacity));
  });
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(parseColor(a) ?? { r: 0, g: 0, b: 0 });
  const lb = luminance(parseColor(b) ?? { r: 0, g: 0, b: 0 });
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

/**
 * Keeps a colour that reaches `minRatio` against `background`; otherwise keeps its hue and moves it towards white
 * or black (whichever the background is farther from) until it reaches `targetRatio`.
 */
export function ensureContrast(color: string, background: string, minRatio: number, targetRatio = minRatio): string {
  return recall(contrasts, `${color}|${background}|${minRatio}|${targetRatio}`, () => moveForContrast(color, background, minRatio, targetRatio));
}

const contrasts = new Map<string, string>();

function moveForContrast(color: string, background: string, minRatio: number, targetRatio: number): string {
  if (contrastRatio(color, background) >= minRatio) return color;
  const ratio = Math.max(minRatio, targetRatio);
  const from = parseColor(color) ?? { r: 0, g: 0, b: 0 };
  const bg = parseColor(background) ?? { r: 0, g: 0, b: 0 };
  const target = luminance(bg) < 0.18 ? { r: 255, g: 255, b: 255 } : { r: 0, g: 0, b: 0 };
  for (let step = 1; step <= 20; step++) {
    const candidate = toHex(mix(from, target, step / 20));
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return toHex(target);
}
