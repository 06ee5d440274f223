// Steps one sentence holds that were lost or mislabelled: a participle before a noun read as the verb ("archives
// rejected claims" → "Reject claims"), a bare verb after "has X" read as a noun (the steps after it lost), and the
// people a "whose" clause narrows (their step dropped).
import { describe, expect, it } from 'vitest';
import { branches, laneOf, read, tasks } from './model-reading.ts';

describe('a past participle before a noun describes it (participle-objects.ts)', () => {
  it.each([
    ['The clerk archives rejected claims.', 'Archive rejected claims'], // insurance
    ['The accounts clerk files approved invoices.', 'File approved invoices'], // finance
    ['The warehouse ships packed orders.', 'Ship packed orders'], // logistics
    ['The shop assistant returns damaged goods to the supplier.', 'Return damaged goods'], // retail
    ['The nurse checks completed forms.', 'Check completed forms'], // health
    ['The clerks archive rejected claims.', 'Archive rejected claims'], // plural subject, plain verb
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('a second verb after "and" reads the same way (education)', () => {
    expect(tasks(read('The teacher grades submitted essays and returns marked papers.'))).toEqual(['Grade submitted essays', 'Return marked papers']);
  });

  it('after a leading condition the subject opens the clause (logistics)', () => {
    expect(tasks(read('If the order is complete, the warehouse ships packed orders.'))).toContain('Ship packed orders');
  });

  it('a past tense with no noun after it stays the verb: "The support tickets escalated by the agent are reviewed"', () => {
    expect(tasks(read('The support tickets escalated by the agent are reviewed by the team lead.'))).not.toContain('Support tickets');
    expect(tasks(read('The team rejected claims.'))).toEqual(['Reject claims']);
  });
});

describe('the bare verb after "has X" is a verb, and the steps after it stay (causatives.ts)', () => {
  it('real estate: "has them sign the lease and hands over the keys" keeps all three steps, in order', () => {
    const m = read("The agent checks the tenant's ID, has them sign the lease and hands over the keys.");
    expect(tasks(m)).toEqual(['Check tenant ID', 'Sign lease', 'Hand over keys']);
    expect(laneOf(m, 'Sign lease')).toBe('Tenant');
    expect(laneOf(m, 'Hand over keys')).toBe('Agent');
  });

  it('health: "has the patient sign the consent form and prepares the room"', () => {
    const m = read('The nurse has the patient sign the consent form and prepares the room.');
    expect(tasks(m)).toEqual(['Sign consent form', 'Prepare room']);
    expect(laneOf(m, 'Prepare room')).toBe('Nurse');
  });

  it('health: "has him fill in a form" after greeting the patient', () => {
    const m = read('The receptionist greets the patient, has him fill in a form and calls the nurse.');
    expect(tasks(m)).toEqual(['Greet patient', 'Fill in form', 'Call nurse']);
    expect(laneOf(m, 'Fill in form')).toBe('Patient');
    expect(laneOf(m, 'Call nurse')).toBe('Receptionist');
  });
});

describe('coordinated verb phrases each make a step; one verb\'s list stays one step', () => {
  it.each([
    ['The nurse records the vital signs and informs the doctor.', ['Record vital signs', 'Inform doctor']],
    ['The registrar checks the documents, enrols the student and issues a student card.', ['Check documents', 'Enrol student', 'Issue student card']],
    ['The cashier scans the items, takes the payment and prints a receipt.', ['Scan items', 'Take payment', 'Print receipt']],
  ])('%s', (text, labels) => {
    expect(tasks(read(text))).toEqual(labels);
  });

  it('an enumeration of one verb\'s objects is one task', () => {
    expect(tasks(read('The applicant enters name, address and phone number.'))).toHaveLength(1);
    expect(tasks(read('The clerk checks the invoice, the delivery note and the order.'))).toHaveLength(1);
  });
});

describe('people narrowed by "whose" are a condition, their step its way (relative-condition.ts)', () => {
  it('education: the school sends the letter when the child is not admitted', () => {
    const m = read('The school reviews the applications. Parents whose child is not admitted receive a letter explaining the decision.');
    expect(branches(m)).toContain('child not admitted');
    expect(tasks(m)).toContain('Send letter');
    expect(laneOf(m, 'Send letter')).toBe('School');
  });

  it('retail: a state after the verb stays in the condition', () => {
    const m = read('The warehouse checks the returns. Customers whose parcel arrives damaged get a refund.');
    expect(branches(m)).toContain('parcel arrives damaged');
    expect(tasks(m)).toContain('Issue refund');
  });

  it('real estate: "Applicants whose income is too low are rejected"', () => {
    const m = read('The landlord reviews the applications. Applicants whose income is too low are rejected.');
    expect(branches(m)).toContain('income too low');
  });

  it('"whose" after a named party, with no main verb after it, is no condition', () => {
    const m = read('The clerk calls the customer whose order is late.');
    expect(branches(m)).toEqual([]);
  });
});
