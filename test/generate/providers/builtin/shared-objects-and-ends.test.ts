// Two verbs sharing one object are two steps in the subject's lane; a returned piece of work whose sentence says the
// process ends does not come back; "them" after a condition about someone means that someone.
import { describe, expect, it } from 'vitest';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

describe('two verbs, one object', () => {
  it('"checks and signs the form", "reviews and approves the request" (public administration, finance, health)', () => {
    const m = read('The clerk checks and signs the form. Then the manager files it.');
    expect(tasks(m)).toEqual(['Check form', 'Sign form', 'File form']);
    expect(laneOf(m, 'Check form')).toBe('Clerk');
    expect(laneOf(m, 'Sign form')).toBe('Clerk');
    expect(tasks(read('The manager reviews and approves the request.'))).toEqual(['Review request', 'Approve request']);
    const tags = readSentences('The nurse measures and records the blood pressure.')[0]!;
    expect(tags.filter((t) => t.pos === 'VERB').map((t) => t.text)).toEqual(['measures', 'records']);
  });

  it('leaves a plural noun before "and" a noun when no verb and object follow ("the forms and letters are filed")', () => {
    const tags = readSentences('The clerk sorts the forms and letters by date.')[0]!;
    expect(tags.find((t) => t.text === 'forms')!.pos).toBe('NOUN');
  });
});

describe('sent back, and the process ends', () => {
  it('ends the branch instead of looping to the check (public administration, HR)', () => {
    const m = read('The registrar checks the application. If it is incomplete, the registrar returns it to the applicant and the process ends. Otherwise the registrar issues the permit.');
    expect(next(m, node(m, 'Return application').id).map((n) => n.kind)).toEqual(['end']);
    const loop = read('The registrar checks the application. If it is incomplete, the registrar returns it to the applicant for correction. Otherwise the registrar issues the permit.');
    expect(next(loop, node(loop, 'Correct application').id).map((n) => n.label)).toContain('Check application');
  });
});

describe('"them" after a condition about someone', () => {
  it('"If the visitor has no valid ID, security turns them away" (facilities)', () => {
    expect(tasks(read('If the visitor has no valid ID, security turns them away. Otherwise the host welcomes the visitor.'))).toContain('Turn away visitor');
  });
});

describe('"it" after a system was acted on', () => {
  it('means the system ("patches the server … reboots it") (IT operations, manufacturing)', () => {
    expect(tasks(read('The engineer patches the server. Then the engineer reboots it.'))).toEqual(['Patch server', 'Reboot server']);
    expect(tasks(read('The technician updates the software. Then the technician tests it.'))).toEqual(['Update software', 'Test software']);
  });
});
