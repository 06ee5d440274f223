// Steps that exclude each other: approving and refusing the same thing are two ways, never a sequence.

const OPPOSITES: Record<string, string[]> = { reject: ['approve', 'accept'], decline: ['approve', 'accept'], refuse: ['approve', 'accept', 'grant'], deny: ['approve', 'grant'] };

/** "Reject application" right after "Accept application": the same thing approved and refused. */
export function refusesStep(label: string, previous: string): boolean {
  const [verb = '', ...thing] = label.toLowerCase().split(' ');
  const [before = '', ...had] = previous.toLowerCase().split(' ');
  return !!OPPOSITES[verb]?.includes(before) && thing.join(' ') === had.join(' ') && thing.length > 0;
}

/** "approved" and "rejected", "accepted" and "declined": describing words of the two ways. */
export function opposed(a: string, b: string): boolean {
  const base = (w: string) => w.replace(/e?d$/, '');
  const [x, y] = [base(a), base(b)];
  const stem = (v: string) => v.replace(/e$/, '');
  return Object.entries(OPPOSITES).some(([no, yes]) => (stem(no) === x && yes.some((v) => stem(v) === y)) || (stem(no) === y && yes.some((v) => stem(v) === x)));
}
