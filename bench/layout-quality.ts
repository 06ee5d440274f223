// Layout quality on the MIWG files with their DI stripped: our auto-layout vs bpmn-auto-layout on the same XML; then
// ours on diagrams generated (builtin provider) from the dev set, the generator's fixtures and its corpus.
// Run: npx tsx bench/layout-quality.ts [--corpus PATH/texts.jsonl]   (prints Markdown tables)
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MIWG_DIR } from '../test/helpers/shared.ts';
import { layoutProcess } from 'bpmn-auto-layout';
import { generateProcess } from '../src/generate/generate.ts';
import { BuiltinProvider } from '../src/generate/providers/builtin/builtin-provider.ts';
import { layoutToXml } from '../src/bpmn/layout/layout.ts';
import { generatedTexts } from './generated-texts.ts';
import { measureLayout, type LayoutQuality } from '../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { stripDi } from '../src/bpmn/strip-di.ts';

const MIWG = MIWG_DIR;

interface Row {
  file: string;
  /** Crossings among the edges both layouts drew: ours, theirs. */
  common: [number, number] | null;
  ours: LayoutQuality & { poolsAndLanes: string };
  theirs: (LayoutQuality & { poolsAndLanes: string }) | string;
}

/** "drawn/total" participants and lanes that have a shape in any diagram. */
function poolsAndLanes(definitions: any): string {
  const drawn = new Set<any>(
    (definitions.diagrams ?? []).flatMap((diagram: any) => (diagram.plane?.planeElement ?? []).map((d: any) => d.bpmnElement)),
  );
  const wanted: any[] = [];
  for (const root of definitions.rootElements ?? []) {
    if (root.$instanceOf('bpmn:Collaboration')) wanted.push(...(root.participants ?? []));
    const visit = (lanes: any[]) => lanes.forEach((l) => (wanted.push(l), visit(l.childLaneSet?.lanes ?? [])));
    if (root.$instanceOf('bpmn:Process')) visit((root.laneSets ?? []).flatMap((s: any) => s.lanes ?? []));
  }
  return `${wanted.filter((w) => drawn.has(w)).length}/${wanted.length}`;
}

export async function runMiwg(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const file of readdirSync(MIWG).filter((f) => f.endsWith('.bpmn')).sort()) {
    const source = await parseBpmn(readFileSync(`${MIWG}/${file}`, 'utf8'));
    stripDi(source.definitions);
    const { xml: stripped } = await source.moddle.toXML(source.definitions, { format: true });

    const ours = await parseBpmn((await layoutToXml(await parseBpmn(stripped))).xml);
    const row: Row = { file, common: null, ours: { ...measureLayout(ours.definitions), poolsAndLanes: poolsAndLanes(ours.definitions) }, theirs: '' };
    try {
      const theirs = await parseBpmn(await layoutProcess(stripped));
      row.theirs = { ...measureLayout(theirs.definitions), poolsAndLanes: poolsAndLanes(theirs.definitions) };
      const drawn = new Set<string>(
        (theirs.definitions.diagrams?.[0]?.plane?.planeElement ?? []).filter((d: any) => d.waypoint).map((d: any) => d.bpmnElement.id),
      );
      row.common = [measureLayout(ours.definitions, { crossingEdgeIds: drawn }).edgeCrossings, row.theirs.edgeCrossings];
    } catch (error) {
      row.theirs = `fails: ${(error as Error).message.slice(0, 40)}`;
    }
    rows.push(row);
  }
  const cols = (q: Row['ours']) =>
    `${q.nodeOverlaps} | ${q.edgesThroughNodes} | ${q.edgeCrossings} | ${q.labelOverlaps} | ${q.sharedSegments} | ${q.labelCollisions} | ${q.outsideLane} / ${q.flowsOutside} | ${q.missingDi} | ${q.poolsAndLanes} | ${(q.area / 1e6).toFixed(2)}`;
  console.log('| file | overlaps | edges through nodes | crossings | label overlaps | shared segments | label collisions | outside lane/pool: nodes / flows | nodes/flows without DI | pools+lanes drawn | area (Mpx²) | bpmn-auto-layout: overlaps | through | crossings | label overlaps | shared | label collisions | outside lane | without DI | pools+lanes | area | crossings among edges both drew: ours / theirs |');
  console.log('|---|' + '---|'.repeat(21));
  const zero = () => ({ ov: 0, through: 0, cross: 0, shared: 0, labels: 0, flowsOutside: 0, noDi: 0 });
  const sum = { common: [0, 0] as [number, number], ours: zero(), theirs: zero() };
  const add = (to: ReturnType<typeof zero>, q: LayoutQuality) => {
    to.ov += q.nodeOverlaps;
    to.through += q.edgesThroughNodes;
    to.cross += q.edgeCrossings;
    to.shared += q.sharedSegments;
    to.labels += q.labelCollisions;
    to.flowsOutside += q.flowsOutside;
    to.noDi += q.missingDi;
  };
  for (const row of rows) {
    const theirs = typeof row.theirs === 'string' ? `${row.theirs} |||||||||` : cols(row.theirs);
    const common = row.common ? `${row.common[0]} / ${row.common[1]}` : '–';
    console.log(`| ${row.file} | ${cols(row.ours)} | ${theirs} | ${common} |`);
    if (row.common) {
      sum.common[0] += row.common[0];
      sum.common[1] += row.common[1];
    }
    add(sum.ours, row.ours);
    if (typeof row.theirs !== 'string') add(sum.theirs, row.theirs);
  }
  console.log(`\nTotals — ours: ${JSON.stringify(sum.ours)}; bpmn-auto-layout: ${JSON.stringify(sum.theirs)}`);
  console.log(`Crossings among the edges both drew — ours: ${sum.common[0]}, bpmn-auto-layout: ${sum.common[1]}`);
  return rows;
}

