import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { answerLabels } from '../../../../src/generate/providers/builtin/opposites.ts';
import { read, node, next } from './model-reading.ts';

const labelsOut = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label ?? '');
const into = (m: ProcessModel, label: string) => m.flows.filter((f) => f.to === node(m, label).id);

describe("a decision's answers", () => {
  it('labels the branches of answer verbs with the answer, and leaves other alternatives alone', () => {
    expect(answerLabels(['Approve claim', 'Reject claim', 'Send back claim'])).toEqual(['approved', 'rejected', 'sent back']);
    expect(answerLabels(['Accept offer', 'Decline offer'])).toEqual(['accepted', 'declined']);
    expect(answerLabels(['Call customer', 'Email customer'])).toBeNull();
  });

  it('reads "can approve it, reject it outright, or return it" as one choice after the review, no Approve step before it', () => {
    const m = read('The buyer enters the purchase request. The budget owner checks the request. The budget owner can approve it, reject it outright, or return it to the buyer. The buyer orders the goods.');
    const [gateway] = next(m, node(m, 'Check request').id);
    expect(gateway!.kind).toBe('exclusive');
    const labels = m.flows.filter((f) => f.from === gateway!.id).map((f) => f.label);
    expect(labels).toEqual(['approved', 'rejected', 'returned']);
    expect(into(m, 'Approve request').map((f) => f.from)).toEqual([gateway!.id]);
  });

  it('keeps a step listed before "and" out of the alternatives ("reads it and accepts it, declines it or …")', () => {
    const m = read('The journal receives the paper. The editor reads the paper and accepts it, declines it or returns it to the author. The printer typesets the paper.');
    const [gateway] = next(m, node(m, 'Read paper').id);
    expect(gateway!.kind).toBe('exclusive');
    expect(next(m, gateway!.id).map((n) => n.label)).toEqual(['Accept paper', 'Decline paper', 'Return paper']);
  });

  it('puts the rework of "If it is sent back, …" on the send-back path instead of a second loop', () => {
    const m = read('The trainee writes the report and submits it to the mentor. The mentor reviews the report. The mentor can approve it or send it back. If it is sent back, the trainee edits the report and submits it to the mentor again. The mentor files the report.');
    expect(next(m, node(m, 'Send back report').id).map((n) => n.label)).toEqual(['Edit report']);
  });
});

describe('a refusal told, or work not done, ends its branch', () => {
  it('ends "If not, the office sends a rejection letter" by name, and drops the question\'s empty branch', () => {
    const m = read('The registrar checks whether the enrolment form is signed. If not, the registrar mails a rejection notice. If so, the student pays the exam fee. The registrar issues the certificate.');
    const end = next(m, node(m, 'Mail rejection notice').id);
    expect(end).toMatchObject([{ kind: 'end', label: 'Rejection notice mailed' }]);
    const [gateway] = next(m, node(m, 'Check enrolment form').id);
    expect(next(m, gateway!.id).map((n) => n.label)).toEqual(['Mail rejection notice', 'Pay exam fee']);
    expect(next(m, node(m, 'Pay exam fee').id).map((n) => n.label)).toEqual(['Issue certificate']);
  });

  it('ends a branch that only says the work is not done ("we do not deliver the sofa")', () => {
    const m = read('We quote the delivery price. If the customer agrees, we schedule the delivery. If the customer hesitates, we do not deliver the sofa. The driver loads the sofa.');
    const ends = m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);
    expect(ends).toContain('Sofa not delivered');
    const stopped = m.nodes.find((n) => n.label === 'Sofa not delivered')!;
    expect(m.flows.filter((f) => f.to === stopped.id).map((f) => f.label)).toEqual(['customer hesitates']);
  });
});

describe('a choice inside a branch', () => {
  it('draws a condition after a checking step in a branch as a second gateway there; "otherwise" is the outer way', () => {
    const m = read('The nurse measures the temperature. If it is high, the nurse tests the blood. If the test is positive, the doctor prescribes antibiotics; if it is negative, the doctor orders more tests. Otherwise the nurse discharges the patient. The clerk archives the file.');
    const [outer] = next(m, node(m, 'Measure temperature').id);
    expect(next(m, outer!.id).map((n) => n.label).sort()).toEqual(['Discharge patient', 'Test blood']);
    const [inner] = next(m, node(m, 'Test blood').id);
    expect(inner!.kind).toBe('exclusive');
    expect(next(m, inner!.id).map((n) => n.label)).toEqual(['Prescribe antibiotics', 'Order more tests']);
  });

  it('keeps "who either grants or refuses it" inside the "if not" branch instead of closing the outer choice', () => {
    const m = read('The engineer requests a budget. If the trip is domestic, the manager signs the budget. If not, he passes the budget to the director, who either grants or refuses it. Finance books the budget.');
    const [inner] = next(m, node(m, 'Pass budget').id).filter((n) => n.kind === 'exclusive');
    expect(inner).toBeDefined();
    expect(labelsOut(m, inner!.id)).toEqual(['granted', 'refused']);
    const [outer] = next(m, node(m, 'Request budget').id);
    expect(next(m, outer!.id).map((n) => n.label)).toEqual(['Sign budget', 'Pass budget']);
  });

  it('reads "either A or, if C, B" as a choice between A and B, with C on the way to B', () => {
    const m = read('The technician restarts the router and then either closes the call or, if the fault persists, books a site visit. The technician updates the log.');
    const [gateway] = next(m, node(m, 'Restart router').id);
    expect(gateway!.kind).toBe('exclusive');
    expect(next(m, gateway!.id).map((n) => n.label)).toEqual(['Close call', 'Book site visit']);
    expect(labelsOut(m, gateway!.id)).toEqual(['otherwise', 'fault persists']);
  });
});

