// Layout quality on the MIWG files with their DI stripped: our auto-layout vs bpmn-auto-layout on the same XML.
// Run: npx tsx bench/layout-quality.ts   (prints a Markdown table)
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MIWG_DIR } from '../test/helpers/shared.ts';
import { layoutProcess } from 'bpmn-auto-layout';
import { layoutToXml } from '../src/bpmn/layout/layout.ts';
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

export async function run(): Promise<Row[]> {
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
    `${q.nodeOverlaps} | ${q.edgesThroughNodes} | ${q.edgeCrossings} | ${q.labelOverlaps} | ${q.outsideLane} | ${q.missingDi} | ${q.poolsAndLanes} | ${(q.area / 1e6).toFixed(2)}`;
  console.log('| file | overlaps | edges through nodes | crossings | label overlaps | outside lane | nodes/flows without DI | pools+lanes drawn | area (Mpx²) | bpmn-auto-layout: overlaps | through | crossings | label overlaps | outside lane | without DI | pools+lanes | area | crossings among edges both drew: ours / theirs |');
  console.log('|---|' + '---|'.repeat(17));
  const sum = { common: [0, 0] as [number, number], ours: { ov: 0, through: 0, cross: 0, noDi: 0 }, theirs: { ov: 0, through: 0, cross: 0, noDi: 0 } };
  for (const row of rows) {
    const theirs = typeof row.theirs === 'string' ? `${row.theirs} |||||||` : cols(row.theirs);
    const common = row.common ? `${row.common[0]} / ${row.common[1]}` : '–';
    console.log(`| ${row.file} | ${cols(row.ours)} | ${theirs} | ${common} |`);
    if (row.common) {
      sum.common[0] += row.common[0];
      sum.common[1] += row.common[1];
    }
    sum.ours.ov += row.ours.nodeOverlaps;
    sum.ours.through += row.ours.edgesThroughNodes;
    sum.ours.cross += row.ours.edgeCrossings;
    sum.ours.noDi += row.ours.missingDi;
    if (typeof row.theirs !== 'string') {
      sum.theirs.ov += row.theirs.nodeOverlaps;
      sum.theirs.through += row.theirs.edgesThroughNodes;
      sum.theirs.cross += row.theirs.edgeCrossings;
      sum.theirs.noDi += row.theirs.missingDi;
    }
  }
  console.log(`\nTotals — ours: ${JSON.stringify(sum.ours)}; bpmn-auto-layout: ${JSON.stringify(sum.theirs)}`);
  console.log(`Crossings among the edges both drew — ours: ${sum.common[0]}, bpmn-auto-layout: ${sum.common[1]}`);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
