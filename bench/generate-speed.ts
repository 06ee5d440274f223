// How fast is builtin generation? A ~200-word description → laid-out BPMN (NLP, model repair, layout, XML),
// p50 over many runs, against rendering the same diagram to SVG and to PNG in the same process and run.
import { pathToFileURL } from 'node:url';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { renderPng } from '../src/bpmn/render/png.ts';
import { renderSvg } from '../src/bpmn/render/svg.ts';
import { generateProcess } from '../src/generate/generate.ts';
import { BpmnModdle } from 'bpmn-moddle';
import { repairModel } from '../src/generate/model.ts';
import { BuiltinProvider, describeProcess } from '../src/generate/providers/builtin/builtin-provider.ts';
import { buildDefinitions } from '../src/generate/to-bpmn.ts';

export const DESCRIPTION = `The process starts when a customer sends a purchase order by email. The sales clerk registers the order in
the ERP system and checks the credit limit of the customer. If the credit limit is exceeded, the sales clerk asks the
finance manager for approval. If the finance manager rejects the order, the sales clerk informs the customer and the
process ends. Otherwise the sales clerk confirms the order to the customer. Then the warehouse worker picks the goods
and packs the shipment. Meanwhile, the accountant prepares the invoice and checks the prices. When the shipment is
ready, the logistics coordinator books a carrier and hands the parcel over. The carrier delivers the parcel to the
customer. The accountant sends the invoice to the customer and waits for the payment. If the payment does not arrive
within thirty days, the accountant sends a reminder again. When the payment arrives, the accountant records the
payment in the ledger. Finally, the sales clerk archives the order and closes the case. The customer service team
then asks the customer for feedback about the delivery and stores the answers in the CRM system for the quarterly
review of the sales department.`;

const RUNS = Number(process.env.BENCH_RUNS ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export interface GenerateSpeedResult {
  words: number;
  generateP50: number;
  generateP95: number;
  readP50: number;
  exportP50: number;
  svgP50: number;
  pngP50: number;
}

export async function run(): Promise<GenerateSpeedResult> {
  const provider = new BuiltinProvider();
  const words = DESCRIPTION.split(/\s+/).length;
  const first = await generateProcess({ prompt: DESCRIPTION }, provider);
  const { definitions } = await parseBpmn(first.xml);
  const svg = renderSvg(definitions, { theme: 'light' });
  for (let i = 0; i < 5; i++) {
    await generateProcess({ prompt: DESCRIPTION }, provider);
    renderPng(renderSvg(definitions, { theme: 'light' }), { scale: 1 });
  }
  const generate: number[] = [];
  const read: number[] = [];
  const exportTimes: number[] = [];
  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    generate.push(await time(() => generateProcess({ prompt: DESCRIPTION }, provider)));
    read.push(await time(() => describeProcess({ prompt: DESCRIPTION }, [])));
    // Building the BPMN objects and writing XML, without layout: the rest of generate is the layout engine.
    exportTimes.push(
      await time(async () => {
        const moddle = new BpmnModdle();
        await moddle.toXML(buildDefinitions(repairModel(first.model).model, moddle), { format: true });
      }),
    );
    svgTimes.push(await time(() => renderSvg(definitions, { theme: 'light' })));
    pngTimes.push(await time(() => renderPng(svg, { scale: 1 })));
  }
  const result = {
    words,
    generateP50: percentile(generate, 50),
    generateP95: percentile(generate, 95),
    readP50: percentile(read, 50),
    exportP50: percentile(exportTimes, 50),
    svgP50: percentile(svgTimes, 50),
    pngP50: percentile(pngTimes, 50),
  };
  const tasks = first.model.nodes.filter((n) => n.kind === 'task').length;
  console.log(`## Generation: builtin, ${words}-word description → ${tasks} tasks, ${first.model.actors.length} lanes (${RUNS} runs, p50)`);
  console.log(`generate (NLP + repair + layout + XML)  p50 ${result.generateP50.toFixed(1)} ms  p95 ${result.generateP95.toFixed(1)} ms  (goal p50 well under 100 ms)`);
  console.log(`  of which reading the text (NLP)       p50 ${result.readP50.toFixed(1)} ms`);
  console.log(`  of which BPMN objects + XML (no layout) p50 ${result.exportP50.toFixed(1)} ms; the rest is layout`);
  console.log(`render SVG of the same diagram          p50 ${result.svgP50.toFixed(1)} ms   ratio generate/SVG ${(result.generateP50 / result.svgP50).toFixed(1)}`);
  console.log(`render PNG (resvg, scale 1)             p50 ${result.pngP50.toFixed(1)} ms   ratio generate/PNG ${(result.generateP50 / result.pngP50).toFixed(2)}`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
