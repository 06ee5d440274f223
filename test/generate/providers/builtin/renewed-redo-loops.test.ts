// A failing way that does an earlier step again on a thing made anew ("draws another sample", "books a new
// inspection", "enters another card") loops back to that step instead of drawing it a second time and ending.
import { describe, expect, it } from 'vitest';
import { node, next, read, tasks } from './model-reading.ts';

const loopsTo = (m: ReturnType<typeof read>, from: string, to: string) => next(m, node(m, from).id).some((n) => n.id === node(m, to).id);

describe('redoing an earlier step on a new thing loops back to it', () => {
  it('"the nurse draws another sample" goes back to drawing the sample (health)', () => {
    const m = read('The nurse draws a blood sample and sends it to the lab. If the lab rejects the sample, the nurse draws another sample. Otherwise the lab analyses the sample.');
    expect(tasks(m)).toEqual(['Draw blood sample', 'Send blood sample', 'Analyse sample']);
    expect(m.nodes.filter((n) => n.kind === 'end').every((n) => !n.label)).toBe(true);
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(next(m, split.id).map((n) => n.label)).toContain('Draw blood sample');
  });

  it('"schedules another interview" goes back to scheduling (HR)', () => {
    const m = read('The recruiter schedules an interview. If the candidate does not show up, the recruiter schedules another interview. Otherwise the manager interviews the candidate.');
    expect(tasks(m)).toEqual(['Schedule interview', 'Interview candidate']);
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(next(m, split.id).map((n) => n.label)).toEqual(['Schedule interview', 'Interview candidate']);
  });

  it('"repairs the defects and books a new inspection" goes back to booking it, after the repair (construction)', () => {
    const m = read('The contractor builds the extension and books an inspection. The inspector inspects the work. When the inspection fails, the contractor repairs the defects and books a new inspection. When it passes, the inspector issues a certificate.');
    expect(tasks(m)).toEqual(['Build extension', 'Book inspection', 'Inspect work', 'Repair defects', 'Issue certificate']);
    expect(loopsTo(m, 'Repair defects', 'Book inspection')).toBe(true);
  });

  it('"corrects the layout and sends a new proof" goes back to sending the proof (publishing)', () => {
    const m = read('The designer prepares the layout and sends a proof to the printer. If the print proof has errors, the designer corrects the layout and sends a new proof. Otherwise the printer prints the brochure.');
    expect(tasks(m)).toEqual(['Prepare layout', 'Send proof', 'Correct layout', 'Print brochure']);
    expect(loopsTo(m, 'Correct layout', 'Send proof')).toBe(true);
  });

  it('"rewrites the essay and submits a new version" goes back to the submission (education)', () => {
    const m = read('The student submits the essay. The teacher grades the essay. If the grade is below 50, the student rewrites the essay and submits a new version. Otherwise the teacher records the grade.');
    expect(tasks(m)).toEqual(['Submit essay', 'Grade essay', 'Rewrite essay', 'Record grade']);
    expect(loopsTo(m, 'Rewrite essay', 'Submit essay')).toBe(true);
  });

  it('a new thing of another verb is a step of its own (retail)', () => {
    const m = read('The clerk checks the stock. If the item is missing, the clerk orders a new item. Otherwise the clerk ships the item.');
    expect(tasks(m)).toContain('Order new item');
  });
});
