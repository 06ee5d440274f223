// genr38: the object after news of the work, steps told with a time or an unusual verb, intro and closing summary
// sentences, and work told as running alongside other work.
import { describe, expect, it } from 'vitest';
import { downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('a message got is not what "it" means', () => {
  it('HR: the manager approves the leave request, not the notification', () => {
    const m = read('The employee submits a leave request in the portal. The manager gets a notification and approves it. HR then updates the leave balance.');
    expect(tasks(m)).toContain('Approve leave request');
    expect(tasks(m)).not.toContain('Approve notification');
  });
  it('public administration: a reminder brings news of the application', () => {
    const m = read('The applicant submits the visa application. The officer receives a reminder and checks it. The officer approves it.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Check visa application', 'Approve visa application']));
  });
  it('health: a call about a booked scan is confirmed as the scan', () => {
    expect(tasks(read('The patient books a scan. The radiographer gets a call and confirms it. The radiographer performs the scan.'))).toContain('Confirm scan');
  });
  it('public administration: what is applied for is what the reminder is about', () => {
    expect(tasks(read('The citizen applies for a parking permit. The clerk gets a reminder from the system and processes it. The clerk prints the permit.'))).toContain('Process parking permit');
  });
  it('health: a message about the appointment makes the appointment what "it" means', () => {
    expect(tasks(read('The patient gets a text message about the appointment and confirms it.'))).toContain('Confirm appointment');
  });
  it('IT ops: an alert popping up is no step and no work item', () => {
    expect(tasks(read('The analyst receives the report. An alert pops up and the analyst reviews it.'))).toEqual(['Receive report', 'Review report']);
  });
  it('a call answered is the call itself', () => {
    expect(tasks(read('The customer reports a fault. The operator receives a call and answers it. The operator logs the fault.'))).toContain('Answer call');
  });
  it('a message written and sent is still the message', () => {
    expect(tasks(read('The clerk checks the invoice. She writes an email and sends it to the supplier.'))).toContain('Send email');
  });
});

describe('objects of their own', () => {
  it('manufacturing: "them" after "where parts are worn" are the worn parts', () => {
    expect(tasks(read('The technician inspects the machine. She marks where parts are worn and replaces them. Then she tests the machine.'))).toEqual(
      expect.arrayContaining(['Mark worn parts', 'Replace worn parts']),
    );
  });
  it('finance: entries found missing are what is corrected', () => {
    expect(tasks(read('The auditor reviews the ledger. He notes where entries are missing and corrects them.'))).toContain('Correct missing entries');
  });
  it('procurement: "accept, reject or make a counter-offer" keeps the counter-offer on its own verb', () => {
    const m = read('The supplier sends an offer. Our buyer reviews it. The buyer may accept, reject or make a counter-offer.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Accept offer', 'Reject offer', 'Make counter-offer']));
    expect(m.flows.map((f) => f.label)).toContain('make counter-offer');
  });
  it('health: "it" after a high value is what was measured, not the value', () => {
    const m = read('The nurse measures the blood pressure. The doctor gets an alert when the value is high and reviews it. The doctor adjusts the dose.');
    expect(tasks(m)).toContain('Review blood pressure');
  });
});

