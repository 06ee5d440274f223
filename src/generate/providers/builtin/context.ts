// Folder contexts → preferred terms, usual actors, the speaker's role and label style.

export interface ContextHints {
  /** lower-case term → preferred term ("customer" → "client"). */
  terms: Map<string, string>;
  /** Actor names the folder uses ("Sales", "Warehouse"). */
  actors: string[];
  /** Who "I"/"we" are, when a context or the text says it. */
  speaker: string | null;
  labelCase: 'sentence' | 'title';
  warnings: string[];
}

const QUOTE = `["'“”‘’]`;
const TERM_PATTERNS = [
  new RegExp(`(?:say|use|write|call (?:it|them))\\s+${QUOTE}([^"'“”‘’]+)${QUOTE}\\s*,?\\s*(?:not|instead of|rather than)\\s+${QUOTE}([^"'“”‘’]+)${QUOTE}`, 'gi'),
  new RegExp(`${QUOTE}([^"'“”‘’]+)${QUOTE}\\s+(?:instead of|rather than|not)\\s+${QUOTE}([^"'“”‘’]+)${QUOTE}`, 'gi'),
];
const ACTOR_LIST = /\b(?:actors|roles|lanes|participants|teams)\s*(?:are\s*:?|:)\s*([^.\n]+)/i;
const SPEAKER = /\b(?:I am|I'm|we are|we're)\s+(?:the|a|an)\s+([A-Za-z][A-Za-z -]{1,60}?)(?:[.,;\n]|$| and | who | in | at )/i;
const OTHER_LANGUAGE = /\b(?:labels?|write|language)\b[^.\n]*\b(german|french|spanish|italian|dutch|portuguese|polish|deutsch|français|español)\b/i;

export function readContexts(contexts: string[] = []): ContextHints {
  const hints: ContextHints = { terms: new Map(), actors: [], speaker: null, labelCase: 'sentence', warnings: [] };
  for (const context of contexts) {
    for (const pattern of TERM_PATTERNS) {
      for (const m of context.matchAll(pattern)) {
        hints.terms.set(m[2]!.trim().toLowerCase(), m[1]!.trim());
      }
    }
    const list = ACTOR_LIST.exec(context);
    if (list) {
      for (const name of list[1]!.split(/,|\band\b|;/)) {
        const clean = name.replace(/^\s*(the|a|an)\s+/i, '').trim();
        if (clean && clean.split(/\s+/).length <= 5 && !hints.actors.includes(clean)) hints.actors.push(clean);
      }
    }
    const speaker = SPEAKER.exec(context);
    if (speaker) hints.speaker = speaker[1]!.trim();
    if (/\btitle case\b/i.test(context)) hints.labelCase = 'title';
    if (/\bsentence case\b/i.test(context)) hints.labelCase = 'sentence';
    const language = OTHER_LANGUAGE.exec(context);
    if (language) {
      hints.warnings.push(`The folder asks for ${language[1]} labels; the builtin generator writes English labels only.`);
    }
  }
  return hints;
}

/** Reads "I am the Head of …" in the description itself. */
export function readSpeaker(text: string): string | null {
  const m = SPEAKER.exec(text) ?? SPEAKER_AS.exec(text);
  return m ? m[1]!.trim() : null;
}

// "As the head of the purchasing team, I …"
const SPEAKER_AS = /\bAs (?:the|a|an) ([A-Za-z][A-Za-z -]{1,60}?),\s*(?:I|we)\b/i;

function matchCase(replacement: string, original: string): string {
  if (original[0] && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Replaces disfavoured terms (singular and plural) with the folder's preferred ones. */
export function applyTerms(text: string, terms: Map<string, string>): string {
  let out = text;
  for (const [from, to] of terms) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`\\b${escaped}(s?)\\b`, 'gi'), (m, plural: string) => matchCase(to, m) + plural);
  }
  return out;
}

/** The folder's own name for an actor, when one of its usual actors shares a word with it. */
export function preferredActorName(name: string, actors: string[]): string {
  const words = new Set(name.toLowerCase().split(/[\s-]+/).map(stemWord));
  const match = actors.find((a) => a.toLowerCase().split(/[\s-]+/).map(stemWord).some((w) => w.length > 2 && words.has(w)));
  return match ?? name;
}

function stemWord(w: string): string {
  return w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '');
}

export function applyCase(label: string, labelCase: ContextHints['labelCase']): string {
  if (labelCase === 'sentence') return label;
  return label.replace(/\b([a-z])([a-z]*)/g, (_m, a: string, b: string) => a.toUpperCase() + b);
}