export interface GeneratedRow {
  set: string;
  id: string;
  quality: LayoutQuality;
}

/** Our layout of the diagrams the builtin generator makes from each text, measured alike. */
export async function runGenerated(corpus?: string): Promise<GeneratedRow[]> {
  const provider = new BuiltinProvider();
  const rows: GeneratedRow[] = [];
  const failed: string[] = [];
  for (const { set, id, text } of generatedTexts(corpus)) {
    try {
      const { xml } = await generateProcess({ prompt: text }, provider);
      rows.push({ set, id, quality: measureLayout((await parseBpmn(xml)).definitions) });
    } catch (error) {
      failed.push(`${set}/${id}: ${(error as Error).message.slice(0, 60)}`);
    }
  }
  console.log('\n| generated from | diagrams | overlaps | edges through nodes | crossings | shared segments | label collisions | of which on a line | on a label (pairs) | on a node | flows outside their pool |');
  console.log('|---|' + '---|'.repeat(10));
  for (const set of [...new Set(rows.map((r) => r.set)), 'all']) {
    const of = rows.filter((r) => set === 'all' || r.set === set);
    const total = (key: keyof LayoutQuality) => of.reduce((n, r) => n + r.quality[key], 0);
    const withLineHit = of.reduce((n, r) => n + (r.quality.labelLineCollisions > 0 ? 1 : 0), 0);
    console.log(
      `| ${set} | ${of.length} | ${total('nodeOverlaps')} | ${total('edgesThroughNodes')} | ${total('edgeCrossings')} | ${total('sharedSegments')} | ${total('labelCollisions')} | ${total('labelLineCollisions')} (${withLineHit} diagrams) | ${total('labelLabelOverlaps')} | ${total('labelOverlaps')} | ${total('flowsOutside')} |`,
    );
  }
  if (failed.length > 0) console.log(`\nNot generated (the generator's errors, not the layout's): ${failed.join('; ')}`);
  const bad = rows.filter((r) => r.quality.sharedSegments + r.quality.labelCollisions > 0);
  console.log(`\nWith shared segments or label collisions: ${bad.map((r) => `${r.set}/${r.id} (${r.quality.sharedSegments}, ${r.quality.labelCollisions})`).join(', ') || 'none'}`);
  return rows;
}

/** Both tables (bench/run-all.ts calls this). */
export async function run(corpus?: string): Promise<{ miwg: Row[]; generated: GeneratedRow[] }> {
  return { miwg: await runMiwg(), generated: await runGenerated(corpus) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--corpus');
  await run(at > 0 ? process.argv[at + 1] : undefined);
}
