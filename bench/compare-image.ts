// What a compare costs, and the docs' sample images: MIWG C.1.0 against the revision the compare tests use
// (test/bpmn/compare/edit-xml.ts), drawn in both themes to docs/render/compare-{light,dark}.png; then, per MIWG
// file against itself, the diff and the compare image (SVG, PNG at scale 1), medians of a few runs each.
//
//   npx tsx bench/compare-image.ts [--samples 5]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffBpmn } from '../src/bpmn/compare/diff.ts';
import { renderCompareImage } from '../src/bpmn/compare/image.ts';
import { reviseInvoiceProcess } from '../test/bpmn/compare/edit-xml.ts';
import { MIWG_DIR, miwgFiles } from '../test/helpers/shared.ts';

const DOCS = fileURLToPath(new URL('../docs/render/', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(samples: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const i = process.argv.indexOf('--samples');
  const samples = i >= 0 ? Number(process.argv[i + 1]) : 5;
  const c10 = readFileSync(join(MIWG_DIR, 'C.1.0.bpmn'), 'utf8');
  const revised = reviseInvoiceProcess(c10);
  for (const theme of ['light', 'dark'] as const) {
    const { body } = await renderCompareImage(c10, revised, { format: 'png', theme, scale: 1 });
    writeFileSync(join(DOCS, `compare-${theme}.png`), body);
  }
  console.log(`wrote docs/render/compare-light.png and compare-dark.png`);

  console.log('| file | bytes | diff ms | compare SVG ms | compare PNG ms |');
  console.log('|---|---|---|---|---|');
  const rows: number[][] = [];
  for (const [file, from, to] of [['C.1.0 → revised', c10, revised], ...miwgFiles().map((f) => [f.replace(/\.bpmn$/, ''), '', ''])] as [string, string, string][]) {
    const a = from || readFileSync(join(MIWG_DIR, `${file}.bpmn`), 'utf8');
    const b = to || a;
    const row = [
      await time(samples, () => diffBpmn(a, b)),
      await time(samples, () => renderCompareImage(a, b, { format: 'svg', theme: 'light', scale: 1 })),
      await time(samples, () => renderCompareImage(a, b, { format: 'png', theme: 'light', scale: 1 })),
    ];
    rows.push(row);
    console.log(`| ${file} | ${Buffer.byteLength(b)} | ${row.map((t) => t.toFixed(1)).join(' | ')} |`);
  }
  const medians = [0, 1, 2].map((c) => median(rows.map((r) => r[c]!)).toFixed(1));
  console.log(`| median | | ${medians.join(' | ')} |`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
