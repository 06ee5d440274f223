// One decision told in pieces or without "if" is one gateway (issue 13, classes 2 and 9).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { next, node, read, laneOf } from './model-reading.ts';

/** The gateway right after a step: the labels of its ways and the steps they lead to. */
function ways(m: ProcessModel, label: string): Array<[string, string]> {
  const [g] = next(m, node(m, label).id);
  expect(g!.kind).toBe('exclusive');
  return m.flows.filter((f) => f.from === g!.id).map((f) => [f.label ?? '', m.nodes.find((n) => n.id === f.to)!.label]);
}

describe('alternatives told with a verb of choosing', () => {
  it('reads "chooses whether to admit the patient or to send the patient home" as two ways (health)', () => {
    const m = read('The nurse assesses the patient and chooses whether to admit the patient or to send the patient home. The nurse updates the record.');
    expect(ways(m, 'Assess patient').map(([, to]) => to)).toEqual(['Admit patient', 'Send patient home']);
    expect(m.nodes.some((n) => n.label.startsWith('Choose'))).toBe(false);
  });

  it('reads "decides between approving the loan and referring it" as two ways (finance)', () => {
    const m = read('The loan officer reviews the file and decides between approving the loan and referring it to the credit committee. The clerk archives the file.');
    expect(ways(m, 'Review file').map(([, to]) => to)).toEqual(['Approve loan', 'Refer loan']);
  });

  it('reads "decides whether to pay the claim or to refer it" at the start too (insurance)', () => {
    const m = read('The claims handler decides whether to pay the claim or to refer it to an investigator. The handler closes the file.');
    expect(m.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).toEqual(['Pay claim', 'Refer claim', 'Close file']);
    expect(next(m, node(m, 'Pay claim').id)[0]!.kind).toBe('exclusive');
  });
});

describe('cases told one after another', () => {
  it('draws sibling lines "If A -> …" / "If B -> …" as the ways of one gateway (support)', () => {
    const m = read('The agent reads the ticket.\nIf it is a bug -> the agent forwards it to engineering.\nIf it is a question -> the agent answers it.\nIf it is a complaint -> the agent escalates it to the team lead.\nThe agent closes the ticket.');
    expect(ways(m, 'Read ticket')).toEqual([
      ['bug', 'Forward ticket'],
      ['question', 'Answer ticket'],
      ['complaint', 'Escalate ticket'],
    ]);
  });

  it('draws "For new customers, …. For existing customers, …" as one choice on the kind, not a sequence (banking)', () => {
    const m = read('The bank receives the account request. For new customers, the clerk verifies the identity and opens a customer record. For existing customers, the clerk loads the customer record. The clerk opens the account.');
    expect(ways(m, 'Receive account request')).toEqual([
      ['new customers', 'Verify identity'],
      ['existing customers', 'Load customer record'],
    ]);
  });

  it('keeps the second kind a way of the same choice after a checking step (HR)', () => {
    const m = read('The HR officer screens the candidate. For internal candidates, the officer checks the performance record. For external candidates, the officer calls the references. The manager interviews the candidate.');
    expect(ways(m, 'Screen candidate')).toEqual([
      ['internal candidates', 'Check performance record'],
      ['external candidates', 'Call references'],
    ]);
  });

  it('leaves a lone "For new hires, …" a plain step (education)', () => {
    const m = read('The school enrols the teacher. For new hires, the mentor plans an induction week. The head signs the contract.');
    expect(next(m, node(m, 'Enrol teacher').id).map((n) => n.label)).toEqual(['Plan induction week']);
  });

  it('draws "Depending on the amount, the team lead or the director approves the invoice" as one choice between the parties (finance, logistics)', () => {
    const m = read('The buyer receives the invoice. Depending on the amount, the team lead or the finance director approves the invoice. The accountant pays the invoice.');
    const to = ways(m, 'Receive invoice').map(([, step]) => step);
    expect(to).toEqual(['Approve invoice', 'Approve invoice']);
    const approvals = m.nodes.filter((n) => n.label === 'Approve invoice').map((n) => m.actors.find((a) => a.id === n.actor)?.name);
    expect(approvals).toEqual(['Team lead', 'Finance director']);
    const parcel = read('The warehouse picks the order. Depending on the weight, the courier or the freight company collects the parcel. The system sends a tracking number.');
    expect(ways(parcel, 'Pick order')).toHaveLength(2);
    expect(laneOf(parcel, 'Send tracking number')).toBe('System');
  });
});
