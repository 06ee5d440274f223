// A way that closes the thing in hand, parks the person on a waiting list or sends them home ends there, by that
// name, instead of rejoining the work the other way goes on with.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read, tasks } from './model-reading.ts';

const endAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id).find((n) => n.kind === 'end')?.label;

describe('ways that close, park or send home end there', () => {
  it('"the applicant goes on the waiting list" (education)', () => {
    const m = read('The school receives the application. The admissions officer checks whether a place is free. If no place is free, the applicant goes on the waiting list. Otherwise the child is enrolled. The parents receive a welcome letter.');
    expect(endAfter(m, 'Go on waiting list')).toBe('Applicant on waiting list');
    expect(downstream(m, node(m, 'Go on waiting list'))).not.toContain('Receive welcome letter');
  });

  it('"the reader is put on a waiting list" (public library)', () => {
    const m = read('The librarian checks the request. If the book is not available, the reader is put on a waiting list. The librarian lends the book. The reader signs the loan slip.');
    expect(endAfter(m, 'Put reader on waiting list')).toBe('Reader on waiting list');
    expect(downstream(m, node(m, 'Put reader on waiting list'))).not.toContain('Lend book');
  });

  it('"the application is closed" (public administration)', () => {
    const m = read('The clerk reviews the application. If documents are missing, the application is closed. The manager approves the application. The clerk issues the licence.');
    expect(endAfter(m, 'Close application')).toBe('Application closed');
    expect(downstream(m, node(m, 'Close application'))).not.toContain('Issue licence');
  });

  it('"the ticket is closed as a duplicate" (it operations)', () => {
    const m = read('The agent triages the ticket. If the ticket is a duplicate, the ticket is closed as a duplicate. The engineer fixes the issue. The agent informs the customer.');
    expect(endAfter(m, 'Close ticket')).toBe('Ticket closed');
    expect(downstream(m, node(m, 'Close ticket'))).not.toContain('Fix issue');
  });

  it('"the patient is sent home" keeps "home" in the step (health)', () => {
    const m = read('The triage nurse examines the patient. If the symptoms are mild, the patient is sent home. The doctor orders tests. The lab runs the tests.');
    expect(endAfter(m, 'Send patient home')).toBe('Patient sent home');
    expect(downstream(m, node(m, 'Send patient home'))).not.toContain('Order tests');
  });

  it('"sends the crew home" (construction)', () => {
    const m = read('The foreman checks the weather. If the forecast is bad, the foreman sends the crew home. The crew pours the concrete.');
    expect(endAfter(m, 'Send crew home')).toBe('Crew sent home');
  });

  it('closing a valve is a step like any other (manufacturing)', () => {
    const m = read('The operator checks the pressure. If the pressure is too high, the operator closes the valve. The operator logs the reading.');
    expect(downstream(m, node(m, 'Close valve'))).toContain('Log reading');
  });

  it('"we stop there" ends the way (finance)', () => {
    const m = read('The clerk checks the form. If the form is incomplete, we stop there. The clerk enters the data.');
    const split = next(m, node(m, 'Check form').id)[0]!;
    expect(next(m, split.id).some((n) => n.kind === 'end')).toBe(true);
    expect(tasks(m)).not.toContain('Stop form');
  });
});
