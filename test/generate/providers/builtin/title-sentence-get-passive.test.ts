// A short noun-phrase sentence opening the text names the process ("Leave requests. The employee …"); "get" before
// a participle is the passive's "be" ("parts get ordered" → Order parts, not "Get parts").
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a noun-phrase first sentence on the text line is its title', () => {
  it.each([
    ['Leave requests. The employee enters the dates in the portal. The manager approves the request.', 'Leave requests', 'Enter dates'],
    ['Grant applications. The researcher drafts the proposal. The dean signs the proposal.', 'Grant applications', 'Draft proposal'],
    ['Tenant repair request. The tenant reports the leak. The property manager sends a plumber.', 'Tenant repair request', 'Report leak'],
    ['Course enrolment. Students choose their courses. The registrar confirms the enrolment.', 'Course enrolment', 'Choose courses'],
  ])('%s', (text, title, first) => {
    const model = read(text);
    expect(model.name).toBe(title);
    expect(tasks(model)[0]).toBe(first);
    expect(tasks(model)).not.toContain(title);
  });

  it.each([
    ['Clerk checks order. Manager approves it.', 'Check order'],
    ['Invoice arrives. The clerk books it.', 'Book invoice'],
    ['Check the stock. Then ship the order.', 'Check stock'],
  ])('keeps a first sentence that is a step: %s', (text, task) => {
    expect(tasks(read(text))).toContain(task);
  });
});

describe('"get" before a participle is a passive', () => {
  it.each([
    ['The plumber fixes the leak. Parts that are not in stock get ordered.', 'Order parts'],
    ['The finance clerk books the payment. The employee gets reimbursed by payroll.', 'Reimburse employee'],
    ['The nurse takes the sample. The sample then gets labelled by the lab.', 'Label sample'],
    ['The agent reviews the claim. Fraudulent claims get rejected.', 'Reject claims'], // (a found state is the decision's way: state-kinds)
  ])('%s', (text, task) => {
    const labels = tasks(read(text));
    expect(labels).toContain(task);
    expect(labels.some((l) => /^Get\b/.test(l ?? ''))).toBe(false);
  });

  it('keeps "get" with a thing as receiving it', () => {
    expect(tasks(read('The manager gets a notification. The manager checks the calendar.'))).toContain('Get notification');
  });
});
