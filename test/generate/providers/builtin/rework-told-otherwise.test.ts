// Rework and repeats told in ways a first reading missed (issue 13, loops): "keeps measuring … until", "can approve it
// or request changes" (base forms after a modal), "Once the changes are made, … looks at it again" (the rework told
// again), "the manager decides again" with no decide step drawn, "the papers are reviewed again" after "Review paper".
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { branches, downstream, next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);

describe('"keeps / continues V-ing X until …" loops around the step V-ing names', () => {
  it('"keeps measuring the level" is "Measure level" (manufacturing)', () => {
    const m = read('The operator fills the tank. The operator keeps measuring the level until it is stable. Then the operator records the reading.');
    expect(tasks(m)).toEqual(['Fill tank', 'Measure level', 'Record reading']);
    expect(downstream(m, node(m, 'Measure level'))).toContain('Measure level');
  });

  it('"keeps checking the status page" is "Check status page" (it operations)', () => {
    const m = read('The technician restarts the server. The technician keeps checking the status page until the service is back online. Then the technician closes the ticket.');
    expect(tasks(m)).toContain('Check status page');
    expect(tasks(m).some((t) => t.startsWith('Keep'))).toBe(false);
  });

  it('"continues monitoring the patient" is "Monitor patient" (health)', () => {
    const m = read('The nurse continues monitoring the patient until the fever drops. The nurse then discharges the patient.');
    expect(tasks(m)).toEqual(['Monitor patient', 'Discharge patient']);
  });

  it('does not fire on "keeps the file in the archive"', () => {
    expect(tasks(read('The clerk keeps the file in the archive.'))).toEqual(['Keep file']);
  });
});

describe('"can approve it or request changes": a base form after "or" is the second way', () => {
  it('reads both ways and loops the revision back to the review (publishing)', () => {
    const m = read('The author writes the article and sends it to the editor. The editor reviews the article. The editor can approve it or request changes. If changes are requested, the author revises the article. When the article is approved, the editor publishes it.');
    expect(tasks(m)).toContain('Request changes');
    expect(branches(m)).toEqual(expect.arrayContaining(['approved', 'changes requested']));
    expect(after(m, 'Revise article')).toEqual(['Review article']);
  });

  it('reads "they either approve the accounts or request changes" (finance)', () => {
    const m = read('The auditors review the accounts. They either approve the accounts or request changes. If changes are requested, the accountant revises the accounts.');
    expect(tasks(m)).toContain('Request changes');
    expect(after(m, 'Revise accounts')).toEqual(['Review accounts']);
  });

  it('reads "may accept the quote or ask for a discount" (retail)', () => {
    const m = read('The seller sends a quote. The buyer may accept the quote or ask for a discount. If a discount is requested, the seller revises the quote.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Accept quote', 'Ask for discount']));
  });
});

describe('"Once the changes are made, X checks it again" is the rework just done, back to the check', () => {
  it('draws no "Make corrections" step and no second check (finance)', () => {
    const m = read('The analyst prepares the monthly report. The controller checks the figures. If the figures are wrong, the analyst must correct the report and send it again. Once the corrections are made, the controller checks the figures again. When everything is correct, the controller signs the report.');
    expect(tasks(m)).toEqual(['Prepare monthly report', 'Check figures', 'Correct report', 'Sign report']);
    expect(after(m, 'Correct report')).toEqual(['Check figures']);
  });

  it('"looks at it again" goes back to the review (publishing)', () => {
    const m = read('The author sends the article. The editor reviews the article. The editor can approve it or request changes. If changes are requested, the author revises the article. Once the changes are made, the editor looks at it again. When the article is approved, the editor publishes it.');
    expect(tasks(m).some((t) => t.startsWith('Make') || t.startsWith('Look'))).toBe(false);
    expect(after(m, 'Revise article')).toEqual(['Review article']);
  });

  it('does not fire when no rework came before (manufacturing)', () => {
    const m = read('The engineer designs the part. Once the drawings are made, the machinist mills the part.');
    expect(tasks(m)).toContain('Mill part');
  });
});

describe('"decides again" and "is reviewed again" go back to the step that decided', () => {
  it('"the manager must decide again" returns to the interview (hr)', () => {
    const m = read('The recruiter screens the applications. The hiring manager interviews the candidate. If the manager is unsure, the candidate is invited to a second interview and the manager must decide again. If the manager likes the candidate, HR sends an offer. Otherwise HR sends a rejection.');
    expect(tasks(m).some((t) => t.startsWith('Decide'))).toBe(false);
    expect(after(m, 'Invite candidate')).toEqual(['Interview candidate']);
  });

  it('"the council decides again" returns to the vote (public administration)', () => {
    const m = read('The treasurer presents the budget. The council votes on the budget. If the vote is tied, the treasurer revises the budget and the council decides again. Otherwise the treasurer publishes the result.');
    expect(after(m, 'Revise budget')).toEqual(['Vote on budget']);
  });

  it('"returned papers are rewritten and reviewed again" returns to "Review exam paper" (education)', () => {
    const m = read('The teacher sets the exam. The head of department reviews the exam paper. The head can accept the paper or return it to the teacher. Returned papers are rewritten by the teacher and reviewed again. The exam office prints the accepted paper.');
    expect(tasks(m).filter((t) => t.startsWith('Review'))).toEqual(['Review exam paper']);
    expect(after(m, 'Rewrite papers')).toEqual(['Review exam paper']);
  });
});
