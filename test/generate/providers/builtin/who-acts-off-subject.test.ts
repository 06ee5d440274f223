// Who does a step when the actor is not the plain subject of an active clause: coordinated subjects and agents, every
// receiver of a hand-over, "has X do", the person asked, "for review", pronouns for people, and spelling variants.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, next, node, read, tasks } from './model-reading.ts';

const lanesOf = (m: ReturnType<typeof read>, label: string) => m.nodes.filter((n) => n.label === label).map((n) => m.actors.find((a) => a.id === n.actor)?.name);
const parallel = (m: ReturnType<typeof read>) => m.nodes.some((n) => n.kind === 'parallel');

describe('two coordinated parties each do the step, side by side', () => {
  it('retail: "Sales and finance review the offer"', () => {
    const m = read('The account manager prepares an offer. Sales and finance review the offer. Then the account manager sends it to the customer.');
    expect(lanesOf(m, 'Review offer')).toEqual(['Sales', 'Finance']);
    expect(parallel(m)).toBe(true);
  });

  it('logistics: "the store manager and the assistant count the delivery" (plural verb after the second role)', () => {
    const m = read('The logistics team ships the goods. The store manager and the assistant count the delivery.');
    expect(lanesOf(m, 'Count delivery')).toEqual(['Store manager', 'Assistant']);
  });

  it('public administration: a passive\'s two agents ("checked by the planning department and the fire brigade")', () => {
    const m = read('The agency receives the permit application. The application is checked by the planning department and the fire brigade. The permit is then issued.');
    expect(lanesOf(m, 'Check application')).toEqual(['Planning department', 'Fire brigade']);
  });

  it('but names joined before a verb in the singular are one unit ("the sales and marketing team reviews")', () => {
    const m = read('The sales and marketing team reviews the campaign. Then the director signs it.');
    expect(lanes(m)).toEqual(['Sales and marketing team', 'Director']);
    expect(parallel(m)).toBe(false);
  });

  it('but work done together stays one step: "negotiate", "perform", "together"', () => {
    expect(tasks(read('The buyer and the seller negotiate the price.'))).toEqual(['Negotiate price']);
    expect(tasks(read('The architect and the engineer draw up the plan together.')).length).toBe(1);
    expect(parallel(read('The nurse and the doctor perform the examination.'))).toBe(false);
  });
});

describe('every receiver named with "and" does what "who" says', () => {
  it('HR: "forwards it to IT and to facilities, who each prepare the workplace"', () => {
    const m = read('HR receives the signed contract and forwards it to IT and to facilities, who each prepare the workplace.');
    expect(lanesOf(m, 'Prepare workplace')).toEqual(['IT', 'Facilities']);
  });

  it('finance: "sends the form to the auditor and the treasurer, who both sign it"', () => {
    const m = read('The clerk sends the form to the auditor and the treasurer, who both sign it. The clerk then files the form.');
    expect(lanesOf(m, 'Sign form')).toEqual(['Auditor', 'Treasurer']);
    expect(laneOf(m, 'File form')).toBe('Clerk');
  });

  it('legal: a department written small after "to" is the receiver ("passed to legal, who check the terms")', () => {
    const m = read('The account manager drafts the contract. It is passed to legal, who check the terms.');
    expect(laneOf(m, 'Check terms')).toBe('Legal');
  });
});

describe('"X has Y do Z", "X gets Y to do Z": Y does the step', () => {
  it('health: "has the porter take the patient to radiology"', () => {
    const m = read('The ward nurse has the porter take the patient to radiology. The radiologist then reviews the scan.');
    expect(laneOf(m, tasks(m)[0]!)).toBe('Porter');
  });

  it('manufacturing: "has a technician inspect the pump"', () => {
    const m = read('The shift supervisor has a technician inspect the pump. The supervisor then signs off the job.');
    expect(laneOf(m, 'Inspect pump')).toBe('Technician');
    expect(laneOf(m, 'Sign off job')).toBe('Shift supervisor');
  });

  it('logistics: "gets a driver to collect the parcel. He delivers it" — the driver', () => {
    const m = read('The dispatcher gets a driver to collect the parcel. He delivers it to the customer.');
    expect(laneOf(m, 'Collect parcel')).toBe('Driver');
    expect(laneOf(m, 'Deliver parcel')).toBe('Driver');
  });
});