describe('"The process ends." between the two ways of a question', () => {
  const gateways = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive');

  it('keeps "If not X … The process ends. If X …" one choice, numbered or not', () => {
    for (const text of [
      '1. The clerk checks whether the invoice was approved.\n2. If the invoice was not approved, the clerk returns the invoice. The procedure ends.\n3. If the invoice was approved, the clerk books the invoice.\n4. The clerk files the receipt.',
      'The inspector checks whether the permit was valid. If the permit was not valid, the inspector refuses the application. The process ends. If the permit was valid, the inspector records the application. The inspector archives the file.',
    ]) {
      const m = read(text);
      expect(gateways(m)).toHaveLength(1);
      const [gateway] = gateways(m);
      expect(labelsOut(m, gateway!.id).every((l) => l !== 'otherwise')).toBe(true);
      const booked = m.nodes.find((n) => n.label === 'Book invoice' || n.label === 'Record application')!;
      expect(m.flows.filter((f) => f.to === booked.id).map((f) => f.from)).toEqual([gateway!.id]);
      expect(next(m, booked.id).map((n) => n.kind)).toEqual(['task']);
    }
  });

  it('still skips ahead when the sentence after the end is a plain step', () => {
    const m = read('The agent verifies whether the booking is confirmed. If the booking is not confirmed, the agent cancels the booking. The process ends. The agent issues the ticket.');
    const [gateway] = gateways(m);
    expect(gateways(m)).toHaveLength(1);
    expect(next(m, node(m, 'Cancel booking').id).map((n) => n.kind)).toEqual(['end']);
    expect(into(m, 'Issue ticket').map((f) => f.from)).toEqual([gateway!.id]);
  });
});

describe('amounts on either side of a threshold, one sentence each', () => {
  const lane = (m: ProcessModel, id: string) => m.nodes.find((n) => n.id === id)!.actor;

  it('draws the same step by two people as two branches of one choice, meeting before the next step', () => {
    for (const [text, next_] of [
      ['The clerk receives the purchase request. Purchases up to $5,000 are approved by the team lead. Purchases above $5,000 must be approved by the finance director. The clerk places the order.', 'Place order'],
      ['The agent records the refund request. Refunds below 200 EUR are paid out by the agent. Refunds of 200 EUR and above are paid out by the supervisor. The agent notifies the customer.', 'Notify customer'],
      ['The assessor logs the claim. Claims of 500 EUR or less are settled by the assessor. Claims above 500 EUR are settled by the claims manager. The assessor archives the claim.', 'Archive claim'],
    ] as const) {
      const m = read(text);
      const gateway = m.nodes.find((n) => n.kind === 'exclusive')!;
      const steps = next(m, gateway.id);
      expect(steps).toHaveLength(2);
      expect(steps[0]!.label).toBe(steps[1]!.label);
      expect(new Set(steps.map((s) => lane(m, s.id))).size).toBe(2);
      expect(labelsOut(m, gateway.id).every((l) => /\d/.test(l) && !/[$€£] /.test(l))).toBe(true);
      const [join] = next(m, steps[0]!.id);
      expect(next(m, steps[1]!.id)).toEqual([join]);
      expect(next(m, join!.id).map((n) => n.label)).toEqual([next_]);
    }
  });
});

describe('a single threshold on the thing itself', () => {
  it('reads "with a value over …" and "need/require X\'s approval" as a step on its own branch, the other way going straight on', () => {
    for (const [text, step, actor] of [
      ['The buyer drafts the contract. Contracts with a value over 1M need additional approval from the legal director. The buyer signs the contract.', 'Approve contracts', 'Legal director'],
      ['The warehouse packs the shipment. Shipments with a total weight above 30 kg are inspected by the safety officer. The driver loads the shipment.', 'Inspect shipments', 'Safety officer'],
      ["The shop receives the order. Orders above $800 require the manager's approval. The shop ships the order.", 'Approve orders', 'Manager'],
    ] as const) {
      const m = read(text);
      const task = node(m, step);
      expect(m.actors.find((a) => a.id === task.actor)?.name).toMatch(new RegExp(actor, 'i'));
      const [gateway] = into(m, step).map((f) => m.nodes.find((n) => n.id === f.from)!);
      expect(gateway!.kind).toBe('exclusive');
      expect(labelsOut(m, gateway!.id)).toHaveLength(2);
      expect(next(m, gateway!.id).some((n) => n.kind === 'exclusive')).toBe(true);
    }
  });
});
