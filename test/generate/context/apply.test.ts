// The folder's context on small models, as any provider might answer them.
import { describe, expect, it } from 'vitest';
import { applyContext } from '../../../src/generate/context/apply.ts';
import type { ProcessModel } from '../../../src/generate/model.ts';

function model(actors: string[], org: string[] = []): ProcessModel {
  const all = [...actors.map((name) => ({ name, organisation: false })), ...org.map((name) => ({ name, organisation: true }))];
  return {
    name: 'Customer request process',
    actors: all.map((a, i) => ({ id: `a${i}`, ...a })),
    nodes: [
      { id: 's', kind: 'start', label: 'Customer request received', actor: 'a0' },
      ...all.map((a, i) => ({ id: `t${i}`, kind: 'task' as const, label: `Serve customer ${i}`, actor: `a${i}` })),
      { id: 'g', kind: 'exclusive', label: 'Customer known?', actor: 'a0' },
      { id: 'e', kind: 'end', label: 'Customer served', actor: null },
    ],
    flows: [{ from: 's', to: 't0' }, { from: 't0', to: 'g', label: '' }, { from: 'g', to: 'e', label: 'new customer' }],
  };
}
const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);
const laneOf = (m: ProcessModel, id: string) => m.actors.find((a) => a.id === m.nodes.find((n) => n.id === id)?.actor)?.name ?? null;

describe('applying a folder context', () => {
  it('puts preferred terms in every label: process, events, tasks, gateways, conditions, lanes and pools', () => {
    const m = model(['Customer desk'], ['Customer bank']);
    expect(applyContext(m, ["Say 'client', not 'customer'."])).toEqual([]);
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/customer/i);
    expect(m.name).toBe('Client request process');
    expect(m.nodes.find((n) => n.id === 'g')!.label).toBe('Client known?');
    expect(m.flows.find((f) => f.from === 'g')!.label).toBe('new client');
    expect(lanes(m)).toEqual(['Client desk', 'Client bank']);
  });

  it("maps the actors onto the folder's lanes by shared words and lines of work, in the folder's order, adding none", () => {
    const m = model(['Billing team', 'Service desk', 'Head of finance']);
    expect(applyContext(m, ['Our lanes are: Front office, Finance'])).toEqual([]);
    expect(lanes(m)).toEqual(['Front office', 'Finance']);
    expect(laneOf(m, 't0')).toBe('Finance');
    expect(laneOf(m, 't1')).toBe('Front office');
    expect(laneOf(m, 't2')).toBe('Finance');
  });

  it('weighs a unit or domain word above a bare role, and a shared word above a line of work', () => {
    const m = model(['IT helpdesk', 'Accounts payable clerk', 'Sales manager', 'Clerk', 'Manager']);
    applyContext(m, ['Lanes: Front office, Back office, Finance, IT, Sales, Management']);
    expect(['t0', 't1', 't2', 't3', 't4'].map((id) => laneOf(m, id))).toEqual(['IT', 'Finance', 'Sales', 'Back office', 'Management']);
  });

  it('matches actors by their own words and stems before terms apply, keeping the lane names as the folder writes them', () => {
    const m = model(['Claims handler', 'Assessor', 'Teacher']);
    expect(applyContext(m, ["Say 'case', not 'claim'.", 'Our lanes are: Claims, Assessment, Teaching staff.'])).toEqual([]);
    expect(lanes(m)).toEqual(['Claims', 'Assessment', 'Teaching staff']);
    expect(laneOf(m, 't0')).toBe('Claims');
  });

  it('leaves an actor that fits no lane without one and names it in a warning; pools stay pools', () => {
    const m = model(['Sales rep', 'Courtroom'], ['Supplier Ltd']);
    const warnings = applyContext(m, ['Our lanes are: Sales, Warehouse.']);
    expect(lanes(m)).toEqual(['Sales', 'Supplier Ltd']);
    expect(laneOf(m, 't1')).toBeNull();
    expect(warnings).toEqual([`"Courtroom" fits none of the folder's lanes (Sales, Warehouse); its steps are drawn in the lane of the step before them.`]);
  });

  it('keeps the actors when not one of them fits the lanes, and says so', () => {
    const m = model(['Clerk', 'Courier']);
    expect(applyContext(m, ['Lanes: Blue, Green.'])).toEqual([`None of the diagram's actors fits the folder's lanes (Blue, Green); its lanes are named as the text names them.`]);
    expect(lanes(m)).toEqual(['Clerk', 'Courier']);
    expect(laneOf(m, 't1')).toBe('Courier');
  });

  it('names "we" for the team the folder says we are, merged with that team when it is there too', () => {
    const m = model(['We', 'Accounts payable team', 'Manager']);
    applyContext(m, ['We are the accounts payable team.']);
    expect(lanes(m)).toEqual(['Accounts payable team', 'Manager']);
    expect(laneOf(m, 't0')).toBe('Accounts payable team');
    const alone = model(['I']);
    applyContext(alone, ["I'm the office manager."]);
    expect(lanes(alone)).toEqual(['Office manager']);
  });

  it('writes every label in Title Case when the folder asks, small words kept small', () => {
    const m = model(['Clerk']);
    applyContext(m, ['Labels in Title Case.']);
    expect(m.nodes.find((n) => n.id === 's')!.label).toBe('Customer Request Received');
    expect(m.nodes.find((n) => n.id === 'g')!.label).toBe('Customer Known?');
    expect(m.flows.find((f) => f.from === 'g')!.label).toBe('New Customer');
  });

  it('changes nothing without a context', () => {
    const m = model(['Clerk']);
    const before = JSON.stringify(m);
    expect(applyContext(m, [])).toEqual([]);
    expect(JSON.stringify(m)).toBe(before);
  });
});
