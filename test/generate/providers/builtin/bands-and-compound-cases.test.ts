// Decisions with several cases keep every case and its complement: amount bands opening sentences or told in notes
// are the ways of one choice, a condition of two parts keeps both in its label, and an "otherwise … waits until …"
// way is a way of its own, never a loop back into the other way's step.
import { describe, expect, it } from 'vitest';
import { branches, next, node, read, tasks, laneOf } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The condition on the flow into the task with this label. */
const conditionInto = (m: ProcessModel, label: string) => m.flows.find((f) => f.to === node(m, label).id)?.label;
/** The gateway the task with this label is reached from, if any. */
const splitBefore = (m: ProcessModel, label: string) => m.nodes.find((n) => n.id === m.flows.find((f) => f.to === node(m, label).id)?.from);

describe('bands of an amount opening sentences', () => {
  it('draws one choice with a way per band (insurance)', () => {
    const m = read('The claims handler estimates the damage. Below 1,000 EUR the handler pays the claim directly. Between 1,000 and 10,000 EUR the team lead approves the payment. Above 10,000 EUR an expert inspects the car.');
    expect(branches(m)).toEqual(['below 1,000 EUR', 'between 1,000 and 10,000 EUR', 'above 10,000 EUR']);
    expect(splitBefore(m, 'Inspect car')).toBe(splitBefore(m, 'Approve payment'));
    expect(laneOf(m, 'Approve payment')).toBe('Team lead');
  });

  it('keeps the band in the condition and the action in the task (health)', () => {
    const m = read('The nurse measures the blood pressure. Below 90 mmHg, the doctor is called at once. Between 90 and 140 mmHg the nurse records the value. Above 140 mmHg, the nurse informs the cardiologist. The nurse updates the chart.');
    expect(conditionInto(m, 'Call doctor')).toBe('below 90 mmHg');
    expect(conditionInto(m, 'Record value')).toBe('between 90 and 140 mmHg');
    expect(conditionInto(m, 'Inform cardiologist')).toBe('above 140 mmHg');
    // Every band rejoins before the chart is updated.
    expect(next(m, next(m, node(m, 'Record value').id)[0]!.id).map((n) => n.label)).toEqual(['Update chart']);
  });

  it('writes "from 2 to 30 kg" as a range (logistics)', () => {
    const m = read('The warehouse weighs every parcel. Up to 2 kg, the clerk sends it as a letter. From 2 to 30 kg it is shipped by courier. Over 30 kg, the freight team books a truck. The clerk prints the label.');
    expect(branches(m)).toEqual(['up to 2 kg', '2–30 kg', 'over 30 kg']);
    expect(tasks(m)).toContain('Book truck');
  });

  it('reads grade bands in education', () => {
    const m = read('The teacher grades the exam. Below 50 points the student must resit the exam. Between 50 and 85 points, the teacher records the grade. Above 85 points the student is nominated for the honours list. The office publishes the results.');
    expect(branches(m)).toEqual(['below 50 points', 'between 50 and 85 points', 'above 85 points']);
  });
});

describe('bands in notes whose action is told as a noun', () => {
  it('keeps the middle band of a score with its reviewer (finance)', () => {
    const m = read('The system computes a credit score. Score above 700 -> approve; 600-700 -> manual review by analyst; below 600 -> decline. The customer is notified of the result.');
    expect(branches(m)).toEqual(['score above 700', '600-700', 'below 600']);
    expect(conditionInto(m, 'Review')).toBe('600-700');
    expect(laneOf(m, 'Review')).toBe('Analyst');
    expect(conditionInto(m, 'Decline')).toBe('below 600');
  });

  it('reads a full inspection told as a noun (manufacturing)', () => {
    const m = read('QA measures the batch. Deviation below 1% -> release; 1-3% -> full inspection by the quality engineer; above 3% -> scrap the batch.');
    expect(branches(m)).toEqual(['deviation below 1 %', '1-3 %', 'above 3 %']);
    expect(conditionInto(m, 'Inspect batch')).toBe('1-3 %');
    expect(laneOf(m, 'Inspect batch')).toBe('Quality engineer');
  });
});

