// Decisions and optional steps told with no "if" (genr78): a step a party "may" take is a choice with a way around
// it, not a mandatory task.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

/** The gateway right before a step; the other way skips the step and meets it again at `after`. */
function skippable(m: ProcessModel, step: string, after: string): void {
  const target = node(m, step);
  expect(target, `no step "${step}" in ${tasks(m).join(', ')}`).toBeDefined();
  const gateway = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).some((x) => x.id === target.id));
  expect(gateway, `"${step}" is on the main path`).toBeDefined();
  const around = next(m, gateway!.id).filter((x) => x.id !== target.id);
  expect(around).toHaveLength(1);
  expect(around[0]!.label === after || downstream(m, around[0]!).includes(after)).toBe(true);
  expect(downstream(m, target)).toContain(after);
}

describe('a step a party may take', () => {
  it('"may", "might" (retail, health, manufacturing)', () => {
    skippable(read('The guest checks in at the desk. The guest may order room service. The guest checks out.'), 'Order room service', 'Check out');
    const m = read('The patient books an appointment. The patient may bring a relative. The doctor examines the patient.');
    skippable(m, 'Bring relative', 'Examine patient');
    expect(laneOf(m, 'Bring relative')).toBe('Patient');
    skippable(read('The operator starts the line. The operator might adjust the speed. The operator records the output.'), 'Adjust speed', 'Record output');
  });

  it('"can choose to", "has the option to", "may decide to" (insurance, HR, logistics)', () => {
    skippable(read('The customer fills in the form. The customer can choose to add travel insurance. The customer submits the form.'), 'Add travel insurance', 'Submit form');
    skippable(read('The new hire signs the contract. The new hire has the option to request a parking permit. HR prepares the badge.'), 'Request parking permit', 'Prepare badge');
    skippable(read('The buyer approves the order. The supplier may decide to request a deposit. The supplier ships the goods.'), 'Request deposit', 'Ship goods');
  });

  it('the step after a semicolon is done every time (public administration)', () => {
    const m = read('The applicant submits the form. The applicant may attach supporting documents; the clerk then registers the application.');
    skippable(m, 'Attach supporting documents', 'Register application');
    expect(laneOf(m, 'Register application')).toBe('Clerk');
  });

  it('"Optionally" with no comma (retail, software delivery)', () => {
    skippable(read('The customer selects the products. Optionally the customer adds a gift card. The customer pays the order.'), 'Add gift card', 'Pay order');
    skippable(read('The developer opens a pull request. Optionally the developer tags a reviewer. The pipeline runs the tests.'), 'Tag reviewer', 'Run tests');
  });

  it('"may accept or withdraw", "may be", "may not" stay as they were', () => {
    const m = read('The applicant may accept or withdraw the offer.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Accept offer', 'Withdraw offer']));
    expect(m.flows.some((f) => f.label === 'needed')).toBe(false);
    const passive = read('The clerk checks the claim. The claim may be rejected by the manager. The clerk files the claim.');
    expect(passive.flows.some((f) => f.label === 'needed')).toBe(false);
  });
});

/** The exclusive split right after a step and the labels of the steps its ways open with. */
function waysAfter(m: ProcessModel, step: string): { labels: string[]; conditions: string[] } {
  const split = next(m, node(m, step).id)[0]!;
  expect(split.kind).toBe('exclusive');
  const out = m.flows.filter((f) => f.from === split.id);
  return { labels: out.map((f) => m.nodes.find((n) => n.id === f.to)!.label), conditions: out.map((f) => f.label ?? '') };
}

describe('a kind and what it leads to', () => {
  it('"A poor X leads to …; a good one …" (finance audit, logistics, software delivery)', () => {
    const audit = read('The auditor assesses the branch. A poor assessment leads to a corrective action plan; a good one closes the audit.');
    expect(waysAfter(audit, 'Assess branch')).toEqual({ labels: ['Plan corrective action', 'Close audit'], conditions: ['assessment poor', 'assessment good'] });
    expect(tasks(audit).some((t) => /^Lead/.test(t))).toBe(false);
    const delivery = read('The warehouse checks each delivery. A damaged delivery leads to a complaint to the supplier; an intact one is put into stock.');
    expect(waysAfter(delivery, 'Check delivery').labels).toEqual(['Send complaint', 'Put delivery into stock']);
    const build = read('The engineer runs the build. A failed build leads to a notification to the developer; a successful one is deployed to staging.');
    expect(waysAfter(build, 'Run build').conditions).toEqual(['build failed', 'build successful']);
    expect(tasks(build)).toContain('Deploy build');
  });

  it('"results in a rejection; otherwise …" acts on the thing in hand (finance, insurance, health)', () => {
    const m = read('The manager reviews the expense report. A missing receipt results in a rejection; otherwise the report is approved.');
    expect(waysAfter(m, 'Review expense report')).toEqual({ labels: ['Reject expense report', 'Approve report'], conditions: ['receipt missing', 'otherwise'] });
    const score = read('The underwriter scores the application. A high score leads to approval; a low score results in a referral to the senior underwriter.');
    expect(waysAfter(score, 'Score application').labels).toEqual(['Approve application', 'Send referral']);
    const swab = read('The nurse takes a swab. A positive test result leads to isolation of the patient. The nurse informs the doctor.');
    skippable(swab, 'Isolate patient', 'Inform doctor');
  });
});

describe('the ways of a kind told by a relative', () => {
  it('"…; the others …" after a semicolon is the other way (HR, manufacturing, health)', () => {
    const hr = read('The recruiter screens the candidates. Candidates who pass the test are invited to an interview; the others receive a rejection letter.');
    expect(waysAfter(hr, 'Screen candidates').conditions).toEqual(['candidates pass test', 'otherwise']);
    expect(tasks(hr)).toContain('Send rejection letter');
    const lab = read('The lab tests every batch. Batches that fail the test are destroyed; the others are released to the warehouse.');
    expect(waysAfter(lab, 'Test batch').conditions).toEqual(['batches fail test', 'otherwise']);
  });

  it('a relative that denies is a case of its own (public funding, HR, finance)', () => {
    const grant = read('The committee reviews the proposals. Applicants who are not funded get written feedback. The committee publishes the results.');
    expect(waysAfter(grant, 'Review proposals').conditions).toEqual(['applicants not funded', 'otherwise']);
    const hr = read('The supervisor checks the timesheets. Employees who have not submitted a timesheet receive a reminder. Payroll runs the payment.');
    expect(waysAfter(hr, 'Check timesheets').conditions[0]).toBe('employees not submitted timesheet');
    const bank = read('The bank reviews the loan applications. Customers who are not approved receive a letter explaining the decision.');
    expect(waysAfter(bank, 'Review loan applications').conditions[0]).toBe('customers not approved');
  });
});
