import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

function read(prompt: string): ProcessModel {
  const { model } = traceProcess({ prompt }, []);
  expect(validateModel(repairModel(model).model)).toEqual([]);
  return model;
}
const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label)!;
const next = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => m.nodes.find((n) => n.id === f.to)!);
const labelsOut = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label ?? '');

describe('a choice inside a branch', () => {
  it('draws a condition after a checking step in a branch as a second gateway there; "otherwise" is the outer way', () => {
    const m = read('The nurse measures the temperature. If it is high, the nurse tests the blood. If the test is positive, the doctor prescribes antibiotics; if it is negative, the doctor orders more tests. Otherwise the nurse discharges the patient. The clerk archives the file.');
    const [outer] = next(m, node(m, 'Measure temperature').id);
    expect(next(m, outer!.id).map((n) => n.label).sort()).toEqual(['Discharge patient', 'Test blood']);
    const [inner] = next(m, node(m, 'Test blood').id);
    expect(inner!.kind).toBe('exclusive');
    expect(next(m, inner!.id).map((n) => n.label)).toEqual(['Prescribe antibiotics', 'Order more tests']);
  });

  it('keeps "who either grants or refuses it" inside the "if not" branch instead of closing the outer choice', () => {
    const m = read('The engineer requests a budget. If the sum is below 1,000 euros, the manager signs it. If not, he passes it to the director, who either grants or refuses it. Finance books the budget.');
    const [inner] = next(m, node(m, 'Pass budget').id).filter((n) => n.kind === 'exclusive');
    expect(inner).toBeDefined();
    expect(labelsOut(m, inner!.id)).toEqual(['granted', 'refused']);
    const [outer] = next(m, node(m, 'Request budget').id);
    expect(next(m, outer!.id).map((n) => n.label)).toEqual(['Sign budget', 'Pass budget']);
  });

  it('reads "either A or, if C, B" as a choice between A and B, with C on the way to B', () => {
    const m = read('The technician restarts the router and then either closes the call or, if the fault persists, books a site visit. The technician updates the log.');
    const [gateway] = next(m, node(m, 'Restart router').id);
    expect(gateway!.kind).toBe('exclusive');
    expect(next(m, gateway!.id).map((n) => n.label)).toEqual(['Close call', 'Book site visit']);
    expect(labelsOut(m, gateway!.id)).toEqual(['otherwise', 'fault persists']);
  });
});
