// "approves it or requests changes" as one choice with its answers, "looks again" after rework, what "it" has in a
// condition, and a kind handled one way before "everything else".
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('"approves it or requests changes": asking for more is the other answer', () => {
  it.each([
    ['The reviewer reviews the code and approves it or requests changes. If changes are requested, the developer updates the PR.', ['approved', 'changes requested']],
    ['The committee reads the proposal and accepts it or asks for more information.', ['accepted', 'more information requested']],
    ['The landlord checks the application and approves it or requests a guarantor.', ['approved', 'guarantor requested']],
  ])('%s', (text, ways) => {
    expect(branches(read(text)).sort()).toEqual([...ways].sort());
  });
  it('"handles complaints and returns." keeps its noun: nothing follows it', () => {
    expect(tasks(read('The desk handles complaints and returns. The manager signs the report.'))).not.toContain('Return');
  });
});

describe('"looks again" after the rework goes back to the look that decided it', () => {
  it.each([
    ['The reviewer reviews the code and approves it or requests changes. If changes are requested, the developer updates the PR and the reviewer looks again. Once approved, the developer merges the PR.', 'Update PR', 'Review code'],
    ['The clerk checks the form. If it is incomplete, the applicant corrects it and the clerk looks at it again. Then the clerk files the form.', 'Correct form', 'Check form'],
  ])('%s', (text, rework, decided) => {
    const m = read(text);
    expect(next(m, node(m, rework).id).map((n) => n.label)).toContain(decided);
  });
});

describe('what "it" has or needs in a condition is no new thing', () => {
  it('"If it needs work, the author revises it" revises the draft', () => {
    expect(tasks(read('The editor reads the draft. If it needs work, the author revises it. The editor publishes the draft.'))).toContain('Revise draft');
  });
  it('"If it contains errors, the clerk returns it" returns the invoice', () => {
    expect(tasks(read('The clerk checks the invoice. If it contains errors, the clerk returns it to the supplier. The clerk pays the invoice.'))).toContain('Return invoice');
  });
});

describe('a kind handled one way, then "everything else"', () => {
  it.each([
    ['The officer logs the repair. Emergencies are passed to the contractor straight away. For everything else the officer books an appointment. The technician fixes the problem.', 'Book appointment'],
    ['The agent reads each claim. Small claims are paid at once by the agent. All other claims are sent to an assessor. The agent closes the file.', 'Send claims'],
    ['The desk triages every ticket. Outages are escalated to the on-call engineer. For anything else the desk opens a normal ticket. The desk informs the user.', 'Open normal ticket'],
  ])('%s', (text, other) => {
    const m = read(text);
    expect(branches(m)).toContain('otherwise');
    const way = m.flows.find((f) => f.to === node(m, other).id);
    expect(way?.label).toBe('otherwise');
  });
});

describe('"nothing" answers the question asked only when it asks it again', () => {
  it('"If something is missing … If nothing arrives within a week" keeps the complete file\'s way to the committee', () => {
    const m = read('The clerk checks the file. If something is missing, the clerk emails the applicant. If nothing arrives within a week, the file is closed. The committee reviews the file.');
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(downstream(m, split)).toContain('Review file');
    expect(laneOf(m, 'Review file')).toBe('Committee');
  });
});
