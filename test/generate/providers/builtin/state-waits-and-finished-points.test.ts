// Waits for a state ("until a cubicle becomes free") are conditional catch events named for the state; "when she
// finishes" after the step it refers to is a point in time, no step; "orders more" names what more of.
import { describe, expect, it } from 'vitest';
import { lanes, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('a wait until a state is reached: a conditional event named for the state', () => {
  it('health: other patients waiting are no lane; the wait is the nurse\'s', () => {
    const m = read('The nurse calls the patient. All other patients wait in the lobby until a cubicle becomes free. The doctor examines the patient.');
    const wait = node(m, 'Cubicle free');
    expect(wait.kind).toBe('intermediate');
    expect(wait.eventType).toBe('conditional');
    expect(laneOf(m, 'Cubicle free')).toBe('Nurse');
    expect(lanes(m)).toEqual(['Nurse', 'Doctor']);
    expect(next(m, node(m, 'Call patient').id).map((n) => n.label)).toEqual(['Cubicle free']);
    expect(next(m, wait.id).map((n) => n.label)).toEqual(['Examine patient']);
  });

  it('logistics: "until the loading bay is free" waits, it loops back to nothing', () => {
    const m = read('The dispatcher assigns the truck. The driver waits until the loading bay is free. Then the driver loads the pallets.');
    expect(node(m, 'Loading bay free').eventType).toBe('conditional');
    expect(laneOf(m, 'Loading bay free')).toBe('Driver');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('hospitality, manufacturing, maritime: ready, hot, weather improved', () => {
    expect(node(read('The receptionist books the meeting. The guests wait in the hall until the room is ready. The host opens the session.'), 'Room ready').eventType).toBe('conditional');
    expect(node(read('The operator starts the press. The operator waits until the oven gets hot. The operator loads the mould.'), 'Oven hot').eventType).toBe('conditional');
    expect(node(read('The captain files the plan. The crew waits until the weather improves. Then the crew launches the boat.'), 'Weather improved').eventType).toBe('conditional');
  });

  it('retail: other customers in line make no lane', () => {
    const m = read('The teller greets the customer. Other customers wait in line until a counter is free. The teller opens the account.');
    expect(lanes(m)).toEqual(['Teller']);
    expect(node(m, 'Counter free').eventType).toBe('conditional');
  });

  it('an answer or an arrival stays a message', () => {
    const m = read('The clerk sends the form. The clerk waits until the customer replies. Then the clerk files the form.');
    expect(node(m, 'Customer replied').eventType).toBe('message');
  });
});

describe('"when she finishes" after the step: a point in time, no step', () => {
  it('IT ops: no "Finish boiler" task', () => {
    const m = read('The technician repairs the boiler. When she finishes, she closes the ticket.');
    expect(tasks(m)).toEqual(['Repair boiler', 'Close ticket']);
    expect(next(m, node(m, 'Repair boiler').id).map((n) => n.label)).toEqual(['Close ticket']);
  });

  it('software delivery: "when it finishes" after the tests', () => {
    const m = read('The pipeline builds the image and runs the tests. When it finishes, the pipeline notifies the team.');
    expect(tasks(m)).toEqual(['Build image', 'Run tests', 'Notify team']);
  });

  it('public administration and finance: the upload completes, the run ends', () => {
    const upload = read('The clerk uploads the scans. Once the upload completes, the clerk emails the customer.');
    expect(upload.nodes.filter((n) => n.kind === 'intermediate')).toEqual([]);
    expect(next(upload, node(upload, 'Upload scans').id).map((n) => n.label)).toEqual(['Email customer']);
    const run = read('The analyst runs the model. When the run ends, the analyst exports the results.');
    expect(next(run, node(run, 'Run model').id).map((n) => n.label)).toEqual(['Export results']);
  });

  it('logistics: the one who did the step comes back or arrives', () => {
    expect(tasks(read('The engineer deploys the release. When he comes back, he updates the changelog.'))).toEqual(['Deploy release', 'Update changelog']);
    expect(tasks(read('The driver loads the van. When he arrives, he unloads the parcels.'))).toEqual(['Load van', 'Unload parcels']);
  });

  it('things arriving are still waited for', () => {
    const m = read('The supplier ships the parts. When they arrive, the clerk checks them.');
    expect(node(m, 'Parts arrived').eventType).toBe('message');
  });
});

describe('"orders more": more of the thing in hand', () => {
  it('health, manufacturing, IT ops', () => {
    expect(tasks(read('The pharmacist checks stock. If stock is low, she orders more.'))).toContain('Order more stock');
    expect(tasks(read('The foreman counts the bolts. If there are not enough bolts, he orders more.'))).toContain('Order more bolts');
    const lab = read('The lab receives the samples. If a sample is damaged, the lab requests more.');
    expect(tasks(lab)).toContain('Request more samples');
    expect(lab.name).toBe('Sample handling');
  });
});
