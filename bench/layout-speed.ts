// Layout time for synthetic processes of 20, 100 and 300 nodes (three lanes): ours vs bpmn-auto-layout on the same
// XML, both XML in → XML out. Run: npx tsx bench/layout-speed.ts   (prints a Markdown table)
// With --elk-options: elkjs alone on the graphs our layout builds, with lighter options, and its cost per call.
//
// Both run alternately in one process after a warm-up (elkjs is a large transpiled bundle that V8 only optimises
// after a few calls), and both wall and CPU time are reported: on a shared machine CPU time varies far less.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { layoutProcess } from 'bpmn-auto-layout';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { readContainer } from '../src/bpmn/layout/container.ts';
import { buildElkGraph, layoutElkGraph, timeInElk } from '../src/bpmn/layout/elk-graph.ts';
import { layoutDefinitions } from '../src/bpmn/layout/layout.ts';
import { measureLayout } from '../src/bpmn/layout/quality.ts';
import { defaultSize } from '../src/bpmn/layout/sizes.ts';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { syntheticProcess } from './synthetic-process.ts';

/** Warm-up runs per size: elkjs's per-call time keeps falling for a few dozen calls, as in a long-running server. */
const WARM_UP: Record<number, number> = { 20: 30, 100: 10, 300: 3 };

interface Sample {
  wallMs: number;
  cpuMs: number;
  /** Ours only: CPU time in `layoutDefinitions` (no parsing or serialising) and, within it, in elkjs. */
  layoutCpuMs?: number;
  elkCpuMs?: number;
}

async function ours(xml: string): Promise<Omit<Sample, 'wallMs' | 'cpuMs'> & { xml: string }> {
  const parsed = await parseBpmn(xml);
  const elkBefore = timeInElk().cpuMs;
  const cpu = process.cpuUsage();
  await layoutDefinitions(parsed);
  const used = process.cpuUsage(cpu);
  const elkCpuMs = timeInElk().cpuMs - elkBefore;
  const { xml: out } = (await parsed.moddle.toXML(parsed.definitions, { format: true })) as { xml: string };
  return { xml: out, layoutCpuMs: (used.user + used.system) / 1000, elkCpuMs };
}

async function theirs(xml: string): Promise<Omit<Sample, 'wallMs' | 'cpuMs'> & { xml: string }> {
  return { xml: await layoutProcess(xml) };
}

async function sample(fn: () => Promise<Omit<Sample, 'wallMs' | 'cpuMs'>>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const extra = await fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ...extra, wallMs, cpuMs: (used.user + used.system) / 1000 };
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
  /** Medians of ours, CPU: `layoutDefinitions` alone and the elkjs calls within it. */
  layoutCpuMs: number;
  elkCpuMs: number;
}

