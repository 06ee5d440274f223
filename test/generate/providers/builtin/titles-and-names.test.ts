// A title or heading line names the diagram and is never a task or a lane; with no title, the diagram is named for
// the thing its steps handle most, never for one word cut out of a compound.
import { describe, expect, it } from 'vitest';
import { read, tasks, lanes } from './model-reading.ts';

describe('title lines', () => {
  it('a noun-phrase first line with a full stop names the diagram', () => {
    for (const [text, title] of [
      ['Master thesis submission.\nThe student submits the thesis. The examiner grades the thesis.', 'Master thesis submission'],
      ['Onboarding of new hires.\nHR prepares the contract. IT sets up a laptop.', 'Onboarding of new hires'],
      ['Mortgage application.\nThe customer uploads the payslips. The advisor checks the documents.', 'Mortgage application'],
    ] as const) {
      const model = read(text);
      expect(model.name).toBe(title);
      const words = title.toLowerCase().split(' ');
      expect(tasks(model).some((t) => words.includes(t.split(' ')[0]!.toLowerCase()))).toBe(false);
      expect(lanes(model).map((l) => l.toLowerCase())).not.toContain(words[0]);
    }
  });

  it('a markdown heading or a "… process" line names it; later section headings make no step', () => {
    const md = read('# Returns\nThe customer sends the item back. The warehouse inspects the item.\n## Refund\nFinance refunds the customer.');
    expect(md.name).toBe('Returns');
    expect(tasks(md)).toEqual(['Send back item', 'Inspect item', 'Refund customer']);
    const titled = read('Invoice approval process\nReceive invoice.\nApprove the invoice.\nPay the supplier.');
    expect(titled.name).toBe('Invoice approval process');
    expect(tasks(titled)).toEqual(['Receive invoice', 'Approve invoice', 'Pay supplier']);
  });

  it('an imperative first line among imperative notes is a step, not a title', () => {
    expect(tasks(read('Request approval.\nCheck budget.\nOrder parts.'))[0]).toBe('Request approval');
    expect(tasks(read('receive order\ncheck stock\nship goods'))).toEqual(['Receive order', 'Check stock', 'Ship goods']);
  });
});

describe('the process name without a title', () => {
  it('is the object most steps handle, whole ("purchase order", "blood pressure"), plus "handling"', () => {
    expect(read('The clerk checks the form, stamps it and files it.').name).toBe('Form handling');
    expect(read('The buyer creates the purchase order. The manager approves the order. The buyer sends the order.').name).toBe('Purchase order handling');
    expect(read('The nurse measures the blood pressure and records it.').name).toBe('Blood pressure handling');
    expect(read('The supplier ships the goods. The clerk books the goods.').name).toBe('Goods handling');
    expect(read('The recruiter screens the CVs and files the CVs.').name).toBe('CV handling');
  });

  it('is not a person the steps inform or pay', () => {
    expect(read('The agent calls the customer. The agent checks the policy. The agent informs the customer. The agent files the policy.').name).toBe('Policy handling');
  });
});