describe('bands as labelled lines of notes', () => {
  it('reads bullet arrows with a band on the left (finance)', () => {
    const m = read('Credit check:\n- system computes the score\n- score above 700 -> approve the loan\n- 600-700 -> manual review by an analyst\n- below 600 -> decline the loan\n- customer is notified');
    expect(branches(m)).toEqual(['score above 700', '600-700', 'below 600']);
    expect(conditionInto(m, 'Approve loan')).toBe('score above 700');
    expect(laneOf(m, 'Review loan')).toBe('Analyst');
  });

  it('reads "Score 1-3: …" sentences in a row as one choice (insurance)', () => {
    const m = read('The underwriter rates the risk. Score 1-3: the policy is issued at once. Score 4-6: the senior underwriter reviews the case. Score 7 or higher: the application is declined.');
    expect(branches(m)).toEqual(['score 1-3', 'score 4-6', 'score 7 or higher']);
    expect(tasks(m)).toEqual(['Rate risk', 'Issue policy', 'Review case', 'Decline application']);
    expect(laneOf(m, 'Review case')).toBe('Senior underwriter');
  });
});

describe('a condition of two parts', () => {
  it('keeps both parts in the label and the other way (insurance)', () => {
    const m = read('The insurer registers the claim. If the damage is covered and the estimate exceeds 5,000 EUR, an expert inspects the car. The handler then pays the claim.');
    expect(branches(m)).toEqual(['damage covered and estimate exceeds 5,000 EUR', 'otherwise']);
    expect(splitBefore(m, 'Pay claim')?.kind).toBe('exclusive');
  });

  it('keeps the second requirement of a hiring rule (HR)', () => {
    const m = read('The recruiter screens the CV. If the candidate has the required degree and at least three years of experience, an interview is scheduled. The recruiter updates the tracker.');
    expect(branches(m)[0]).toBe('candidate has required degree and at least three years of experience');
  });

  it('keeps an amount after "than" (health)', () => {
    const m = read('The pharmacist reviews the order. If the drug is controlled and the prescription is older than 30 days, the pharmacist calls the doctor. The pharmacist fills the order.');
    expect(branches(m)[0]).toBe('drug controlled and prescription older than 30 days');
  });
});

describe('an otherwise way that only waits', () => {
  it('is a way of its own, not a loop into the other way (health)', () => {
    const m = read('The nurse triages the patient. If the priority is critical, the patient is taken to the resuscitation room; otherwise the patient waits in the waiting area until a doctor is free. The doctor treats the patient.');
    expect(branches(m)).toEqual(['priority critical', 'otherwise']);
    const resus = node(m, 'Take patient to resuscitation room');
    expect(m.flows.filter((f) => f.to === resus.id)).toHaveLength(1);
  });

  it('holds for a queue that waits for an engineer (IT operations)', () => {
    const m = read('The support desk reviews the request. If the request is urgent, an engineer handles it at once; otherwise it waits in the queue until an engineer is available. The engineer closes the request.');
    expect(branches(m)).toEqual(['request urgent', 'otherwise']);
    expect(m.flows.filter((f) => f.to === node(m, 'Handle request').id)).toHaveLength(1);
  });

  it('reads "the others wait" after a kind as the other way (public administration)', () => {
    const m = read('The clerk sorts the applications. Complete applications are sent to the case officer; the others wait in the inbox until the applicant replies. The case officer decides on the application.');
    expect(branches(m)).toEqual(['applications complete', 'otherwise']);
    expect(conditionInto(m, 'Send applications')).toBe('applications complete');
    expect(tasks(m)).toContain('Decide on application');
  });
});
