// "A, B, or both", "A and/or B": options that may be taken together are an inclusive split, one step per option.
import { describe, expect, it } from 'vitest';
import { findInclusiveList } from '../../../../src/generate/providers/builtin/inclusive-lists.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

const words = (ts: { text: string }[]) => ts.map((t) => t.text).join(' ');
const inclusive = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'inclusive');

describe('inclusive lists', () => {
  it('finds the clause before, the verb group and the options (health)', () => {
    const list = findInclusiveList(readSentences('The doctor examines the patient and may order lab tests, imaging, or both.')[0]!)!;
    expect(words(list.before)).toBe('The doctor examines the patient');
    expect(words(list.verbGroup)).toBe('may order');
    expect(list.options.map(words)).toEqual(['lab tests', 'imaging']);
  });

  it('draws one inclusive split with a step per option, after the clause before it (health)', () => {
    const m = read('The doctor examines the patient and may order lab tests, imaging, or both. Then the doctor writes a treatment plan.');
    expect(tasks(m)).toEqual(['Examine patient', 'Order lab tests', 'Order imaging', 'Write treatment plan']);
    const [split, join] = inclusive(m);
    expect(next(m, node(m, 'Examine patient').id).map((n) => n.kind)).toEqual(['inclusive']);
    expect(next(m, split!.id).map((n) => n.label)).toEqual(['Order lab tests', 'Order imaging']);
    expect(next(m, join!.id).map((n) => n.label)).toEqual(['Write treatment plan']);
    expect(m.flows.filter((f) => f.from === split!.id).map((f) => f.label)).toEqual(['lab tests', 'imaging']);
  });

  it('reads "and/or" and "or all three" (retail, IT operations)', () => {
    const m = read('The store manager contacts the customer by phone and/or email.');
    expect(inclusive(m)).toHaveLength(0); // "by phone and/or email": the means, not what is done
    const n = read('The support agent updates the ticket and/or the knowledge base.');
    expect(tasks(n)).toEqual(['Update ticket', 'Update knowledge base']);
    const o = read('The on-call engineer restarts the web server, the cache or all three of them.');
    expect(inclusive(o)).toHaveLength(0); // two options are not "all three"
    const p = read('The on-call engineer restarts the web server, the cache, the queue, or all three.');
    expect(tasks(p)).toEqual(['Restart web server', 'Restart cache', 'Restart queue']);
    expect(laneOf(p, 'Restart cache')).toBe('On-call engineer');
  });

  it('leaves "both" and "all" that are not the closing words alone (finance, HR)', () => {
    expect(findInclusiveList(readSentences('The clerk checks both invoices or all receipts.')[0]!)).toBeNull();
    expect(findInclusiveList(readSentences('HR informs the manager or all staff members.')[0]!)).toBeNull();
    expect(inclusive(read('The accountant books the invoice or both copies of it.'))).toHaveLength(0);
  });
});
