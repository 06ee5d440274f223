// Light (bpmn-js's own colours) and dark (designed) palettes, and how each treats colours authored in the DI.
import { ensureContrast } from './color.ts';

export type ThemeName = 'light' | 'dark';

export interface Theme {
  name: ThemeName;
  /** Canvas colour; null leaves the SVG transparent like bpmn-js's saveSVG. */
  background: string | null;
  fill: string;
  stroke: string;
  label: string;
  /** Makes an authored colour readable on what it is drawn on (identity in light, as bpmn-js does). */
  adjust(color: string, drawnOn: string, contrast: Contrast): string;
}

export const LIGHT: Theme = {
  name: 'light',
  background: null,
  fill: '#ffffff',
  // bpmn-js's default stroke, hsl(225, 10%, 15%)
  stroke: '#22242a',
  label: '#22242a',
  adjust: (color) => color,
};

/**
 * Dark: a slate canvas, shapes filled a step lighter than the canvas, near-white strokes and labels (labels
 * 13.7:1 on the canvas). Authored colours keep their hue; only their lightness moves when they would be unreadable.
 */
export const DARK: Theme = {
  name: 'dark',
  background: '#1b1e24',
  fill: '#262a32',
  stroke: '#d5d9e0',
  label: '#e6e9ee',
  adjust: (color, drawnOn, contrast) => ensureContrast(color, drawnOn, contrast.min, contrast.target),
};

export function themeByName(name: ThemeName): Theme {
  return name === 'dark' ? DARK : LIGHT;
}

export interface Contrast {
  /** Below this an authored colour is changed… */
  min: number;
  /** …and then moved until it reaches this, so fixed colours are comfortably readable, not just passable. */
  target: number;
}

/** WCAG AA for text (fixed ones lifted to AAA); 3:1 for lines and icons (non-text contrast), fixed ones to 4.5. */
export const TEXT_CONTRAST: Contrast = { min: 4.5, target: 7 };
export const LINE_CONTRAST: Contrast = { min: 3, target: 4.5 };
