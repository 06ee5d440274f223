// "The pager goes off and the on-call engineer checks the alert", "the scanner beeps", "an alert pops up": a device
// signalling or breaking down is something that happens, never a party acting, even when its name ends like a role's
// ("pager", "monitor"). It gets no lane; before any step it starts the process, named for what happened.
import { pastParticiple } from './events.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// Signalling or breaking down, by verb and particle; the past tense the event is named with.
const SIGNALS: Record<string, string> = {
  'go off': 'went off', 'pop up': 'popped up', 'break down': 'broke down', ring: 'rang', beep: '', bleep: '', buzz: '', sound: '', flash: '', jam: '', crash: '', trip: '', stall: '', freeze: 'froze',
};

function signal(base: string, particle: Token | null): string | null {
  const key = particle && `${base} ${particle.lower}` in SIGNALS ? `${base} ${particle.lower}` : base;
  if (!(key in SIGNALS) || (key === base && particle)) return null;
  return SIGNALS[key] || pastParticiple(base);
}

/** "Pager went off" for a clause whose subject signals or breaks down with nothing done to anything; null if not. */
export function deviceSignal(r: Reading, base: string): string | null {
  if (!r.subject || r.subject.head.pos === 'PRON' || r.object || r.recipient || r.passive) return null;
  const happened = signal(base, r.particle);
  if (!happened) return null;
  const name = r.subject.words.filter((w) => w.pos !== 'DET').map((w) => w.lower).join(' ');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${happened}`;
}

/** The base of an "-s" form of a verb of SIGNALS ("beeps" → "beep"), for a tagger that took it for a plural noun. */
export function signalBase(word: string): string | null {
  if (!/[^s]s$/.test(word)) return null;
  return [word.slice(0, -1), word.slice(0, -2)].find((base) => base in SIGNALS) ?? null;
}
