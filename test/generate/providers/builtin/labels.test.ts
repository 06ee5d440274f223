import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

const tasks = (prompt: string): string[] =>
  traceProcess({ prompt }, []).model.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);

describe('task labels name the action', () => {
  it('a light verb gives way to the action its noun names', () => {
    expect(tasks('The clerk does a check of the invoice.')).toEqual(['Check invoice']);
    expect(tasks('The supervisor performs a thorough review of the report.')).toEqual(['Review report']);
    expect(tasks('The inspector carries out the inspection of the parts.')).toEqual(['Inspect parts']);
    expect(tasks('The committee takes a decision on the grant.')).toEqual(['Decide on grant']);
    expect(tasks('The board makes a decision.')).toEqual(['Decide']);
  });

  it('"does the decorating": the gerund is the step, on the thing in hand', () => {
    expect(tasks('The baker bakes the cake. She does the decorating herself. Then she delivers the cake.')).toEqual(['Bake cake', 'Decorate cake', 'Deliver cake']);
    expect(tasks('I paint the fence. Then I do the sanding.')).toEqual(['Paint fence', 'Sand fence']);
  });

  it('keeps the light verb when the noun needs its own words or no verb stands alone', () => {
    expect(tasks('The inspector carries out the inspection.')).toEqual(['Carry out inspection']);
    expect(tasks('The analyst performs a credit check.')).toEqual(['Perform credit check']);
  });

  it('the tool used is the means, the step is what it is used for', () => {
    expect(tasks('The accountant uses SAP to post the invoice.')).toEqual(['Post invoice']);
  });

  it('"make sure" and "ensure that" keep the state they bring about', () => {
    expect(tasks('The clerk makes sure that the form is complete.')).toEqual(['Ensure form is complete']);
    expect(tasks('The team ensures that all documents are signed.')).toEqual(['Ensure documents are signed']);
  });

  it('one plural inside a phrase may modify the noun after it', () => {
    expect(tasks('The recruiter publishes the job ad on the careers page.')).toEqual(['Publish job ad on careers page']);
  });

  it('a time is no part of the step', () => {
    expect(tasks('The librarian lends the laptop for 4 hours.')).toEqual(['Lend laptop']);
    expect(tasks('IT blocks the accounts on the last day.')).toEqual(['Block accounts']);
  });

  it('phrasal verbs keep their particle', () => {
    expect(tasks('The applicant fills in the form and the manager signs off the release.')).toEqual(['Fill in form', 'Sign off release']);
  });

  it('a compound subject is not split into a verb ("the team lead schedules")', () => {
    const { model } = traceProcess({ prompt: 'The team lead schedules the meeting.' }, []);
    expect(model.nodes.filter((n) => n.kind === 'task').map((n) => n.label)).toEqual(['Schedule meeting']);
    expect(lanes(model)).toEqual(['Team lead']);
  });

  it('"do" inverted after an adverb is an auxiliary, not a step', () => {
    expect(tasks('The candidate publishes the thesis, and only then does the faculty issue the certificate.')).not.toContain('Do faculty issue');
  });
});
