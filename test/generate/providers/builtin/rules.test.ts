import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { conditionLabel } from '../../../../src/generate/providers/builtin/sentence-reader.ts';
import { labelProblem } from '../../../../src/generate/providers/builtin/label-gate.ts';
import { findCycle, findDuration } from '../../../../src/generate/providers/builtin/time-expressions.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';

function read(prompt: string): { model: ProcessModel; warnings: string[]; verbs: ReturnType<typeof traceProcess>['verbs'] } {
  const warnings: string[] = [];
  const { model, verbs } = traceProcess({ prompt }, warnings);
  expect(validateModel(repairModel(model).model)).toEqual([]);
  return { model, warnings, verbs };
}
const tasks = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label)!;
const next = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => m.nodes.find((n) => n.id === f.to)!);
const lane = (m: ProcessModel, label: string) => m.actors.find((a) => a.id === node(m, label).actor)?.name;

describe('the two prompts of issue 13', () => {
  it('onboarding: a start event named for the trigger, HR and IT in parallel, then the meeting, then a conditional permit', () => {
    const { model } = read(
      'When a new employee joins, HR prepares the contract and IT sets up a laptop at the same time. Then the manager schedules an introduction meeting. If the employee needs a visa, HR applies for a work permit.',
    );
    expect(model.nodes[0]).toMatchObject({ kind: 'start', label: 'New employee joined' });
    expect(tasks(model)).toEqual(['Prepare contract', 'Set up laptop', 'Schedule introduction meeting', 'Apply for work permit']);
    const [fork] = next(model, model.nodes[0]!.id);
    expect(fork!.kind).toBe('parallel');
    expect(next(model, fork!.id).map((n) => n.label).sort()).toEqual(['Prepare contract', 'Set up laptop']);
    const [choice] = next(model, node(model, 'Schedule introduction meeting').id);
    expect(choice!.kind).toBe('exclusive');
    expect(model.flows.find((f) => f.from === choice!.id && f.to === node(model, 'Apply for work permit').id)?.label).toBe('employee needs visa');
    expect(lane(model, 'Apply for work permit')).toBe('HR');
  });

  it('support ticket: no preamble task, a clean condition, a hand-over to Engineering, a wait with a 2-day timer', () => {
    const { model } = read(
      "Create a diagram for a support ticket process: A customer submits a ticket. The support agent reviews the ticket. If it's a bug it goes to engineering. Otherwise the agent answers the customer. Close the ticket when the customer confirms. If the customer does not confirm within 2 days, the ticket is closed automatically.",
    );
    expect(model.name).toBe('Support ticket process');
    expect(tasks(model).some((t) => /diagram/i.test(t))).toBe(false);
    expect(model.flows.map((f) => f.label)).toContain('bug');
    expect(lane(model, 'Forward ticket to Engineering')).toBe('Support agent');
    expect(model.actors.map((a) => a.name)).toContain('Engineering');
    const timer = model.nodes.find((n) => n.kind === 'boundary')!;
    expect(timer).toMatchObject({ label: '2 days', eventType: 'timer', timer: { kind: 'duration', value: 'P2D' } });
    expect(node(model, 'Wait for customer to confirm').id).toBe(timer.attachedTo);
    expect(next(model, timer.id).map((n) => n.label)).toEqual(['Close ticket']);
    expect(tasks(model).filter((t) => t === 'Close ticket')).toHaveLength(1);
  });
});

