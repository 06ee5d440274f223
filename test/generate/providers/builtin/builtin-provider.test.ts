import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/bpmn/parse.ts';
import { generateProcess } from '../../../../src/generate/generate.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { GenerationError } from '../../../../src/generate/provider.ts';
import { BuiltinProvider } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

const provider = new BuiltinProvider();
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures', `${name}.txt`), 'utf8');
const generate = (prompt: string, contexts?: string[]) => generateProcess(contexts ? { prompt, contexts } : { prompt }, provider);

function labels(model: ProcessModel): string[] {
  return model.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
}
function actorOf(model: ProcessModel, label: string): string | undefined {
  const node = model.nodes.find((n) => n.label === label);
  return model.actors.find((a) => a.id === node?.actor)?.name;
}
function splits(model: ProcessModel, kind: string): string[] {
  return model.nodes.filter((n) => n.kind === kind && model.flows.filter((f) => f.from === n.id).length >= 2).map((n) => n.id);
}
/** Flows that go back to a node that came earlier in the model's reading order. */
function backEdges(model: ProcessModel): Array<[string, string]> {
  const order = new Map(model.nodes.map((n, i) => [n.id, i]));
  return model.flows.filter((f) => order.get(f.to)! < order.get(f.from)!).map((f) => [f.from, f.to]);
}

const FIXTURES = ['order-to-cash', 'it-incident', 'loan-approval', 'hiring', 'expense-claim', 'room-booking', 'repair-shop', 'grant-review', 'manufacturing', 'newsletter'];

describe('builtin provider on our own descriptions', () => {
  it('reads an order-to-cash process: lanes, a labelled choice and a parallel fork', async () => {
    const { model } = await generate(fixture('order-to-cash'));
    // "The process starts when a customer sends a purchase order": the start event, not the customer's task.
    expect(model.nodes.find((n) => n.kind === 'start')!.label).toBe('Purchase order sent');
    // The customer only receives the invoice: a send step, with no lane of its own.
    expect(model.actors.map((a) => a.name)).toEqual(['Sales clerk', 'Warehouse', 'Accountant']);
    expect(labels(model)).toEqual(['Check order', 'Ask customer for missing details', 'Confirm order', 'Pick goods', 'Pack shipment', 'Prepare invoice', 'Send invoice']);
    expect(actorOf(model, 'Prepare invoice')).toBe('Accountant');
    const choice = splits(model, 'exclusive');
    expect(choice).toHaveLength(1);
    expect(model.flows.filter((f) => f.from === choice[0]).map((f) => f.label)).toEqual(['order incomplete', 'otherwise']);
    expect(splits(model, 'parallel')).toHaveLength(1);
    expect(model.nodes.find((n) => n.label === 'Send invoice')!.taskType).toBe('send');
  });

  it('turns "again until" into a loop back to the repeated step', async () => {
    const { model } = await generate(fixture('it-incident'));
    const test = model.nodes.find((n) => n.label === 'Test fix')!;
    expect(backEdges(model).some(([, to]) => to === test.id)).toBe(true);
    expect(actorOf(model, 'Implement fix')).toBe('Second-level support');
  });

  it('loops back to the step a later "is repeated" names', async () => {
    const { model } = await generate(fixture('manufacturing'));
    const inspect = model.nodes.find((n) => n.label === 'Inspect parts')!;
    const rework = model.nodes.find((n) => n.label === 'Rework parts')!;
    expect(model.flows).toContainEqual({ from: rework.id, to: inspect.id });
    expect(labels(model)).toContain('Set up machine');
  });

  it('draws separate organisations as pools joined by message flows', async () => {
    const { model, xml } = await generate(fixture('loan-approval'));
    expect(model.actors.filter((a) => a.organisation).map((a) => a.name).sort()).toEqual(['Applicant', 'Northwind Bank Ltd']);
    const parsed = await parseBpmn(xml);
    const collaboration = parsed.definitions.rootElements.find((e: any) => e.$type === 'bpmn:Collaboration');
    expect(collaboration.participants).toHaveLength(2);
    expect(collaboration.messageFlows.length).toBeGreaterThanOrEqual(1);
  });

  it('resolves "I" to the role the speaker names and keeps lanes per actor', async () => {
    const { model } = await generate(fixture('hiring'));
    expect(actorOf(model, 'Write job description')).toBe('Team lead of engineering department');
    expect(actorOf(model, 'Send job description')).toBe('Team lead of engineering department');
    expect(actorOf(model, 'Screen applications')).toBe('Recruiter');
  });

  it('continues the branch "in the former case" and "in the latter case" name', async () => {
    const { model } = await generate(fixture('repair-shop'));
    const accept = model.nodes.find((n) => n.label === 'Accept estimate')!;
    const decline = model.nodes.find((n) => n.label === 'Decline estimate')!;
    const repair = model.nodes.find((n) => n.label === 'Repair device')!;
    const giveBack = model.nodes.find((n) => n.label === 'Return device')!;
    expect(model.flows).toContainEqual({ from: accept.id, to: repair.id });
    expect(model.flows).toContainEqual({ from: decline.id, to: giveBack.id });
  });

  it.each(FIXTURES)('writes short imperative labels and a sound BPMN file for %s', async (name) => {
    const { model, xml } = await generate(fixture(name));
    for (const label of labels(model)) {
      expect(label.split(/\s+/).length, label).toBeLessThanOrEqual(7);
      expect(label, label).toMatch(/^[A-Z][a-z-]+( |$)/);
      const verb = label.toLowerCase().split(' ')[0]!;
      expect(['the', 'a', 'an'], label).not.toContain(verb);
      expect(verb, label).not.toMatch(/[^e]ed$/);
    }
    const parsed = await parseBpmn(xml);
    const processes = parsed.definitions.rootElements.filter((e: any) => e.$type === 'bpmn:Process');
    for (const process of processes) {
      const nodes = process.flowElements.filter((e: any) => e.$type !== 'bpmn:SequenceFlow');
      const flows = process.flowElements.filter((e: any) => e.$type === 'bpmn:SequenceFlow');
      const starts = nodes.filter((n: any) => n.$type === 'bpmn:StartEvent');
      expect(starts).toHaveLength(1);
      const reached = new Set([starts[0].id]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const f of flows) if (reached.has(f.sourceRef.id) && !reached.has(f.targetRef.id)) changed = reached.add(f.targetRef.id) !== null;
      }
      expect(nodes.filter((n: any) => !reached.has(n.id)).map((n: any) => n.id)).toEqual([]);
      expect(nodes.some((n: any) => n.$type === 'bpmn:EndEvent')).toBe(true);
    }
    expect(parsed.definitions.diagrams?.length).toBe(1);
  });

  it('gives the same XML for the same text every time', async () => {
    const a = await generate(fixture('grant-review'));
    const b = await generate(fixture('grant-review'));
    expect(a.xml).toBe(b.xml);
  });
});