describe('the causer keeps the work and its pronoun', () => {
  it('HR: "has a colleague show them the building" (bare verb read as a noun)', () => {
    const m = read('The team leader welcomes the new hire. The team leader has a colleague show them the building.');
    expect(laneOf(m, 'Show building')).toBe('Colleague');
  });

  it('health: "She has a porter take it to the lab … he … she": she is the nurse again', () => {
    const m = read('The ward nurse draws the blood sample. She has a porter take it to the lab. The results go to the ward doctor for review. He discusses them with the patient and she updates the care plan.');
    expect(laneOf(m, 'Review results')).toBe('Ward doctor');
    expect(laneOf(m, 'Update care plan')).toBe('Ward nurse');
  });
});

describe('the person asked acts next', () => {
  it('IT: "asks the architect to estimate the effort. She sends the estimate back"', () => {
    const m = read('The project manager asks the architect to estimate the effort. She sends the estimate back.');
    expect(laneOf(m, 'Send back estimate')).toBe('Architect');
  });

  it('public administration: "asks the applicant for it. They send the missing papers"', () => {
    const m = read('The case officer checks the documents. She asks the applicant for the missing pages. They send the missing pages by post.');
    expect(laneOf(m, 'Send missing pages')).toBe('Applicant');
  });
});

describe('the person engaged acts next', () => {
  it('property: "assigns a contractor. They fix the problem"', () => {
    const m = read('The property manager reviews the repair request and assigns a contractor. They fix the problem and upload photos.');
    expect(laneOf(m, 'Fix problem')).toBe('Contractor');
  });

  it('events: "books a photographer. She takes the pictures"', () => {
    const m = read('The event planner books a photographer. She takes the pictures at the gala.');
    expect(laneOf(m, tasks(m)[1]!)).toBe('Photographer');
  });
});

describe('a hand-over "for review" is the receiver\'s step', () => {
  it('IT security: "The request goes to the security team for review"', () => {
    const m = read('An employee submits an access request. The request goes to the security team for review. IT then creates the account.');
    expect(laneOf(m, 'Review access request')).toBe('Security team');
  });

  it('banking: "for approval", with the decision after it', () => {
    const m = read('The fraud team reviews the flagged transaction. It goes to the compliance officer for approval. If approved, the payment is released.');
    const approve = node(m, 'Approve flagged transaction');
    expect(laneOf(m, 'Approve flagged transaction')).toBe('Compliance officer');
    expect(next(m, approve.id).some((n) => n.kind === 'exclusive')).toBe(true);
  });

  it('HR: "sent to the finance department for a budget check" names what is checked; a later signing is not doubled', () => {
    const m = read('The HR assistant prepares the contract. It is sent to the finance department for a budget check. The director signs it.');
    expect(laneOf(m, 'Check budget')).toBe('Finance department');
  });

  it('finance: the signing the text then states is that same step ("… for signature. The customer has 30 days to sign")', () => {
    const m = read('The relationship manager sends the loan agreement to the customer for signature. The customer has 30 days to sign. Operations then opens the account.');
    expect(tasks(m).filter((t) => t.startsWith('Sign'))).toEqual(['Sign loan agreement within 30 days']);
  });

  it('sending back for correction is rework: the applicant corrects, then the check again', () => {
    const m = read('The clerk checks the form. If it is incomplete, it is sent back to the applicant for correction.');
    expect(tasks(m).filter((t) => t.startsWith('Correct'))).toEqual(['Correct form']);
  });
});

describe('pronouns for people', () => {
  it('hospitality: "the host escorts them" means the visitor, not the receptionist named since', () => {
    const m = read('A visitor arrives at reception. The receptionist calls the host. The host escorts them to the meeting room. Afterwards she signs them out.');
    expect(tasks(m)).toContain('Escort visitor to meeting room');
    expect(tasks(m)).toContain('Sign out visitor');
  });

  it('health: once "he" meant the doctor, "she" is the nurse', () => {
    const m = read('The nurse measures the blood pressure. The doctor reviews the chart and he prescribes a medication. She then gives the patient the first dose.');
    expect(laneOf(m, 'Prescribe medication')).toBe('Doctor');
    expect(laneOf(m, 'Give first dose')).toBe('Nurse');
  });

  it('one person called "he" and "she" by a careless writer stays one person', () => {
    const m = read('The caseworker opens the file. She checks the income. Then he approves the benefit.');
    expect(lanes(m)).toEqual(['Caseworker']);
  });
});

