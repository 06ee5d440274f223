import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('"through" names what a step goes or leads someone through', () => {
  it('leading someone through something keeps the person and the something', () => {
    expect(tasks(read('The advisor walks the customer through the options. Then the customer picks a plan.'))[0]).toBe('Walk customer through options');
    expect(tasks(read('The agent talks the caller through the reset. Then the agent closes the ticket.'))[0]).toBe('Talk caller through reset');
  });

  it('with a pronoun for the person, the label is the verb, "through" and the real object, never the verb alone', () => {
    expect(tasks(read('The advisor walks them through the options. Then the customer picks a plan.'))).toEqual(['Walk through options', 'Pick plan']);
  });

  it('going through a thing is a step of its own', () => {
    expect(tasks(read('The auditor goes through the ledger. Then the auditor signs the report.'))).toEqual(['Go through ledger', 'Sign report']);
  });

  it('a thing sent through a channel keeps the short label', () => {
    expect(tasks(read('The clerk ships the parcel through the courier. Then the clerk files the receipt.'))[0]).toBe('Ship parcel');
  });
});
