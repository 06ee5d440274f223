// Text that frames the process (trigger/end lines, headings, step references) and object readings that lost or
// misnamed a step. Each sentence here failed before the rule it tests.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { read, tasks, node, next } from './model-reading.ts';

const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);

describe('framing lines', () => {
  it('a "Trigger:" line names the start event and an "End:" line the end event, neither a task nor a pool', () => {
    for (const [text, start, end] of [
      ['Trigger: customer complaint received by email.\nThe agent logs the complaint. The agent answers the customer.\nEnd: complaint answered.', 'Customer complaint received by email', 'Complaint answered'],
      ['Start: new order placed. The clerk packs the order and ships it. Outcome: order shipped.', 'New order placed', 'Order shipped'],
    ] as const) {
      const model = read(text);
      expect(model.name).not.toMatch(/trigger|start/i);
      expect(model.nodes[0]).toMatchObject({ kind: 'start', label: start });
      expect(model.nodes.filter((n) => n.kind === 'end').map((n) => n.label)).toEqual([end]);
      expect(tasks(model).join(' ')).not.toMatch(/end|trigger|start|outcome/i);
    }
    expect(read('Trigger: supplier invoice received.\nThe clerk books the invoice.').nodes[0]).toMatchObject({ eventType: 'message' });
  });

  it('"Done when …" and "The process is complete once …" name the end, not a step', () => {
    for (const text of [
      'The tenant signs the lease. The agent hands over the keys. Done when the tenant has the keys.',
      'The tenant signs the lease. The agent hands over the keys. The process is complete once the tenant has the keys.',
    ]) {
      const model = read(text);
      expect(tasks(model)).toEqual(['Sign lease', 'Hand over keys']);
      expect(model.nodes.find((n) => n.kind === 'end')!.label).toBe('Tenant has keys');
    }
  });

  it('a "Lanes:" line lists who acts; a "Kind: subject" heading over a blank line names the diagram after its colon', () => {
    const model = read('Lanes: Clerk, Supervisor.\nThe clerk checks the claim. The supervisor approves the claim.');
    expect(model.name).not.toBe('Lanes');
    expect(tasks(model)).toEqual(['Check claim', 'Approve claim']);
    const runbook = read('Runbook: disk full on the mail server\n\nMonitoring raises an alert when disk usage stays high and pages the admin. The admin cleans up the logs.');
    expect(runbook.name).toBe('Disk full on the mail server');
    expect(lanes(runbook)).toEqual(['Monitoring', 'Admin']);
    expect(tasks(runbook)).toEqual(['Raise alert', 'Page admin', 'Clean up logs']);
  });

  it('"then continue at step 3" / "go back to step 2" is a flow back to that item, not a task', () => {
    for (const [text, target] of [
      ['1. The nurse takes a sample.\n2. The lab tests the sample.\n3. If the result is unclear, the nurse takes a new sample; then go back to step 2.\n4. The doctor reads the result.', 'Test sample'],
      ['1. The cook prepares the dough.\n2. The cook bakes the bread.\n3. The taster tastes the bread. If it is burnt, the cook cleans the oven and then returns to step 1.\n4. The seller sells the bread.', 'Prepare dough'],
    ] as const) {
      const model = read(text);
      expect(tasks(model).join(' ')).not.toMatch(/step|go back|return/i);
      const loopFrom = model.flows.filter((f) => f.to === node(model, target).id).map((f) => model.nodes.find((n) => n.id === f.from)!.kind);
      expect(loopFrom).toHaveLength(2);
    }
  });
});

