// Lead-ins before a colon that announce the steps rather than take one: "Here is how refunds work:", "This is what
// happens:", "The process is as follows:", "In short:", "How it works:", "Our procedure:". The lead-in names nothing,
// or the diagram ("how refunds work" → "Refunds"); the clause after the colon is a sentence of its own. Left in, the
// lead-in makes the whole sentence read as talk about the text and the first step is lost, or becomes a title.

// "So, here's …", "OK: …", "Basically, this is what happens:".
const OPENER = String.raw`(?:(?:so|ok|okay|well|right|basically|briefly)\s*,?\s+)?`;
// "how refunds work", "how we handle refunds", "how it works when a patient arrives".
const HOW = String.raw`how\s+(?<how>[^:.!?\n]{1,60}?)`;
const HERE = String.raw`(?:here\s+is|here\s*['’]s|here\s+are|this\s+is|that\s+is|that\s*['’]s|this\s*['’]s)`;
const ANNOUNCERS = [
  // "Here is how refunds work", "That's how it goes", "How it works", "How refunds work".
  String.raw`(?:${HERE}\s+)?${HOW}`,
  // "This is what happens", "Here's what we do".
  String.raw`${HERE}\s+what\s+[^:.!?\n]{1,60}?`,
  // "Here is the process", "This is our procedure for new hires".
  String.raw`(?:here\s+is|here\s*['’]s|this\s+is)\s+(?:the|our)\s+(?:process|procedure|workflow|flow|steps?|routine|rundown|gist|short version)(?:\s+for\s+(?<for>[^:.!?\n]{1,40}?))?`,
  // "The process is as follows", "The steps are", "Our procedure", "The workflow looks like this".
  String.raw`(?:the|our|my|this)\s+(?:process|procedure|workflow|flow|steps|routine|approach|method|sequence)(?:\s+(?:is|are|goes|runs|looks|works)(?:\s+(?:as\s+follows|like\s+(?:this|so)|roughly|basically|simple|simply|this|these))*)?`,
  // "What happens", "What happens is this", "What we do".
  String.raw`what\s+(?:happens|we\s+do|you\s+do|to\s+do)(?:\s+(?:next|then|is\s+this|is))*`,
  // "In short", "In a nutshell", "To sum up", "Summary", "Overview".
  String.raw`in\s+(?:short|brief|a\s+nutshell|summary|practice|other\s+words)|to\s+(?:sum\s+up|summari[sz]e)|long\s+story\s+short|summary|overview|the\s+gist|the\s+short\s+version|basically`,
];
const LEAD_IN = new RegExp(String.raw`(^|[.!?]\s+|\n\s*)${OPENER}(?:${ANNOUNCERS.join('|')})\s*:\s*(?<first>\S)`, 'gi');

// "how it works", "how we do things": the lead-in names nothing.
const NAMES_NOTHING = /^(?:it|this|that|things|everything|we|you|they|one|the process|the procedure|the workflow|the whole thing|all)$/i;
// "how refunds work", "how a claim is handled", "how we handle refunds": what is worked on names the diagram.
const HOW_NAMES = /^(?:(?:we|you|they|the team)\s+(?:handle|process|deal with|run|do|manage)\s+(?<done>.+)|(?<works>.+?)\s+(?:works?|goes|go|runs?|happens?|(?:is|are|gets?)\s+(?:done|handled|processed|dealt with|run)))$/i;
// "how it works when a patient arrives": the lead-in carries the trigger, which opens the first step.
const WHEN = /\s+(?<when>(?:when|whenever|once|as soon as|after|if)\s+.+)$/i;

