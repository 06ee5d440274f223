// Decisions and loops, round four: a branch per named case, send-back alternatives, and "when X is done" openings.
import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ModelNode, type ProcessModel } from '../../../../src/generate/model.ts';
import { describeProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { caseOpened, classMentioned, contrastedClasses, readClassification, readOpenCases } from '../../../../src/generate/providers/builtin/classification.ts';
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

describe('rework of what was sent back', () => {
  it('puts "corrects the form and submits it again" on the path that returned it', () => {
    const m = model(
      'The applicant submits the form. The registrar checks the form. If the form is incomplete, it is returned to the applicant for correction. The applicant corrects the form and submits it again. If the form is complete, the registrar enters the data into the register.',
    );
    expect(targets(m, 'Return form').map((n) => n.label)).toEqual(['Correct form']);
    expect(targets(m, 'Correct form').map((n) => n.label)).toEqual(['Submit form']);
    // The complete form is the other branch of the same check, not a step after the rework.
    expect(gatewayBefore(m, 'Enter data into register')?.id).toBe(gatewayBefore(m, 'Return form')?.id);
  });

  it('does the same after "either accepts the article or returns it to the author"', () => {
    const m = model(
      'The author submits the article. The editor either accepts the article or returns it to the author for revision. The author revises the article and submits it again. Accepted articles are published on the website.',
    );
    expect(targets(m, 'Return article').map((n) => n.label)).toEqual(['Revise article']);
    expect(targets(m, 'Accept article').map((n) => n.label)).not.toContain('Revise article');
  });

  it('continues "asks for changes" with "If changes are requested, …"', () => {
    const m = model(
      'The designer uploads the draft. The client either approves it or asks for changes. If changes are requested, the designer updates the draft and uploads it again. Once the draft is approved, the designer exports the final files.',
    );
    expect(targets(m, 'Ask for changes').map((n) => n.label)).toEqual(['Update draft']);
    expect(targets(m, 'Approve draft').map((n) => n.label)).toEqual(['Export final files']);
  });
});

describe('conditions written another way', () => {
  it('reads "Should the request be refused, …" as a condition', () => {
    const m = model('The line manager reviews the request. Should the request be refused, the employee is notified. Otherwise HR records the request.');
    expect(branchInto(m, 'Notify employee')?.label).toBe('request refused');
    expect(gatewayBefore(m, 'Record request')?.id).toBe(gatewayBefore(m, 'Notify employee')?.id);
  });

  it('reads a state before a colon as the case the rest handles', () => {
    const m = model('- System checks stock\n- Out of stock: system notifies customer\n- In stock: warehouse ships order\n- Finance sends invoice');
    expect(branchInto(m, 'Notify customer')?.label).toBe('out of stock');
    expect(branchInto(m, 'Ship order')?.label).toBe('in stock');
    expect(gatewayBefore(m, 'Ship order')?.id).toBe(gatewayBefore(m, 'Notify customer')?.id);
    // A name before the colon is who acts, not a case.
    expect(model('Finance: sends the invoice. Sales: calls the customer.').flows.some((f) => f.label)).toBe(false);
  });
});

describe('class names', () => {
  it('keeps a last class of two words whole when the classes are nouns, and the shared noun off adjectives', () => {
    expect(readClassification(sentence('The agent classifies the ticket as a bug, a question or a feature request.'))?.values).toEqual(['bug', 'question', 'feature request']);
    expect(readClassification(sentence('The inspector classifies the defects as minor, major or critical defects.'))?.values).toEqual(['minor', 'major', 'critical']);
  });
});

describe('things told apart by opposite words', () => {
  it('makes "Damaged goods …. Undamaged goods …" the two ways of one choice', () => {
    const [a, b, c] = readSentences('Damaged goods are returned to the supplier. Undamaged goods are put on the shelf. The clerk updates the list.');
    expect(contrastedClasses(a!, b)).toEqual({ values: ['damaged', 'undamaged'], subject: 'good' });
    expect(contrastedClasses(b!, c)).toBeNull();
    const m = model('The clerk inspects the goods. Damaged goods are returned to the supplier. Undamaged goods are put on the shelf. The clerk updates the stock list.');
    expect(branchInto(m, 'Put goods on shelf')?.label).toBe('undamaged');
    expect(gatewayBefore(m, 'Put goods on shelf')?.id).toBe(gatewayBefore(m, 'Return goods')?.id);
  });

  it('knows approved and rejected as opposites, and leaves two unrelated describing words alone', () => {
    const [a, b] = readSentences('Approved claims are paid by finance. Rejected claims are returned to the employee.');
    expect(contrastedClasses(a!, b)?.values).toEqual(['approved', 'rejected']);
    const [c, d] = readSentences('Large orders are shipped by truck. Small orders are sent by post.');
    expect(contrastedClasses(c!, d)).toBeNull();
  });
});

describe('a branch whose step refuses the work', () => {
  it('ends by name instead of rejoining the approved path', () => {
    const m = model(
      'A credit officer calculates the risk score. If the score is high, the officer rejects the application. If the score is low, the officer approves the loan. The clerk then prepares the contract.',
    );
    expect(targets(m, 'Reject application').map((n) => `${n.kind}:${n.label}`)).toEqual(['end:Application rejected']);
    expect(targets(m, 'Approve loan').map((n) => n.label)).toEqual(['Prepare contract']);
  });
});

describe('"it" in the second condition of a choice', () => {
  it('means what the first condition was about, not the thing the branch just handled', () => {
    const m = model(
      'We receive a complaint. If it is justified, we offer a refund. If it is not justified, we explain our decision to the customer. We then close the complaint.',
    );
    expect(branchInto(m, 'Explain decision')?.label).toBe('complaint not justified');
  });
});

describe('resubmitted with no submission drawn', () => {
  it('loops back to the step that decided on it', () => {
    const m = model(
      'The controller reviews each expense claim. If the receipts are missing, the controller returns the claim to the employee, who attaches the receipts and resubmits it. Otherwise the controller approves the claim.',
    );
    expect(targets(m, 'Attach receipts').map((n) => n.label)).toEqual(['Review expense claim']);
  });
});

describe('the classifying step', () => {
  it('leaves the classes to the gateway', () => {
    const m = model('The dispatcher sorts incoming calls into emergencies, complaints and general enquiries. Emergencies are passed to the duty officer. General enquiries are answered by the dispatcher.');
    expect(labels(m)[0]).toBe('Sort incoming calls');
    expect(branchInto(m, 'Answer general enquiries')?.label).toBe('general enquiries');
  });
});
