import { describe, expect, it } from 'vitest';
import { read, node, next } from './model-reading.ts';

/** The node after a step, which must be the choice its condition opened, with the labels of its ways out. */
function choiceAfter(prompt: string, step: string) {
  const m = read(prompt);
  const [gateway] = next(m, node(m, step).id);
  expect(gateway?.kind).toBe('exclusive');
  return { ways: next(m, gateway!.id).map((n) => n.label) };
}

describe('a condition after "and" comes after the step before it', () => {
  it.each([
    ['checks the stock and if the items are available, he ships', 'The clerk receives the order. Then the clerk checks the stock and if the items are available, he ships the order. If they are not available, the clerk informs the customer.', 'Check stock', ['Ship order', 'Inform customer']],
    ['checks the stock, and if …', 'The clerk receives the order. The clerk checks the stock, and if the items are available, he ships the order. If they are not available, the clerk informs the customer.', 'Check stock', ['Ship order', 'Inform customer']],
    ['reviews the claim and, if it is complete, approves it', 'The agent receives the claim. The agent reviews the claim and, if it is complete, approves it. Otherwise the agent returns the claim to the customer.', 'Review claim', ['Approve claim', 'Return claim']],
    ['gives the customer a price and if the customer is happy with it, …', 'The agent takes the call. The agent gives the customer a price and if the customer is happy with it, the agent asks for a deposit. If not, the agent closes the file.', 'Give price', ['Ask for deposit', 'Close file']],
  ])('reads "%s" as the step, then the choice', (_wording, prompt, step, expected) => {
    expect(choiceAfter(prompt, step).ways).toEqual(expected);
  });

  it('still reads a condition after its consequence first ("The loan is granted if the risk is low")', () => {
    const m = read('The bank receives the application. The bank grants the loan if the risk is low. Otherwise the bank rejects the application.');
    const [gateway] = next(m, node(m, 'Receive application').id);
    expect(gateway?.kind).toBe('exclusive');
  });

  it('gives an object after "and, if …," the verb before it ("checks the invoice and, if the amount is high, the contract")', () => {
    const { ways } = choiceAfter('The clerk receives the invoice. The clerk checks the invoice and, if the amount is high, the contract. The clerk pays the invoice.', 'Check invoice');
    expect(ways[0]).toBe('Check contract');
  });
});
