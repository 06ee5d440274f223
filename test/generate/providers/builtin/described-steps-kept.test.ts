import { describe, expect, it } from 'vitest';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

describe('someone closing a case is a step; the process ending is another thing', () => {
  it('IT ops: "The agent closes the case." draws "Close case" in the agent\'s lane', () => {
    const m = read('The customer calls the help desk. The agent logs the call and checks the warranty. The agent closes the case.');
    expect(tasks(m)).toEqual(['Call help desk', 'Log call', 'Check warranty', 'Close case']);
    expect(laneOf(m, 'Close case')).toBe('Agent');
  });

  it('insurance: a branch closed by the clerk still ends after the step', () => {
    const m = read('If the customer does not reply within a week, the clerk closes the case. Otherwise the clerk pays the claim. The clerk archives the claim.');
    const closing = next(m, node(m, 'Close case').id);
    expect(closing.map((n) => n.kind)).toEqual(['end']);
  });

  it('public administration: "the case is closed by the registrar" is the registrar\'s step', () => {
    const m = read('The registrar checks the application. The case is closed by the registrar.');
    expect(tasks(m)).toContain('Close case');
  });

  it('"the process ends" still makes no step', () => {
    const m = read('The clerk files the form. Then the process ends.');
    expect(tasks(m)).toEqual(['File form']);
  });
});

describe('serving is a step when a person serves', () => {
  it('hospitality: "We then serve the meal"', () => {
    const m = read('The waiter takes the order. We then serve the meal.');
    expect(tasks(m)).toEqual(['Take order', 'Serve meal']);
  });

  it('retail: "The customer is served by the sales assistant"', () => {
    const m = read('The customer enters the shop. The customer is served by the sales assistant. The customer pays at the till.');
    expect(laneOf(m, 'Serve customer')).toBe('Sales assistant');
  });

  it('"the form serves as a record" stays a relation', () => {
    const m = read('The clerk fills in the form. The form serves as a record.');
    expect(tasks(m)).toEqual(['Fill in form']);
  });
});

describe('verbs the tagger read as nouns', () => {
  it('construction: "The inspector records where the barriers are damaged"', () => {
    const m = read('The inspector walks the site. The inspector records where the barriers are damaged. The inspector sends the report to the council.');
    expect(tasks(m)).toHaveLength(3);
    expect(laneOf(m, tasks(m)[1]!)).toBe('Inspector');
    expect(tasks(m)[1]).toMatch(/^Record /);
  });

  it('health notes: "Nurse measures blood pressure and records it"', () => {
    const m = read('- Nurse measures blood pressure and records it\n- Doctor examines patient');
    expect(tasks(m)).toEqual(['Measure blood pressure', 'Record blood pressure', 'Examine patient']);
  });

  it('logistics: "Warehouse staff pick, pack and label the parcel"', () => {
    const m = read('Warehouse staff pick, pack and label the parcel. The carrier then collects it.');
    expect(tasks(m)).toEqual(['Pick parcel', 'Pack parcel', 'Label parcel', 'Collect parcel']);
    expect(laneOf(m, 'Pick parcel')).toBe('Warehouse staff');
  });

  it('finance: "The clerks check, sign and file the form" — plain verbs in a list share subject and object', () => {
    const m = read('The clerks check, sign and file the form. The manager approves it.');
    expect(tasks(m)).toEqual(['Check form', 'Sign form', 'File form', 'Approve form']);
    expect(laneOf(m, 'Sign form')).toBe('Clerks');
  });

  it('a list of nouns stays the object: "The clerk checks the records where damage was noted"', () => {
    const m = read('The clerk checks the records where damage was noted. The clerk enters name, address and phone number.');
    expect(tasks(m)).toHaveLength(2);
  });
});

describe('a line of imperatives between commas reads as English notes', () => {
  it('purchasing: "receive request, check budget, approve, order goods"', () => {
    const m = read('Notes: receive request, check budget, approve, order goods.');
    expect(tasks(m).map((t) => t.split(' ')[0])).toEqual(['Receive', 'Check', 'Approve', 'Order']);
  });

  it('IT ops: "log ticket, assign engineer, fix fault, close ticket"', () => {
    const m = read('log ticket, assign engineer, fix fault, close ticket.');
    expect(tasks(m)).toEqual(['Log ticket', 'Assign engineer', 'Fix fault', 'Close ticket']);
  });

  it('text in another language is still refused', () => {
    expect(() => read('Der Kunde bestellt die Ware, wir prüfen, liefern, rechnen ab.')).toThrow();
  });
});
