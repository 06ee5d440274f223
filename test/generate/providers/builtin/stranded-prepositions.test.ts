// "Samples are disposed of", "complaints are dealt with": the passive leaves a prepositional verb's preposition at
// the end, and the label keeps it ("Dispose of samples", not "Dispose samples").
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a preposition a passive leaves behind', () => {
  it.each([
    ['The nurse collects the samples. Samples are stored for a week and then disposed of.', 'Dispose of samples'],
    ['The agent logs the call. Complaints are dealt with by the supervisor.', 'Deal with complaints'],
    ['The clerk scans the files. Old records are taken care of by the archive.', 'Take care of old records'],
    ['The engineer finds the fault. The fault is followed up on.', 'Follow up on fault'],
  ])('%s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });

  it('leaves a preposition with its own object to the complements', () => {
    expect(tasks(read('The clerk checks the form. The form is sent to the manager.'))).toContain('Send form');
  });
});
