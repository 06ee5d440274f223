// "Depending on X, the thing goes to A or to B": places after one preposition are the ways of one choice.
import { describe, expect, it } from 'vitest';
import { read } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The lanes the ways of the first split lead into, one step on. */
function waysInto(m: ProcessModel): string[] {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);
  if (!split) return [];
  const after = (id: string) => m.flows.filter((f) => f.from === id).map((f) => m.nodes.find((n) => n.id === f.to)!);
  return after(split.id).flatMap((n) => after(n.id)).map((n) => m.actors.find((a) => a.id === n.actor)?.name ?? '').sort();
}

describe('depending on …, to A or to B', () => {
  it('IT operations: the ticket goes to one team or the other, then the desk closes it', () => {
    const m = read('The service desk logs the ticket. Depending on the severity, the ticket goes to the first-line team or to the on-call engineer. The service desk closes the ticket.');
    expect(waysInto(m)).toEqual(['First-line team', 'On-call engineer']);
  });

  it('public administration: a passive hand-over to one office or the other', () => {
    const m = read('The clerk registers the application. Depending on the region, the file is sent to the north office or to the south office. The office approves the application.');
    expect(waysInto(m)).toEqual(['North office', 'South office']);
  });

  it('manufacturing: the second place may leave out the preposition', () => {
    const m = read('The planner checks the order. Depending on the size, the order goes to the main plant or a subcontractor. The plant ships the goods.');
    expect(waysInto(m).length).toBe(2);
    expect(waysInto(m)).toContain('Subcontractor');
  });
});
