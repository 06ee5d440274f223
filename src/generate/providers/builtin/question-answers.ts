// A text written as questions and answers ("Who approves? The director.", "Q: And when it's fit? A: The nurse …"):
// the questions ask about the steps instead of being steps. "Who approves the budget? The director." is the step
// "The director approves the budget."; "When it is fit? The nurse prepares …" and "What happens when a claim comes
// in? The clerk …" give their answer its condition or trigger; any other asked question ("Who submits?", "And
// then?", "How does the owner know?") goes, and its answer stands as written.

// "Q: …" / "A: …", "Question: …" / "Answer: …" at the start of a line.
const QA_MARK = /^[ \t]*(?:q|a|question|answer)[ \t]*[:.)\-–][ \t]*/gim;
// Opening words of a spoken question: "And when …", "So who …", "OK, what …".
const LEAD = String.raw`(?:(?:and|so|but|then|ok|okay|right|now)\s*,?\s+)*`;
const WH_QUESTION = new RegExp(`^${LEAD}(?:who|whom|whose|what|which|when|where|how|why|if|once|after)\\b`, 'i');
const ONLY_THEN = new RegExp(`^${LEAD}(?:then|next|after that|and then)\\s*(?:what)?\\s*$`, 'i');
// "Who approves the concept?" → the predicate after "who".
const WHO_DOES = new RegExp(`^${LEAD}who\\s+(?!is\\b|are\\b|was\\b|were\\b|do\\b|does\\b|did\\b)(.+)$`, 'i');
// "And when it's fit?", "If the dog is not fit?": the condition of the answer.
const WHEN_ASKED = new RegExp(`^${LEAD}(when|if|once|after)\\s+(.+)$`, 'i');
// "What happens when an animal comes in?", "What happens after the interview?": the answer's trigger.
const WHAT_HAPPENS_WHEN = new RegExp(`^${LEAD}what\\s+happens\\s+(?:next\\s+|then\\s+)?(when|if|once|after|as soon as)\\s+(.+)$`, 'i');
// "The director.", "Our finance officer", "The program officer, who …": an answer that names only who.
// (The last word is no verb: "The vet operates." answers with a step.)
const NAMED_PARTY = /^((?:[Tt]he|[Oo]ur|[Aa]n?|[Tt]heir|[Hh]is|[Hh]er)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*(?:[.!]?$|,\s*who\s+)/;

interface Sentence {
  words: string;
  end: string;
}

function sentencesOf(text: string): Sentence[] {
  return [...text.matchAll(/([^.!?\n]+)([.!?]+|\n|$)/g)].map((m) => ({ words: m[1]!.trim(), end: m[2]! })).filter((s) => s.words);
}

function isQuestion(s: Sentence): boolean {
  return s.end.startsWith('?') && (WH_QUESTION.test(s.words) || ONLY_THEN.test(s.words));
}

const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The text with asked questions turned into what their answers say; a text with fewer than two answered questions
 *  is left as it is (one question may be a yes/no choice or a note's condition). */
export function answeredQuestions(raw: string): string {
  const marked = /^[ \t]*(?:q|question)[ \t]*[:.)\-–]/im.test(raw) && /^[ \t]*(?:a|answer)[ \t]*[:.)\-–]/im.test(raw);
  const text = marked ? raw.replace(QA_MARK, '') : raw;
  const sentences = sentencesOf(text);
  const answered = sentences.filter((s, i) => isQuestion(s) && sentences[i + 1] && !sentences[i + 1]!.end.startsWith('?')).length;
  if (answered < 2) return text;
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const answer = sentences[i + 1];
    if (!isQuestion(s)) {
      out.push(`${s.words}${s.end === '\n' || !s.end ? '.' : s.end}`);
      continue;
    }
    if (!answer || answer.end.startsWith('?')) continue;
    const who = WHO_DOES.exec(s.words);
    const named = who ? NAMED_PARTY.exec(answer.words) : null;
    const party = named && !/(?:[^s']s|ed)$/.test(named[1]!) ? named : null;
    // (A case asked about, "And when it's fit?", is a condition: "If it's fit, …"; "what happens when …" a trigger.)
    const asked = WHEN_ASKED.exec(s.words);
    const when = asked ? ['', asked[1]!.toLowerCase() === 'when' ? 'if' : asked[1]!, asked[2]!] : WHAT_HAPPENS_WHEN.exec(s.words);
    if (who && party) {
      // "The director." → "The director approves the concept."; "The officer, who writes …" → "The officer writes …".
      const rest = answer.words.slice(party[0].length).trim();
      answer.words = rest ? `${party[1]} ${rest}` : `${party[1]} ${who[1]}`;
    } else if (when) {
      answer.words = `${when[1]!.charAt(0).toUpperCase()}${when[1]!.slice(1).toLowerCase()} ${when[2]}, ${lower(answer.words)}`;
    }
  }
  return out.join(' ');
}