export async function run(): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; medians after ${Object.values(WARM_UP).join('/')} warm-up runs each\n`);
  console.log(
    '| nodes | flows | ours wall (ms) | bpmn-auto-layout wall (ms) | wall ratio | ours CPU (ms) | bpmn-auto-layout CPU (ms) | CPU ratio | ours: layoutDefinitions CPU (ms) | of which elkjs CPU (ms) | our overlaps | our crossings | their overlaps | their crossings | lanes drawn: ours / theirs |',
  );
  console.log('|---|' + '---|'.repeat(14));
  for (const size of [20, 100, 300]) {
    const xml = syntheticProcess(size);
    const runs = size >= 300 ? 7 : 11;
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
      layoutCpuMs: median(a.map((s) => s.layoutCpuMs!)),
      elkCpuMs: median(a.map((s) => s.elkCpuMs!)),
    };
    rows.push(row);
    console.log(
      `| ${size} | ${row.flows} | ${row.oursMs.toFixed(1)} | ${row.theirsMs.toFixed(1)} | ${(row.oursMs / row.theirsMs).toFixed(1)} | ` +
        `${row.oursCpuMs.toFixed(1)} | ${row.theirsCpuMs.toFixed(1)} | ${(row.oursCpuMs / row.theirsCpuMs).toFixed(1)} | ` +
        `${row.layoutCpuMs.toFixed(1)} | ${row.elkCpuMs.toFixed(1)} | ${qa.nodeOverlaps} | ${qa.edgeCrossings} | ${qb.nodeOverlaps} | ${qb.edgeCrossings} | ` +
        `${lanes(ourDefinitions)} / ${lanes(theirDefinitions)} |`,
    );
  }
  return rows;
}

/** Ways to lighten the elkjs call, to see whether any option makes elkjs itself fast enough. */
const ELK_VARIANTS: Record<string, (graph: ElkNode) => void> = {
  'our options': () => {},
  'considerModelOrder NONE': (g) => void (g.layoutOptions!['elk.layered.considerModelOrder.strategy'] = 'NONE'),
  'crossing minimisation NONE': (g) => void (g.layoutOptions!['elk.layered.crossingMinimization.strategy'] = 'NONE'),
  'thoroughness 1': (g) => void (g.layoutOptions!['elk.layered.thoroughness'] = '1'),
  'no edge labels': (g) => g.edges!.forEach((e) => delete e.labels),
  'bare: no ports, no labels': (g) => {
    for (const child of g.children!) {
      child.ports = [];
      child.labels = [];
      delete child.layoutOptions;
    }
    for (const edge of g.edges!) {
      edge.sources = [edge.sources[0]!.split(':')[0]!];
      edge.targets = [edge.targets[0]!.split(':')[0]!];
      delete edge.labels;
    }
  },
};

/** CPU time of one elkjs call, in ms. */
async function elkCpu(graph: ElkNode): Promise<number> {
  const before = timeInElk().cpuMs;
  await layoutElkGraph(graph);
  return timeInElk().cpuMs - before;
}

/**
 * elkjs alone on the exact graphs our layout builds for the synthetic processes, with lighter variants, plus a
 * two-node graph for the fixed cost per call. Run: npx tsx bench/layout-speed.ts --elk-options
 */
export async function runElkOptions(): Promise<void> {
  const runs = 15;
  const graphs = new Map<number, ElkNode>();
  for (const size of [20, 100, 300]) {
    const { definitions } = await parseBpmn(syntheticProcess(size));
    const content = readContainer(definitions.rootElements.find((r: any) => r.$instanceOf('bpmn:Process')));
    const sizes = new Map(content.nodes.map((element) => [element, { element, ...defaultSize(element) }]));
    graphs.set(size, buildElkGraph(content, sizes).root);
  }
  for (let i = 0; i < 20; i++) await layoutElkGraph(structuredClone(graphs.get(100)!));
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; elkjs CPU ms, medians of ${runs} interleaved runs\n`);
  console.log(`| variant | ${[...graphs.keys()].map((n) => `${n} nodes`).join(' | ')} |`);
  console.log('|---|' + '---|'.repeat(graphs.size));
  const times = new Map<string, number[][]>(Object.keys(ELK_VARIANTS).map((name) => [name, [...graphs.keys()].map(() => [])]));
  for (let r = 0; r < runs; r++) {
    for (const [k, graph] of [...graphs.values()].entries()) {
      for (const [name, apply] of Object.entries(ELK_VARIANTS)) {
        const copy = structuredClone(graph);
        apply(copy);
        times.get(name)![k]!.push(await elkCpu(copy));
      }
    }
  }
  for (const [name, perSize] of times) console.log(`| ${name} | ${perSize.map((t) => median(t).toFixed(1)).join(' | ')} |`);
  const twoNodes = (): ElkNode => ({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.edgeRouting': 'ORTHOGONAL' },
    children: [
      { id: 'a', width: 100, height: 80 },
      { id: 'b', width: 100, height: 80 },
    ],
    edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
  });
  const fixed: number[] = [];
  for (let i = 0; i < 200; i++) fixed.push(await elkCpu(twoNodes()));
  console.log(`\nTwo-node graph (fixed cost per call): ${median(fixed.slice(50)).toFixed(2)} ms CPU, median of 150 after 50 warm-up calls`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--elk-options')) await runElkOptions();
  else await run();
}
