// Decisions and loops, round four: a branch per named case, send-back alternatives, and "when X is done" openings.
import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ModelNode, type ProcessModel } from '../../../../src/generate/model.ts';
import { describeProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { caseOpened, classMentioned, readClassification, readOpenCases } from '../../../../src/generate/providers/builtin/classification.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';

function model(prompt: string): ProcessModel {
  const m = repairModel(describeProcess({ prompt }, [])).model;
  expect(validateModel(m)).toEqual([]);
  return m;
}
const byLabel = (m: ProcessModel, label: string): ModelNode => {
  const found = m.nodes.find((n) => n.label === label);
  expect(found, label).toBeDefined();
  return found!;
};
const labels = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
/** The condition on the flow into a step, read through the gateway it leaves. */
const branchInto = (m: ProcessModel, label: string) => m.flows.find((f) => f.to === byLabel(m, label).id);
const gatewayBefore = (m: ProcessModel, label: string) => m.nodes.find((n) => n.id === branchInto(m, label)?.from && n.kind === 'exclusive');
const targets = (m: ProcessModel, label: string) => m.flows.filter((f) => f.from === byLabel(m, label).id).map((f) => m.nodes.find((n) => n.id === f.to)!);
const sentence = (s: string) => readSentences(s).at(-1)!;

describe('a branch per class', () => {
  it('reads a capitalised plural as its class', () => {
    const [first, second] = readSentences('The agent classifies the ticket as a bug, a question or a feature request. Questions are answered by the agent.');
    expect(classMentioned(second!, readClassification(first!)!)).toBe('question');
  });

  it('gives the classified ticket one gateway with a branch per class, the "if" one among them', () => {
    const m = model(
      'The agent classifies the ticket as a bug, a question or a feature request. If it is a bug, the agent assigns it to a developer. Questions are answered by the agent. Feature requests are forwarded to the product manager. Finally the agent closes the ticket.',
    );
    const gateway = gatewayBefore(m, 'Assign ticket')!;
    expect(gateway).toBeDefined();
    expect(gatewayBefore(m, 'Answer questions')?.id).toBe(gateway.id);
    expect(branchInto(m, 'Answer questions')?.label).toBe('question');
    expect(branchInto(m, 'Assign ticket')?.label).toBe('bug');
    // The branches meet again before the ticket is closed: nothing of one class runs after another.
    expect(targets(m, 'Answer questions').map((n) => n.kind)).toEqual(['exclusive']);
  });

  it('opens the cases of "depending on …" with the sentences that say "For …,"', () => {
    expect(readOpenCases(sentence('Depending on the severity, there are three cases.'))?.subject).toBe('severity');
    expect(readOpenCases(sentence('The nurse depends on the doctor.'))).toBeNull();
    expect(caseOpened(sentence('For critical patients, the nurse calls the doctor.'))).toBe('critical patients');
    expect(caseOpened(sentence('For all other roles, HR holds an interview.'))).toBe('otherwise');
    expect(caseOpened(sentence('For two days the nurse waits.'))).toBeNull();
    const m = model(
      'The nurse triages each patient. Depending on the severity, there are three cases. For critical patients, the nurse calls the emergency doctor. For urgent patients, the nurse books a consultation. For all other patients, the nurse gives the patient an appointment. The receptionist then registers the visit.',
    );
    const gateway = gatewayBefore(m, 'Call emergency doctor')!;
    expect(branchInto(m, 'Call emergency doctor')?.label).toBe('critical patients');
    expect(gatewayBefore(m, 'Book consultation')?.id).toBe(gateway.id);
    expect(m.flows.filter((f) => f.from === gateway.id).map((f) => f.label)).toContain('otherwise');
    expect(labels(m)).toContain('Register visit');
  });

  it('reads the cases after "There are three cases:" instead of skipping the sentence', () => {
    const m = model(
      'The landlord assesses the defect. There are three cases: if the defect is urgent, the landlord calls a plumber; if it is minor, the landlord asks the tenant to fix it; in all other cases the landlord schedules a repair. The landlord informs the tenant.',
    );
    const gateway = gatewayBefore(m, 'Call plumber')!;
    expect(gatewayBefore(m, 'Schedule repair')?.id).toBe(gateway.id);
    expect(m.flows.filter((f) => f.from === gateway.id)).toHaveLength(3);
  });
});

describe('sent back as one of two alternatives', () => {
  it('loops "either approves the request or sends it back to the employee" to the employee\'s step', () => {
    const m = model(
      'The employee submits a travel request. The manager either approves the request or sends it back to the employee. If the request is approved, the travel office books the flights.',
    );
    expect(targets(m, 'Send back request').map((n) => n.label)).toEqual(['Submit travel request']);
    expect(targets(m, 'Approve request').map((n) => n.label)).toEqual(['Book flights']);
  });
});

describe('"when X is done" at the start of a sentence', () => {
  it('is no second step when it restates the step just drawn', () => {
    for (const text of [
      'The clerk checks the invoice. When the invoice has been checked, the accountant pays the supplier.',
      'The warehouse clerk picks the items. Once the items have been picked, the packer packs the parcel.',
    ]) {
      const m = model(text);
      expect(new Set(labels(m)).size, text).toBe(labels(m).length);
    }
  });

  it('continues the branch of the answer it names after "approves or rejects"', () => {
    const m = model(
      'The employee applies for a course. The manager approves or rejects the request. When the request is approved, HR books the course. When it is rejected, HR informs the employee.',
    );
    expect(labels(m).filter((l) => l === 'Approve request')).toHaveLength(1);
    expect(targets(m, 'Approve request').map((n) => n.label)).toEqual(['Book course']);
    expect(targets(m, 'Reject request').map((n) => n.label)).toEqual(['Inform employee']);
    expect(targets(m, 'Inform employee').map((n) => n.label)).toEqual(['Request rejected']);
  });
});