describe('builtin provider with folder context', () => {
  it('uses the folder’s preferred term in labels', async () => {
    const prompt = 'The clerk checks the customer order. Then the clerk calls the customer.';
    const plain = await generate(prompt);
    const steered = await generate(prompt, ["Say 'client', not 'customer'."]);
    expect(labels(plain.model)).toEqual(['Check customer order', 'Call customer']);
    expect(labels(steered.model)).toEqual(['Check client order', 'Call client']);
  });

  it('names lanes as the folder names its actors', async () => {
    const prompt = 'The sales rep enters the order. The warehouse worker ships the goods.';
    const plain = await generate(prompt);
    const steered = await generate(prompt, ['Company handbook.', 'Our lanes are: Sales, Warehouse.']);
    expect(plain.model.actors.map((a) => a.name)).toEqual(['Sales rep', 'Warehouse worker']);
    expect(steered.model.actors.map((a) => a.name)).toEqual(['Sales', 'Warehouse']);
  });

  it('resolves "we" to the role a context says we are', async () => {
    const prompt = 'We receive the invoice. We check the invoice and pay it.';
    const plain = await generate(prompt);
    const steered = await generate(prompt, ['We are the accounts payable team.']);
    expect(plain.model.actors).toEqual([]);
    expect(steered.model.actors.map((a) => a.name)).toEqual(['Accounts payable team']);
    expect(labels(steered.model)).toEqual(['Receive invoice', 'Check invoice', 'Pay invoice']);
  });
});

describe('builtin provider refusing text it cannot read', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['French', 'Le client envoie la commande au fournisseur. Le fournisseur vérifie la commande et envoie la facture.', /English/],
    ['lorem ipsum', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.', /English/],
    ['blank', '   \n\t  ', /empty/],
    ['a shopping list', 'Milk\nEggs\nTwo loaves of bread\nButter and cheese\nApples', /no actions|English|too short/],
    ['gibberish', 'asdkj qwpoe zmxnv lkjasd poiqwe mnbzx', /English/],
  ];
  it.each(cases)('refuses %s with a reason', async (_name, prompt, reason) => {
    const err = await generate(prompt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).code).toBe('unreadable');
    expect((err as GenerationError).message).toMatch(reason);
  });
});

