// Kinds of what comes in, each handed to a party of its own in a sentence of its own ("Invoices go to accounting.
// Contracts are forwarded to the legal team."), are the ways of one choice on the kind, not hand-overs in a row.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

const gatewayAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id)[0]!;
const waysOf = (m: ReturnType<typeof read>, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label).sort();

describe('kinds handed to parties of their own', () => {
  it('"Billing questions go to … Technical problems are passed to …" (it operations)', () => {
    const m = read('The agent reads the ticket. Billing questions go to the finance team. Technical problems are passed to second-line support. Service complaints go to the team lead.');
    const g = gatewayAfter(m, 'Read ticket');
    expect(g.kind).toBe('exclusive');
    expect(waysOf(m, g.id)).toEqual(['billing question', 'service complaint', 'technical problem']);
  });

  it('"Invoices go to … Contracts are forwarded to … Job applications are passed to …" (public administration)', () => {
    const m = read('The receptionist registers the incoming mail. Invoices go to the accounting department. Contracts are forwarded to the legal team. Job applications are passed to HR.');
    const g = gatewayAfter(m, 'Register incoming mail');
    expect(waysOf(m, g.id)).toEqual(['contract', 'invoice', 'job application']);
    expect(downstream(m, node(m, 'Forward contracts'))).not.toContain('Pass job applications');
  });

  it('"Network outages are routed to … Password problems are handled by …" (it operations)', () => {
    const m = read('The service desk logs the incident. Network outages are routed to the network team. Hardware faults are sent to the field technicians. Password problems are handled by the service desk itself.');
    const g = gatewayAfter(m, 'Log incident');
    expect(waysOf(m, g.id)).toEqual(['hardware fault', 'network outage', 'password problem']);
  });

  it('"Blood samples go to … Tissue biopsies are sent to …" (health)', () => {
    const m = read('The ward clerk sorts the incoming specimens. Blood samples go to the haematology lab. Tissue biopsies are sent to the pathology department.');
    const g = gatewayAfter(m, 'Sort incoming specimens');
    expect(waysOf(m, g.id)).toEqual(['blood sample', 'tissue biopsy']);
  });

  it('the same party for both is no choice (finance)', () => {
    const m = read('The clerk opens the post. Invoices go to the accounting team. Receipts go to the accounting team.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});
