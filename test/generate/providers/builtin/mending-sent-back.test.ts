// Work sent back for mending keeps its mending step, in the lane of whoever gets it back, before the loop ("goes back
// to the employee to correct and resubmit", "is returned to the author for rework"); "keeps calling until someone
// answers" and "retries the payment until it succeeds" loop on the attempt.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, next, node, read, tasks } from './model-reading.ts';

const after = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);

describe('mending told as what work is sent back for', () => {
  it('"go back to X to correct and resubmit": the correction in X\'s lane, then the hand-in again (finance, health)', () => {
    const m = read('The employee submits the expense claim. The manager reviews it. Rejected claims go back to the employee to correct and resubmit. Approved claims are paid by finance.');
    expect(laneOf(m, 'Correct expense claim')).toBe('Employee');
    expect(after(m, 'Correct expense claim')).toEqual(['Submit expense claim']);
    expect(branches(m)[0]).toBe('rejected');
    const h = read('The nurse submits the incident report. The ward manager reviews it. Incomplete reports go back to the nurse to complete and resubmit. Complete reports are filed by the quality office.');
    expect(laneOf(h, 'Complete incident report')).toBe('Nurse');
    expect(after(h, 'Complete incident report')).toEqual(['Submit incident report']);
  });

  it('"goes back to X for correction", "to revise": with no hand-in, the mending goes back to the check (finance, public administration)', () => {
    const m = read('The analyst prepares the budget. The controller checks the budget. If errors are found, the budget goes back to the analyst for correction. Otherwise the controller approves it.');
    expect(laneOf(m, 'Correct budget')).toBe('Analyst');
    expect(after(m, 'Correct budget')).toEqual(['Check budget']);
    const p = read('The team drafts the plan. The board reviews the plan. If the board rejects it, the plan goes back to the team to revise. If the board approves it, the team starts the project.');
    expect(laneOf(p, 'Revise plan')).toBe('Team');
    expect(after(p, 'Revise plan')).toEqual(['Review plan']);
  });

  it('"is returned to the author for rework", "sent back to the supplier to fix": hand-back, then the receiver mends (publishing, manufacturing, education)', () => {
    const m = read('The author writes the article. The editor reviews the article. If it needs changes, it is returned to the author for rework. Otherwise the editor publishes it.');
    expect(tasks(m)).toContain('Return article');
    expect(after(m, 'Return article')).toEqual(['Rework article']);
    expect(laneOf(m, 'Rework article')).toBe('Author');
    expect(after(m, 'Rework article')).toEqual(['Review article']);
    const s = read('The supplier delivers the parts. The inspector checks the parts. Defective parts are sent back to the supplier to fix. Good parts are stored by the warehouse.');
    expect(laneOf(s, 'Fix part')).toBe('Supplier');
    expect(after(s, 'Fix part')).toEqual(['Deliver parts']);
    const t = read('The student hands in the thesis. The supervisor reads the thesis. If it is not good enough, the thesis is sent back to the student to revise. Otherwise the supervisor grades it.');
    expect(after(t, 'Revise thesis')).toEqual(['Hand in thesis']);
  });

  it('the mending told again in the next sentence is that same step (law, publishing)', () => {
    const m = read('The writer drafts the contract. The lawyer reviews the draft. If there are problems, the draft is returned to the writer for correction. The writer corrects the draft and resubmits it. Otherwise the lawyer signs the contract.');
    expect(tasks(m).filter((t) => t === 'Correct draft')).toHaveLength(1);
    expect(after(m, 'Correct draft')).toEqual(['Review draft']);
    const j = read('The author submits the article. The editor reviews it. The editor either accepts the article or returns it to the author for revision. The author revises the article and submits it again. Accepted articles are published on the website.');
    expect(tasks(j).filter((t) => t === 'Revise article')).toHaveLength(1);
    expect(after(j, 'Revise article')).toEqual(['Submit article']);
  });

  it('"goes back to the applicant, who corrects it": the one it goes back to corrects it (public administration, software)', () => {
    const m = read('The applicant fills in the form and sends it to the office. The clerk checks the form. If it is incomplete, the form goes back to the applicant, who corrects it and sends it again. Otherwise the clerk registers the application.');
    expect(laneOf(m, 'Correct form')).toBe('Applicant');
    expect(after(m, 'Correct form')).toEqual(['Send form']);
    const d = read('The developer opens a pull request. The reviewer reviews the code. If changes are needed, the pull request goes back to the developer, who fixes the code and pushes again. Otherwise the reviewer merges it.');
    expect(laneOf(d, 'Fix code')).toBe('Developer');
  });
});

describe('trying again until it works', () => {
  it('"keeps calling until someone answers": the call, and back to it while nobody answers (health, logistics, retail)', () => {
    const m = read('The agent keeps calling the customer until someone answers. Then the agent books the appointment.');
    const gate = next(m, node(m, 'Call customer').id)[0]!;
    expect(gate.kind).toBe('exclusive');
    expect(next(m, gate.id).map((n) => n.label)).toEqual(['Call customer', 'Book appointment']);
    expect(m.flows.filter((f) => f.from === gate.id).map((f) => f.label)).toContain('customer answers');
    const n = read('The nurse keeps paging the doctor until he responds. Then she records the call.');
    expect(m.flows.length).toBeGreaterThan(0);
    expect(n.flows.map((f) => f.label)).toContain('doctor responds');
    const d = read('The dispatcher keeps radioing the drivers until they reply. Then he assigns the route.');
    expect(d.flows.map((f) => f.label)).toContain('drivers reply');
  });

  it('"retries the payment", "repeats the test" with nothing before: the attempt is the step (retail, manufacturing, IT)', () => {
    const m = read('The cashier retries the payment until it succeeds. Then she prints the receipt.');
    expect(after(m, 'Attempt payment')).toEqual(['exclusive']);
    const t = read('The technician repeats the test until it passes. Then he signs the report.');
    expect(tasks(t)).toEqual(['Perform test', 'Sign report']);
    const u = read('The system uploads the file. It retries the upload until it succeeds. Then it notifies the user.');
    expect(tasks(u)).toEqual(['Upload file', 'Notify user']);
    expect(u.flows.map((f) => f.label)).toContain('upload succeeds');
  });
});

describe('sent back for mending outside a choice: what goes back opens the choice', () => {
  it.each([
    ['The payroll clerk runs the calculation. The payroll manager checks the results; errors go back to the clerk for correction. Treasury releases the transfer.', 'Check results', 'Release transfer'],
    ['The author writes the manual. The editor proofreads the manual; mistakes go back to the author to fix. The printer prints the manual.', 'Proofread manual', 'Print manual'],
    ['The nurse records the readings. The ward sister checks the chart; gaps go back to the nurse for completion. The doctor signs the chart.', 'Check chart', 'Sign chart'],
  ])('%s', (text, check, after) => {
    const m = read(text);
    const [choice] = next(m, node(m, check).id);
    expect(choice?.kind).toBe('exclusive');
    const ways = next(m, choice!.id);
    const mend = ways.find((n) => n.label !== after)!;
    // The mending is done on its way only, and leads back to the work again; the other way goes on.
    expect(mend.kind).toBe('task');
    expect(ways.map((n) => n.label)).toContain(after);
    expect(next(m, mend.id).map((n) => n.label)).not.toContain(after);
  });
});