describe('lanes are actors, once each', () => {
  it('health, retail: a plural role opening a sentence ("Patients fill in …", "Customers … collect …") acts', () => {
    expect(laneOf(read('Patients fill in the admission form. The receptionist checks it.'), 'Fill in admission form')).toBe('Patients');
    expect(laneOf(read('Customers of the pharmacy collect their medicine from the pharmacist.'), 'Collect medicine')).toBe('Customers');
  });

  it('health: "two nurses" later is the nurse\'s lane, not a second one', () => {
    const m = read('The oncology nurse welcomes the patient. Two nurses check the patient\'s identity. The nurse then starts the infusion.');
    expect(lanes(m)).toEqual(['Oncology nurse']);
  });

  it('education: "Students hand in their projects"; "the assistants grade them and the lecturer checks" stays two parties', () => {
    const m = read('Students hand in their projects. The teaching assistants grade them and the lecturer checks the grades.');
    expect(laneOf(m, 'Hand in projects')).toBe('Students');
    expect(lanes(m)).not.toContain('Teaching assistants grade and lecturer');
  });

  it('software: "Two reviewers check the code"', () => {
    expect(laneOf(read('The developer opens a pull request. Two reviewers check the code.'), 'Check code')).toBe('Reviewers');
  });

  it('retail: "Customers place orders" (verb read as a noun, object as a verb)', () => {
    expect(laneOf(read('Customers place orders in the web shop. The warehouse team ships them.'), 'Place orders')).toBe('Customers');
  });

  it('HR: a word that picks some of a role out is not in the lane ("the best candidate")', () => {
    const m = read('The panel chair makes an offer to the best candidate, who accepts it.');
    expect(lanes(m)).toContain('Candidate');
  });

  it('banking: "the back office" keeps its whole name', () => {
    expect(lanes(read('The signed forms are checked by the back office. The loan officer approves the loan.'))).toEqual(['Back office', 'Loan officer']);
  });

  it('insurance: "adjuster" and "adjustor" are one lane', () => {
    expect(lanes(read('The adjuster visits the site and the adjustor writes a report.'))).toEqual(['Adjuster']);
  });

  it('education, IT ops: a document "doing" a step is whoever holds it doing it', () => {
    const letter = read('The registrar enters the data and the confirmation letter informs the student about the result.');
    expect(laneOf(letter, 'Inform student about result')).toBe('Registrar');
    const ticket = read('The on-call engineer acknowledges the alert. The incident ticket records every action.');
    expect(laneOf(ticket, 'Record action')).toBe('On-call engineer');
  });

  it('no lane for a sequence word: "First person checks the list"', () => {
    expect(lanes(read('First person checks the list. Then the supervisor signs it.'))).not.toContain('First person');
  });

  it('insurance, IT: "team lead" after "team leader", "Help-Desk" after "help desk" are one lane', () => {
    expect(lanes(read('The report is approved by the team leader. The team lead also files the report.'))).toEqual(['Team leader']);
    expect(lanes(read('The help desk logs the call. The Help-Desk closes the ticket.'))).toEqual(['Help desk']);
  });

  it('retail: every party the text calls outside is a pool ("an external repair company", "a third-party courier")', () => {
    const m = read('The store sends damaged returns to an external repair company. The repair company fixes each item and a third-party courier brings it back. Our store clerk tests the item.');
    expect(m.actors.filter((a) => a.organisation).map((a) => a.name)).toEqual(['External repair company', 'Third-party courier']);
  });

  it('hospitality: "collects them" after "calls the host" is the visitor, never the host who acts', () => {
    const m = read('A visitor arrives at the front desk. The receptionist calls the host. The host collects them from the lobby.');
    expect(tasks(m)).toContain('Collect visitor');
  });

  it('logistics: a party the text calls external is its own pool, whatever the tagger makes of its word', () => {
    const m = read('The goods are delivered by an external haulier. Our warehouse receives them.');
    expect(m.actors.find((a) => a.name === 'External haulier')?.organisation).toBe(true);
    expect(m.actors.find((a) => a.name === 'Warehouse')?.organisation).toBe(false);
  });
});
