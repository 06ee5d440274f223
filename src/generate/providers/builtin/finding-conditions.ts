// "QA tests the build -> QA finds a blocker -> developer fixes it": in an arrow chain, a step that finds something
// ("finds a blocker", "spots an error", "detects any fault") reports what the step before turned up, so it is the
// condition of the step after it ("If QA finds a blocker, developer fixes it"), not a task "Find blocker".

/** Verbs that report a finding, as written in a note. */
const FINDING = 'finds?|discovers?|spots?|detects?|notices?|uncovers?|flags?|sees?';
// A link of a chain (from its start or the arrow before it) whose verb finds something unnamed, then an arrow.
const FOUND_LINK = new RegExp(`(^|[.!?]\\s+|\\n\\s*|(?:-->|->|→|=>)\\s*)((?:[\\w'-]+\\s+){0,3}?(?:${FINDING})\\s+(?:a|an|any|some|more|another)\\s+[^\\n.!?]*?)\\s*(?:-->|->|→|=>)\\s*`, 'gi');

/** The text with each finding link of an arrow chain written as the "If …," that opens the link after it. */
export function findingLinksAsIf(text: string): string {
  return text.replace(FOUND_LINK, (_, at: string, found: string) => `${/(?:-->|->|→|=>)/.test(at) ? '. ' : at}If ${found}, `);
}
