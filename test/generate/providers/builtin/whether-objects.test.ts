// "checks whether the customer has a valid contract": of a person, what they have is what is checked (not the thing
// in hand, "Check complaint"); "decides whether the batch is reworked": deciding is on the thing ("Decide on batch").
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('what a "whether" question puts under check', () => {
  it.each([
    ['The agent logs the complaint. The agent checks whether the customer has a valid contract.', 'Check valid contract'],
    ['The nurse admits the patient. The nurse checks whether the patient has a referral letter.', 'Check referral letter'],
    ['The clerk opens the file. The clerk verifies whether the applicant has a work permit.', 'Verify work permit'],
  ])('%s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });

  it.each([
    ['The inspector blocks the batch. The production manager decides whether the batch is reworked or scrapped.', 'Decide on batch'],
    ['The board reads the proposal. The board decides whether the proposal goes ahead.', 'Decide on proposal'],
    ['The registrar reviews the appeal. The dean decides whether the appeal is upheld.', 'Decide on appeal'],
  ])('%s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });
});
