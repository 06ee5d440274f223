import { describe, expect, it } from 'vitest';
import { branches, downstream, next, node, read } from './model-reading.ts';

const ends = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);

describe('a step told after the ways of a choice is reached by every way (rejoining-ways.ts)', () => {
  it('public administration: "granted or refused, and the citizen is notified of the decision"', () => {
    const m = read('A citizen submits a permit application. The clerk checks the application. The permit is granted or refused, and the citizen is notified of the decision.');
    expect(downstream(m, node(m, 'Refuse permit'))).toContain('Notify citizen of decision');
    expect(downstream(m, node(m, 'Grant permit'))).toContain('Notify citizen of decision');
    expect(ends(m)).not.toContain('Permit refused');
  });

  it('finance: "approved or declined; in both cases the applicant gets a letter"', () => {
    const m = read('The customer applies for a loan. The officer assesses the risk. The loan is approved or declined; in both cases the applicant gets a letter.');
    expect(downstream(m, node(m, 'Decline loan'))).toContain('Send letter');
  });

  it('retail and insurance: "… either way" at the end of the clause or sentence', () => {
    const m = read('The warehouse checks the stock. The order is then shipped or cancelled, and the customer is informed either way.');
    expect(downstream(m, node(m, 'Cancel order'))).toContain('Inform customer');
    const r = read('The insurer reviews the claim. The claim is accepted or rejected. The policyholder is informed either way.');
    expect(downstream(r, node(r, 'Reject claim'))).toContain('Inform policyholder');
  });

  it('HR: "hired or rejected, and HR informs the candidate of the outcome"', () => {
    const m = read('The HR officer interviews the candidate. The candidate is hired or rejected, and HR informs the candidate of the outcome.');
    expect(downstream(m, node(m, 'Reject candidate'))).toContain('Inform candidate of outcome');
  });

  it('IT ops, health, finance: "Finally …" closing the case is reached by the way that ended early', () => {
    const m = read('The engineer deploys the change. If the deployment fails, the engineer rolls back. Finally the change manager closes the request.');
    expect(downstream(m, node(m, 'Roll back'))).toContain('Close request');
    expect(ends(m)).not.toContain('Deployment failed');
    const h = read('The pharmacist prepares the dose. If the dose is wrong, the pharmacist discards it. Finally the nurse documents the round.');
    expect(downstream(h, node(h, 'Discard dose'))).toContain('Document round');
    const f = read('The clerk checks the invoice. If the invoice is wrong, the clerk rejects it. Otherwise the clerk pays it. Lastly the clerk files the invoice.');
    expect(downstream(f, node(f, 'Reject invoice'))).toContain('File invoice');
  });

  it('"Finally" before a step that is no wrap-up, and "the process ends", keep their ends', () => {
    const m = read('The clerk checks the claim. If the claim is invalid, the clerk rejects it. Finally the clerk pays the claim.');
    expect(downstream(m, node(m, 'Reject claim'))).not.toContain('Pay claim');
  });
});

