// Cases of one decision told in sentences of different shapes — "Minor damage is settled by the adjuster. Major damage
// requires an appraiser's report. Suspected fraud is passed to the special investigations unit." — are the ways of one
// gateway, not steps in a row; a kind that needs a step by someone is that someone's step on its way ("Visit site");
// and a decision whose options follow a colon ("The agent decides: refund, store credit or refuse.") is one gateway.
import { describe, expect, it } from 'vitest';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

const gatewayAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id)[0]!;
const waysOf = (m: ReturnType<typeof read>, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label).sort();

describe('graded and suspected cases in sentences of different shapes', () => {
  it.each([
    ['insurance', "The adjuster reviews the claim. Minor damage is settled by the adjuster directly. Major damage requires an appraiser's report. Suspected fraud is passed to the special investigations unit.", 'Review claim', ['major damage', 'minor damage', 'suspected fraud']],
    ['retail returns', 'The clerk inspects the returned item. Minor damage is refunded at the till. Major damage requires an assessment by the supplier. Suspected misuse is passed to the store manager.', 'Inspect returned item', ['major damage', 'minor damage', 'suspected misuse']],
    ['IT support', 'The service desk logs the incident. Minor incidents are fixed by first-line support. Major incidents require a review by the problem manager. Suspected phishing is passed to the security team.', 'Log incident', ['major incident', 'minor incident', 'suspected phishing']],
  ])('%s: one gateway with a way per case', (_domain, text, before, ways) => {
    const m = read(text);
    const g = gatewayAfter(m, before);
    expect(g.kind).toBe('exclusive');
    expect(waysOf(m, g.id)).toEqual(ways);
    expect(tasks(m).some((t) => /^Require/.test(t))).toBe(false);
  });

  it('an owned thing a case needs is obtained on its way (insurance)', () => {
    const m = read("The adjuster reviews the claim. Minor damage is settled by the adjuster directly. Major damage requires an appraiser's report. Suspected fraud is passed to the special investigations unit.");
    expect(tasks(m)).toContain('Obtain appraiser report');
    expect(downstream(m, node(m, 'Obtain appraiser report'))).not.toContain('Pass suspected fraud');
    expect(tasks(m)).toContain('Pass suspected fraud');
  });

  it('a kind needing a step on a part of it is that party\'s step on the kind\'s way (insurance, public permits)', () => {
    const claims = read('The adjuster assesses each claim. Minor claims are paid at once. Major claims require a site visit by an external surveyor. The claim is then closed.');
    expect(branches(claims)).toEqual(['minor', 'major']);
    expect(tasks(claims)).toContain('Visit site');
    expect(laneOf(claims, 'Visit site')).toBe('External surveyor');
    expect(downstream(claims, node(claims, 'Pay claim'))).not.toContain('Visit site');
    const permits = read('The clerk checks the permit application. Small extensions are approved by the clerk. Large extensions require a site inspection by a building inspector. The clerk then files the application.');
    expect(tasks(permits)).toContain('Inspect site');
    expect(laneOf(permits, 'Inspect site')).toBe('Building inspector');
    expect(branches(permits)).toEqual(['small', 'large']);
  });

  it('a sequence of different parties, or of steps with their order words, stays a sequence', () => {
    const form = read('The clerk checks the form. The manager signs it. The archive stores it.');
    expect(tasks(form)).toEqual(['Check form', 'Sign form', 'Store form']);
    expect(form.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    const triage = read('The nurse triages the patient. Initial assessment is done by the nurse. Further treatment is given by the doctor.');
    expect(triage.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('a decision with its options after a colon', () => {
  it.each([
    ['retail returns', 'A customer returns an item. The agent decides: refund, store credit or refuse. The agent then updates the stock.', ['Refund item', 'Offer store credit', 'Refuse item'], 'Refuse item'],
    ['public permits', 'The officer reviews the application. The outcome is one of: approve, approve with conditions, reject. The officer files the decision.', ['Approve application', 'Approve application with conditions', 'Reject application'], 'Reject application'],
    ['IT support', 'The clerk registers the ticket. The analyst chooses one of: fix, escalate to level 2 or close.', ['Fix ticket', 'Escalate ticket', 'Close ticket'], null],
  ])('%s: one gateway, a way per option', (_domain, text, options, ending) => {
    const m = read(text);
    const split = m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length === 3);
    expect(split).toHaveLength(1);
    expect(next(m, split[0]!.id).map((n) => n.label).sort()).toEqual([...options].sort());
    if (ending) expect(next(m, node(m, ending).id).map((n) => n.kind)).toEqual(['end']);
  });

  it('a list of things that is no decision is left alone (HR)', () => {
    const m = read('HR prepares the contract. The contract lists: salary, start date and location. HR sends the contract.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('the steps these rewrites make are traced to the text\'s own verbs', () => {
  it.each([
    ['insurance', 'The adjuster assesses each claim. Minor claims are paid at once. Major claims require a site visit by an external surveyor. The claim is then closed.', 'Visit site', 'require'],
    ['insurance, owned thing', "The adjuster reviews the claim. Minor damage is settled by the adjuster directly. Major damage requires an appraiser's report. Suspected fraud is passed to the special investigations unit.", 'Obtain appraiser report', 'requires'],
    ['retail', 'A customer brings back an item. The return agent checks the receipt. The agent decides: refund, store credit or refuse. The agent then updates the stock.', 'Offer store credit', 'decides'],
    ['public administration', 'The applicant submits a works permit application. The permit officer reviews the application. The outcome is one of: approve, approve with conditions, reject. The officer then publishes the decision.', 'Reject application', 'reject'],
  ])('%s: "%s" comes from a verb of the text', (_domain, text, label, verb) => {
    const { model, verbs } = traceProcess({ prompt: text }, []);
    const task = model.nodes.find((n) => n.kind === 'task' && n.label === label);
    expect(task).toBeDefined();
    expect(verbs.filter((v) => v.task === task!.id).map((v) => v.verb)).toEqual([verb]);
    // Every task of the text has its verb.
    expect(model.nodes.filter((n) => n.kind === 'task' && !verbs.some((v) => v.task === n.id)).map((n) => n.label)).toEqual([]);
  });
});
