// Layout time for synthetic processes of 20, 100 and 300 nodes (three lanes): ours vs bpmn-auto-layout on the same
// XML, both XML in → XML out. Ours is prepareImport, what the product runs on every DI-less import (safe parse,
// validation, stats, layout, faithful export). Run: npx tsx bench/layout-speed.ts   (prints a Markdown table)
//
// Both run alternately in one process after a warm-up (so V8 has optimised both), and both wall and CPU time are
// reported: on a shared machine CPU time varies far less.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { layoutProcess } from 'bpmn-auto-layout';
import { planDiagrams } from '../src/bpmn/layout/layout.ts';
import { measureLayout } from '../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { prepareImport } from '../src/bpmn/prepare-import.ts';
import type { Definitions } from '../src/bpmn/model.ts';
import { syntheticProcess } from './synthetic-process.ts';

/** Warm-up runs per size, as in a long-running server. */
const WARM_UP: Record<number, number> = { 20: 30, 100: 10, 300: 5 };
/** Measured pairs per size: single runs on the shared machine swing 3× either way, so medians need many. */
const RUNS: Record<number, number> = { 20: 41, 100: 31, 300: 15 };

interface Sample {
  wallMs: number;
  cpuMs: number;
}

async function ours(xml: string): Promise<{ xml: string }> {
  return { xml: (await prepareImport(xml)).xml };
}

/**
 * CPU time of the layout step alone (planDiagrams: no parsing, no writing) on one parsed document, a mean over
 * several calls: a single call is short enough for the collector's threads, cleaning up after the parse, to weigh.
 */
function layoutStep(definitions: Definitions, reps: number): number {
  const cpu = process.cpuUsage();
  for (let i = 0; i < reps; i++) planDiagrams(definitions);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / reps;
}

async function theirs(xml: string): Promise<{ xml: string }> {
  return { xml: await layoutProcess(xml) };
}

async function sample(fn: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface SpeedRow {
  nodes: number;
  flows: number;
  oursMs: number;
  theirsMs: number;
  oursCpuMs: number;
  theirsCpuMs: number;
  /** Median CPU of the layout step alone (planDiagrams). */
  layoutCpuMs: number;
}

export async function run(): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  console.log(
    `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; medians of ${Object.values(RUNS).join('/')} alternating runs ` +
      `after ${Object.values(WARM_UP).join('/')} warm-up runs each\n`,
  );
  console.log(
    '| nodes | flows | ours wall (ms) | bpmn-auto-layout wall (ms) | wall ratio | ours CPU (ms) | bpmn-auto-layout CPU (ms) | CPU ratio | ours: layout step alone, CPU (ms) | our overlaps | our crossings | their overlaps | their crossings | lanes drawn: ours / theirs |',
  );
  console.log('|---|' + '---|'.repeat(13));
  for (const size of [20, 100, 300]) {
    const xml = syntheticProcess(size);
    const runs = RUNS[size] ?? 15;
    for (let i = 0; i < (WARM_UP[size] ?? 3); i++) {
      await ours(xml);
      await theirs(xml);
    }
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(await sample(() => ours(xml)));
      b.push(await sample(() => theirs(xml)));
    }
    // Apart from the pairs, so that the garbage of its parse is not collected inside someone's sample.
    const { definitions } = await parseBpmn(xml);
    const step: number[] = [];
    for (let i = 0; i < runs; i++) step.push(layoutStep(definitions, Math.ceil(1000 / size)));
    const ourDefinitions = (await parseBpmn((await ours(xml)).xml)).definitions;
    const qa = measureLayout(ourDefinitions);
    const theirDefinitions = (await parseBpmn((await theirs(xml)).xml)).definitions;
    const qb = measureLayout(theirDefinitions);
    const lanes = (d: any) => d.diagrams[0].plane.planeElement.filter((e: any) => e.bpmnElement?.$instanceOf('bpmn:Lane')).length;
    const row: SpeedRow = {
      nodes: size,
      flows: (xml.match(/<bpmn:sequenceFlow /g) ?? []).length,
      oursMs: median(a.map((s) => s.wallMs)),
      theirsMs: median(b.map((s) => s.wallMs)),
      oursCpuMs: median(a.map((s) => s.cpuMs)),
      theirsCpuMs: median(b.map((s) => s.cpuMs)),
      layoutCpuMs: median(step),
    };
    rows.push(row);
    console.log(
      `| ${size} | ${row.flows} | ${row.oursMs.toFixed(1)} | ${row.theirsMs.toFixed(1)} | ${(row.oursMs / row.theirsMs).toFixed(1)} | ` +
        `${row.oursCpuMs.toFixed(1)} | ${row.theirsCpuMs.toFixed(1)} | ${(row.oursCpuMs / row.theirsCpuMs).toFixed(1)} | ` +
        `${row.layoutCpuMs.toFixed(1)} | ${qa.nodeOverlaps} | ${qa.edgeCrossings} | ${qb.nodeOverlaps} | ${qb.edgeCrossings} | ` +
        `${lanes(ourDefinitions)} / ${lanes(theirDefinitions)} |`,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
