import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

function model(prompt: string, contexts?: string[]): ProcessModel {
  return traceProcess({ prompt, ...(contexts ? { contexts } : {}) }, []).model;
}
const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);
const laneOf = (m: ProcessModel, label: string) => m.actors.find((a) => a.id === m.nodes.find((n) => n.label === label)?.actor)?.name;

describe('lanes are acting parties only', () => {
  it('a time expression before the subject is not part of its name', () => {
    const m = model('Once a quarter, HR analyses all summaries. The yearly lab tech pulls the gauges.');
    expect(lanes(m)).toEqual(['HR', 'Lab tech']);
  });

  it('a verb the tagger ran into the subject ends the actor name', () => {
    expect(lanes(model('The GP signs the referral form and sends it to the clinic.'))).toContain('GP');
    expect(lanes(model('The broker sends three quotes. The client picks one of the quotes.'))).toEqual(['Broker', 'Client']);
    expect(lanes(model('Data centre technicians rack and cable the delivery.'))).toEqual(['Data centre technicians']);
  });

  it('things, measures and times that do something in the text get no lane', () => {
    const m = model('The nurse prepares the infusion. The bags must reach the unit by 10 a.m. The percentage of lost crop decides the payment.');
    expect(lanes(m)).toEqual(['Nurse']);
  });

  it('spelling variants of one actor share one lane: with or without a unit word, or by initials', () => {
    const m = model('The HR team prepares the contract. Then HR sends the contract to the candidate. Human resources files the contract. The finance department books the salary. Finance pays the bonus.');
    // The candidate only receives the contract while HR goes on: no lane of its own (see parties.test.ts).
    expect(lanes(m)).toEqual(['HR team', 'Finance department']);
    expect(laneOf(m, 'File contract')).toBe('HR team');
  });

  it('different roles that share a word stay apart', () => {
    const m = model('The sales representative writes the offer. The sales department approves the offer. The security team reviews it and the application security team tests it.');
    expect(lanes(m)).toEqual(['Sales representative', 'Sales department', 'Security team', 'Application security team']);
  });
});
