import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

const modelOf = (prompt: string): ProcessModel => traceProcess({ prompt }, []).model;
const tasks = (prompt: string): string[] => modelOf(prompt).nodes.filter((n) => n.kind === 'task').map((n) => n.label);
/** "Label @ Lane" for every task. */
const placed = (prompt: string): string[] => {
  const m = modelOf(prompt);
  const lane = new Map(m.actors.map((a) => [a.id, a.name]));
  return m.nodes.filter((n) => n.kind === 'task').map((n) => `${n.label} @ ${n.actor ? lane.get(n.actor) : '-'}`);
};

describe('abbreviations do not end sentences', () => {
  it('a unit abbreviation before the verb keeps the subject with its verb', () => {
    expect(placed('When an invoice arrives, the clerk in the Finance Dept. checks it. Then the treasurer pays the invoice.')).toEqual([
      'Check invoice @ Clerk',
      'Pay invoice @ Treasurer',
    ]);
  });

  it('titles, numbers and "etc." mid-sentence keep the sentence whole', () => {
    expect(placed('The receptionist books an appointment, etc. and notes the reason. The doctor examines the patient in room No. 5 and writes a prescription.')).toEqual([
      'Book appointment @ Receptionist',
      'Note reason @ Receptionist',
      'Examine patient @ Doctor',
      'Write prescription @ Doctor',
    ]);
    expect(modelOf('Mr. Smith requests a quote. The account manager prepares the quote.').actors.map((a) => a.name)).toEqual(['Mr Smith', 'Account manager']);
  });

  it('an example or restatement after "e.g." or "i.e." is no part of the label and no further step', () => {
    expect(tasks('The recruiter invites the candidate, e.g. by phone. The goods receipt clerk counts the parts, i.e. checks the quantity.')).toEqual([
      'Invite candidate',
      'Count parts',
    ]);
  });

  it('"Inc." before a capital still ends the sentence', () => {
    expect(tasks('The parts are ordered from Acme Inc. The clerk checks the delivery.')).toContain('Check delivery');
  });
});

describe('list markers', () => {
  it('"Step 1)" and "a)" are markers, not words', () => {
    expect(placed('Step 1) The applicant submits the form.\nStep 2) The registrar checks the documents.\nb) The registrar issues the certificate.')).toEqual([
      'Submit form @ Applicant',
      'Check documents @ Registrar',
      'Issue certificate @ Registrar',
    ]);
  });
});

describe('sentences about the text are no steps', () => {
  it('how long something takes is not a task', () => {
    for (const said of ['This usually takes two days.', 'Payment takes approx. 3 days.', 'The interview lasts about one hour.', 'This should take no more than 2 days.']) {
      expect(tasks(`The clerk checks the form. ${said} The manager signs the form.`), said).toEqual(['Check form', 'Sign form']);
    }
  });

  it('but taking time to do something still is', () => {
    expect(tasks('The clerk takes two days to check the form.')).not.toEqual([]);
  });

  it('announcements of the steps and of what the text describes', () => {
    for (const said of ['The following steps are performed.', 'The following describes the claims process.', 'Please follow these steps for travel requests.', 'This procedure describes how suppliers are added.']) {
      expect(tasks(`${said} The buyer fills out the supplier form. The officer reviews it.`), said).toEqual(['Fill out supplier form', 'Review supplier form']);
    }
  });

  it('"… as follows:" announces the steps that follow it', () => {
    expect(placed('Our IT Dept. handles password resets as follows: the user calls the help desk. The agent resets the password.')).toEqual([
      'Call help desk @ User',
      'Reset password @ Agent',
    ]);
  });

  it("a letter's greeting and sign-off are dropped", () => {
    expect(tasks('Dear team,\nfrom now on please follow these steps. The traveller fills in the travel form. The manager approves it.\nBest regards\nAnna')).toEqual([
      'Fill in travel form',
      'Approve travel form',
    ]);
  });
});

describe('clauses without their commas', () => {
  it('steps listed with commas after one subject all take its lane', () => {
    expect(placed('The operator sets up the machine, runs the batch and records the output.')).toEqual([
      'Set up machine @ Operator',
      'Run batch @ Operator',
      'Record output @ Operator',
    ]);
    expect(placed('The clerk checks the form, signs it and files it.')).toEqual(['Check form @ Clerk', 'Sign form @ Clerk', 'File form @ Clerk']);
  });

  it('a time clause without a comma still ends before the main clause', () => {
    const m = modelOf('Once the goods arrive the clerk checks them.');
    expect(m.nodes.find((n) => n.kind === 'start')?.label).toBe('Goods arrived');
    expect(placed('Once the goods arrive the clerk checks them.')).toEqual(['Check goods @ Clerk']);
    expect(placed('When the clerk checks the form the manager signs it.')).toEqual(['Check form @ Clerk', 'Sign form @ Manager']);
  });
});

