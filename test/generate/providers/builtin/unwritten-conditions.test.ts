// Conditions written without "if", messages the process does not wait for, and deadlines on the step they bound:
// one small sentence per rule, each in a few wordings (review patterns 6 and 7, and its deadline notes).
import { describe, expect, it } from 'vitest';
import type { ModelNode, ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { branches } from './model-reading.ts';

const model = (prompt: string): ProcessModel => traceProcess({ prompt }, []).model;
const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label);
const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);
/** What a node leads to, by label (or kind for unlabelled gateways and events). */
const next = (m: ProcessModel, n: ModelNode | undefined) => m.flows.filter((f) => f.from === n?.id).map((f) => m.nodes.find((x) => x.id === f.to)!).map((x) => x.label || x.kind);

describe('conditions written without "if" open a choice', () => {
  it.each<[string, string[]]>([
    ['Where the applicant is eligible, the officer approves the grant. Where the applicant is not eligible, the officer sends a refusal. The clerk archives the file.', ['applicant eligible', 'applicant not eligible']],
    ['Wherever a part is damaged, the mechanic replaces the part. The mechanic returns the car.', ['part damaged', 'otherwise']],
    ['Should the payment fail, the clerk calls the customer. The clerk ships the goods.', ['payment fail', 'otherwise']],
  ])('%s', (text, labels) => {
    const m = model(text);
    expect(branches(m)).toEqual(labels);
  });

  it('"Where …" sentences in a row about one thing are the cases of one choice; a case about something else is a choice of its own', () => {
    const m = model('The clerk logs the request. Where no fee applies, the clerk sends the copy. Where a fee applies, the clerk sends an invoice. Where the requester is a journalist, the press office answers the request. The clerk closes the file.');
    expect(branches(m)).toEqual(['no fee applies', 'fee applies']);
    const second = m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)[1]!;
    expect(m.flows.filter((f) => f.from === second.id).map((f) => f.label)).toEqual(['requester journalist', 'otherwise']);
  });

  it('"For orders over $500, …" and a subject narrowed by an amount: a branch for those, the rest skip it', () => {
    for (const text of [
      'The buyer enters the order. For orders over $500, the manager approves the order. The buyer sends the order.',
      'The clerk enters the invoice. Invoices above 10,000 EUR are reviewed by the supervisor. The accountant pays the invoice.',
      'The clerk books the claim. Claims of more than 2,000 dollars are checked by an auditor. The clerk pays the claim.',
    ]) {
      const m = model(text);
      expect(branches(m)).toHaveLength(2);
      expect(branches(m)[1]).toBe('otherwise');
      expect(branches(m)[0]).toMatch(/^(orders over \$ ?500|invoices above 10,000 EUR|claims of more than 2,000 dollars)$/);
    }
    expect(node(model('The clerk enters the invoice. Invoices above 10,000 EUR are reviewed by the supervisor.'), 'Review invoices')?.actor).toBeTruthy();
  });

  it('"… also need approval from X", "require X\'s sign-off", "must also get clearance from X": X\'s step on the branch', () => {
    for (const [text, step, lane] of [
      ['The employee submits a claim. Claims over 500 EUR also need approval from the finance director. Accounting reimburses the employee.', 'Approve claims', 'Finance director'],
      ["The buyer raises the order. Orders above 10,000 EUR require the CFO's sign-off. Purchasing sends the order.", 'Sign orders', 'CFO'],
      ['The lawyer drafts the contract. Contracts over 1M must also get clearance from the board. The lawyer sends the contract.', 'Clear contracts', 'Board'],
      ['The buyer enters the order. Orders under $1,000 are approved by the team lead. Higher ones need the approval of the director. The buyer sends the order.', 'Approve orders', 'Director'],
    ] as const) {
      const m = model(text);
      expect(branches(m)).toHaveLength(2);
      expect(m.actors.find((a) => a.id === m.nodes.filter((n) => n.label === step).at(-1)?.actor)?.name).toBe(lane);
      expect(next(m, node(m, step))).toEqual(['exclusive']);
    }
  });

  it('an object narrowed by an amount: a branch for those, and "… skip the review" is the way straight on', () => {
    for (const [text, step] of [
      ['The clerk enters the invoice. The supervisor reviews invoices above 10,000 EUR; invoices at or below 10,000 EUR skip the review. The accountant pays the invoice.', 'Review invoices'],
      ['The clerk enters the order. The manager approves orders over $500. The clerk ships the order.', 'Approve orders'],
      ['The agent books the trip. The director signs off trips of more than 3,000 dollars. The agent sends the tickets.', 'Sign off trips'],
    ] as const) {
      const m = model(text);
      expect(branches(m)).toHaveLength(2);
      expect(branches(m)[1]).toBe('otherwise');
      expect(node(m, step)).toBeDefined();
      expect(m.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).not.toContain('Skip review');
    }
  });

  it('a kind of thing set against "all" of them: a branch for the kind, the step for all after the choice', () => {
    for (const [text, kind, all] of [
      ['The analyst runs the tests. Abnormal results are reported to the doctor; all results are stored in the record.', 'Report abnormal results', 'Store results in record'],
      ['The clerk sorts the mail. Urgent letters are scanned at once; all letters are filed in the archive.', 'Scan urgent letters', 'File letters'],
      ['The nurse measures the vital signs. Abnormal readings are reported to the doctor; all measurements are entered in the chart.', 'Report abnormal readings', 'Enter measurements'],
    ] as const) {
      const m = model(text);
      expect(branches(m)).toHaveLength(2);
      // The conditional step does not lead straight on to the step for all: only the join does.
      expect(next(m, node(m, kind))).not.toContain(all);
      expect(m.flows.filter((f) => f.to === node(m, all)?.id).map((f) => m.nodes.find((x) => x.id === f.from)!.kind)).toEqual(['exclusive']);
    }
  });

  it('a dash before "if" ends the clause: the condition is no step of its own', () => {
    for (const text of [
      "You check that every receipt is there – if something's missing, you return the claim to the employee. Payroll pays the claim.",
      'The clerk checks the form — if it is wrong, the clerk calls the applicant. The clerk files the form.',
    ]) {
      const m = model(text);
      expect(branches(m)[0]).toMatch(/^(something missing|form wrong|it wrong|wrong)$/);
      expect(m.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).not.toContain('Miss receipt');
    }
  });

  it('an ordinary subject, "where" inside a sentence and a question stay as they are', () => {
    expect(branches(model('The clerk sends the form to the archive, where it is stored. The archivist files the form.'))).toEqual([]);
    expect(branches(model('Large parcels are collected by the courier. The clerk files the receipt.'))).toEqual([]);
  });
});

