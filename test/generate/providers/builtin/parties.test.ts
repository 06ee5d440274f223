// Who does what, and how a process starts: one small sentence per rule (issue 13, lanes and triggers).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';

const model = (prompt: string): ProcessModel => traceProcess({ prompt }, []).model;
const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);
const tasks = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
const laneOf = (m: ProcessModel, label: string) => m.actors.find((a) => a.id === m.nodes.find((n) => n.label === label)?.actor)?.name;
const events = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'intermediate').map((n) => `${n.label}/${n.eventType}`);
const start = (m: ProcessModel) => m.nodes.find((n) => n.kind === 'start')!;

describe('department names the tagger misreads', () => {
  it('"Purchasing", "Receiving", "Shipping" before a verb are departments, not gerunds', () => {
    const tags = readSentences('Purchasing orders the parts. Then Receiving inspects the delivery.').flat();
    expect(tags.find((t) => t.text === 'Purchasing')!.pos).toBe('PROPN');
    expect(tags.find((t) => t.text === 'orders')!.pos).toBe('VERB');
    const m = model('Purchasing orders the parts. Receiving inspects the delivery. Legal reviews the contract. Shipping sends the goods.');
    expect(lanes(m)).toEqual(['Purchasing', 'Receiving', 'Legal', 'Shipping']);
    expect(laneOf(m, 'Inspect delivery')).toBe('Receiving');
  });

  it('written small after "otherwise", "then" or a comma, a department before its verb still acts', () => {
    const m = model('The agent logs the call. If it is a defect, engineering fixes the code. Otherwise support answers the question.');
    expect(laneOf(m, 'Answer question')).toBe('Support');
    expect(laneOf(m, 'Fix code')).toBe('Engineering');
    const n = model('The buyer raises a request. Then finance pays the invoice and quality checks the parts.');
    expect(lanes(n)).toEqual(['Buyer', 'Finance', 'Quality']);
    // Not a department before a number: "then shipping takes two days" says how long, not who.
    expect(readSentences('Then shipping takes two days.').flat()[1]!.pos).not.toBe('PROPN');
  });

  it('a gerund subject that is an activity stays one ("Checking the invoice takes time")', () => {
    const tags = readSentences('Checking the invoice takes time.').flat();
    expect(tags[0]!.pos).not.toBe('PROPN');
  });

  it('"and forwards it", "the agent forwards …": a hand-over verb the tagger read as an adverb is a step', () => {
    expect(tasks(model('The secretary checks the form and forwards it to the dean.'))).toEqual(['Check form', 'Forward form']);
    expect(tasks(model('The agent forwards the complaint to the lawyer.'))).toEqual(['Forward complaint']);
  });

  it('"the plumber repairs the pipe": a role noun read as an adjective, and its verb', () => {
    const m = model('The caretaker calls a plumber. The plumber repairs the pipe and sends an invoice.');
    expect(lanes(m)).toEqual(['Caretaker', 'Plumber']);
    expect(tasks(m)).toEqual(['Call plumber', 'Repair pipe', 'Send invoice']);
  });

  it('a citizen is a party', () => {
    expect(lanes(model('The citizen fills in the form. The clerk checks the form.'))).toEqual(['Citizen', 'Clerk']);
  });
});

describe('he, she and they after a hand-over', () => {
  it('"passes it to the clerk. She checks …" means the clerk', () => {
    const m = model('The assistant passes the file to the clerk. She checks the figures and signs the form.');
    expect(laneOf(m, 'Check figures')).toBe('Clerk');
    expect(laneOf(m, 'Sign form')).toBe('Clerk');
  });

  it('"they" after sending to a group means the group', () => {
    const m = model('The supplier sends the quote to the buyers. They compare it with the budget.');
    expect(laneOf(m, 'Compare quote with budget')).toBe('Buyers');
  });

  it('"he"/"she" is never a department: the sender keeps the step', () => {
    const m = model('The clerk sends the invoice to HR. She then files a copy.');
    expect(laneOf(m, 'File copy')).toBe('Clerk');
  });

  it('without a hand-over the pronoun keeps the current actor', () => {
    const m = model('The clerk checks the invoice. She then files a copy.');
    expect(laneOf(m, 'File copy')).toBe('Clerk');
  });
});

describe('passive agents', () => {
  it('a counted agent ("by two officers") acts; a date after "by" does not', () => {
    expect(laneOf(model('The application is reviewed by two officers.'), 'Review application')).toBe('Officers');
    expect(lanes(model('The clerk registers the form. Applications are submitted through the portal by 15 March.'))).toEqual(['Clerk']);
  });
});

