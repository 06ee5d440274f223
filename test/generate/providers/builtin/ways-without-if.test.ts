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