describe('rules about English', () => {
  it('reads "rolls back and notifies …" as two steps, "Roll back" keeping no borrowed object', () => {
    const { model } = read('If the fix does not work, the engineer rolls back and notifies the incident channel. The engineer merges the branch.');
    expect(next(model, node(model, 'Roll back').id).map((n) => n.label)).toEqual(['Notify incident channel']);
    expect(next(model, node(model, 'Notify incident channel').id)).toMatchObject([{ kind: 'end', label: 'Fix failed' }]);
  });

  it('loops "proposed changes go back to the buyer" from the branch that proposed them, the other branch carries on', () => {
    const { model } = read('The buyer reviews the order and sends it to the supplier. The supplier confirms the order or proposes changes; proposed changes go back to the buyer for review. The warehouse receives the goods.');
    expect(next(model, node(model, 'Propose changes').id).map((n) => n.label)).toEqual(['Review order']);
    expect(next(model, node(model, 'Confirm order').id).map((n) => n.label)).toEqual(['Receive goods']);
  });

  it('ends the branch of any refusal verb: hyphenated compounds ("desk-rejects") and phrasal ones ("turns down")', () => {
    const paper = read('The editor either desk-rejects the paper or assigns two reviewers. The reviewers send their reports.').model;
    expect(next(paper, node(paper, 'Desk-reject paper').id)).toMatchObject([{ kind: 'end', label: 'Paper desk-rejected' }]);
    expect(next(paper, node(paper, 'Assign two reviewers').id).map((n) => n.label)).toEqual(['Send reports']);
    const leave = read('The manager approves or turns down the request. HR records the leave.').model;
    expect(next(leave, node(leave, 'Turn down request').id)).toMatchObject([{ kind: 'end', label: 'Request rejected' }]);
  });

  it('ends a failure branch ("if the payment fails", "if the fix does not work") unless it sends the work back', () => {
    const shop = read('If the payment fails, the shop cancels the order. The shop ships the goods.').model;
    expect(next(shop, node(shop, 'Cancel order').id)).toMatchObject([{ kind: 'end', label: 'Payment failed' }]);
    const fix = read('If the fix does not work, the engineer notifies the incident channel. The engineer merges the branch.').model;
    expect(next(fix, node(fix, 'Notify incident channel').id)).toMatchObject([{ kind: 'end', label: 'Fix failed' }]);
    const tests = read('The developer runs the tests. If the tests fail, the developer fixes the code and goes back to the tests. The developer deploys the build.').model;
    expect(next(tests, node(tests, 'Fix code').id).map((n) => n.label)).toEqual(['Run tests']);
  });

  it('labels "if it does (not)" after "checks whether" with the question, positive and negated, on the right branches', () => {
    const { model } = read('The office checks whether the clinic accepts the patient. If it does not, the office sends the referral back to the doctor. If it does, the office books an appointment.');
    const into = (label: string) => model.flows.find((f) => f.to === node(model, label).id)?.label;
    expect(into('Send back referral')).toBe('clinic does not accept patient');
    expect(into('Book appointment')).toBe('clinic accepts patient');
  });

  it('ends a rejection branch in a named end event and lets the rest carry on', () => {
    const { model } = read('An employee submits a leave request. The manager approves or rejects the request. If the request is rejected, the employee is informed. If it is approved, HR records the leave. Finally HR sends a confirmation.');
    const [end] = next(model, node(model, 'Inform employee').id);
    expect(end).toMatchObject({ kind: 'end', label: 'Request rejected' });
    expect(next(model, node(model, 'Record leave').id).map((n) => n.label)).toEqual(['Send confirmation']);
  });

  it('loops a resubmission back to the step repeated instead of drawing it twice', () => {
    const { model } = read('The employee submits an expense claim. The manager reviews the claim. If it is incomplete, the employee corrects it and resubmits it. Otherwise the manager approves the claim.');
    expect(tasks(model).filter((t) => t.startsWith('Submit'))).toHaveLength(1);
    expect(next(model, node(model, 'Correct claim').id).map((n) => n.label)).toEqual(['Submit expense claim']);
  });

  it('makes "says yes or no" a decision that the following "if yes / if no" branch', () => {
    const { model, verbs } = read('The worker asks for overtime. The plant manager says yes or no the same day. If yes, the worker works the overtime. If no, the worker is informed.');
    const [choice] = next(model, node(model, 'Decide').id);
    expect(model.flows.filter((f) => f.from === choice!.id).map((f) => f.label)).toEqual(['yes', 'no']);
    expect(verbs.find((v) => v.verb === 'says')?.task).toBe(node(model, 'Decide').id);
  });

  it('sends the work back to the step of whoever gets it', () => {
    const { model } = read('The supplier returns the completed questionnaire. The admin checks the questionnaire and sends it back if something is missing. Otherwise the admin creates the supplier.');
    expect(next(model, node(model, 'Send back questionnaire').id).map((n) => n.label)).toEqual(['Return completed questionnaire']);
  });

  it('makes "2 hours before the appointment" a timer ahead of the step, not part of its label', () => {
    const { model } = read('The nurse calls the patient 2 hours before the appointment. The doctor examines the patient.');
    expect(tasks(model)).toEqual(['Call patient', 'Examine patient']);
    expect(model.nodes.find((n) => n.kind === 'intermediate')).toMatchObject({ label: '2 hours before appointment', eventType: 'timer' });
    expect(next(model, model.nodes.find((n) => n.kind === 'intermediate')!.id)[0]?.label).toBe('Call patient');
  });

  it('makes a trailing "if required" a choice whose other branch skips the step', () => {
    const { model } = read('The clerk checks the form. The clerk asks the customer for more documents if required. The clerk files the form.');
    expect(tasks(model)).toEqual(['Check form', 'Ask customer for more documents', 'File form']);
    const [choice] = next(model, node(model, 'Check form').id);
    expect(choice!.kind).toBe('exclusive');
    const after = next(model, choice!.id).map((n) => n.kind);
    expect(after).toContain('task');
    expect(after).toContain('exclusive');
  });

  it('waits on a timer "after 3 days" and starts on a timer "every Monday"', () => {
    const { model } = read('Every Monday the planner checks the stock. After 3 days the buyer sends a reminder to the supplier.');
    expect(model.nodes[0]).toMatchObject({ kind: 'start', label: 'Every Monday', eventType: 'timer', timer: { kind: 'cycle', value: 'R/P1W' } });
    const wait = model.nodes.find((n) => n.kind === 'intermediate' && n.eventType === 'timer')!;
    expect(wait).toMatchObject({ label: '3 days', timer: { value: 'P3D' } });
    expect(next(model, wait.id)[0]!.label).toBe('Send reminder');
  });

  it('makes "waits for the upload" a catch event, not a task', () => {
    const { model, verbs } = read('The assistant asks the customer for the receipt and waits for the upload. Then the assistant checks the receipt.');
    expect(tasks(model)).toEqual(['Ask customer for receipt', 'Check receipt']);
    expect(model.nodes.some((n) => n.kind === 'intermediate' && n.label === 'Upload received')).toBe(true);
    expect(verbs.find((v) => v.verb === 'waits')?.skip).toBe('wait');
  });

  it('makes "one or more of" an inclusive choice with a step per option', () => {
    const { model } = read('The pharmacist scans the prescription. The pharmacist offers one or more of: a dosage plan, a pill box, a home delivery. Then the pharmacist takes the payment.');
    const split = next(model, node(model, 'Scan prescription').id)[0]!;
    expect(split.kind).toBe('inclusive');
    expect(model.flows.filter((f) => f.from === split.id).map((f) => f.label)).toEqual(['dosage plan', 'pill box', 'home delivery']);
    expect(next(model, node(model, 'Offer pill box').id)[0]!.kind).toBe('inclusive');
  });

  it('never lets "it" point at an amount', () => {
    const { model } = read('The clerk records the invoice. The system calculates the total amount. The manager approves it.');
    expect(tasks(model)).toEqual(['Record invoice', 'Calculate total amount', 'Approve invoice']);
  });

  it('names the diagram from a "Process:" line and makes no task of it', () => {
    const { model } = read('Process: Refund handling\nThe clerk checks the receipt. The cashier pays the refund.');
    expect(model.name).toBe('Refund handling');
    expect(tasks(model)).toEqual(['Check receipt', 'Pay refund']);
  });

  it('reads note lines and arrows as steps in order', () => {
    const { model } = read('website down -> on-call engineer restarts the web servers -> if still down, call the hosting provider');
    expect(tasks(model)).toEqual(['Restart web servers', 'Call hosting provider']);
  });
});

