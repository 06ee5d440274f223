// Cases told by how many of the things stand so: "If everything is in stock, … If only part is in stock, … If nothing
// is in stock, …", "If all tests pass, … If some tests fail, … If no tests run, …", "If both references are
// positive, … If one is negative, …". Each sentence names another share of the same things, so the sentences are the
// ways of one choice — not a chain of yes/no questions, nor a question asked inside the way before. Two conditions with
// the same share ("If all forms are signed … If all fees are paid …") ask two questions.

// Words that open a condition by naming a share, each with the share it names.
const SHARES = new Map<string, string>([
  ...['all', 'every', 'everything', 'everyone', 'everybody', 'each'].map((w) => [w, 'all'] as [string, string]),
  ...['some', 'something', 'someone', 'somebody', 'part', 'several', 'most', 'many', 'few'].map((w) => [w, 'some'] as [string, string]),
  ...['no', 'none', 'nothing', 'nobody', 'neither'].map((w) => [w, 'none'] as [string, string]),
  ['both', 'both'],
  ['one', 'one'],
  ['either', 'one'],
]);

/** Determiners that name a share and stay in a condition's label: "all tests pass", "some boxes missing". */
export const SHARE_DETERMINERS = new Set(['all', 'every', 'each', 'some', 'both', 'several', 'most', 'many', 'few', 'neither', 'either']);

/** The share a condition label opens with ("only part in stock" → "some"), or null. */
function shareOf(label: string): string | null {
  const words = label.toLowerCase().split(' ');
  // ("only some valid", "only part in stock": "only" narrows the share it stands before.)
  const first = words[0] === 'only' ? words[1] : words[0];
  return SHARES.get(first ?? '') ?? null;
}

/** Whether the condition `label` names another share of the things the last condition (`last`) was about. */
export function namesOtherShare(label: string, last: string | undefined): boolean {
  const [now, before] = [shareOf(label), last === undefined ? null : shareOf(last)];
  return !!now && !!before && now !== before;
}
