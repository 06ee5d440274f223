// "We"/"I" as an actor stands for the team the folder says we are ("We are the accounts payable team").
import type { ProcessModel } from '../model.ts';

const SPEAKER_NAMES = /^(?:we|us|i|me|myself|ourselves|(?:our|my) (?:team|department|unit|company|organi[sz]ation))$/i;

/** "accounts payable team" → "Accounts payable team". */
export function speakerName(speaker: string): string {
  const s = speaker.replace(/^(?:the|a|an)\s+/i, '').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Renames a "We" or "I" actor to the speaker, merged with an actor of that name the model already has. */
export function nameSpeaker(model: ProcessModel, speaker: string): void {
  const name = speakerName(speaker);
  const existing = model.actors.find((a) => a.name.toLowerCase() === name.toLowerCase());
  for (const actor of model.actors.filter((a) => SPEAKER_NAMES.test(a.name.trim()))) {
    if (!existing || existing === actor) {
      actor.name = name;
      continue;
    }
    for (const node of model.nodes) if (node.actor === actor.id) node.actor = existing.id;
    model.actors = model.actors.filter((a) => a !== actor);
  }
}
