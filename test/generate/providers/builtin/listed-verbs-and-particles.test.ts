// Verbs listed with commas share the object after the last one ("picks, packs and labels the order"); "together"
// belongs to the verbs it completes ("puts together the newsletter"); where a thing is put is part of putting it.
import { describe, expect, it } from 'vitest';
import { tasks, read } from './model-reading.ts';

describe('verbs listed with commas before "and"', () => {
  it.each([
    ['Warehouse picks, packs and labels the order, then hands it over to the carrier.', ['Pick order', 'Pack order', 'Label order']],
    ['The warehouse picks, packs and labels the order.', ['Pick order', 'Pack order', 'Label order']],
    ['The IT team patches, tests and deploys the fix.', ['Patch fix', 'Test fix', 'Deploy fix']],
    ['The nurse cleans, disinfects and dresses the wound.', ['Clean wound', 'Disinfect wound', 'Dress wound']],
  ])('%s', (text, expected) => {
    expect(tasks(read(text)).slice(0, expected.length)).toEqual(expected);
  });

  it('keeps a subject of two parties a subject (marketing)', () => {
    expect(tasks(read('Sales and marketing review the offer.'))).toEqual(['Review offer', 'Review offer']);
  });
});

describe('"together" completes its verb', () => {
  it.each([
    ['The editor puts together the newsletter.', 'Put together newsletter'],
    ['The editor puts the newsletter together.', 'Put together newsletter'],
    ['The analyst pulls the figures together and sends them to the CFO.', 'Pull together figures'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('but is no part of reviewing together (project work)', () => {
    expect(tasks(read('The team reviews the plan together.'))).toEqual(['Review plan']);
  });
});

describe('where a thing is put', () => {
  it.each([
    ['The clerk puts the form in an envelope.', 'Put form in envelope'],
    ['The lab puts the sample in the fridge.', 'Put sample in fridge'],
    ['The cashier locks the takings in the safe.', 'Lock takings in safe'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });
});

describe('a hyphenated verb after "and"', () => {
  it.each([
    ['The mechanic repairs the bike and test-rides it.', 'Test-ride bike'],
    ['The engineer builds the image and smoke-tests it.', 'Smoke-test image'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });
});

describe('two things in one "that" clause after a check', () => {
  it.each([
    ['The clerk checks that the form and the receipts are complete. The clerk files the claim.', ['Check form and receipts', 'File claim']],
    ['The secretary checks that the birth certificate and proof of address are attached. The secretary registers the pupil.', ['Check birth certificate and proof', 'Register pupil']],
  ])('%s', (text, expected) => {
    // (Never a step "Attach proof of address" for the state checked.)
    expect(tasks(read(text))).toEqual(expected);
  });
});
