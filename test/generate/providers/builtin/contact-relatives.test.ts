// "Orders the customer cancels are refunded": a relative clause without "that" narrows a bare plural; the step is the
// main clause's ("Refund orders"), never the relative clause's verb with the wrong object ("Cancel request").
import { describe, expect, it } from 'vitest';
import { branches, read, tasks } from './model-reading.ts';

describe('relative clauses without "that"', () => {
  it.each([
    ['The agent reviews the request. Orders the customer cancels within 14 days are refunded in full.', 'Refund orders', 'Cancel'],
    ['The clerk inspects the item. Items the clerk accepts are put back on the shelf.', 'Put back items on shelf', 'Accept'],
    ['The registry logs the letter. Requests we receive after noon are handled by the back office.', 'Handle requests', 'Receive'],
    ['The nurse checks the chart. Samples the ward sends are analysed by the lab.', 'Analyse samples', 'Send'],
  ])('%s', (text, task, notVerb) => {
    const model = read(text);
    expect(tasks(model)).toContain(task);
    expect(tasks(model).some((l) => l?.startsWith(notVerb))).toBe(false);
    expect(branches(model).length).toBe(2);
  });

  it('leaves a plural subject with a time after it alone', () => {
    expect(tasks(read('The clerk books the invoices. Invoices the following week are paid by finance.'))).toContain('Pay invoices');
  });
});
