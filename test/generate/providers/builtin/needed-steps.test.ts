// "Large changes need approval from the change board", "Every storm claim requires a site visit by an external surveyor": a
// thing that needs or requires a step by a party is that party's step, not a lost sentence or a task "Require …".
import { describe, expect, it } from 'vitest';
import { branches, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('a thing that needs or requires a step by a party', () => {
  it.each([
    ['IT operations', 'The analyst logs the change. Large changes need approval from the change board. The analyst schedules the change.', 'Approve large changes', 'Change board', 'Log change', 'Schedule change'],
    ['insurance', 'The adjuster registers the claim. Every storm claim requires a site visit by an external surveyor. The adjuster pays the claim.', 'Visit site', 'External surveyor', 'Register claim', 'Pay claim'],
    ['finance', 'The buyer adds the supplier. Every new supplier needs a credit check by finance. The buyer places the order.', 'Check credit', 'Finance', 'Add supplier', 'Place order'],
    ['public administration', 'The clerk registers the permit. The permit requires an inspection by the fire department. The clerk issues the permit.', 'Inspect permit', 'Fire department', 'Register permit', 'Issue permit'],
    ['health', 'The nurse admits the patient. High-risk patients need a review by a cardiologist. The nurse prepares the patient.', 'Review high-risk patients', 'Cardiologist', 'Admit patient', 'Prepare patient'],
    ['software delivery', 'The developer builds the release. Every release needs sign-off from the product owner. The developer deploys the release.', 'Sign release', 'Product owner', 'Build release', 'Deploy release'],
  ])('%s', (_domain, text, step, lane, before, after) => {
    const m = read(text);
    expect(tasks(m)).toEqual([before, step, after]);
    expect(laneOf(m, step)).toBe(lane);
    expect(next(m, node(m, step).id).map((n) => n.label)).toEqual([after]);
  });

  it('with nobody named, the step is in the lane of whoever works then (logistics, HR)', () => {
    const shipping = read('The clerk books the shipment. International shipments require customs clearance. The clerk ships the goods.');
    expect(tasks(shipping)).toEqual(['Book shipment', 'Clear customs', 'Ship goods']);
    expect(laneOf(shipping, 'Clear customs')).toBe('Clerk');
    const hiring = read('The recruiter selects the candidate. Every candidate requires a background screening. The recruiter sends the offer.');
    expect(tasks(hiring)).toEqual(['Select candidate', 'Screen background', 'Send offer']);
    expect(laneOf(hiring, 'Screen background')).toBe('Recruiter');
  });

  it('a thing with no step in it, had from a party, is obtained (HR, health, logistics); a person needed is not', () => {
    for (const [text, step] of [
      ['HR signs the contract. New hires need a laptop from IT. HR books the induction.', 'Obtain laptop'],
      ['The nurse admits the patient. Each patient needs a wristband from the front desk. The nurse prepares the patient.', 'Obtain wristband'],
      ['The picker collects the goods. Every shipment needs a pallet from the warehouse. The picker wraps the goods.', 'Obtain pallet'],
    ]) {
      const m = read(text!);
      expect(tasks(m)).toHaveLength(3);
      expect(tasks(m)[1]).toBe(step);
    }
    expect(tasks(read('The planner drafts the roster. Night shifts need a nurse from the agency. The planner publishes the roster.'))).toEqual(['Draft roster', 'Publish roster']);
  });

  it('keeps a need that is a condition, a thing, a catenative or an amount case as it was', () => {
    const visa = read('If the patient needs a visa, the clerk applies for it. The clerk closes the case.');
    expect(branches(visa)).toHaveLength(2);
    expect(tasks(read('The clerk receives the file. Each student needs a visa. The clerk closes the file.'))).toEqual(['Receive file', 'Close file']);
    expect(tasks(read('The clerk prints the form. The form needs to be signed. The clerk files the form.'))).toEqual(['Print form', 'Sign form', 'File form']);
    const orders = read('The clerk receives the order. Orders above 5,000 EUR require a second signature from the CFO. The clerk ships the order.');
    expect(branches(orders)).toEqual(['orders above 5,000 EUR', 'otherwise']);
    expect(laneOf(orders, 'Sign orders')).toBe('CFO');
  });
});
