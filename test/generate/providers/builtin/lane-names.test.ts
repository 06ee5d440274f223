// Lane names: passive agents, a shift in a role's name, units named by their owner, variants of one actor.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('the agent of a passive gets the lane', () => {
  it('roles whose ending says nothing are still someone', () => {
    const school = read('The clerk opens the file. The form is then checked by the registrar and signed by the dean.');
    expect([laneOf(school, 'Check form'), laneOf(school, 'Sign form')]).toEqual(['Registrar', 'Dean']);
    const plant = read('The welder cuts the beam. The weld is then inspected by the foreman.');
    expect(laneOf(plant, 'Inspect weld')).toBe('Foreman');
    expect(laneOf(read('The student submits the thesis. It is reviewed by the provost.'), 'Review thesis')).toBe('Provost');
    expect(laneOf(read('The vet examines the dog. The wound is then stitched by the surgeon.'), 'Stitch wound')).toBe('Surgeon');
  });

  it('a second participle with an irregular form keeps its own agent', () => {
    const m = read('The clerk opens the file. The invoice is then approved by the finance team and paid by accounts payable.');
    expect([laneOf(m, 'Approve invoice'), laneOf(m, 'Pay invoice')]).toEqual(['Finance team', 'Accounts payable']);
    const shop = read('The goods are checked by the clerk and sold by the shop assistant.');
    expect(laneOf(shop, 'Sell goods')).toBe('Shop assistant');
  });
});

describe('a compound role keeps its subject and lane', () => {
  it('a shift named by a time word is part of the role', () => {
    const m = read('The night shift supervisor logs the incident. The supervisor then calls the engineer.');
    expect(lanes(m)).toEqual(['Night shift supervisor']);
    expect(lanes(read('The weekend duty manager approves the refund.'))).toEqual(['Weekend duty manager']);
  });

  it('a time word that only says when stays out', () => {
    expect(lanes(read('Every morning the lab tech calibrates the scanner.'))).toEqual(['Lab tech']);
  });

  it('a noun modifier stays with the role', () => {
    expect(lanes(read('The purchasing approver signs the order.'))).toEqual(['Purchasing approver']);
  });
});

describe("a unit named by its owner keeps the owner's name", () => {
  it('another organisation or provider stays in the lane name', () => {
    const hosting = read("The clerk logs the call. The hosting provider's support team reviews the logs.");
    expect(laneOf(hosting, 'Review logs')).toBe('Hosting provider support team');
    expect(lanes(read("The clerk logs the call. Acme's support team reviews the logs."))).toContain('Acme support team');
    expect(lanes(read("The agent logs the claim. The customer's IT team reviews the logs."))).toContain('Customer IT team');
  });

  it('a later short mention of the unit is the same lane', () => {
    const m = read("The provider's support team diagnoses the fault. The support team then restarts the server.");
    expect(lanes(m)).toEqual(['Provider support team']);
  });

  it("a worker of another organisation still acts for it, a role serving a person is the role", () => {
    expect(lanes(read("The supplier's driver delivers the goods."))).toEqual(['Supplier']);
    expect(lanes(read("The customer's account manager prepares the quote."))).toEqual(['Account manager']);
  });
});

describe('variants of one actor share a lane', () => {
  it('with or without a unit word, a legal form, or a space', () => {
    expect(lanes(read('Warehouse staff pick the items. The warehouse then ships the parcel.'))).toEqual(['Warehouse staff']);
    expect(lanes(read('The help desk logs the call. The helpdesk assigns the ticket.'))).toEqual(['Help desk']);
    expect(lanes(read('Acme Ltd delivers the parts. Acme sends the invoice.'))).toEqual(['Acme Ltd']);
    expect(lanes(read('The finance department checks the budget. Finance then approves it.'))).toEqual(['Finance department']);
  });

  it('a role named in full and then by its head alone, or in the plural', () => {
    expect(lanes(read('The hiring manager interviews the candidate. The manager then sends an offer.'))).toEqual(['Hiring manager']);
    expect(lanes(read('The nurse takes the sample. The nurses then label the tubes.'))).toEqual(['Nurse']);
  });

  it('another role with the same head is not a variant', () => {
    expect(lanes(read('The manager approves the leave. The finance manager books the cost.'))).toEqual(['Manager', 'Finance manager']);
  });
});
