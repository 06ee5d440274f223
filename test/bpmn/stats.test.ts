import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIWG_DIR } from '../helpers/shared.ts';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { computeStats } from '../../src/bpmn/stats.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const MIWG = MIWG_DIR;
const haveMiwg = existsSync(MIWG);
if (!haveMiwg && process.env.CI === 'true') throw new Error(`The MIWG reference files are required under CI: ${MIWG} is missing.`);
if (!haveMiwg) console.warn(`Skipping MIWG stats checks: ${MIWG} is missing (set MIWG_DIR).`);

describe('computeStats', () => {
  it('counts a single process without pools', async () => {
    const { definitions } = await parseBpmn(fixture('minimal-process.bpmn'));
    expect(computeStats(definitions)).toEqual({ tasks: 1, events: 2, gateways: 0, lanes: 0, pools: 0, flows: 2 });
  });

  it('counts activities of every kind, nested events and lanes, black-box pools and message flows', async () => {
    const { definitions } = await parseBpmn(fixture('collaboration-stats.bpmn'));
    expect(computeStats(definitions)).toEqual({
      tasks: 4, // user task, sub-process, the service task inside it, call activity
      events: 4, // message start, start inside the sub-process, timer boundary, end
      gateways: 1,
      lanes: 3, // Sales, its child lane Desk, Stock
      pools: 2, // Shop and the black-box Customer
      flows: 8, // 6 sequence flows + 1 inside the sub-process + 1 message flow; the association is not a flow
    });
  });

  it('counts an element added in code', async () => {
    const { definitions, moddle } = await parseBpmn(fixture('minimal-process.bpmn'));
    definitions.rootElements[0].flowElements.push(moddle.create('bpmn:ExclusiveGateway', { id: 'G' }));
    expect(computeStats(definitions).gateways).toBe(1);
  });

  // Pools, lanes and flows as the MIWG README lists them (13 + 2 flows in A.4.0, 4 pools in C.2.0, …).
  it.runIf(haveMiwg).each([
    ['A.4.0', { lanes: 2, pools: 1, flows: 15 }],
    ['A.4.1', { lanes: 3, pools: 2 }],
    ['B.1.0', { lanes: 2, pools: 2 }],
    ['C.2.0', { lanes: 2, pools: 4 }],
    ['C.4.0', { pools: 4 }],
    ['C.5.0', { lanes: 3, pools: 1 }],
  ])('agrees with the MIWG description of %s', async (name, expected) => {
    const { definitions } = await parseBpmn(readFileSync(`${MIWG}/${name}.bpmn`));
    expect(computeStats(definitions)).toMatchObject(expected);
  });
});
