// Choices written without "if" (review: alternatives drawn in sequence): a qualified subject before "otherwise", the
// comparative other side of a threshold, labelled cases in one sentence, "no X, no Y" / "without X", and stop phrases
// that end their branch by name. Small sentences from several domains per rule.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { branches, next, node, read, tasks } from './model-reading.ts';

const splits = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2).length;
/** The labels of what a task leads to (events and gateways by kind when unnamed). */
const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);

describe('a qualified subject before "otherwise" is the condition', () => {
  it.each<[string, string, string]>([
    ['The clerk receives the form. Complete forms go straight to review; otherwise the clerk asks for the missing pages. The manager signs the form.', 'forms complete', 'Ask for missing pages'],
    ['The editor reads the draft. Urgent drafts are published at once. Otherwise, the editor sends the draft to the copy desk. The editor archives the draft.', 'drafts urgent', 'Send draft'],
    ['The nurse sorts the samples. Labelled samples are sent to the lab, otherwise the nurse labels the samples by hand. The nurse logs the batch.', 'samples labelled', 'Label samples'],
  ])('%s', (text, condition, other) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    expect(branches(m)).toContain(condition);
    expect(branches(m)).toContain('otherwise');
    expect(tasks(m)).toContain(other);
  });

  it('leaves a qualified subject alone when no "otherwise" follows', () => {
    const m = read('The clerk receives the form. Complete forms go to the manager. The manager signs the form.');
    expect(splits(m)).toBe(0);
  });
});

describe('a comparative names the other side of a threshold', () => {
  it.each<[string, string, string, string]>([
    ['The clerk registers the claim. Claims below €500 are paid at once. Larger claims go to an adjuster. The clerk files the claim.', 'claims below €500', 'Pay claims', 'Forward claims to Adjuster'],
    ['The buyer enters the order. Orders under $1,000 are approved by the team lead. Higher ones need the approval of the director. The buyer sends the order.', 'orders under $1,000', 'Approve orders', 'Approve orders'],
    ['The dispatcher weighs the parcels. Parcels over 30 kg are loaded by the forklift driver. Lighter parcels are carried by the courier. The dispatcher closes the van.', 'parcels over 30 kg', 'Load parcels', 'Carry parcels'],
  ])('%s', (text, condition, first, second) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    expect(tasks(m)).toEqual(expect.arrayContaining([first, second]));
  });

  it('"Everything else …" after a threshold is the other way too', () => {
    const m = read('The clerk opens the invoices. Invoices above 5,000 EUR are checked by the controller. Everything else is paid by the clerk. The clerk files the invoices.');
    expect(branches(m)).toEqual(['invoices above 5,000 EUR', 'otherwise']);
  });
});

describe('labelled cases in one sentence are the ways of one choice', () => {
  it('"Orders under $100: …; larger orders: …"', () => {
    const m = read('The clerk checks the order. Orders under $100: the clerk ships them; larger orders: the manager reviews them first. The clerk files the invoice.');
    expect(branches(m)).toEqual(['orders under $100', 'otherwise']);
    expect(after(m, 'Ship order')).toEqual(after(m, 'Review order'));
  });

  it('"Two outcomes: approved — …; declined — …"', () => {
    const m = read('The agent reads the claim. Two outcomes: approved — we notify the client; declined — we archive the file. The agent closes the ticket.');
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual(['approved', 'declined']);
    expect(tasks(m)).not.toContain('Approve');
  });

  it('"in stock: …; out of stock: …" in a warehouse', () => {
    const m = read('The picker checks the shelf. In stock: the picker packs the item; out of stock: the clerk orders it from the supplier. The clerk updates the order.');
    expect(branches(m)).toEqual(['in stock', 'out of stock']);
  });
});

describe('a missing thing is a condition, and "no Y" ends its branch', () => {
  it.each<[string, string, string]>([
    ['The clerk checks the receipt. No receipt, no refund. The clerk pays the refund.', 'no receipt', 'No refund'],
    ['The clerk checks the receipt. No receipt = no refund. The clerk pays the refund.', 'no receipt', 'No refund'],
    ['The registrar checks the papers. No ID means no appointment. The registrar books the appointment.', 'no ID', 'No appointment'],
  ])('%s', (text, condition, end) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    const ending = m.nodes.find((n) => n.kind === 'end' && n.label === end);
    expect(ending).toBeDefined();
    expect(m.flows.find((f) => f.to === ending!.id)?.label).toBe(condition);
  });

  it('"Without a signed contract, the order is not shipped" ends the branch named for what is not done', () => {
    const m = read('The clerk checks the request. Without a signed contract, the order is not shipped. The clerk ships the order.');
    expect(branches(m)).toEqual(['no signed contract', 'otherwise']);
    expect(m.nodes.some((n) => n.kind === 'end' && n.label === 'Order not shipped')).toBe(true);
  });

  it('"Without delay, …" is a manner, not a condition', () => {
    const m = read('The nurse takes the sample. Without delay, the nurse sends the sample to the lab.');
    expect(splits(m)).toBe(0);
  });
});

describe('stop phrases end the branch by name', () => {
  it.each<[string, string]>([
    ['The nurse checks the sample. If the sample is damaged, the nurse discards it and the case is closed there. The lab tests the sample.', 'Discard sample'],
    ['The clerk checks the order. If the order is a duplicate, the clerk deletes the order and that ends it. The clerk ships the order.', 'Delete order'],
    ['The planner reviews the request. If the date is taken, the planner informs the guest and nothing more happens. The planner books the room.', 'Inform guest'],
  ])('%s', (text, step) => {
    const m = read(text);
    const [end] = next(m, node(m, step).id);
    expect(end?.kind).toBe('end');
    expect(end?.label).not.toBe('');
  });
});

describe('enumerated and named options are the ways of one choice', () => {
  it.each<[string, string[]]>([
    ['The agent reviews the booking. There are two options: a) the agent rebooks the flight; b) the agent refunds the ticket. The agent files the case.', ['Rebook flight', 'Refund ticket']],
    ['The vet examines the dog. Depending on the result, (1) the vet prescribes a medicine or (2) the vet refers the dog to a clinic. The assistant writes the bill.', ['Prescribe medicine', 'Refer dog']],
    ['The technician tests the device. Either the technician repairs the device, or the clerk orders a replacement. The clerk informs the customer.', ['Repair device', 'Order replacement']],
  ])('%s', (text, ways) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(next(m, split.id).map((n) => n.label)).toEqual(ways);
  });

  it('"Option A: … Option B: …" sentences are one choice labelled with the options', () => {
    const m = read('The planner checks the site. Option A: the crew repairs the roof. Option B: the crew replaces the roof. The planner sends the invoice.');
    expect(branches(m)).toEqual(['Option A', 'Option B']);
    expect(after(m, 'Repair roof')).toEqual(after(m, 'Replace roof'));
  });

  it('numbered steps joined by "and" stay a sequence', () => {
    const m = read('The clerk opens the file. Then (1) the clerk checks the form and (2) the clerk signs the form. The manager files the form.');
    expect(splits(m)).toBe(0);
  });

  it('"In case of approval, …; in case of rejection, …" are the two ways of one choice', () => {
    const m = read('The engineer reviews the change. In case of approval, the engineer deploys the change; in case of rejection, the engineer closes the request. The engineer informs the team.');
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual(['approval', 'rejection']);
  });
});
