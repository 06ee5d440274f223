// Layout time for synthetic processes of 20, 100 and 300 nodes (three lanes): ours vs bpmn-auto-layout, XML in → XML out.
// Run: npx tsx bench/layout-speed.ts   (median of several runs after a warm-up; prints a Markdown table)
import { pathToFileURL } from 'node:url';
import { layoutProcess } from 'bpmn-auto-layout';
import { layoutDefinitions } from '../src/bpmn/layout/layout.ts';
import { measureLayout } from '../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { syntheticProcess } from './synthetic-process.ts';

async function ours(xml: string): Promise<string> {
  const parsed = await parseBpmn(xml);
  await layoutDefinitions(parsed);
  return ((await parsed.moddle.toXML(parsed.definitions, { format: true })) as { xml: string }).xml;
}

/** Medians of both functions, run alternately after a warm-up so machine load hits them alike. */
async function medians(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    await a();
    ta.push(performance.now() - started);
    started = performance.now();
    await b();
    tb.push(performance.now() - started);
  }
  const median = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)]!;
  return [median(ta), median(tb)];
}

export interface SpeedRow {
  nodes: number;
  oursMs: number;
  theirsMs: number;
}

export async function run(): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  console.log('| nodes | flows | ours (ms) | bpmn-auto-layout (ms) | ours / theirs | our overlaps | our crossings | their overlaps | their crossings | lanes drawn: ours / theirs |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const size of [20, 100, 300]) {
    const xml = syntheticProcess(size);
    const runs = size >= 300 ? 5 : 9;
    const [oursMs, theirsMs] = await medians(() => ours(xml), () => layoutProcess(xml), runs);
    const a = await parseBpmn(await ours(xml));
    const b = await parseBpmn(await layoutProcess(xml));
    const qa = measureLayout(a.definitions);
    const qb = measureLayout(b.definitions);
    const lanes = (d: any) => d.diagrams[0].plane.planeElement.filter((e: any) => e.bpmnElement?.$instanceOf('bpmn:Lane')).length;
    const flows = (xml.match(/<bpmn:sequenceFlow /g) ?? []).length;
    rows.push({ nodes: size, oursMs, theirsMs });
    console.log(
      `| ${size} | ${flows} | ${oursMs.toFixed(1)} | ${theirsMs.toFixed(1)} | ${(oursMs / theirsMs).toFixed(2)} | ${qa.nodeOverlaps} | ${qa.edgeCrossings} | ${qb.nodeOverlaps} | ${qb.edgeCrossings} | ${lanes(a.definitions)} / ${lanes(b.definitions)} |`,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
