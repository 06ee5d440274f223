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
  adjust(color: string, drawnOn: string, minRatio: number): string;
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
 * Dark: a slate canvas, shapes filled a step lighter than the canvas, near-white strokes and labels (contrast
 * 13:1 on the canvas). Authored colours keep their hue; only their lightness moves when they would be unreadable.
 */
export const DARK: Theme = {
  name: 'dark',
  background: '#1b1e24',
  fill: '#262a32',
  stroke: '#d5d9e0',
  label: '#e6e9ee',
  adjust: (color, drawnOn, minRatio) => ensureContrast(color, drawnOn, minRatio),
};

export function themeByName(name: ThemeName): Theme {
  return name === 'dark' ? DARK : LIGHT;
}

/** WCAG AA for text; 3:1 for lines and icons (non-text contrast). */
export const TEXT_CONTRAST = 4.5;
export const LINE_CONTRAST = 3;
