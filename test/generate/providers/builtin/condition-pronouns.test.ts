import { describe, expect, it } from 'vitest';
import { read } from './model-reading.ts';

const conditionLabels = (prompt: string) => read(prompt).flows.map((f) => f.label ?? '').filter((l) => l);

describe('"they" in a condition after a step that gives something to people', () => {
  it('reads "gives them a price … If they don\'t want to pay the deposit" as about the people, not the details', () => {
    const labels = conditionLabels("I take the call. I write down the details. Then I give them a price and if they're happy with it, I ask for a deposit. If they don't want to pay the deposit, I close the file.");
    expect(labels).toContain('do not want to pay deposit');
    expect(labels.join(' ')).not.toMatch(/details|price/);
  });

  it('reads "sends the customer a quote and if they accept it" without the quote or a thing as the one accepting', () => {
    const labels = conditionLabels('The agent receives the request. The agent sends the customer a quote and if they accept it, the agent books the job. If they refuse it, the agent closes the request.');
    expect(labels.join(' ')).not.toMatch(/quote accept|request accept|quote refuse|request refuse/);
    expect(labels).toContain('refuse it');
  });

  it('still reads "they" as the things checked when nothing was given to anyone', () => {
    const labels = conditionLabels('The clerk receives the order. The clerk checks the items. If they are available, the clerk ships the order. If they are not available, the clerk informs the customer.');
    expect(labels).toContain('items not available');
  });
});
