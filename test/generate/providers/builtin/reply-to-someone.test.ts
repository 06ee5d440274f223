// "The agent replies to the customer": replying or responding to someone answers them; the thing in hand is not
// what is sent ("Reply fix" before this rule).
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('replying to someone names whom', () => {
  it.each([
    ['Second level support proposes a fix. The agent replies to the customer.', 'Reply to customer'],
    ['The clerk checks the form. The clerk then replies to the citizen.', 'Reply to citizen'],
    ['The analyst reviews the incident report. The analyst responds to the auditor.', 'Respond to auditor'],
  ])('%s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });

  it('keeps sending the thing in hand to someone', () => {
    expect(tasks(read('The clerk checks the form. Then the clerk sends to the manager.'))).toContain('Send form');
  });
});
