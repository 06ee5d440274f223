// Where the time of XML → SVG goes, without a browser: for each MIWG file (and the element zoo), the lean reader,
// renderSvg alone, and the full parse (parseBpmn, which import and export use), interleaved in one process so
// that the machine's load hits all of them alike. Each sample times a batch; the table gives medians.
//
//   npx tsx bench/render-svg-speed.ts [--samples 9] [--batch 20] [--only C.1]
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { readForRender } from '../src/bpmn/render/read/reader.ts';
import { renderSvg } from '../src/bpmn/render/svg.ts';
import { MIWG_DIR } from '../test/helpers/shared.ts';

const EXTRA_DIR = fileURLToPath(new URL('../test/bpmn/render/fixtures/', import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeBatch(batch: number, work: () => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < batch; i++) await work();
  return (performance.now() - start) / batch;
}

export interface SpeedRow {
  file: string;
  readMs: number;
  renderMs: number;
  parseMs: number;
}

export async function run(): Promise<SpeedRow[]> {
  const samples = Number(arg('--samples', '9'));
  const batch = Number(arg('--batch', '20'));
  const only = arg('--only', '');
  const files = [MIWG_DIR, EXTRA_DIR]
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => `${dir}/${f}`))
    .filter((path) => !only || path.split('/').pop()!.startsWith(only));
  const rows: SpeedRow[] = [];
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const definitions = readForRender(xml);
    if (!definitions) throw new Error(`the lean reader declined ${file}`);
    // Warm every path first so the JIT has compiled them before anything is timed.
    for (let i = 0; i < 30; i++) renderSvg(readForRender(xml)!, { theme: 'light' });
    await parseBpmn(xml);
    const read: number[] = [];
    const render: number[] = [];
    const parse: number[] = [];
    for (let s = 0; s < samples; s++) {
      read.push(await timeBatch(batch, () => readForRender(xml)));
      render.push(await timeBatch(batch, () => renderSvg(definitions, { theme: 'light' })));
      parse.push(await timeBatch(Math.max(1, batch / 10), () => parseBpmn(xml)));
    }
    rows.push({ file: file.split('/').pop()!.replace(/\.bpmn$/, ''), readMs: median(read), renderMs: median(render), parseMs: median(parse) });
  }
  const f = (n: number, d = 3) => n.toFixed(d);
  console.log('| file | lean read ms | renderSvg ms | read + render ms | parseBpmn ms | parseBpmn / lean read |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.file} | ${f(r.readMs)} | ${f(r.renderMs)} | ${f(r.readMs + r.renderMs)} | ${f(r.parseMs, 2)} | ${f(r.parseMs / r.readMs, 1)}× |`);
  }
  console.log(
    `\nmedians: lean read ${f(median(rows.map((r) => r.readMs)))} ms, renderSvg ${f(median(rows.map((r) => r.renderMs)))} ms, ` +
      `read + render ${f(median(rows.map((r) => r.readMs + r.renderMs)))} ms, parseBpmn ${f(median(rows.map((r) => r.parseMs)), 2)} ms; ` +
      `median per-file parseBpmn / lean read ${f(median(rows.map((r) => r.parseMs / r.readMs)), 1)}×`,
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