describe('builtin provider on control-flow phrasings', () => {
  const node = (model: ProcessModel, label: string) => model.nodes.find((n) => n.label === label)!;
  const successors = (model: ProcessModel, id: string) => model.flows.filter((f) => f.from === id).map((f) => f.to);

  it('forks "both … and" steps in parallel, and a step "both A and B" do once per actor', async () => {
    const { model } = await generate('The clerk both checks the invoice and files the receipt. Then both the assessor and the manager sign the invoice.');
    expect(splits(model, 'parallel')).toHaveLength(2);
    const fork = model.nodes.find((n) => n.kind === 'parallel' && successors(model, n.id).includes(node(model, 'Check invoice').id))!;
    expect(successors(model, fork.id)).toContain(node(model, 'File receipt').id);
    const signers = model.nodes.filter((n) => n.label === 'Sign invoice').map((n) => model.actors.find((a) => a.id === n.actor)?.name);
    expect(signers.sort()).toEqual(['Assessor', 'Manager']);
  });

  it('makes "checks whether … If … If not …" one decision after the check', async () => {
    const { model } = await generate('The system checks whether the items are in stock. If they are in stock, the warehouse ships the items. If not, the buyer orders them.');
    const check = node(model, 'Check items');
    const [gateway] = successors(model, check.id);
    expect(model.nodes.find((n) => n.id === gateway)!.kind).toBe('exclusive');
    expect(model.flows.filter((f) => f.from === gateway).map((f) => f.label)).toEqual(['items in stock', 'no']);
  });

  it('continues the branch a later condition names ("approves or rejects … If the request is approved")', async () => {
    const { model } = await generate('The team lead approves or rejects the request. If the request is approved, the travel agency books the flight. The employee packs the bags.');
    expect(model.flows).toContainEqual({ from: node(model, 'Approve request').id, to: node(model, 'Book flight').id });
    expect(splits(model, 'exclusive')).toHaveLength(1);
  });

  it('loops back when a step "starts again"', async () => {
    const { model } = await generate('A reviewer reviews the changes. If the reviewer finds problems, the developer fixes them and the review starts again. The release manager deploys the build.');
    expect(model.flows).toContainEqual({ from: node(model, 'Fix problems').id, to: node(model, 'Review changes').id });
  });

  it('ends the branch where the text says the process ends', async () => {
    const { model } = await generate('The clerk checks the order. If the order is invalid, the clerk rejects it and the process ends. Otherwise the clerk ships the order. The clerk archives the order.');
    const reject = node(model, 'Reject order');
    const [after] = successors(model, reject.id);
    expect(model.nodes.find((n) => n.id === after)!.kind).toBe('end');
    expect(model.flows).toContainEqual({ from: node(model, 'Ship order').id, to: node(model, 'Archive order').id });
  });
});

describe('builtin provider on who-does-what phrasings', () => {
  const actorNames = (model: ProcessModel) => model.actors.map((a) => a.name);

  it('reads duties and requests as the duty-holder doing the step', async () => {
    const { model } = await generate(
      'The quality manager is responsible for analysing the root cause. The office checks the documents. In case documents are missing, the applicant is asked to send them.',
    );
    expect(actorOf(model, 'Analyze root cause') ?? actorOf(model, 'Analyse root cause')).toBe('Quality manager');
    expect(actorOf(model, 'Send documents')).toBe('Applicant');
  });

  it('gives a relative clause after a comma to the party just named', async () => {
    const { model } = await generate('The clerk contacts the purchasing department, which clarifies the difference with the vendor.');
    expect(actorOf(model, 'Clarify difference with vendor')).toBe('Purchasing department');
    expect(actorNames(model)).toEqual(['Clerk', 'Purchasing department']);
  });

  it('shows a hand-over to a party that never acts as a message arriving in its lane', async () => {
    const { model } = await generate('The clerk reports the vacancy to the personnel department. The clerk then archives the file.');
    const event = model.nodes.find((n) => n.kind === 'intermediate')!;
    expect(event.eventType).toBe('message');
    expect(event.label).toBe('Vacancy received');
    expect(model.actors.find((a) => a.id === event.actor)?.name).toBe('Personnel department');
  });
});

describe('builtin provider on conditions after their consequence', () => {
  it('decides before the step a trailing "if" makes conditional', async () => {
    const { model } = await generate('A credit analyst assesses the risk. The loan is granted if the risk is low; otherwise it is declined. The clerk files the contract.');
    const assess = model.nodes.find((n) => n.label === 'Assess risk')!;
    const [gateway] = model.flows.filter((f) => f.from === assess.id).map((f) => f.to);
    expect(model.nodes.find((n) => n.id === gateway)!.kind).toBe('exclusive');
    const branches = model.flows.filter((f) => f.from === gateway);
    expect(branches.map((f) => [f.label, model.nodes.find((n) => n.id === f.to)!.label])).toEqual([
      ['risk low', 'Grant loan'],
      ['otherwise', 'Decline loan'],
    ]);
  });
});

describe('builtin provider on "goes back"', () => {
  it('loops back when the process goes back to an earlier step', async () => {
    const { model } = await generate('The editor checks the manuscript. If revisions are needed, the author revises the manuscript and the process goes back to the check. Otherwise the editor publishes the manuscript.');
    const check = model.nodes.find((n) => n.label === 'Check manuscript')!;
    const revise = model.nodes.find((n) => n.label === 'Revise manuscript')!;
    expect(model.flows).toContainEqual({ from: revise.id, to: check.id });
    expect(model.nodes.some((n) => n.label.startsWith('Go back'))).toBe(false);
  });
});
