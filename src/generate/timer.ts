// ISO 8601 timer values as BPMN's timerEventDefinition holds them: a duration (P2D), a cycle (R/P1W) or a date.

export type TimerKind = 'duration' | 'cycle' | 'date';

export interface ModelTimer {
  kind: TimerKind;
  /** ISO 8601: "P2D", "PT4H" (duration); "R/P1W", "R4/2026-01-05T09:00/P1W" (cycle); "2026-03-01T09:00" (date). */
  value: string;
}

export const TIMER_KINDS: readonly TimerKind[] = ['duration', 'cycle', 'date'];

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDuration(value: string): boolean {
  return DURATION.test(value);
}

export function isIsoDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** R[n]/duration, R[n]/start/duration or R[n]/duration/end. */
export function isIsoCycle(value: string): boolean {
  const [repeat, ...parts] = value.split('/');
  if (!/^R\d*$/.test(repeat ?? '') || parts.length < 1 || parts.length > 2) return false;
  if (parts.length === 1) return isIsoDuration(parts[0]!);
  const [a, b] = parts as [string, string];
  return (isIsoDate(a) && isIsoDuration(b)) || (isIsoDuration(a) && isIsoDate(b));
}

export function isValidTimer(timer: ModelTimer): boolean {
  if (timer.kind === 'duration') return isIsoDuration(timer.value);
  if (timer.kind === 'cycle') return isIsoCycle(timer.value);
  return isIsoDate(timer.value);
}

const UNITS: Record<string, string> = {
  minute: 'TM', hour: 'TH', day: 'D', week: 'W', month: 'M', year: 'Y',
};

/** "2", "days" → "P2D"; "4 hours" → "PT4H". Null for a unit it does not know (working days, fortnights…). */
export function isoDuration(amount: number, unit: string): string | null {
  const key = unit.toLowerCase().replace(/s$/, '');
  const code = UNITS[key];
  if (!code || !Number.isInteger(amount) || amount < 0) return null;
  return code.startsWith('T') ? `PT${amount}${code[1]}` : `P${amount}${code}`;
}
