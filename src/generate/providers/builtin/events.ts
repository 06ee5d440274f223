// Events read from clauses: what happened ("New employee joined", "Order received") for start and catch events.
import { verbBase } from './labels.ts';
import { BECOMING_VERBS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

const IRREGULAR_PARTICIPLES: Record<string, string> = {
  send: 'sent', make: 'made', come: 'come', give: 'given', take: 'taken', pay: 'paid', buy: 'bought', find: 'found',
  break: 'broken', write: 'written', leave: 'left', begin: 'begun', bring: 'brought', choose: 'chosen', hold: 'held',
  meet: 'met', put: 'put', set: 'set', tell: 'told', sell: 'sold', run: 'run', see: 'seen', do: 'done', go: 'gone',
  know: 'known', get: 'got', lose: 'lost', fall: 'fallen', arise: 'arisen', become: 'become', build: 'built',
  spend: 'spent', read: 'read', win: 'won', forget: 'forgotten', hear: 'heard', feel: 'felt', keep: 'kept', say: 'said',
  withdraw: 'withdrawn', draw: 'drawn', undo: 'undone', offer: 'offered', hang: 'hung', throw: 'thrown', shut: 'shut',
  cut: 'cut', dig: 'dug', drive: 'driven', ride: 'ridden', show: 'shown', speak: 'spoken', teach: 'taught', think: 'thought',
};

/** "join" → "joined", "submit" → "submitted", "apply" → "applied". */
export function pastParticiple(base: string): string {
  if (IRREGULAR_PARTICIPLES[base]) return IRREGULAR_PARTICIPLES[base];
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  // A stressed last syllable doubles its consonant: "stop", "plan", "submit", "refer".
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base) || /(mit|fer|cur|pel|trol|gret)$/.test(base)) return `${base}${base.slice(-1)}ed`;
  return `${base}ed`;
}

// Verbs whose happening is something arriving from outside: a message event.
const MESSAGE_VERBS = new Set([
  'receive', 'arrive', 'submit', 'send', 'request', 'apply', 'order', 'call', 'email', 'report', 'complain', 'ask',
  'book', 'register', 'file', 'lodge', 'claim', 'confirm', 'reply', 'respond', 'answer', 'return', 'deliver', 'notify',
]);

function words(p: Phrase): string[] {
  return p.words.map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
}

/** The event a clause describes as having happened, named thing-first, with whether it is a message arriving. */
export function eventFrom(r: Reading, thing: Phrase | null): { label: string; message: boolean } | null {
  if (!r.verb) return null;
  const base = verbBase(r.verb);
  const participle = [pastParticiple(base), r.particle?.lower].filter(Boolean).join(' ');
  // "an order is received", "a customer places an order" → the thing; "a new employee joins" → who.
  const about = r.passive ? r.subject : r.object && r.object.head.pos !== 'PRON' ? r.object : r.object ? thing : r.subject;
  if (!about) return null;
  // "the stock runs low", "the tank gets empty": a change of state is named by the state reached ("Stock low").
  const state = BECOMING_VERBS.has(base) && !r.object ? r.rest[r.rest.indexOf(r.verb) + 1] : undefined;
  if (state?.pos === 'ADJ') {
    const label = [...words(about).slice(-4), state.lower].join(' ');
    return { label: label.charAt(0).toUpperCase() + label.slice(1), message: false };
  }
  const label = [...words(about).slice(-4), participle].join(' ');
  return { label: label.charAt(0).toUpperCase() + label.slice(1), message: MESSAGE_VERBS.has(base) };
}
