// Sentences about the text (the writer handing it over, the reader asked to draw it, a purpose told for the reader)
// make no step; "one" set against a thing just named is another of that thing. Each sentence failed before.
import { describe, expect, it } from 'vitest';
import { read, tasks, laneOf } from './model-reading.ts';

describe('the writer and the reader of the text', () => {
  it('a sentence handing the text over, or saying how it is written, is no step', () => {
    for (const [lead, rest, want] of [
      ['Here is our returns process, written in the order it happens, so you can put it into the tool.', 'The customer sends the item back. The clerk inspects the item.', ['Send back item', 'Inspect item']],
      ["I've written the steps down in order so that the diagram shows who does what.", 'The nurse takes the blood sample. The lab analyses the sample.', ['Take blood sample', 'Analyse sample']],
      ['What follows is a rough description of how we handle incidents.', 'The engineer restarts the server. The manager informs the users.', ['Restart server', 'Inform users']],
      ["I'll describe how a change request moves through the team.", 'The developer builds the change. The tester tests the change.', ['Build change', 'Test change']],
      ['Below you will find the onboarding workflow.', 'HR prepares the contract. The manager signs the contract.', ['Prepare contract', 'Sign contract']],
      ['We describe the process below in the order it happens.', 'The clerk registers the claim. The adjuster assesses the claim.', ['Register claim', 'Assess claim']],
      ["I'm going to walk you through our claims process.", 'The clerk registers the claim. The adjuster assesses the claim.', ['Register claim', 'Assess claim']],
      ['I have put this together so that new staff can follow it.', 'The teacher grades the exam. The office records the grade.', ['Grade exam', 'Record grade']],
    ] as const) {
      expect(tasks(read(`${lead} ${rest}`)), lead).toEqual(want);
    }
  });

  it('the reader asked to model or draw the text is no step', () => {
    for (const lead of ['Please model the following.', 'Please turn the following into a BPMN diagram.', 'Please capture the following in a diagram.', 'Could you draw this as a flowchart?']) {
      const model = read(`${lead} The warehouse picks the goods. The driver delivers the goods.`);
      expect(tasks(model), lead).toEqual(['Pick goods', 'Deliver goods']);
      expect(laneOf(model, 'Pick goods')).toBe('Warehouse');
    }
  });

  it('"so <someone> can …" says what for, as "so that" does; a "so" that says what follows is still a step', () => {
    expect(tasks(read('The customer sends the item back, so the clerk can inspect it. The clerk refunds the customer.'))).toEqual(['Send back item', 'Refund customer']);
    expect(tasks(read('The developer tags the release so the pipeline can deploy it. The tester checks the release.'))).toEqual(['Tag release', 'Check release']);
    expect(tasks(read('The nurse prepares the room so the doctor can see the patient. The doctor examines the patient.'))).toEqual(['Prepare room', 'Examine patient']);
    expect(tasks(read('The stock is low, so the manager orders more.'))).toEqual(['Order more stock']);
  });

  it('sentences of the process that share words with the text kind stay steps', () => {
    expect(tasks(read('The agent explains the terms to the customer. The customer signs the contract.'))).toEqual(['Explain terms', 'Sign contract']);
    expect(tasks(read('The seller lists the item on the marketplace. The buyer pays the item.'))).toEqual(['List item on marketplace', 'Pay item']);
    expect(tasks(read('We put the parts together. We test the device.'))).toEqual(['Put together parts', 'Test device']);
  });
});

describe('"one" set against a thing just named', () => {
  it('is another of that thing, with its own describing word', () => {
    for (const [text, want] of [
      ['The technician deactivates the old SIM and activates the new one.', ['Deactivate old SIM', 'Activate new SIM']],
      ['The nurse removes the old dressing and applies a new one.', ['Remove old dressing', 'Apply new dressing']],
      ['The admin archives the old account and creates a new one.', ['Archive old account', 'Create new account']],
      ['The teacher collects the old textbooks and hands out the new ones.', ['Collect old textbooks', 'Hand out new textbooks']],
    ] as const) {
      expect(tasks(read(text)), text).toEqual(want);
    }
  });
});

describe('a relative clause whose subject stands after its pronoun', () => {
  it('is a step of that subject on the thing named before it, or on what "whose" names', () => {
    for (const [text, want, lane] of [
      ['The clerk greets the author. The author submits a draft, which the editor reviews.', ['Greet author', 'Submit draft', 'Review draft'], 'Editor'],
      ['The patient fills in a form, which the receptionist scans.', ['Fill in form', 'Scan form'], 'Receptionist'],
      ['The clerk greets the supplier. The supplier sends an invoice, which the accountant checks and pays.', ['Greet supplier', 'Send invoice', 'Check invoice', 'Pay invoice'], 'Accountant'],
      ['The clerk greets the customer. The customer returns the item, whose serial number the clerk records.', ['Greet customer', 'Return item', 'Record serial number'], 'Clerk'],
      ['The student submits the thesis, whose abstract the secretary publishes.', ['Submit thesis', 'Publish abstract'], 'Secretary'],
    ] as const) {
      const model = read(text);
      expect(tasks(model), text).toEqual(want);
      expect(laneOf(model, want.at(-1)!), text).toBe(lane);
    }
  });
});

describe('a kind on the other way of a choice', () => {
  it('is no part of the label when it is the opposite of the kind the choice was drawn on', () => {
    for (const [text, want] of [
      ['The officer checks the application. If the application is complete, the officer approves it. Otherwise the officer returns incomplete applications to the citizen.', 'Return application'],
      ['The nurse checks the sample. If the sample is valid, the lab tests it. Otherwise the nurse discards invalid samples.', 'Discard sample'],
      ['The accountant reviews the invoice. If the invoice is paid, the accountant files it. Otherwise the clerk chases unpaid invoices.', 'Chase invoice'],
    ] as const) {
      expect(tasks(read(text)), text).toContain(want);
    }
  });
});