// "This is what happens when a parcel comes back, the warehouse …", "Here's how it works once an order is in …": with
// no colon, the lead-in runs straight into the trigger, which opens the first sentence.
const INTO_TRIGGER = new RegExp(
  String.raw`(^|[.!?]\s+|\n\s*)${OPENER}(?:${HERE}\s+(?:what\s+(?:happens|we\s+do|you\s+do|goes\s+on|to\s+do)|how\s+(?:it|this|things)\s+(?:works?|goes))|what\s+happens\s+is\s+this)\s*,?\s+(?<trigger>when|whenever|once|as\s+soon\s+as|after)\s`,
  'gi',
);
// "Steps for onboarding, HR prepares …": a heading run into the first sentence with a comma names the diagram.
const HEADING_COMMA = /^\s*(?:the\s+)?(?:steps|process|procedure|workflow)\s+(?:for|of)\s+(?<thing>[^,:.!?\n]{1,40}?)\s*,\s+(?=[A-Z])/i;

// "This is how we run the monthly payroll.", "We handle returns like this.", "Our onboarding works as follows.": a
// whole first sentence that only announces the steps names the diagram, as a lead-in before a colon does.
const ANNOUNCING_SENTENCE = new RegExp(
  String.raw`^\s*${OPENER}(?:${HERE}\s+${HOW}|(?:we|i|our\s+team|the\s+team)\s+(?:handle|process|deal\s+with|run|do|manage)\s+(?<done>[^.!?:\n]{1,50}?)\s+(?:like\s+(?:this|so)|as\s+follows|this\s+way)|(?<works>[^.!?:\n]{1,50}?)\s+(?:works?|goes|go|runs?|(?:is|are)\s+(?:done|handled|processed|run))\s+(?:like\s+(?:this|so)|as\s+follows))\s*\.\s+(?=[A-Z])`,
  'i',
);

export interface LeadIns {
  text: string;
  /** What the text's opening lead-in names ("Refunds"), null when it names nothing or there is none. */
  title: string | null;
  /** Whether the text opened with a lead-in (so its first words are a step, not a title). */
  opened: boolean;
}

/** The text with each lead-in before a colon taken out, the clause after it starting a sentence. */
export function takeLeadIns(text: string): LeadIns {
  let title: string | null = null;
  let opened = false;
  const announced = ANNOUNCING_SENTENCE.exec(text);
  // ("Here's how it works once a claim is filed, an adjuster …": a trigger in it is read as the lead-in's below.)
  if (announced && !/[,;]/.test(announced[0]) && !WHEN.test(announced.groups!.how ?? '')) {
    const { how, done, works } = announced.groups!;
    const title = how ? named(how) : named(done ? `we handle ${done}` : `${works!} works`);
    return { text: text.slice(announced[0].length), title, opened: true };
  }
  const heading = HEADING_COMMA.exec(text);
  if (heading) return { text: text.slice(heading[0].length), title: titleCase(heading.groups!.thing!.replace(/^(?:a|an|the|our|new)\s+/i, '')), opened: true };
  const triggered = text.replace(INTO_TRIGGER, (...args) => {
    const groups = args.at(-1) as Record<string, string>;
    if (args.at(-3) === 0) opened = true;
    return `${args[1] as string}${titleCase(groups.trigger!)} `;
  });
  const out = triggered.replace(LEAD_IN, (...args) => {
    const at = args.at(-3) as number;
    const groups = args.at(-1) as Record<string, string | undefined>;
    const before = args[1] as string;
    const first = groups.first!;
    const lead = (args[0] as string).slice(before.length, -first.length).replace(/\s*:\s*$/, '');
    const when = WHEN.exec(lead)?.groups?.when;
    const how = (groups.how ?? '').replace(WHEN, '').trim();
    if (at === 0) {
      opened = true;
      title = named(how) ?? (groups.for ? titleCase(groups.for) : null);
    }
    return when ? `${before}${titleCase(when)}, ${first}` : `${before}${first.toUpperCase()}`;
  });
  return { text: out, title, opened };
}

function named(how: string): string | null {
  const m = HOW_NAMES.exec(how);
  const thing = (m?.groups?.done ?? m?.groups?.works ?? '').replace(/^(?:a|an|the|our|your|new)\s+/i, '').trim();
  return thing && !NAMES_NOTHING.test(thing) && thing.split(/\s+/).length <= 4 ? titleCase(thing) : null;
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
