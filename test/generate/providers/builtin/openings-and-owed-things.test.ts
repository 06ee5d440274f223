// Openings that lost the first step or made a title of it, and "pay" naming what is owed. Each sentence here lost a
// step, or gave a bare label, before the rule it tests.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a lead-in run into the trigger without a colon', () => {
  it('the trigger starts the process and the clause after it is the first step, in any domain', () => {
    for (const [text, steps] of [
      ['This is what happens when a patient arrives, the nurse takes the blood pressure. The doctor examines the patient.', ['Take blood pressure', 'Examine patient']],
      ['Here is what we do when an order comes in the clerk checks the stock. Then the packer packs the order.', ['Check stock', 'Pack order']],
      ["So here's how it works once a claim is filed, an adjuster inspects the car. Then the insurer pays the garage.", ['Inspect car', 'Pay garage']],
    ] as const) {
      const m = read(text);
      expect(tasks(m)).toEqual(steps);
      expect(m.nodes.find((n) => n.kind === 'start')!.label).not.toBe('');
    }
  });

  it('"Steps for …" names the diagram, with a comma or on a line of its own', () => {
    for (const text of ['Steps for onboarding, HR prepares the contract. IT sets up a laptop.', 'Steps for onboarding\nHR prepares the contract. IT sets up a laptop.']) {
      const m = read(text);
      expect(m.name).toBe('Onboarding');
      expect(tasks(m)).toEqual(['Prepare contract', 'Set up laptop']);
    }
  });
});

describe('a first sentence of people doing something', () => {
  it('is a step, never the title: people in the plural and a verb in its base form', () => {
    expect(tasks(read('Customers log in. They choose a product. The shop ships the order.'))).toEqual(['Log in', 'Choose product', 'Ship order']);
    expect(read('Customers log in. They choose a product. The shop ships the order.').name).not.toMatch(/customers|^in /i);
    expect(read('Citizens apply online. The clerk checks the form. The clerk issues the permit.').name).not.toMatch(/citizens/i);
    expect(read('Adults pay full price. Children pay half price. The cashier prints the ticket.').name).not.toMatch(/adults/i);
  });

  it('a noun phrase whose last word looks like a verb still names the diagram', () => {
    expect(read('Expense claims. The employee submits the receipts. The manager approves the claim.').name).toBe('Expense claims');
    expect(read('Guest check-out. The guest returns the key. The receptionist prints the bill.').name).toBe('Guest check-out');
  });
});

describe('paying what is owed', () => {
  it('names the invoice, fee or fine in hand, with or without a time allowed', () => {
    expect(tasks(read('The invoice is sent. The customer has 14 days to pay. If he does not pay, a reminder is sent.'))).toContain('Pay invoice');
    expect(tasks(read('The clerk issues the fine. The driver must pay within 30 days.'))).toContain('Pay fine within 30 days');
    expect(tasks(read('The school sends the tuition invoice to the parents. The parents pay. The school confirms the place.'))).toContain('Pay tuition invoice');
  });

  it('pays nothing it was not owed: a delivered parcel is not paid', () => {
    expect(tasks(read('The courier delivers the parcel. The customer pays.'))).toEqual(['Deliver parcel', 'Pay']);
  });
});
