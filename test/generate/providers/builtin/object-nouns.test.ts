// "acknowledges the alert and checks …": an object that is an article and a word the tagger takes for a describing
// word ("alert", "close", "post-mortem") is a noun; before this rule the next verb's object stood in for it.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a describing word that ends an object is its noun', () => {
  it.each([
    ['The on-call engineer acknowledges the alert and checks the dashboards.', ['Acknowledge alert', 'Check dashboards']],
    ['The incident manager writes the post-mortem and shares it with the team.', ['Write post-mortem', 'Share post-mortem with team']],
    ['The controller signs off the close and sends the report to the CFO.', ['Sign off close', 'Send report']],
    ['The clerk files the original and returns the copy to the tenant.', ['File original', 'Return copy']],
    ['Monitoring raises an alert when the disk is full. The engineer restarts the service.', ['Raise alert', 'Restart service']],
  ])('%s', (text, labels) => {
    expect(tasks(read(text))).toEqual(expect.arrayContaining(labels));
  });

  it('leaves a word that stands for a noun left out ("the same") alone', () => {
    expect(tasks(read('The buyer orders the same and informs the supplier.'))).toContain('Inform supplier');
  });
});
