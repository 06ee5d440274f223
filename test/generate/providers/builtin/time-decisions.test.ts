// Time, decisions and loops (issue 13, classes 1, 2, 7, 9 and the time rules), one small sentence per rule.
import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ModelNode, type ProcessModel } from '../../../../src/generate/model.ts';
import { describeProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { readRelativeCondition } from '../../../../src/generate/providers/builtin/relative-condition.ts';
import { readClassification } from '../../../../src/generate/providers/builtin/classification.ts';
import { awaitedLabel, awaitedUntil, isReminder, outcomeName, refersToDeadline } from '../../../../src/generate/providers/builtin/deadlines.ts';
import { refusesStep } from '../../../../src/generate/providers/builtin/opposites.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';

function read(prompt: string): ProcessModel {
  const model = repairModel(describeProcess({ prompt }, [])).model;
  expect(validateModel(model)).toEqual([]);
  return model;
}
const tasks = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label)!;
const after = (m: ProcessModel, n: ModelNode) => m.flows.filter((f) => f.from === n.id).map((f) => m.nodes.find((x) => x.id === f.to)!);
/** Everything reachable from a node, along flows. */
function downstream(m: ProcessModel, from: ModelNode): string[] {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    for (const n of after(m, todo.pop()!)) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      todo.push(n);
    }
  }
  return m.nodes.filter((n) => seen.has(n.id)).map((n) => n.label);
}
const boundary = (m: ProcessModel) => m.nodes.find((n) => n.kind === 'boundary')!;
const tokens = (s: string) => readSentences(s)[0]!;

describe('deadline words', () => {
  it('tells a reminder from other work', () => {
    expect(isReminder('Send reminder')).toBe(true);
    expect(isReminder('Remind customer')).toBe(true);
    expect(isReminder('Follow up with supplier')).toBe(true);
    expect(isReminder('Escalate claim')).toBe(false);
  });

  it('names the outcome of a path after its last step', () => {
    expect(outcomeName('Escalate claim')).toBe('Claim escalated');
    expect(outcomeName('Order replacement machine')).toBe('Replacement machine ordered');
    expect(outcomeName('Notify')).toBe('Notified');
  });

  it('reads what a "no answer" condition waits for', () => {
    expect(awaitedLabel(tokens('there is no payment within 30 days'))).toBe('Wait for payment');
    expect(awaitedLabel(tokens('the customer does not reply within a week'))).toBe('Wait for customer to reply');
    expect(awaitedLabel(tokens('the report is not finished within a week'))).toBeNull();
  });

  it('knows a condition that points back at a deadline', () => {
    expect(refersToDeadline(tokens('If the repair is not finished in time'))).toBe(true);
    expect(refersToDeadline(tokens('If the supplier misses the deadline'))).toBe(true);
    expect(refersToDeadline(tokens('If the repair is finished'))).toBe(false);
  });
});

describe('deadlines become boundary timers with their own path', () => {
  it('"if there is no payment within 30 days" waits for the payment, and a reminder leaves the wait running', () => {
    const m = read('The clerk sends the invoice. If there is no payment within 30 days, the clerk sends a reminder. The accountant then books the payment.');
    const wait = node(m, 'Wait for payment');
    expect(wait).toMatchObject({ kind: 'task', taskType: 'receive' });
    expect(boundary(m)).toMatchObject({ attachedTo: wait.id, eventType: 'timer', timer: { kind: 'duration', value: 'P30D' }, interrupting: false });
    // The reminder's path ends; the payment is booked on the wait's own path.
    expect(downstream(m, node(m, 'Send reminder'))).toEqual(['Reminder sent']);
    expect(after(m, wait).map((n) => n.label)).toEqual(['Book payment']);
  });

  it('a missed deadline cancels the step and ends in a named end event, never flowing back', () => {
    const m = read('The handler checks the claim. If the check is not done within 5 days, the handler escalates the claim. The handler then pays the claim.');
    const b = boundary(m);
    expect(b).toMatchObject({ attachedTo: node(m, 'Check claim').id, timer: { value: 'P5D' } });
    expect(b.interrupting).toBeUndefined();
    expect(downstream(m, b)).toEqual(['Escalate claim', 'Claim escalated']);
    expect(after(m, node(m, 'Check claim')).map((n) => n.label)).toEqual(['Pay claim']);
  });

  it('"not … in time" refers to the deadline set in the sentence before', () => {
    const m = read('The technician must repair the machine within 4 hours. If the repair is not finished in time, the supervisor orders a replacement machine. Otherwise the technician closes the work order.');
    expect(boundary(m)).toMatchObject({ attachedTo: node(m, 'Repair machine').id, label: '4 hours', timer: { value: 'PT4H' } });
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(after(m, node(m, 'Repair machine')).map((n) => n.label)).toEqual(['Close work order']);
  });
});

