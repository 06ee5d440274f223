import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('an agentless passive about work given away is done by the side that receives it', () => {
  it('public administration: the form a citizen filled in is checked by the clerk from before', () => {
    const m = read('The clerk registers the citizen. The citizen fills in the form. The form is checked for errors.');
    expect(laneOf(m, 'Fill in form')).toBe('Citizen');
    expect(laneOf(m, 'Check form for errors')).toBe('Clerk');
  });

  it('insurance: a claim submitted by the customer, with no one of ours named yet, is checked in our own lane', () => {
    const m = read('The customer submits the claim online. The claim is checked for completeness.');
    expect(laneOf(m, 'Check claim for completeness')).toBe('Company');
    expect(lanes(m)).toEqual(['Customer', 'Company']);
  });

  it('logistics: goods a supplier delivers are inspected and stored by us, not by the supplier', () => {
    const m = read('The supplier delivers the goods. The goods are inspected and stored.');
    expect(laneOf(m, 'Deliver goods')).toBe('Supplier');
    expect(laneOf(m, 'Inspect goods')).toBe('Company');
    expect(laneOf(m, 'Store goods')).toBe('Company');
  });

  it('manufacturing: goods returned to a named receiver are counted there', () => {
    const m = read('The service manager informs the customers. Customers return the faulty pumps to the distribution centre, where they are counted and stored separately.');
    expect(laneOf(m, 'Count faulty pumps')).toBe('Distribution centre');
    const repairs = read('The service manager informs the customers. Customers send the broken devices to the repair centre. The devices are then tested.');
    expect(laneOf(repairs, 'Test devices')).toBe('Repair centre');
  });

  it('software: work one of ours hands in is taken up by the one who acted before', () => {
    const m = read('The editor reviews the article. The author revises the article and submits it again. Accepted articles are published on the website.');
    expect(laneOf(m, 'Publish accepted articles on website')).toBe('Editor');
  });

  it('retail: after a served party acts, an agentless passive about something new is ours', () => {
    const m = read('The storekeeper counts the stock. The customer pays the invoice. The receipt is filed.');
    expect(laneOf(m, 'File receipt')).toBe('Storekeeper');
  });

  it('finance: offers one of ours sends out go to no one of ours in particular', () => {
    const m = read('The committee decides on admission and the office sends the offers. Offers must be accepted within two weeks.');
    expect(laneOf(m, 'Accept offers')).not.toBe('Committee');
  });

  it('health: a thing sent "by courier" is sent by whoever holds it, and stays theirs', () => {
    const m = read('The nurse takes the samples. Urgent samples are sent to the lab by courier; all samples are logged in the register.');
    expect(laneOf(m, 'Send sample')).toBe('Nurse');
    expect(laneOf(m, 'Log samples')).toBe('Nurse');
    expect(lanes(m)).not.toContain('Courier');
  });

  it('an outside organisation working on its own things keeps them', () => {
    const m = read('The bank reviews the application. The application is approved.');
    expect(lanes(m)).toEqual(['Bank']);
  });
});