describe('emails', () => {
  it('a subject line names the diagram and the greeting and sign-off go; things on their way start it', () => {
    const m = modelOf('Subject: vendor invoices\n\nHi all,\nVendor invoices go to the AP inbox. The clerk scans them. Mismatches are reviewed by Tom.\nThanks,\nMike');
    expect(m.name).toBe('Vendor invoices');
    expect(m.nodes.find((n) => n.kind === 'start')?.label).toBe('Vendor invoices received');
    expect(m.actors.map((a) => a.name)).toEqual(['Clerk', 'Tom']);
    expect(m.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).toEqual(['Scan vendor invoices', 'Review mismatches']);
  });
});

describe('who acts', () => {
  it('a first name opening a sentence before its verb and object is a lane; a capital by position is not', () => {
    expect(placed('Invoices go to the inbox. Jane scans them. Payment takes approx. 3 days. Tom pays them.')).toEqual(['Scan invoices @ Jane', 'Pay invoices @ Tom']);
  });

  it('"the latter" after a hand-over is the receiver', () => {
    expect(placed('The sales assistant reviews the order and sends it to the dispatcher. The latter schedules the delivery.')).toEqual([
      'Review order @ Sales assistant',
      'Send order @ Sales assistant',
      'Schedule delivery @ Dispatcher',
    ]);
  });

  it('"the latter then forwards it": a hand-over verb after an adverb is still the verb', () => {
    expect(placed('The contractor sends the invoice to the property manager, who approves it. The latter then forwards it to accounting.')).toEqual([
      'Send invoice @ Contractor',
      'Approve invoice @ Property manager',
      'Forward invoice @ Property manager',
    ]);
  });

  it('a short form of a role is the same actor ("account exec" after "account executive")', () => {
    expect(modelOf('Our account executive writes the submission. The underwriter prices the risk. The account exec compares the quotes.').actors.map((a) => a.name)).toEqual([
      'Account executive',
      'Underwriter',
    ]);
  });

  it('"the latter" and "the former" are the later and the earlier of the last two who acted', () => {
    expect(placed('The analyst drafts the report and the editor proofreads it. The latter then publishes it. The former archives the notes.')).toEqual([
      'Draft report @ Analyst',
      'Proofread report @ Editor',
      'Publish report @ Editor',
      'Archive notes @ Analyst',
    ]);
  });
});

describe('start events', () => {
  it('things received before any step start the process instead of being a task', () => {
    const m = modelOf('Customer complaints are received by the service desk. The complaint is logged by the agent.');
    expect(m.nodes.find((n) => n.kind === 'start')).toMatchObject({ label: 'Customer complaints received', eventType: 'message' });
    expect(m.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).toEqual(['Log complaint']);
  });
});

describe('objects and verbs', () => {
  it('logging in takes no object, and a hyphenated verb + particle is a modifier', () => {
    expect(tasks('The system sends a temporary password. The user logs in and changes it.')).toEqual(['Send temporary password', 'Log in', 'Change temporary password']);
    expect(tasks('The receptionist books the follow-up appointment.')).toEqual(['Book follow-up appointment']);
  });

  it('a passive light verb keeps what the decision is on', () => {
    expect(placed('A decision on the refund is made by the team lead.')).toEqual(['Decide on refund @ Team lead']);
  });

  it("the label keeps the writer's -ise spelling", () => {
    expect(tasks('The complaint is analysed by the quality team. The analyst then itemises the costs.')).toEqual(['Analyse complaint', 'Itemise costs']);
  });

  it('"it" after a light-verb step still means the thing worked on', () => {
    expect(tasks('The account manager prepares the quote. She then makes a decision on the discount. Finally she sends it to the customer.')).toEqual([
      'Prepare quote',
      'Decide on discount',
      'Send quote',
    ]);
  });

  it('"fill in" is a phrasal verb, so "it" means what was filled in', () => {
    expect(tasks('The traveller fills in the travel form. The manager approves it.')).toEqual(['Fill in travel form', 'Approve travel form']);
  });

  it('someone serving something does a step; a thing serving as something does not', () => {
    expect(tasks('While the chef prepares the main course, the waiter serves the drinks.')).toEqual(['Prepare main course', 'Serve drinks']);
    expect(tasks('The clerk files the receipt. The receipt serves as proof.')).toEqual(['File receipt']);
  });
});
