// "Once the check is done, …": after "once/when/after", an action noun that is done names the work before, a state
// and not a step of its own (a bare "Check" before this rule); with an agent or as a sentence of its own it is a step.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('"once the check is done"', () => {
  it.each([
    ['The team lead checks the list. Once the check is done, the clerk files the receipts.', ['Check list', 'File receipts']],
    ['The engineer tests the valve. When the test is done, the fitter closes the panel.', ['Test valve', 'Close panel']],
    ['The assessor visits the home. After the assessment is done, the council issues the grant.', ['Visit home', 'Issue grant']],
  ])('%s', (text, labels) => {
    expect(tasks(read(text))).toEqual(labels);
  });

  it('keeps a done action with its agent as a step', () => {
    expect(tasks(read('The clerk files the claim. The review is done by the manager.'))).toContain('Review');
  });
});
