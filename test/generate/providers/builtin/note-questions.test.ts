// Notes: "engineer installs the patches" on the first line is a step, not a heading; "reboot required? engineer
// restarts the server" asks a short question that is the condition of the step on its line ("Reboot patches" before).
import { describe, expect, it } from 'vitest';
import { branches, read, tasks } from './model-reading.ts';

describe('a short question opening a note line', () => {
  it.each([
    ['engineer installs the patches\nreboot required? engineer restarts the server\nmonitoring checks the services', 'Restart server', 'reboot required'],
    ['nurse takes the blood sample\nfasting needed? nurse books a morning slot\nlab analyses the sample', 'Book morning slot', 'fasting needed'],
    ['clerk checks the invoice\nover budget? controller approves the invoice\nclerk pays the invoice', 'Approve invoice', 'over budget'],
  ])('%s', (text, task, condition) => {
    const model = read(text);
    expect(tasks(model)).toContain(task);
    expect(branches(model)).toContain(condition);
  });

  it('keeps a first note line with a party and its verb as a step', () => {
    expect(tasks(read('engineer installs the patches\nmonitoring checks the services'))).toEqual(['Install patches', 'Check services']);
  });

  it('leaves a question written out alone', () => {
    expect(tasks(read('The clerk checks the invoice.\nDoes the amount match? The clerk pays the invoice.\nThe clerk files it.'))).toContain('Pay invoice');
  });
});
