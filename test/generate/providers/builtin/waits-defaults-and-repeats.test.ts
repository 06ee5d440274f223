// Waits, defaults and loops (issue 13, time rules and class 7): a default outcome after the time allowed, an offer's
// validity racing the answer, "this repeats until …" over the step just drawn, and work forked after the event it
// waited for.
import { describe, expect, it } from 'vitest';
import type { ModelNode } from '../../../../src/generate/model.ts';
import { readRepeatUntil } from '../../../../src/generate/providers/builtin/repeat-until.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { next, node, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const labels = (nodes: ModelNode[]) => nodes.map((n) => n.label);

describe('"this repeats until …"', () => {
  it('reads a pointing subject with a repeating verb, and nothing else', () => {
    expect(readRepeatUntil(tokens('This repeats until all items are scanned.'))?.until.map((t) => t.lower)).toEqual(['all', 'items', 'are', 'scanned']);
    expect(readRepeatUntil(tokens('These steps are repeated until the totals agree.'))).not.toBeNull();
    expect(readRepeatUntil(tokens('The whole cycle is repeated until the test passes.'))).not.toBeNull();
    expect(readRepeatUntil(tokens('The nurse repeats the test until the value is normal.'))).toBeNull();
    expect(readRepeatUntil(tokens('The line runs until the shift ends.'))).toBeNull();
  });

  it('loops over the step just drawn and leaves once the condition holds (logistics, finance, manufacturing)', () => {
    const scan = read('The picker opens the order. The picker scans the next item. This repeats until all items are scanned. Then the picker closes the box.');
    expect(tasks(scan)).toEqual(['Open order', 'Scan next item', 'Close box']);
    const loop = next(scan, node(scan, 'Scan next item').id)[0]!;
    expect(loop.kind).toBe('exclusive');
    expect(labels(next(scan, loop.id))).toEqual(['Scan next item', 'Close box']);
    const books = read('The accountant compares the ledger with the bank statement and corrects the entries. This is repeated until the balances match. The controller signs off the close.');
    // One loop, not a second "repeat" gateway beside it.
    expect(books.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    expect(labels(next(books, next(books, node(books, 'Correct entries').id)[0]!.id))).toContain('Compare ledger with bank statement');
    const kiln = read('The operator fires the batch. The operator measures the hardness. The cycle repeats until the hardness is within tolerance.');
    expect(labels(next(kiln, next(kiln, node(kiln, 'Measure hardness').id)[0]!.id))).toContain('Measure hardness');
  });
});

describe('work forked after the event it waited for', () => {
  it('puts the catch event or timer first, then the split (travel, retail, health)', () => {
    const trip = read('The agent sends an offer. Once the deposit arrives, the agent books the flight and, at the same time, reserves the hotel. Then the agent sends the documents.');
    const deposit = trip.nodes.find((n) => n.label === 'Deposit arrived')!;
    const [split] = next(trip, deposit.id);
    expect(split!.kind).toBe('parallel');
    expect(labels(next(trip, split!.id)).sort()).toEqual(['Book flight', 'Reserve hotel']);
    const shop = read('The customer orders parts. Once the payment is received, the warehouse packs the goods and, at the same time, the office prints the invoice. The courier ships the parcel.');
    expect(next(shop, shop.nodes.find((n) => n.label === 'Payment received')!.id)[0]!.kind).toBe('parallel');
    const ward = read('The surgeon repairs the knee. After 2 days, the nurse calls the patient and, at the same time, the doctor reviews the chart. The clinic sends the bill.');
    const wait = ward.nodes.find((n) => n.kind === 'intermediate' && n.eventType === 'timer')!;
    expect(labels(next(ward, node(ward, 'Repair knee').id))).toEqual(['2 days']);
    expect(next(ward, wait.id)[0]!.kind).toBe('parallel');
  });
});