describe('steps and objects', () => {
  it('a passive step with a purpose keeps its step ("is examined by X in order to …")', () => {
    const model = read('The clerk receives the form. The form is then reviewed by the compliance team in order to check whether any rule applies. The compliance team signs the form.');
    expect(tasks(model)).toEqual(['Receive form', 'Review form', 'Sign form']);
    expect(lanes(model)).toContain('Compliance team');
    expect(tasks(read('The auditor samples the invoices so as to estimate the error rate. The auditor writes a report.'))).toEqual(['Sample invoices', 'Write report']);
  });

  it('two objects after "and" are named in one step', () => {
    expect(tasks(read('Facilities prepares a desk and an access badge. The clerk prints the invoice and a delivery note.'))).toEqual([
      'Prepare desk and access badge',
      'Print invoice and delivery note',
    ]);
  });

  it('a ditransitive verb takes the thing given, not the receiver', () => {
    expect(tasks(read('The manager gives the intern a short briefing. On day one the mentor gives the new hire the office tour.'))).toEqual([
      'Give short briefing',
      'Give office tour',
    ]);
  });

  it('"for A and B" stays one object; "on hold" and "apply online for" keep their words', () => {
    expect(tasks(read('The QC technician tests the samples for seal strength and fill weight. The clerk files the report.'))).toEqual([
      'Test samples for seal strength',
      'File report',
    ]);
    expect(tasks(read('The clerk puts the order on hold. The tenant applies online for a parking space and uploads a photo.'))).toEqual([
      'Put order on hold',
      'Apply for parking space',
      'Upload photo',
    ]);
  });

  it('"it" after "asks X for a new Y" means the work item, not the one asked', () => {
    const model = read('The nurse sends the sample to the lab. The technician checks the sample. If the label is missing, the technician asks the ward for a new sample. Otherwise the technician loads it into the analyser.');
    expect(tasks(model)).toContain('Load sample into analyser');
  });

  it('"you forward it to your manager, who approves it" keeps the forwarding step', () => {
    const model = read('You fill in the claim form. When it is complete you forward it to your line manager, who approves or rejects it. Payroll pays the claim.');
    expect(tasks(model)[1]).toMatch(/^Forward /);
    expect(next(model, node(model, tasks(model)[1]!).id).length).toBeGreaterThan(0);
  });
});

describe('the narrator and words around the steps', () => {
  it('the narrator\'s lane is the business they describe, without size words or "owner of"', () => {
    for (const [text, lane] of [
      ["I'm the owner of a flower shop. A customer orders a bouquet. I tie the bouquet. The courier delivers it.", 'Flower shop'],
      ['We are a small catering company. A client sends us a request. We prepare a quote. The client signs the quote.', 'Catering company'],
      ['At our bakery, we take orders by phone. We bake the cakes. The driver delivers the cakes.', 'Bakery'],
    ] as const) {
      const model = read(text);
      expect(lanes(model)).toContain(lane);
    }
  });

  it('the author\'s aim, a closing offer to help and "After confirming," make no step', () => {
    const model = read("Hi Sam,\n\nI run a bike shop and I want to get our repair jobs on paper. The customer brings in the bike. I check the bike and fix it.\n\nLet me know if anything is unclear!\nThanks,\nJo");
    expect(tasks(model)).toEqual(['Bring in bike', 'Check bike', 'Fix bike']);
    expect(lanes(model)).toContain('Bike shop');
    expect(tasks(read('The buyer sends the order to the vendor. After confirming, the vendor ships the goods. Before leaving, the driver signs the note.'))).toEqual([
      'Send order',
      'Ship goods',
      'Sign note',
    ]);
  });

  it('"gives them a price" names the price', () => {
    expect(tasks(read('The customer calls the shop. The clerk gives them a price and books the job.'))).toContain('Give price');
  });
});

describe('completions', () => {
  it('"When all three streams are finished" / "Once all tasks are done" is the join, not a step', () => {
    const model = read('The venue coordinator books the venue. Meanwhile the marketing team designs the website. When all three streams are finished, the event lead runs a walkthrough. Once all tasks are done, the lead hosts the event.');
    expect(tasks(model)).toEqual(['Book venue', 'Design website', 'Run walkthrough', 'Host event']);
  });
});

describe('what a step asks for', () => {
  it('"asks the resident to upload them" names what is asked, the pronoun read as the thing before', () => {
    expect(tasks(read('The clerk reminds the customer to sign the form. The nurse asks the patient to wait.'))).toEqual(['Remind customer to sign form', 'Ask patient to wait']);
    const model = read('The tenant sends the documents. If documents are missing, the office asks the tenant to upload them.');
    expect(tasks(model)).toContain('Ask tenant to upload documents');
  });

  it('"comes in, pays the rest" borrows no object; "a 50% deposit" keeps its amount', () => {
    expect(tasks(read('The customer comes in, pays the rest, and takes the cake home. Then the baker asks for a 50% deposit.'))).toEqual([
      'Pay rest',
      'Take cake home',
      'Ask for 50% deposit',
    ]);
  });
});