describe('three outcomes of one verb: only the accepting way goes on (outcome-ways.ts)', () => {
  it('software: approves, requests changes or closes the pull request', () => {
    const m = read('The author submits the pull request. The reviewer either approves it, requests changes, or closes the pull request. The maintainer then merges the pull request.');
    expect(branches(m)).toEqual(['approved', 'changes requested', 'closed']);
    expect(next(m, node(m, 'Approve pull request').id).map((n) => n.label)).toEqual(['Merge pull request']);
    expect(next(m, node(m, 'Request changes').id).map((n) => n.label)).toEqual(['Submit pull request']);
    expect(next(m, node(m, 'Close pull request').id)).toMatchObject([{ kind: 'end', label: 'Pull request closed' }]);
  });

  it('publishing: accepts, asks for revisions or rejects; with no hand-in drawn the request ends by name', () => {
    const m = read('The author submits the article. The editor accepts the article, asks for revisions or rejects it. The production team typesets the accepted article.');
    expect(next(m, node(m, 'Ask for revisions').id).map((n) => n.label)).toEqual(['Submit article']);
    expect(downstream(m, node(m, 'Reject article'))).not.toContain('Typeset accepted article');
    const r = read('The reviewer reads the pull request. The reviewer either approves it, requests changes, or closes the pull request. If approved, the maintainer merges it.');
    expect(next(r, node(r, 'Request changes').id)).toMatchObject([{ kind: 'end', label: 'Changes requested' }]);
  });

  it('insurance and education: "asks for more information", "asks for corrections"; "it" is the thing decided', () => {
    const m = read('The applicant submits the claim form. The adjuster approves the claim, asks for more information or rejects it. The payment team pays the approved claim.');
    expect(next(m, node(m, 'Ask for more information').id).map((n) => n.label)).toEqual(['Submit claim form']);
    expect(downstream(m, node(m, 'Reject claim'))).not.toContain('Pay approved claim');
    const e = read('The student uploads the assignment. The tutor accepts it, asks for corrections or fails it. The registry records the accepted assignment.');
    expect(next(e, node(e, 'Ask for corrections').id).map((n) => n.label)).toEqual(['Upload assignment']);
  });

  it('moderation: "asks the author for changes or removes it" — both end, only approving is published', () => {
    const m = read('The moderator reviews the post. The moderator approves the post, asks the author for changes or removes it. The post is then published.');
    expect(next(m, node(m, 'Ask author for changes').id)).toMatchObject([{ kind: 'end', label: 'Changes requested' }]);
    expect(next(m, node(m, 'Remove post').id)).toMatchObject([{ kind: 'end', label: 'Post removed' }]);
    expect(next(m, node(m, 'Approve post').id).map((n) => n.label)).toEqual(['Publish post']);
  });

  it('the rework told in its own sentence stays that way\'s own', () => {
    const m = read('The author submits the article. The editor accepts the article, asks for revisions or rejects it. If revisions are requested, the author revises the article and submits it again.');
    expect(next(m, node(m, 'Ask for revisions').id).map((n) => n.label)).toEqual(['Revise article']);
  });
});

describe('a failure\'s way that mends and does the failed thing again goes back to it (failed-retries.ts)', () => {
  it('health care: "recalibrates the scanner and runs the test again"', () => {
    const m = read('The technician scans the test phantom. If the test fails, the operator recalibrates the scanner and runs the test again. The radiologist then approves the scanner for use.');
    expect(next(m, node(m, 'Recalibrate scanner').id).map((n) => n.label)).toEqual(['Scan test phantom']);
    expect(ends(m)).not.toContain('Test failed');
  });

  it('software: "fixes the code and runs the checks again"', () => {
    const m = read('The developer pushes the code. The pipeline runs the checks. If any check fails, the developer fixes the code and runs the checks again. Then the release manager deploys the build.');
    expect(next(m, node(m, 'Fix code').id).map((n) => n.label)).toEqual(['Run checks']);
  });

  it('manufacturing: "adjusts the press and tests it again"', () => {
    const m = read('The operator calibrates the press. The inspector tests the first part. If the test fails, the operator adjusts the press and tests it again. The operator starts the production run.');
    expect(next(m, node(m, 'Adjust press').id).map((n) => n.label)).toEqual(['Test first part']);
  });
});

describe('negotiating until the parties agree: the way out is the agreement (agreement-loops.ts)', () => {
  it('real estate: "until they reach an agreement" names no thing', () => {
    const m = read('The landlord sends the lease. The tenant and the landlord negotiate the rent until they reach an agreement. The tenant signs the lease.');
    expect(next(m, node(m, 'Negotiate rent').id)[0]?.kind).toBe('exclusive');
    expect(m.flows.map((f) => f.label)).toContain('agreement reached');
  });

  it('retail and procurement: "until they agree on a price", "until both sides agree"', () => {
    const m = read('The agent proposes a price. The agent haggles with the seller until they agree on a price. The agent signs the deal.');
    expect(m.flows.map((f) => f.label)).toContain('price agreed');
    const p = read('The buyer drafts a contract. The buyer negotiates the clauses with the supplier until both sides agree. Then the buyer signs the contract.');
    const loop = next(p, node(p, 'Negotiate clauses with supplier').id)[0]!;
    expect(next(p, loop.id).map((n) => n.label)).toContain('Negotiate clauses with supplier');
    expect(downstream(p, loop)).toContain('Sign contract');
  });
});
