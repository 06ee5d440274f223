// Messages that only bring news of the work: "The manager gets a notification and approves it" approves the leave
// request, "receives a reminder and checks it" checks the application. A message someone gets while a work item is in
// hand is not what "it" means next — unless the verb is done to the message itself ("gets a call and answers it").
import type { Phrase } from './phrase.ts';
import { RECEIVE_VERBS } from './lexicon.ts';

const MESSAGE_NOUNS = new Set([
  'notification', 'email', 'e-mail', 'mail', 'reminder', 'alert', 'call', 'message', 'text', 'sms', 'ping', 'notice',
  'alarm', 'prompt', 'pop-up', 'popup', 'page', 'phone',
]);
// Verbs done to a message rather than to what it is about; a call is also answered, picked up, returned or taken.
const MESSAGE_HANDLING = new Set(['acknowledge', 'dismiss', 'delete', 'snooze', 'silence', 'mute']);
const CALL_HANDLING = new Set(['answer', 'pick', 'return', 'take']);

/** Whether a phrase names a message: "a notification", "an email from the portal", "a phone call". */
export function isMessage(p: Phrase | null): boolean {
  return !!p && MESSAGE_NOUNS.has(p.head.lemma.toLowerCase());
}

/** Whether getting `object` (by `base`) only brings news, so the thing in hand stays the thing in hand. */
export function onlyBringsNews(base: string, object: Phrase | null, inHand: Phrase | null): boolean {
  return RECEIVE_VERBS.has(base) && isMessage(object) && !!inHand && !isMessage(inHand);
}

/** "gets a text message about the appointment": what the message is about, the thing "it" means next. */
export function newsAbout(base: string, object: Phrase | null, prep: { word: { lower: string }; phrase: Phrase } | null): Phrase | null {
  return RECEIVE_VERBS.has(base) && isMessage(object) && prep && ['about', 'regarding', 'concerning'].includes(prep.word.lower) ? prep.phrase : null;
}

/** Whether "it" after such news means the message itself: "acknowledges it", a call "answers it". */
export function handlesMessage(base: string, message: Phrase): boolean {
  return MESSAGE_HANDLING.has(base) || (['call', 'phone'].includes(message.head.lemma.toLowerCase()) && CALL_HANDLING.has(base));
}
