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

// The writer ("I", "we") and their words for the text they hand over and what they do with it.
const WRITER = "(?:i ?['’]m |(?:i|we) )(?:(?:have|'ve|will|'ll|am|'m|are|'re|would|'d|shall|can|want to|try to|going to|like to) )*(?:also |now |first |briefly |quickly |just )?";
const WRITING = '(?:describe|described|describes|explain|explained|outline|outlined|summari[sz]e|summari[sz]ed|sketch out|lay out|set out|go through|went through|walk through)';
const THE_TEXT = '(?:process|procedure|workflow|flow|steps|routine|description|write-?up|rundown|outline|overview|notes|summary|account|version|sequence)';

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
    // "Here is our returns process, written in the order it happens", "Below is a short write-up of the steps", "What
    // follows is a rough description": the text handed over, not a step of it.
    `^(?:here is|here ?'s|here ?’s|here are|below is|below are|above is|attached is|attached are|enclosed is|what follows is|these are) (?:(?:the|our|my|a|an|its) )?(?:\\S+ ){0,4}?${THE_TEXT}\\b`,
    // "Below you will find the onboarding workflow", "Here you can see how …": the reader pointed to the text.
    "^(?:below|above|here|in the following|attached) ,? ?you (?:will |'ll |can |may )?(?:find|see|get|read)\\b",
    // "I'll describe how a change request moves", "We describe the process below", "I'm going to walk you through our
    // claims process", "I've written the steps down", "I have put this together": the writer at work on the text.
    `^(?:so ,? |ok ,? |okay ,? |well ,? |now ,? )?${WRITER}(?:${WRITING} (?:how|what|who|when|where|why|roughly|briefly|below|here|in (?:short|brief|detail|order|the order|the following)|it|this|these|(?:the|our|my) (?:\\S+ ){0,2}?${THE_TEXT})\\b|(?:walk|take|guide|run|talk|lead) you (?:through|past)\\b|(?:written|wrote|write|jotted|jot|typed|type|put|set|laid|lay|noted|note|listed|list|summed|sum|gathered|collected|pulled) (?:\\S+ )?(?:this|these|it|them|everything|all of this|(?:the|our|my|all the) (?:\\S+ ){0,2}?${THE_TEXT}) (?:down|out|up|together|below|here|in (?:order|writing|the order))\\b)`,
    // "Please model the following", "Turn the following into a BPMN diagram", "Could you draw this as a flowchart":
    // the reader asked to draw the text.
    `^(?:please |kindly )?(?:(?:can|could|would) you (?:please )?)?(?:(?:model|diagram|map(?: out)?|visuali[sz]e|sketch) (?:the following|what follows|(?:the )?(?:text|description|steps|notes) below|below)\\b|(?:model|draw|sketch|capture|turn|convert|translate|render|put|map|visuali[sz]e|document) (?:this|it|these|them|the following|what follows|(?:the|our|my) (?:\\S+ ){0,2}?${THE_TEXT}) (?:in|into|as) (?:a |an |the )?(?:bpmn|diagram|flow ?chart|process model|model|swim ?lanes?|modell?ing tool|modell?er)\\b)`,
  ].join('|'),
);

/** Whether a sentence (lower-cased words joined by spaces) is about the text or a duration, not a step. */
export function aboutTheText(said: string): boolean {
  return ABOUT_THE_TEXT.test(said.replace(/^(?:then|usually|normally|typically|overall|in total|in general|altogether|from now on|going forward|in future|in the future) ,? ?/, ''));
}
