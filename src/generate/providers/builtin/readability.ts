// Refuses text the builtin provider cannot read, saying why, instead of drawing a meaningless diagram.
import { GenerationError } from '../../provider.ts';
import { canBeVerb, type Sentence } from './tokens.ts';

// The commonest English function words: real English prose is roughly a third of them.
const ENGLISH_FUNCTION_WORDS = new Set(
  ('the a an of to and or in on at by for with from is are was were be been has have had it this that these ' +
    'then if when which who will can must should may not as into after before all each every any our their his ' +
    'her its they we i you he she them there than so but once while until otherwise whether does do did').split(' '),
);

/** `notes`: the text is written as notes or a list, where function words are scarce even in English. */
export function assertReadable(sentences: Sentence[], notes = false): void {
  const words = sentences.flat().filter((t) => /^[\p{L}][\p{L}'’-]*$/u.test(t.text));
  if (words.length < 3) {
    throw new GenerationError('unreadable', 'The description is too short to describe a process: write a few sentences saying who does what.');
  }
  const english = words.filter((t) => ENGLISH_FUNCTION_WORDS.has(t.lower)).length / words.length;
  // "receive PO -> check stock -> ship": notes whose lines open with an English verb are English without function words;
  // so is terse prose where every few words is an English verb in -s ("Inspector visits site, takes photos, writes report").
  const imperative = sentences.filter((s) => s.find((t) => t.pos !== 'PUNCT')?.pos === 'VERB').length;
  const saysDoes = (t: Sentence[number]) => t.pos === 'VERB' && t.lower !== t.lemma && /s$/.test(t.lower) && canBeVerb(t.lemma);
  const verbs = words.filter(saysDoes).length;
  // "Student submits thesis draft. Supervisor gives feedback within 3 weeks.": notes of who does what without articles,
  // most sentences with an English verb in -s.
  const told = sentences.filter((s) => s.some(saysDoes)).length;
  // "parcel received -> item inspected -> refund issued": notes told as states reached, a noun and a participle each.
  const reached = sentences.filter((s) => s.some((t) => t.pos === 'VERB' && t.lower !== t.lemma && !/s$/.test(t.lower) && canBeVerb(t.lemma))).length;
  // "Receive request, check budget, approve, order goods.": a line of imperatives between commas is terse too.
  // (The tagger may read "log ticket", "close ticket" as nouns: a word English uses as a verb counts.)
  const opensPart = (s: Sentence, i: number) => i === 0 || s[i - 1]!.pos === 'PUNCT';
  const listed = sentences.flatMap((s) => s.filter((t, i) => opensPart(s, i) && t.lower === t.lemma && (t.pos === 'VERB' || canBeVerb(t.lower)))).length;
  const terse = (notes && (imperative + reached) * 2 >= sentences.length) || (verbs >= 2 && verbs * 4 >= words.length) || (told >= 3 && told * 3 >= sentences.length * 2) || (listed >= 3 && listed * 3 >= words.length);
  if (english < (notes ? 0.05 : 0.12) && !terse) {
    throw new GenerationError(
      'unreadable',
      'The description does not read as English prose (the builtin generator understands English only): write full English sentences saying who does what.',
    );
  }
  if (!words.some((t) => t.pos === 'VERB')) {
    throw new GenerationError('unreadable', 'The description names no actions, so there is no process to draw: say who does what, in order.');
  }
}