describe('ending branches', () => {
  it('a rejection that "ends the process" keeps the refusal as its end event name', () => {
    const m = read('The manager reviews the request and approves or rejects it. If the request is rejected, the clerk files the request and the process ends. If it is approved, HR books the training.');
    expect(downstream(m, node(m, 'Reject request'))).toEqual(['File request', 'Request rejected']);
  });
});

describe('classification', () => {
  it('reads the classes, with or without commas and with a shared noun', () => {
    expect(readClassification(tokens('The analyst classifies each incident as low, medium or high.'))).toEqual({ values: ['low', 'medium', 'high'], subject: 'incident' });
    expect(readClassification(tokens('Returns are sorted into damaged, resalable and recyclable items.'))?.values).toEqual(['damaged', 'resalable', 'recyclable']);
    expect(readClassification(tokens('The analyst checks each incident as soon as possible.'))).toBeNull();
  });

  it('"classified as A, B or C" is one decision whose branches the next sentences fill, joining after them', () => {
    const m = read('The analyst classifies each incident as low, medium or high. Low incidents are closed by the service desk. Medium incidents are assigned to the support team. High incidents are escalated to the engineer. Finally the analyst updates the log.');
    const gateway = after(m, node(m, 'Classify incident'))[0]!;
    expect(gateway.kind).toBe('exclusive');
    expect(m.flows.filter((f) => f.from === gateway.id).map((f) => f.label)).toEqual(['low', 'medium', 'high']);
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(2);
    for (const label of ['Close incident', 'Assign incident', 'Escalate incident']) {
      expect(downstream(m, node(m, label))).toContain('Update log');
    }
  });
});

describe('loops', () => {
  it('"submits it again" loops back to the step that produced it, not a second copy', () => {
    const m = read('The author submits the draft. The editor reviews the draft. If changes are needed, the author revises the draft and submits it again. Otherwise the editor publishes the article.');
    expect(tasks(m).filter((t) => t === 'Submit draft')).toHaveLength(1);
    expect(after(m, node(m, 'Revise draft')).map((n) => n.label)).toEqual(['Submit draft']);
  });
});

describe('relative-clause conditions', () => {
  it('reads a generic subject narrowed by "that/which" as a condition, and "needs the approval of X" as X approving', () => {
    const r = readRelativeCondition(tokens('Orders that exceed $500 need the approval of the manager.'));
    expect(r?.said.map((t) => t.text).join(' ')).toBe('orders exceed $ 500');
    expect(r?.main.map((t) => t.lower).join(' ')).toBe('orders are approved by the manager');
    expect(readRelativeCondition(tokens('The clerk checks the orders that arrive by post.'))).toBeNull();
    expect(readRelativeCondition(tokens('The manager who received the request checks it.'))).toBeNull();
  });

  it('"orders that exceed $500 need approval" draws the approval on its own branch; the rest skips it', () => {
    const m = read('The customer places an order. Orders that exceed $500 need the approval of the manager. The warehouse then ships the order.');
    const gateway = after(m, node(m, 'Place order'))[0]!;
    expect(gateway.kind).toBe('exclusive');
    expect(m.flows.find((f) => f.from === gateway.id && f.to === node(m, 'Approve orders').id)?.label).toBe('orders exceed $500');
    expect(m.flows.filter((f) => f.from === gateway.id)).toHaveLength(2);
    expect(downstream(m, gateway)).toContain('Ship order');
  });

  it('"Any claim that involves an injury is reviewed by …" is a conditional step', () => {
    const m = read('Any claim that involves an injury is reviewed by a medical adviser. The handler then settles the claim.');
    expect(m.flows.find((f) => f.to === node(m, 'Review claim').id)?.label).toBe('claim involves injury');
  });
});

