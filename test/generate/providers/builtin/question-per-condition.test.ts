// Which choice a condition belongs to: cases that leave out what the first condition said ("…; between 50 and 80
// they resit; below 50 …") are further ways of the same choice; a condition on what a person is, after one on a
// thing, asks a new question after the first choice joins; "In that case …" goes on with the branch just opened;
// "If no" answers the question answered "If yes", even after a choice inside that branch.
import { describe, expect, it } from 'vitest';
import { branches, next, node, read, tasks } from './model-reading.ts';

const splits = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);

describe('cases that leave out the condition\'s subject', () => {
  it('"If the score is above 80 …; between 50 and 80 …; below 50 …" is one choice with three ways (education)', () => {
    const m = read('The teacher grades the exam. If the score is above 80 the student passes; between 50 and 80 they resit; below 50 they repeat the year. Finally the teacher records the result.');
    expect(branches(m)).toEqual(['score above 80', 'score between 50 and 80', 'score below 50']);
    expect(splits(m)).toHaveLength(1);
  });

  it('works with measured levels and other parties in the branches (health)', () => {
    const m = read('The lab measures the glucose level. If the level is below 4 the nurse gives sugar; between 4 and 10 the nurse records it; above 10 the doctor adjusts the insulin. The nurse then updates the chart.');
    expect(branches(m)).toEqual(['level below 4', 'level between 4 and 10', 'level above 10']);
    expect(next(m, node(m, 'Adjust insulin').id)[0]!.kind).toBe('exclusive');
  });

  it('"If the risk is high, …; medium, …; low, …": a bare value before a comma is a case too (finance)', () => {
    const m = read('The bank rates the application. If the risk is high, the officer declines it; medium, the officer asks for a guarantor; low, the officer approves the loan.');
    expect(branches(m)).toEqual(['risk high', 'risk medium', 'risk low']);
  });

  it('keeps a case whose verb the tagger took for a noun ("the candidate passes") (education)', () => {
    const m = read('The examiner marks the paper. If the mark is above 70 the candidate gets a distinction; between 40 and 70 the candidate passes; below 40 the candidate repeats the semester. The office publishes the results.');
    expect(branches(m)).toEqual(['mark above 70', 'mark between 40 and 70', 'mark below 40']);
    expect(tasks(m)).toHaveLength(5);
  });

  it('leaves "; otherwise …" and a plain second clause alone (logistics)', () => {
    const m = read('The clerk weighs the parcel. If it is heavy, the clerk books a freight carrier; otherwise the clerk posts it.');
    expect(branches(m)).toEqual(['heavy', 'otherwise']);
  });
});

describe('a condition on a person after a condition on a thing', () => {
  it('opens a second choice after the first joins (public administration)', () => {
    const m = read('The clerk checks the application. If it is complete, the clerk forwards it to the manager. If the applicant is a minor, the clerk asks for parental consent. The manager signs the permit.');
    expect(splits(m)).toHaveLength(2);
    expect(branches(m)).toEqual(['complete', 'otherwise']);
    expect(tasks(m)).toContain('Ask for parental consent');
  });

  it('works for a served party named again (IT support)', () => {
    const m = read('The agent reviews the ticket. If it is a bug, the agent forwards it to engineering. If the customer is a premium customer, the agent calls the customer. The agent closes the ticket.');
    expect(splits(m)).toHaveLength(2);
  });

  it('keeps a party\'s answer on the thing as the other way of the same choice (finance)', () => {
    const m = read('The clerk checks the invoice. If it is approved, the clerk pays it. If the manager rejects it, the clerk informs the supplier. The clerk files the invoice.');
    expect(splits(m)).toHaveLength(1);
  });
});

describe('"In that case …" after a condition', () => {
  it('puts the step on the branch just opened, not after the join (finance)', () => {
    const m = read('The clerk checks the invoice. If the amount is over 1,000 EUR, the manager reviews it. In that case the manager also calls the supplier. The clerk pays the invoice.');
    expect(next(m, node(m, 'Review invoice').id).map((n) => n.label)).toEqual(['Call supplier']);
    expect(next(m, node(m, 'Call supplier').id)[0]!.kind).toBe('exclusive');
  });

  it('"In this case" in the next sentence (health)', () => {
    const m = read('The nurse triages the patient. If the patient has chest pain, the nurse calls the doctor. In this case the doctor orders an ECG. The nurse records the vitals.');
    expect(next(m, node(m, 'Call doctor').id).map((n) => n.label)).toEqual(['Order ECG']);
  });

  it('"…; in that case …" in the same sentence, not the other way (IT operations)', () => {
    const m = read('The admin checks the server. If the disk is full, the admin deletes old logs; in that case the admin also informs the team. The admin closes the ticket.');
    expect(branches(m)).toEqual(['disk full', 'otherwise']);
    expect(next(m, node(m, 'Delete old logs').id).map((n) => n.label)).toEqual(['Inform team']);
  });
});

describe('"If yes, …. If no, …"', () => {
  it('are the two answers of one question, even after a checking step (software)', () => {
    const m = read('The engineer reviews the change. Does it touch the database? If yes, the DBA checks the migration. If no, the engineer merges it. The engineer deploys the build.');
    expect(splits(m)).toHaveLength(1);
    expect(branches(m)).toEqual(['yes', 'no']);
  });

  it('"If no" after a choice inside the "yes" branch goes back to the outer question (manufacturing)', () => {
    const m = read('The mechanic checks the car. Is the brake worn? If yes, the mechanic inspects the disc. If the disc is cracked, the mechanic replaces it. If no, the mechanic returns the car.');
    expect(branches(m)).toEqual(['yes', 'no']);
    expect(m.flows.find((f) => f.to === node(m, 'Return car').id)?.from).toBe(next(m, node(m, 'Check car').id)[0]!.id);
  });
});

describe('a condition on the same subject after a checking step in the branch', () => {
  it('is the next way of the same choice, not a choice inside the branch (health)', () => {
    const m = read('The lab tests the sample. If the result is positive, the doctor reviews the case. If the result is negative, the lab files the report.');
    expect(splits(m)).toHaveLength(1);
    expect(branches(m)).toEqual(['result positive', 'result negative']);
  });

  it('keeps a condition on another thing after the check as a choice inside the branch (manufacturing)', () => {
    const m = read('The mechanic takes the car in. If a part is broken, the mechanic checks the stock. If it is in stock, the mechanic replaces the part. If not, the mechanic orders it. The mechanic returns the car.');
    expect(splits(m)).toHaveLength(2);
    expect(next(m, node(m, 'Check stock').id)[0]!.kind).toBe('exclusive');
  });
});
