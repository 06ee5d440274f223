// Cases told by how many of the things stand so ("If all … If some … If none …") are the ways of one choice, each
// labelled with its share; two conditions with the same share, or a share and a case about something else, stay two
// questions.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

const gatewayAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id)[0]!;
const waysOf = (m: ReturnType<typeof read>, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label).sort();

describe('shares of the same things as the ways of one choice', () => {
  it('"If everything is in stock … If only part … If nothing …" (retail)', () => {
    const m = read('The clerk checks stock. If everything is in stock, the warehouse ships the order. If only part is in stock, the sales rep asks the customer whether to wait. If nothing is in stock, the order is cancelled.');
    const g = gatewayAfter(m, 'Check stock');
    expect(g.kind).toBe('exclusive');
    expect(waysOf(m, g.id)).toEqual(['everything in stock', 'nothing in stock', 'only part in stock']);
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Ask customer', 'Cancel order', 'Ship order']);
    // The question the text never answers leaves no empty gateway behind.
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(2);
    expect(next(m, node(m, 'Cancel order').id)[0]!.kind).toBe('end');
  });

  it('"If all tests pass … If some tests fail … If no tests run …" (software delivery)', () => {
    const m = read('The technician runs the test suite. If all tests pass, the build is deployed to staging. If some tests fail, the developer fixes the failing code. If no tests run at all, the technician restarts the build server.');
    const g = gatewayAfter(m, 'Run test suite');
    expect(waysOf(m, g.id)).toEqual(['all tests pass', 'no tests run at all', 'some tests fail']);
  });

  it('"If every signature is valid … some … none of …" joins before the step after (public administration)', () => {
    const m = read('The clerk checks the signatures on the petition. If every signature is valid, the clerk registers the petition. If some signatures are invalid, the clerk strikes them from the list. If none of the signatures is valid, the petition is rejected. The clerk then archives the file.');
    const g = gatewayAfter(m, 'Check signatures on petition');
    expect(waysOf(m, g.id)).toEqual(['every signature valid', 'none of signatures valid', 'some signatures invalid']);
    expect(downstream(m, node(m, 'Register petition'))).toContain('Archive file');
    expect(downstream(m, node(m, 'Reject petition'))).not.toContain('Archive file');
  });

  it('"If all samples are usable … If some … If no sample …" (health)', () => {
    const m = read('The lab technician checks the blood samples. If all samples are usable, the technician runs the analysis. If some samples are damaged, a nurse takes new samples from the patient. If no sample is usable, the doctor is informed.');
    const g = gatewayAfter(m, 'Check blood samples');
    expect(waysOf(m, g.id)).toEqual(['all samples usable', 'no sample usable', 'some samples damaged']);
  });

  it('"If all invoices match … If only some match … If none match …" (finance)', () => {
    const m = read('The accountant matches the supplier invoices against the purchase orders. If all invoices match, the accountant approves the payment run. If only some match, the accountant contacts the supplier. If none match, the controller blocks the payment run.');
    const g = gatewayAfter(m, 'Match supplier invoices');
    expect(waysOf(m, g.id)).toEqual(['all invoices match', 'none match', 'only some match']);
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Approve payment run', 'Block payment run', 'Contact supplier']);
  });
});

describe('conditions that ask two questions', () => {
  it('the same share twice is two choices (public administration)', () => {
    const m = read('The clerk receives the form. If all fields are filled in, the clerk saves the form. If all fees are paid, the clerk issues a receipt. The clerk files the form.');
    const first = gatewayAfter(m, 'Receive form');
    expect(waysOf(m, first.id)).toEqual(['all fields filled', 'otherwise']);
    expect(downstream(m, node(m, 'Save form'))).toContain('Issue receipt');
  });

  it('a share and a case about someone else are two choices (education)', () => {
    const m = read('The clerk receives the file. If some documents are missing, the clerk asks the applicant for them. If the applicant is a minor, the clerk asks the parents for consent. The clerk files the case.');
    const first = gatewayAfter(m, 'Receive file');
    expect(waysOf(m, first.id)).toEqual(['otherwise', 'some documents missing']);
  });
});
