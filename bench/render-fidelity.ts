// How close is our renderer to bpmn-js, and how much faster? For every MIWG file: bpmn-js (npm package) renders it
// in headless Chromium and saveSVG()s it; we render it too; both SVGs are rasterised by resvg with the same fonts
// into the same viewBox, then compared with SSIM (ssim.js). Side-by-side PNGs (ours | bpmn-js) go to docs/render/.
// Speed (same run): our SVG and PNG vs bpmn-js warm in the browser (importXML + saveSVG; importXML + screenshot),
// and one cold browser (launch → screenshot) for reference.
//
//   npx tsx bench/render-fidelity.ts [--speed-runs 7] [--batch 5] [--only A.1.0]   (or npx tsx bench/run-all.ts render-fidelity)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ssim } from 'ssim.js';
import { parseBpmn } from '../src/bpmn/parse.ts';
import { renderPng } from '../src/bpmn/render/png.ts';
import { renderSvgFromXml } from '../src/bpmn/render/svg-from-xml.ts';
import { renderSvg } from '../src/bpmn/render/svg.ts';
import { MIWG_DIR } from '../test/helpers/shared.ts';

// Our own fixture of the element types MIWG leaves out (transaction, ad-hoc, complex gateway, cancel, link…).
const EXTRA_DIR = fileURLToPath(new URL('../test/bpmn/render/fixtures/', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../docs/render/', import.meta.url));
const VIEWER = fileURLToPath(new URL('../node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const SPEED_RUNS = Number(arg('--speed-runs', '7'));
const ONLY = arg('--only', '');
const OUR_BATCH = Number(arg('--batch', '5'));

interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

function readViewBox(svg: string): ViewBox {
  const match = /viewBox="([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)"/.exec(svg);
  if (!match) throw new Error('SVG without viewBox');
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** Puts an SVG on a given viewBox and integer pixel size so two drawings rasterise pixel-aligned. */
function onViewBox(svg: string, box: ViewBox): string {
  const open = /<svg\b[^>]*>/.exec(svg)![0];
  const rest = open
    .replace(/\s(width|height|viewBox)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg width="${Math.round(box.width)}" height="${Math.round(box.height)}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}"`);
  return svg.replace(open, rest);
}

/**
 * bpmn-js writes marker references as `marker-end: url('#id')` inside style, which resvg ignores; unquoting them
 * lets resvg draw bpmn-js's arrowheads, so the comparison is about the drawing, not that quirk.
 */
function unquoteMarkerUrls(svg: string): string {
  return svg.replace(/url\('#([^']+)'\)/g, 'url(#$1)').replace(/url\(&quot;#([^&]+)&quot;\)/g, 'url(#$1)');
}

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

function asImageData(png: PNG): { data: Uint8ClampedArray; width: number; height: number } {
  return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
}

function sideBySide(left: PNG, right: PNG): Buffer {
  const gap = 16;
  const out = new PNG({ width: left.width + gap + right.width, height: Math.max(left.height, right.height) });
  out.data.fill(255);
  for (let y = 0; y < out.height; y++) {
    for (let x = left.width; x < left.width + gap; x++) {
      const i = (y * out.width + x) * 4;
      out.data[i] = 200; out.data[i + 1] = 200; out.data[i + 2] = 200;
    }
  }
  PNG.bitblt(left, out, 0, 0, left.width, left.height, 0, 0);
  PNG.bitblt(right, out, 0, 0, right.width, right.height, left.width + gap, 0);
  return PNG.sync.write(out);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function openViewer(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="canvas" style="width:100vw;height:100vh"></div></body></html>');
  await page.addScriptTag({ path: VIEWER });
  await page.evaluate(() => {
    (globalThis as any).viewer = new (globalThis as any).BpmnJS({ container: '#canvas' });
  });
  return page;
}

async function bpmnJsSvg(page: Page, xml: string): Promise<{ svg: string; ms: number }> {
  return page.evaluate(async (source) => {
    const viewer = (globalThis as any).viewer;
    const start = performance.now();
    await viewer.importXML(source);
    const { svg } = await viewer.saveSVG();
    return { svg, ms: performance.now() - start };
  }, xml);
}

/** bpmn-js PNG: import, fit the page to the diagram at zoom 1, screenshot. Timed from the Node side. */
async function bpmnJsPng(page: Page, xml: string, box: ViewBox): Promise<number> {
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  await page.setViewportSize({ width, height });
  const start = performance.now();
  await page.evaluate(async ({ source, vb }) => {
    const viewer = (globalThis as any).viewer;
    await viewer.importXML(source);
    viewer.get('canvas').viewbox(vb);
  }, { source: xml, vb: box });
  await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
  return performance.now() - start;
}

async function coldBrowserPng(xml: string, box: ViewBox): Promise<number> {
  const start = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await openViewer(browser);
    await bpmnJsPng(page, xml, box);
  } finally {
    await browser.close();
  }
  return performance.now() - start;
}

export interface Row {
  file: string;
  ssim: number;
  ssimFull: number;
  width: number;
  height: number;
  /** renderSvg alone, from an already parsed model. */
  oursRenderMs: number;
  /** XML → SVG as images are rendered (renderSvgFromXml), like bpmn-js's importXML + saveSVG. */
  oursSvgMs: number;
  oursPngMs: number;
  jsSvgMs: number;
  jsPngMs: number;
}

export async function run(): Promise<Row[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const files = [MIWG_DIR, EXTRA_DIR]
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => `${dir}/${f}`))
    .filter((path) => !ONLY || path.split('/').pop()!.startsWith(ONLY));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    const page = await openViewer(browser);
    // Both sides warm: every file through bpmn-js once and through ours a few times, before anything is timed.
    for (const file of files) {
      const xml = readFileSync(file, 'utf8');
      await bpmnJsSvg(page, xml);
      for (let i = 0; i < 10; i++) renderPng(await renderSvgFromXml(xml, { theme: 'light' }), { scale: 1 });
    }
    for (const file of files) {
      const name = file.split('/').pop()!.replace(/\.bpmn$/, '');
      const xml = readFileSync(file, 'utf8');
      const reference = await bpmnJsSvg(page, xml);
      const { definitions } = await parseBpmn(xml);
      const ours = renderSvg(definitions, { theme: 'light' });
      const box = readViewBox(reference.svg);
      const refPng = decode(renderPng(onViewBox(unquoteMarkerUrls(reference.svg), box), { scale: 1, background: '#ffffff' }));
      const ourPng = decode(renderPng(onViewBox(ours, box), { scale: 1, background: '#ffffff' }));
      const score = ssim(asImageData(ourPng), asImageData(refPng)).mssim;
      const scoreFull = ssim(asImageData(ourPng), asImageData(refPng), { downsample: false }).mssim;
      writeFileSync(`${OUT_DIR}${name}.png`, sideBySide(ourPng, refPng));

      const oursRender: number[] = [];
      const oursSvg: number[] = [];
      const oursPng: number[] = [];
      const jsSvg: number[] = [];
      const jsPng: number[] = [];
      // Ours is timed as the product renders an image: XML → SVG through renderSvgFromXml (the lean reader, or the
      // full parse when it declines), then resvg. Our runs are a few milliseconds, so each sample averages a batch.
      const timeOurs = async (work: () => unknown): Promise<number> => {
        const start = performance.now();
        for (let i = 0; i < OUR_BATCH; i++) await work();
        return (performance.now() - start) / OUR_BATCH;
      };
      for (let run = 0; run < SPEED_RUNS; run++) {
        oursSvg.push(await timeOurs(() => renderSvgFromXml(xml, { theme: 'light' })));
        oursRender.push(await timeOurs(() => renderSvg(definitions, { theme: 'light' })));
        oursPng.push(await timeOurs(async () => renderPng(await renderSvgFromXml(xml, { theme: 'light' }), { scale: 1 })));
        jsSvg.push((await bpmnJsSvg(page, xml)).ms);
        jsPng.push(await bpmnJsPng(page, xml, box));
      }
      const row: Row = {
        file: name, ssim: score, ssimFull: scoreFull, width: refPng.width, height: refPng.height,
        oursRenderMs: median(oursRender), oursSvgMs: median(oursSvg), oursPngMs: median(oursPng), jsSvgMs: median(jsSvg), jsPngMs: median(jsPng),
      };
      rows.push(row);
      console.error(`${name}: ssim ${score.toFixed(4)} (full-res ${scoreFull.toFixed(4)})`);
    }
    const firstFile = files[0];
    const cold = firstFile && SPEED_RUNS > 0
      ? await (async () => {
        const xml = readFileSync(firstFile, 'utf8');
        const ref = await bpmnJsSvg(page, xml);
        return { file: firstFile.split('/').pop()!, ms: await coldBrowserPng(xml, readViewBox(ref.svg)) };
      })()
      : null;
    printReport(rows, cold);
  } finally {
    await browser.close();
  }
  return rows;
}

function printReport(rows: Row[], cold: { file: string; ms: number } | null): void {
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log('| file | size (px) | SSIM | SSIM full-res | ours render ms | ours XML→SVG ms | bpmn-js SVG ms | SVG × | ours PNG ms | bpmn-js PNG ms | PNG × |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.file} | ${r.width}×${r.height} | ${f(r.ssim, 4)} | ${f(r.ssimFull, 4)} | ${f(r.oursRenderMs, 2)} | ${f(r.oursSvgMs, 2)} | ${f(r.jsSvgMs)} | ` +
        `${f(r.jsSvgMs / r.oursSvgMs)} | ${f(r.oursPngMs)} | ${f(r.jsPngMs)} | ${f(r.jsPngMs / r.oursPngMs)} |`,
    );
  }
  const ssims = rows.map((r) => r.ssim);
  const fulls = rows.map((r) => r.ssimFull);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  console.log('');
  console.log(`files: ${rows.length}`);
  console.log(`SSIM (ssim.js defaults): mean ${f(mean(ssims), 4)}, min ${f(Math.min(...ssims), 4)}`);
  console.log(`SSIM (full resolution, downsample off): mean ${f(mean(fulls), 4)}, min ${f(Math.min(...fulls), 4)}`);
  console.log(
    `median SVG render alone: ours ${f(median(rows.map((r) => r.oursRenderMs)), 2)} ms, ` +
      `median per-file ratio to bpmn-js import+saveSVG ${f(median(rows.map((r) => r.jsSvgMs / r.oursRenderMs)))}×`,
  );
  console.log(
    `median SVG from XML: ours ${f(median(rows.map((r) => r.oursSvgMs)), 2)} ms, bpmn-js warm ${f(median(rows.map((r) => r.jsSvgMs)))} ms, ` +
      `median per-file ratio ${f(median(rows.map((r) => r.jsSvgMs / r.oursSvgMs)))}×`,
  );
  console.log(
    `median PNG from XML: ours ${f(median(rows.map((r) => r.oursPngMs)))} ms, bpmn-js warm ${f(median(rows.map((r) => r.jsPngMs)))} ms, ` +
      `median per-file ratio ${f(median(rows.map((r) => r.jsPngMs / r.oursPngMs)))}×`,
  );
  if (cold) console.log(`cold browser (launch → screenshot) for ${cold.file}: ${f(cold.ms)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