describe('steps that were dropped', () => {
  it('health: the specialist seeing the patient is a step', () => {
    const m = read('The receptionist books an appointment. On Tuesday the specialist sees the patient. Later that week the specialist writes a report.');
    expect(tasks(m)).toEqual(['Book appointment', 'See patient', 'Write report']);
  });
  it('a step after a time clause and "and" goes on with the first subject', () => {
    const m = read('The engineer gets a page when the disk is full and cleans up the logs. The engineer closes the incident.');
    expect(laneOf(m, 'Clean up logs')).toBe('Engineer');
  });
  it('education: "On Thursday the pupils hand it in" is the pupils\' step', () => {
    const m = read('The teacher sets the homework. On Thursday the pupils hand it in. The teacher marks it.');
    expect(tasks(m)).toEqual(['Set homework', 'Hand in homework', 'Mark homework']);
    expect(laneOf(m, 'Hand in homework')).toBe('Pupils');
  });
  it('health: "At 9 am" is the hour, and the step after it is drawn', () => {
    expect(tasks(read('The clerk sorts the mail. At 9 am sharp the nurse hands over the shift. The doctor reads the chart.'))).toEqual(['Sort mail', 'Hand over shift', 'Read chart']);
  });
  it('retail: "the till" is a thing counted, not "until"', () => {
    expect(tasks(read('The cashier serves the customers. At midnight the manager counts the till and locks the safe.'))).toEqual(['Serve customers', 'Count till', 'Lock safe']);
  });
  it('seeing that something holds is no step', () => {
    expect(tasks(read('The nurse sees that the bed is free. The nurse admits the patient.'))).toEqual(['Admit patient']);
  });
});

describe('intro and closing sentences', () => {
  it('retail: "Here\'s how returns work at our shop." is no step', () => {
    expect(tasks(read("Here's how returns work at our shop. The customer brings the item back. The clerk refunds the money."))).toEqual(['Bring back item', 'Refund money']);
  });
  it('education: "Our school admits new pupils like this." is no step', () => {
    expect(tasks(read('Our school admits new pupils like this. The parents fill in the form. The secretary registers the pupil.'))).toEqual(['Fill in form', 'Register pupil']);
  });
  it('"We process refunds in three steps." announces the steps', () => {
    expect(tasks(read('We process refunds in three steps. The clerk checks the receipt. The cashier pays the money back.'))).toEqual(['Check receipt', 'Pay back money']);
  });
  it('HR: "Leave requests at our office." names the diagram', () => {
    const m = read('Leave requests at our office. The employee submits a leave request. The manager approves it.');
    expect(m.name).toBe('Leave requests');
    expect(tasks(m)).toEqual(['Submit leave request', 'Approve leave request']);
  });
  it('an imperative with a place stays a step', () => {
    expect(tasks(read('Check stock at the warehouse. The clerk ships the goods.'))).toContain('Check stock');
  });
  it.each([
    'In short, the claim is assessed and paid.',
    'That is basically it: the claim is submitted, checked and paid.',
    'To sum up, the employee submits and finance pays.',
    'So, in summary, claims are submitted and then paid.',
  ])('finance: a closing summary makes no steps — %s', (summary) => {
    expect(tasks(read(`The employee submits the claim. Finance checks the claim. Finance pays it. ${summary}`))).toEqual(['Submit claim', 'Check claim', 'Pay claim']);
  });
});

describe('work alongside other work', () => {
  it('software: "in parallel with the testers writing test cases" forks', () => {
    const m = read('The developers fix the bugs in parallel with the testers writing test cases. The release manager deploys the build.');
    const fork = m.nodes.find((n) => n.kind === 'parallel')!;
    expect(downstream(m, fork)).toEqual(expect.arrayContaining(['Fix bugs', 'Write test cases']));
    expect(laneOf(m, 'Write test cases')).toBe('Testers');
    expect(downstream(m, node(m, 'Fix bugs'))).not.toContain('Write test cases');
  });
  it('IT ops: a gerund the tagger reads as a noun after the party still runs alongside', () => {
    const m = read('The engineer cleans up the old logs in parallel with the DBA checking the database. Afterwards the engineer closes the incident.');
    expect(laneOf(m, 'Check database')).toBe('DBA');
    expect(downstream(m, node(m, 'Clean up old logs'))).not.toContain('Check database');
  });
  it('hospitality: "simultaneously with the assistant preparing the sauce" forks', () => {
    const m = read('The chef cooks the rice simultaneously with the assistant preparing the sauce. The waiter serves the meal.');
    expect(laneOf(m, 'Prepare sauce')).toBe('Assistant');
    expect(downstream(m, node(m, 'Cook rice'))).not.toContain('Prepare sauce');
  });
});
