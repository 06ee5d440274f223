// Words about the text rather than the process: a letter's greeting and sign-off, sentences that announce or close
// the steps ("The following steps are performed", "This procedure describes …") and how long something takes.

const GREETING = /^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[^,\n:!.]{0,40}[,:!]\s*/i;
// "Heads up team -", "FYI:", "Quick note for newcomers:", "PSA —": a note's opening aside to its readers.
const ASIDE = /^\s*(?:heads[- ]up|fyi|psa|n\.?b\.?|(?:a |just a )?quick note|just a note|note to (?:self|all|the team)|for (?:the )?(?:record|newcomers|new starters|new hires))\b[^,\n:!.\-–—]{0,40}?\s*(?:[,:!]|\s[-–—]|[-–—]\s)\s*/i;
// "Welcome aboard, so glad you're joining the team!", "Great to have you with us.": a letter's welcome to its reader.
const WELCOME = /^\s*(?:(?:a )?(?:warm |big )?welcome\b|(?:(?:so|really|very) )?(?:glad|great|nice|happy|good) to have you\b)[^.!?\n]*[.!?]*\s*/i;
// "Best regards, Mark", "Thanks!", "Cheers" closing the text (with a name on the line after).
// ("Best, Dana", "All the best!", "Talk soon, Tom": a closing word with a name after its comma.)
const SIGN_OFF = /(?:^|[.!?\n]\s*)(?:(?:(?:best|kind|warm|many|with (?:best|kind)) )?(?:regards|thanks|thank you|cheers)\b[^.\n]{0,40}|(?:all the )?best|take care|talk soon|speak soon|see you soon)[.!]?(?:\s*[,\n][^.\n]{0,40})?\s*$/i;

// "Shout if anything's unclear!", "Let me know if you have questions." before the sign-off: an offer, not a step.
const OFFER = /(?:^|[.!?\n]\s*)(?:just |and )?(?:shout|ping me|let me know|give me a (?:shout|call|ring)|reach out|get in touch|feel free to (?:ask|ping|reach out|contact)|any questions)\b[^.!?\n]{0,60}[.!?]?\s*$/i;