describe('first-person owner statements', () => {
  it('"I run the bakery" names the speaker\'s lane and is no step', () => {
    const m = model('I run the bakery. Every morning I bake the bread. My assistant sells it in the shop.');
    expect(tasks(m)).toEqual(['Bake bread', 'Sell bread']);
    expect(laneOf(m, 'Bake bread')).toBe('Bakery');
  });

  it('"we run a small repair shop": size words are not part of the name', () => {
    const m = model('We run a small repair shop. We inspect the bike and call the customer.');
    expect(lanes(m)).toEqual(['Repair shop']);
    expect(lanes(model('We run a small IT service desk. We log the ticket.'))).toEqual(['IT service desk']);
  });
});

describe('arrivals and triggers', () => {
  it('"when it arrives" after a step is a message catch event for the thing last named', () => {
    const m = model('The customer orders a parcel. When it arrives, the customer unpacks the parcel.');
    expect(tasks(m)).toEqual(['Order parcel', 'Unpack parcel']);
    expect(events(m)).toEqual(['Parcel arrived/message']);
  });

  it('"once the payment is received" waits for a message; at the top it is the message start', () => {
    const m = model('When an order is received, the clerk checks it. The clerk ships the goods. Once the payment is received, the clerk closes the order.');
    expect(start(m)).toMatchObject({ label: 'Order received', eventType: 'message' });
    expect(tasks(m)).toEqual(['Check order', 'Ship goods', 'Close order']);
    expect(events(m)).toEqual(['Payment received/message']);
  });

  it('the event waits in the lane of whoever acts on it, and "once the fee is paid" is an event too', () => {
    const m = model('The landlord sends the contract to the tenant. The tenant signs it. Once the deposit is received, the landlord hands over the keys.');
    const event = m.nodes.find((n) => n.label === 'Deposit received')!;
    expect(m.actors.find((a) => a.id === event.actor)?.name).toBe('Landlord');
    expect(events(model('The clerk checks the application. Once the fee is paid, the clerk issues the permit.'))).toEqual(['Fee paid/message']);
  });

  it('"when the patient arrives" is a plain start, not a message', () => {
    const m = model('When the patient arrives, the nurse measures the blood pressure.');
    expect(start(m).label).toBe('Patient arrived');
    expect(start(m).eventType).toBeUndefined();
  });

  it('"is received by the registry", "the lab receives a sample" name who receives: a step of theirs', () => {
    expect(tasks(model('When the lab receives a sample, the technician labels it.'))).toContain('Receive sample');
    const m = model('The clerk sends the mail. When the mail is received by the registry, the registry sorts it.');
    expect(events(m)).not.toContain('Mail received/message');
  });

  it('"the process starts when X does Y" is the start event, not X\'s task', () => {
    const m = model('The process starts when the customer places an order. The clerk checks the order.');
    expect(start(m).label).toBe('Order placed');
    expect(tasks(m)).toEqual(['Check order']);
    expect(lanes(m)).toEqual(['Clerk']);
  });

  it('the issue\'s onboarding prompt: start event, HR and IT in parallel, no "Join", a conditional permit step', () => {
    const m = model('When a new employee joins, HR prepares the contract and IT sets up a laptop at the same time. Then the manager schedules an introduction meeting. If the employee needs a visa, HR applies for a work permit.');
    expect(start(m).label).toBe('New employee joined');
    expect(tasks(m)).toEqual(['Prepare contract', 'Set up laptop', 'Schedule introduction meeting', 'Apply for work permit']);
    expect(laneOf(m, 'Prepare contract')).toBe('HR');
    expect(laneOf(m, 'Set up laptop')).toBe('IT');
    expect(m.nodes.filter((n) => n.kind === 'parallel')).toHaveLength(2);
    const choice = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(m.flows.filter((f) => f.from === choice.id).map((f) => f.label)).toEqual(['employee needs visa', 'otherwise']);
  });
});

describe('"it" never points at a measure, an amount or a date', () => {
  it('skips the amount and the date to the thing named before them', () => {
    expect(tasks(model('The clerk registers the claim and notes the amount. The manager approves it.'))).toContain('Approve claim');
    expect(tasks(model('The clerk registers the claim and notes the date of the accident. The manager approves it.'))).toContain('Approve claim');
  });
});