describe('repeated reminders', () => {
  it('"until the customer replies" names the wait, even when the tagger misses the verb', () => {
    expect(awaitedUntil(tokens('until the customer replies'))).toBe('Wait for customer to reply');
    expect(awaitedUntil(tokens('until the tenant pays the rent'))).toBe('Wait for tenant to pay rent');
  });

  it('"sends a reminder every 3 days until the customer replies" is a non-interrupting cycle timer on the wait', () => {
    const m = read('The agent sends a quote to the customer. The agent sends a reminder every 3 days until the customer replies. The agent then books the trip.');
    const wait = node(m, 'Wait for customer to reply');
    expect(wait.taskType).toBe('receive');
    expect(boundary(m)).toMatchObject({ attachedTo: wait.id, label: 'Every 3 days', timer: { kind: 'cycle', value: 'R/P3D' }, interrupting: false });
    expect(downstream(m, boundary(m))).toEqual(['Send reminder', 'Reminder sent']);
    expect(after(m, wait).map((n) => n.label)).toEqual(['Book trip']);
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('loops back on "again"', () => {
  it('matches the earlier step by verb and thing ("Submit document" after "Submit design document")', () => {
    const m = read('The author submits the design document. The architect reviews the document. If changes are needed, the author revises the document and submits it again. Otherwise the architect approves the document.');
    expect(tasks(m).filter((t) => t.startsWith('Submit'))).toEqual(['Submit design document']);
    expect(after(m, node(m, 'Revise document')).map((n) => n.label)).toEqual(['Submit design document']);
  });
});

describe('conditions in two parts', () => {
  it('"if A and B, X" keeps both parts in the condition, and only X on the branch', () => {
    const m = read('The clerk checks the form. If the form is incomplete and the applicant is a minor, the clerk calls the parents. The clerk then files the form.');
    const into = m.flows.find((f) => f.to === node(m, 'Call parents').id);
    expect(into?.label).toBe('form incomplete and applicant minor');
    const gateway = m.nodes.find((n) => n.id === into!.from)!;
    expect(m.flows.filter((f) => f.from === gateway.id)).toHaveLength(2);
    expect(downstream(m, gateway)).toContain('File form');
  });
});

describe('approve and reject never both run', () => {
  it('knows a refusal of the step just drawn', () => {
    expect(refusesStep('Reject application', 'Accept application')).toBe(true);
    expect(refusesStep('Reject application', 'Check application')).toBe(false);
    expect(refusesStep('Reject invoice', 'Approve order')).toBe(false);
  });

  it('"can accept … can also reject …" is a choice whose refusal ends by name', () => {
    const m = read('The clerk checks the application. The clerk can accept the application. The clerk can also reject the application. The clerk archives the file.');
    const gateway = after(m, node(m, 'Check application'))[0]!;
    expect(gateway.kind).toBe('exclusive');
    expect(after(m, gateway).map((n) => n.label).sort()).toEqual(['Accept application', 'Reject application']);
    expect(downstream(m, node(m, 'Reject application'))).toEqual(['Application rejected']);
    expect(after(m, node(m, 'Accept application')).map((n) => n.label)).toEqual(['Archive file']);
  });
});
