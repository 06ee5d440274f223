// A refusal told right after the yes ("issues the permit. … sends a refusal letter") is the other way of one choice,
// never a step after the yes; both ways are labelled with the answer.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

describe('the yes and the refusal told one after the other', () => {
  it('"issues the permit … sends a refusal letter" (public administration)', () => {
    const m = read('The planning officer assesses the application. The officer issues the permit. The officer sends a refusal letter to the applicant.');
    const split = next(m, node(m, 'Assess application').id)[0]!;
    expect(split.kind).toBe('exclusive');
    expect(m.flows.filter((f) => f.from === split.id).map((f) => f.label).sort()).toEqual(['issued', 'refused']);
    expect(downstream(m, node(m, 'Issue permit'))).not.toContain('Send refusal letter');
  });

  it('"approves the grant … sends a rejection email", and the work after the yes goes on (research funding)', () => {
    const m = read('The panel scores the proposal. The panel approves the grant. The office sends a rejection email. The office then archives the file.');
    expect(downstream(m, node(m, 'Approve grant'))).not.toContain('Send rejection email');
    expect(next(m, node(m, 'Send rejection email').id)[0]!.kind).toBe('end');
  });

  it('"accepts the proposal … declines the proposal" is labelled with the answers (insurance)', () => {
    const m = read('The underwriter reviews the risk. The underwriter accepts the proposal. The underwriter declines the proposal and informs the broker.');
    const split = next(m, node(m, 'Review risk').id)[0]!;
    expect(m.flows.filter((f) => f.from === split.id).map((f) => f.label).sort()).toEqual(['accepted', 'declined']);
  });

  it('a letter that is no refusal stays a step after the yes (HR)', () => {
    const m = read('HR approves the request. HR sends a confirmation letter.');
    expect(next(m, node(m, 'Approve request').id)[0]!.label).toBe('Send confirmation letter');
  });
});
