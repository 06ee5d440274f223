// Steps that exclude each other: approving and refusing the same thing are two ways, never a sequence.

const OPPOSITES: Record<string, string[]> = { reject: ['approve', 'accept'], decline: ['approve', 'accept'], refuse: ['approve', 'accept', 'grant'], deny: ['approve', 'grant'] };

/** "Reject application" right after "Accept application": the same thing approved and refused. */
export function refusesStep(label: string, previous: string): boolean {
  const [verb = '', ...thing] = label.toLowerCase().split(' ');
  const [before = '', ...had] = previous.toLowerCase().split(' ');
  return !!OPPOSITES[verb]?.includes(before) && thing.join(' ') === had.join(' ') && thing.length > 0;
}