describe('trace and gate', () => {
  it('accounts for each verb: the task it made or why it made none', () => {
    const { model, verbs } = read('If the order is complete, the clerk ships it. The process ends.');
    const ships = verbs.find((v) => v.verb === 'ships')!;
    expect(model.nodes.find((n) => n.id === ships.task)?.label).toBe('Ship order');
    expect(verbs.find((v) => v.verb === 'ends')?.skip).toBe('process-end');
  });

  it('refuses fragment labels and says so in a warning', () => {
    expect(labelProblem('Engineer', 'task')).toMatch(/needs an object/);
    expect(labelProblem('Then check the invoice', 'task')).toMatch(/adverb|determiner/);
    expect(labelProblem("ticket 's bug", 'condition')).toBe('tokenizer artifact');
    expect(labelProblem('Set up laptop', 'task')).toBeNull();
    const { warnings } = read('The clerk checks the invoice. Somebody knows.');
    expect(warnings.some((w) => w.includes('label gate'))).toBe(true);
  });

  it('cleans conditions: "it\'s a bug" is "bug", modals and auxiliaries go', () => {
    const cond = (s: string) => conditionLabel(readSentences(s)[0]!.filter((t) => t.pos !== 'PUNCT'));
    expect(cond("if it's a bug")).toBe('bug');
    expect(cond('if the agent can solve the incident')).toBe('agent solve incident');
  });

  it('reads time expressions with their ISO 8601 value', () => {
    const d = (s: string) => findDuration(readSentences(s)[0]!);
    expect(d('If there is no answer within a week, the clerk calls.')).toMatchObject({ kind: 'deadline', label: '1 week', timer: { value: 'P1W' } });
    expect(d('After 4 hours the system retries.')).toMatchObject({ kind: 'wait', timer: { value: 'PT4H' } });
    expect(d('Payment is due within 10 working days.')).toMatchObject({ kind: 'deadline', label: '10 working days', timer: undefined });
    expect(findCycle('Every night the job runs')?.timer.value).toBe('R/P1D');
    expect(findCycle('Every first day of the month, the accountant prepares the report')).toEqual({ label: 'Every first day of the month', timer: { kind: 'cycle', value: 'R/P1M' } });
  });
});