describe('a message to someone the process serves is not waited for', () => {
  it.each([
    'The agent reads the ticket. The agent sends the customer an answer and closes the ticket.',
    'The agent reads the ticket. The agent sends an answer to the customer. Then the agent closes the ticket.',
    'The clerk checks the request. The clerk emails the applicant a receipt and files the request.',
  ])('%s', (text) => {
    const m = model(text);
    expect(m.nodes.filter((n) => n.kind === 'intermediate')).toEqual([]);
    expect(lanes(m)).toHaveLength(1);
  });

  it('a reply the process really waits for stays a catch event in the sender\'s lane', () => {
    const m = model("The agent reads the ticket. The agent sends the customer a question and waits for the customer's answer. The agent closes the ticket.");
    const events = m.nodes.filter((n) => n.kind === 'intermediate');
    expect(events.map((n) => n.label)).toEqual(['Customer answer received']);
    expect(lanes(m)).toEqual(['Agent']);
  });

  it('the last thing sent to the applicant ends the process in the sender\'s lane; a department the message reaches keeps its lane', () => {
    const m = model('The clerk checks the request. The clerk sends the decision to the applicant.');
    expect(lanes(m)).toEqual(['Clerk']);
    expect(next(m, node(m, 'Send decision'))).toEqual(['end']);
    expect(lanes(model('The clerk checks the request. The clerk sends the file to the archive department. The clerk closes the case.'))).toContain('Archive department');
  });
});

describe('a text between two organisations', () => {
  it.each([
    'Purchasing between our company and a supplier. Our buyer sends the order to the supplier. The supplier ships the goods. Our warehouse stores the goods.',
    'This is the ordering process between our shop and the wholesaler. The clerk sends the order to the wholesaler. The wholesaler delivers the goods. The clerk checks the goods.',
    'Claims handling between us and an insurer: the office manager reports the damage to the insurer. The insurer pays the claim. The office manager books the payment.',
  ])('%s', (text) => {
    const m = model(text);
    const outside = m.actors.filter((a) => a.organisation).map((a) => a.name);
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatch(/^(Supplier|Wholesaler|Insurer)$/);
    expect(m.actors.filter((a) => !a.organisation).length).toBeGreaterThan(0);
  });

  it('one organisation with a supplier it only mentions keeps its lanes in one pool', () => {
    const m = model('Our buyer sends the order to the supplier. The supplier ships the goods. Our warehouse stores the goods.');
    expect(m.actors.filter((a) => a.organisation)).toEqual([]);
  });
});

describe('a deadline bounds the step the text ties it to', () => {
  it.each([
    ['The operator must confirm the alarm within 5 minutes; if nobody confirms it, the system calls the supervisor. The operator inspects the machine.', 'Confirm alarm', '5 minutes'],
    ['The engineer has to acknowledge the page within 10 minutes. If no one acknowledges the page, the alert goes to the team lead. The engineer checks the logs.', 'Acknowledge page', '10 minutes'],
    ['The dispatcher assigns the job. The technician has to accept the job within 2 hours. If the job is not accepted, the dispatcher reassigns it. The technician repairs the machine.', 'Accept job', '2 hours'],
  ])('%s', (text, host, label) => {
    const m = model(text);
    const boundary = m.nodes.find((n) => n.kind === 'boundary');
    expect(boundary?.label).toBe(label);
    expect(boundary?.attachedTo).toBe(node(m, host)?.id);
    // No choice after the step and no made-up wait.
    expect(m.nodes.filter((n) => n.kind === 'exclusive' || n.taskType === 'receive')).toEqual([]);
  });

  it('"Thirty days before the subscription expires, …" starts on a timer named shortly, and the subject keeps its lane', () => {
    for (const [text, label, lane] of [
      ['Thirty days before the subscription expires, the billing system sends the customer a renewal invoice. The customer pays the invoice.', '30 days before subscription expires', 'Billing system'],
      ['Two weeks before the contract ends, the account manager calls the client. The client signs the offer.', '2 weeks before contract ends', 'Account manager'],
    ] as const) {
      const m = model(text);
      const start = m.nodes.find((n) => n.kind === 'start')!;
      expect([start.label, start.eventType]).toEqual([label, 'timer']);
      expect(m.nodes.filter((n) => n.kind === 'intermediate')).toEqual([]);
      const first = m.nodes.find((n) => n.kind === 'task')!;
      expect(m.actors.find((a) => a.id === first.actor)?.name).toBe(lane);
    }
  });
});
