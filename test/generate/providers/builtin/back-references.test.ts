import { describe, expect, it } from 'vitest';
import { backReference, stepNamed } from '../../../../src/generate/providers/builtin/back-reference.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { read, tasks, node, next } from './model-reading.ts';

const ref = (sentence: string) => backReference(readSentences(sentence)[0]!);

describe('back references to a named earlier step', () => {
  it('reads where "resumes at", "goes back to", "returns to", "starts over" point', () => {
    expect(ref('The process resumes at checking the stock.')).toEqual({ kind: 'step', words: ['checking', 'stock'], loose: true });
    expect(ref('The request goes back to the approval step.')).toMatchObject({ kind: 'step', words: ['approval'] });
    expect(ref('The work returns to the review.')).toEqual({ kind: 'step', words: ['review'], loose: false });
    expect(ref('The whole procedure starts over.')).toEqual({ kind: 'start' });
    expect(ref('Then everything begins again from the beginning.')).toEqual({ kind: 'start' });
    // Numbered steps and hand-overs are not named steps; "continues with" goes forward.
    expect(ref('The team goes back to step 2.')).toBeNull();
    expect(ref('The clerk returns the form to the employee.')).toBeNull();
    expect(ref('The process continues with the shipping.')).toBeNull();
  });

  it('matches the step by its verb first, then by its thing ("verification" → Verify identity)', () => {
    const steps = [{ label: 'Receive form' }, { label: 'Verify identity' }, { label: 'Check form' }];
    expect(stepNamed(['verification'], steps)?.label).toBe('Verify identity');
    expect(stepNamed(['checking', 'form'], steps)?.label).toBe('Check form');
    expect(stepNamed(['form'], steps)).toBeUndefined();
    expect(stepNamed(['invoice'], steps)).toBeUndefined();
  });

  it('loops "the process resumes at checking …" back to the check, with no "Resume" step and no end on that branch', () => {
    const m = read('The storekeeper counts the pallets. If a pallet is damaged, the storekeeper reports it to the insurer, and the process resumes at counting once the insurer replies. The storekeeper stores the pallets.');
    expect(tasks(m).some((t) => /^resume/i.test(t))).toBe(false);
    const report = node(m, 'Report pallet');
    const path = next(m, report.id);
    const after = path[0]!.kind === 'intermediate' ? next(m, path[0]!.id) : path;
    expect(after.map((n) => n.label)).toEqual(['Count pallets']);
  });

  it('loops "goes back to …" and "returns to …" to the step named by its noun or gerund', () => {
    const m = read('The analyst builds the forecast. The controller reviews the forecast. If figures are missing, the analyst completes them and the work returns to the review. The controller signs off the forecast.');
    expect(next(m, node(m, 'Complete figures').id).map((n) => n.label)).toEqual(['Review forecast']);
    const m2 = read('The pipeline compiles the code. If the build breaks, the developer patches the code and the flow goes back to compiling. The pipeline deploys the code.');
    expect(next(m2, node(m2, 'Patch code').id).map((n) => n.label)).toEqual(['Compile code']);
  });

  it('loops rework in an "otherwise" branch that hands the work in again back to the step that decided', () => {
    const m = read('The designer drafts the mock-up. The art director looks at the mock-up. If it is good, the art director signs it off. Otherwise the designer reworks the colours and uploads the mock-up again. The printer prints the poster.');
    expect(next(m, node(m, 'Rework colours').id).map((n) => n.label)).toEqual(['Look at mock-up']);
    expect(next(m, node(m, 'Sign off mock-up').id).map((n) => n.label)).toEqual(['Print poster']);
  });

  it('sends "the process starts over" to the first step', () => {
    const m = read('The recruiter screens the candidates. The panel interviews the shortlist. If nobody fits, the recruiter reposts the advert and the process starts over. The panel makes an offer.');
    expect(next(m, node(m, 'Repost advert').id).map((n) => n.label)).toEqual(['Screen candidates']);
    expect(tasks(m).some((t) => /start/i.test(t))).toBe(false);
  });

  it('loops "we wait for payment again" back to the receive step a deadline hung on', () => {
    const m = read('The studio sends the quote. If there is no payment within 10 days, the studio calls the client. If the client still wants the shoot, the studio drafts a new quote and we wait for payment again. The photographer books the date.');
    const wait = m.nodes.find((n) => n.kind === 'task' && n.label === 'Wait for payment');
    expect(wait).toBeDefined();
    expect(m.nodes.filter((n) => /payment/i.test(n.label))).toHaveLength(1);
    expect(next(m, node(m, 'Draft new quote').id)).toEqual([wait]);
  });

  it('loops "waits for the payment again" back to the earlier wait', () => {
    const m = read('The agency invoices the client. The agency waits for the payment. If it is overdue, the agency sends a reminder and waits for the payment again. The agency books the payment.');
    const waits = m.nodes.filter((n) => n.kind === 'intermediate' && /payment/i.test(n.label));
    expect(waits).toHaveLength(1);
    expect(next(m, node(m, 'Send reminder').id)).toEqual([waits[0]]);
  });
});
