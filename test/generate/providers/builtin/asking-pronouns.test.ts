// "asks them to upload it": the one asked is a person pronoun the planner names, and what they are asked to do stays
// in the label ("Ask member" alone before); a plural pronoun never means a single thing in hand.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('asking someone named by a pronoun to do something', () => {
  it.each([
    ['The applicant sends the form. The clerk checks the form and asks them to sign it.', 'Ask applicant to sign form'],
    ['The patient hands over the referral. The nurse reads the referral and asks her to confirm it.', 'Ask patient to confirm referral'],
    ['The tenant reports the leak. The manager reviews the report and asks him to send photos.', 'Ask tenant to send photos'],
  ])('%s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });

  it('drops a plural pronoun that cannot mean the single thing in hand', () => {
    const labels = tasks(read('A member brings the book. The librarian scans the card. If the member has overdue books, the librarian asks them to return those first.'));
    expect(labels).toContain('Ask member to return');
    expect(labels).not.toContain('Ask member to return card');
  });
});