// "In short, the claim is assessed and paid.", "That is basically it: …", "To sum up, …" closing the text: the steps
// told again in brief, not steps of their own.
const SUMMARY = /(?:^|[.!?]\s+|\n\s*)(?:so\s*,?\s+|and\s+)?(?:in\s+(?:short|summary|brief|sum|a\s+nutshell|conclusion)\s*[,:]|to\s+(?:sum\s+(?:it\s+)?up|summari[sz]e|recap|conclude)\s*[,:]|summing\s+up\s*[,:]|all\s+in\s+all\s*[,:]|long\s+story\s+short\s*[,:]|that\s*(?:\s+is|['’]s)\s+(?:basically\s+|pretty\s+much\s+|really\s+|about\s+)?(?:it|all|the\s+(?:whole\s+)?(?:process|story))\s*:)[^.!?\n]*[.!?]?\s*$/i;

/** The text without a letter's greeting or a note's opening aside, sign-off, closing offer to help and summary. */
export function dropSalutations(text: string): string {
  const summed = SUMMARY.exec(text);
  if (summed && summed.index > 0) text = text.slice(0, summed.index + (/^[.!?]/.test(summed[0]) ? 1 : 0));
  const signed = SIGN_OFF.exec(text);
  const signedOff = signed && signed.index > 0 ? text.slice(0, signed.index + (/^[.!?]/.test(signed[0]) ? 1 : 0)) : text;
  const offer = OFFER.exec(signedOff);
  const body = offer && offer.index > 0 ? signedOff.slice(0, offer.index + (/^[.!?]/.test(offer[0]) ? 1 : 0)) : signedOff;
  const greeted = body.replace(GREETING, '').replace(WELCOME, '');
  const aside = ASIDE.exec(greeted);
  return aside ? greeted.slice(aside[0].length).replace(/^[a-z]/, (c) => c.toUpperCase()) : greeted;
}

const HOW_LONG = '(?:about|approximately|around|roughly|up to|no more than|not more than|less than|more than|at most|at least|between|some|only|just|over|under|typically|usually|normally) ';
const AMOUNT = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|a couple of|several|\\d+(?:[.,]\\d+)?)';
const UNIT = '(?:working |business |calendar |full )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)';
const MODALS = '(?:usually|normally|typically|generally|often|always|only|can|could|should|will|would|may|might|must|shall|does not|doesn\'t|do not|) ?';

const ABOUT_THE_TEXT = new RegExp(
  [
    // "This usually takes two days.", "The interview lasts approx. one hour." (not "takes two days to check …")
    `^(?:\\S+ ){0,4}${MODALS}(?:takes?|took|lasts?|lasted)(?: up)? (?:${HOW_LONG})*${AMOUNT}(?: ?(?:to|or|-|–|and) ?\\w+)? ${UNIT}(?: (?!to\\b)\\S+){0,3} ?[.!]?$`,
    // "The following steps are performed.", "These steps must be followed."
    '^(?:the following|following|these|the|all|below|above) (?:\\w+ )?(?:steps|activities|tasks|actions|procedures?|instructions) (?:are|is|will be|must be|should be|have to be|need to be|can be)(?: \\w+)? (?:performed|carried out|followed|executed|taken|done|described|listed|involved|required|needed|completed|applied|as follows)\\b',
    // "Please follow these steps for travel requests."
    '^(?:please )?(?:follow|observe|read|see|apply|note) (?:these|the following|the steps below|the|our|those) (?:\\w+ )?(?:steps|instructions|rules|guidelines)\\b',
    // "The following describes the claims process.", "Below is how …"
    // ("The following steps describe how …", "These notes explain …")
    '^(?:the following|below|above|what follows|these) (?:\\w+ )?(?:describes?|explains?|shows?|outlines?|lists?|sets? out|summari[sz]es?|is how|are the steps)\\b',
    // "Every new hire goes through the following steps:": an announcement of the steps, none of them.
    '\\b(?:goes|go|runs|run|passes|pass|moves|move) through (?:the following|these|several|a few|a number of|\\w+) (?:\\w+ )?(?:steps|stages|phases) ?[.:!]?$',
    // "This procedure describes how …", "Our hiring policy explains …"
    '^(?:this|the|our|that) (?:\\w+ ){0,2}(?:process|procedure|workflow|document|policy|section|text|description|diagram|guide|instruction|chapter|model|overview|sop) (?:\\w+ )?(?:describes|explains|shows|outlines|covers|documents|defines|sets out|summari[sz]es|details|illustrates|depicts|is about)\\b',
    // "Quick rundown of how late check-outs work here": the letter announcing what it explains.
    '^(?:(?:a|just a|here is a|here ?\'s a) )?(?:quick|short|brief|rough) (?:rundown|overview|summary|intro|introduction|walkthrough|explanation|guide|run-through) (?:of|on|about)\\b',
    // "Never pay an invoice before it is approved.", "Don't let the subs start on a verbal okay": a prohibition is a
    // rule the steps keep, not a step ("Don't forget to sign the form" asks for one).
    "^(?:never|do not|do n't|don't|dont) (?!forget\\b|fail\\b|hesitate\\b|neglect\\b)\\w+",
    // "Note: refunds are handled elsewhere.", "FYI, …": an aside to the reader.
    '^(?:note|nb|n b|fyi|side note|aside|important|remember|hint|tip) ?[:,-] ',
    // "Refunds are handled elsewhere", "Shipping is out of scope": work outside the process drawn.
    '\\b(?:is|are|gets|get) (?:\\w+ )?(?:handled|dealt with|covered|managed|processed|described|done) (?:elsewhere|separately|outside\\b|in (?:a|another) (?:separate |different )?(?:process|procedure|workflow|document)|by (?:a|another) (?:separate |different )?(?:process|procedure|workflow))',
    '\\b(?:is|are) (?:out of scope|not (?:part of|covered by|in the scope of) (?:this|the) (?:process|procedure|workflow|diagram|description))\\b',
    // "This describes how we onboard …", "Here's how it works", "This is the process for …".
    '^(?:this|that) (?:describes|explains|shows|outlines|covers|is how|is what)\\b',
    "^(?:here is|here ?'s|here ?’s|here are|this is) (?:how|what|the (?:process|procedure|workflow|flow|steps?))\\b",
  ].join('|'),
);

/** Whether a sentence (lower-cased words joined by spaces) is about the text or a duration, not a step. */
export function aboutTheText(said: string): boolean {
  return ABOUT_THE_TEXT.test(said.replace(/^(?:then|usually|normally|typically|overall|in total|in general|altogether|from now on|going forward|in future|in the future) ,? ?/, ''));
}
