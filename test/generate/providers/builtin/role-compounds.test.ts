// "The event lead then sends …": the head of a role compound that is also a verb ("lead", "head", "chair") is part
// of who acts, not a step of its own ("Lead invitations" in an "Event" lane, before this rule).
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

const actorOf = (m: ReturnType<typeof read>, label: string) => m.actors.find((a) => a.id === m.nodes.find((n) => n.label === label)?.actor)?.name;

describe('role compounds whose head is also a verb', () => {
  it.each([
    ['The event lead books the venue. The event lead then sends the invitations.', 'Send invitations', 'Event lead'],
    ['The clerk files the form. Our project lead reviews the plan.', 'Review plan', 'Project lead'],
    ['The nurse admits the patient. The department head then approves the transfer.', 'Approve transfer', 'Department head'],
    ['The secretary drafts the minutes. The committee chair also signs the minutes.', 'Sign minutes', 'Committee chair'],
  ])('%s', (text, task, actor) => {
    const model = read(text);
    expect(tasks(model)).toContain(task);
    expect(tasks(model).some((label) => /^(Lead|Head|Chair)\b/.test(label ?? ''))).toBe(false);
    expect(actorOf(model, task)).toBe(actor);
  });

  it.each([
    ['ops lead schedules the maintenance window\nengineer installs the patches\nops lead informs the users', 'Inform users', 'Ops lead'],
    ['- shift lead checks the rota\n- nurse admits the patient', 'Check rota', 'Shift lead'],
    ['store head approves the refund; cashier pays it', 'Approve refund', 'Store head'],
  ])('in notes, a bare role compound opening its line: %s', (text, task, actor) => {
    const model = read(text);
    expect(tasks(model)).toContain(task);
    expect(actorOf(model, task)).toBe(actor);
  });

  it('leaves "lead" and "head" as verbs where they are the step', () => {
    expect(tasks(read('The manager will lead the kickoff meeting. The team heads to the site.'))).toContain('Lead kickoff meeting');
  });
});
