// A party the text calls outside ours ("an external lab", "a third-party carrier") is a pool of its own.
import { describe, expect, it } from 'vitest';
import { generateProcess } from '../../../../src/generate/generate.ts';
import { BuiltinProvider } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { otherOrganisations } from '../../../../src/generate/providers/builtin/organisations.ts';
import { laneOf, read } from './model-reading.ts';

const organisations = (prompt: string) => read(prompt).actors.filter((a) => a.organisation).map((a) => a.name);

describe('a party called outside ours', () => {
  it('reads the word after "external", "third-party", "outside" or "partner" when it names an organisation', () => {
    expect(otherOrganisations('The nurse sends the sample to an external lab.')).toEqual(['lab']);
    expect(otherOrganisations('A third-party carrier collects the parcel.')).toEqual(['carrier']);
    expect(otherOrganisations('We transfer the money through our partner bank.')).toEqual(['bank']);
    expect(otherOrganisations('An outside contractor repairs the roof.')).toEqual(['contractor']);
  });

  it('a person from outside is no organisation, and "between" still names one', () => {
    expect(otherOrganisations('An external auditor checks the books.')).toEqual([]);
    expect(otherOrganisations('Ordering between our shop and the wholesaler.')).toEqual(['wholesaler']);
  });

  it('is a pool of its own in several domains, and our people stay lanes', () => {
    const health = 'The nurse takes a blood sample and sends it to an external lab. The lab analyses the sample and sends the results back. The doctor reviews the results.';
    expect(organisations(health)).toEqual(['External lab']);
    expect(laneOf(read(health), 'Review results')).toBe('Doctor');
    const retail = 'The warehouse packs the parcel. A third-party carrier collects it and delivers it to the customer.';
    expect(organisations(retail)).toEqual(['Third-party carrier']);
    const plant = 'The planner orders the castings from an outside supplier. The supplier casts the parts and ships them. The planner checks the delivery.';
    expect(organisations(plant)).toEqual(['Supplier']);
    const stop = 'The storeman checks the stock. If parts are missing, an outside supplier ships them and the storeman books them in.';
    expect(organisations(stop)).toEqual(['Outside supplier']);
  });

  it('the hand-overs between the pools are message flows', async () => {
    const prompt = 'The nurse takes a blood sample and sends it to an external lab. The lab analyses the sample and sends the results back. The doctor reviews the results.';
    const { xml } = await generateProcess({ prompt }, new BuiltinProvider());
    expect(xml.match(/<bpmn:participant /g)?.length).toBe(2);
    expect(xml).toMatch(/<bpmn:messageFlow /);
  });

  it('a step nobody is named for stays in our pool, not in the outside one it leads to', async () => {
    const prompt = 'The nurse labels the tube. The blood sample is sent to an external lab. The lab analyses the sample.';
    const { xml } = await generateProcess({ prompt }, new BuiltinProvider());
    const labPool = xml.match(/<bpmn:participant [^>]*name="External lab"[^>]*processRef="([^"]+)"/)![1]!;
    const labProcess = xml.slice(xml.indexOf(`<bpmn:process id="${labPool}"`));
    expect(labProcess.slice(0, labProcess.indexOf('</bpmn:process>'))).not.toMatch(/name="Send blood sample"/);
  });

  it('an outside party the text does not call so stays a lane', () => {
    expect(organisations('The buyer sends the order to the supplier. The supplier ships the goods. The clerk pays the invoice.')).toEqual([]);
  });

  it('a narrator who hands work to another organisation acts in a lane of its own; one serving customers does not', () => {
    const claim = read('We send the claim to the insurer. The insurer assesses the claim and pays the repair shop.');
    expect([laneOf(claim, 'Send claim'), laneOf(claim, 'Assess claim')]).toEqual(['Company', 'Insurer']);
    const bank = read('We pass the application to the bank. The bank approves the loan.');
    expect(laneOf(bank, 'Pass application')).toBe('Company');
    expect(laneOf(read('We deliver furniture to private customers. The driver calls the customer.'), 'Deliver furniture')).toBeUndefined();
    const parcel = read('We pack the order and hand the parcel to a third-party carrier. The carrier delivers it. Our billing team then invoices the customer.');
    expect([laneOf(parcel, 'Pack order'), laneOf(parcel, 'Hand over parcel')]).toEqual(['Company', 'Company']);
  });
});
