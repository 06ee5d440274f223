// What do safe import, validation and faithful export cost? Per MIWG file: bare bpmn-moddle fromXML (the
// reference) against our parse (pre-parse scan + moddle), validation, export and the semantic comparison;
// then how fast each hostile input is refused. Medians over BENCH_RUNS runs, one process, one run.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MIWG_DIR } from '../test/helpers/shared.ts';
import { BpmnModdle } from 'bpmn-moddle';
import { exportBpmn } from '../src/bpmn/export.ts';
import { DEFAULT_PARSE_LIMITS, parseBpmn, type ParseLimits } from '../src/bpmn/parse.ts';
import { validateDefinitions, importBpmn } from '../src/bpmn/validate.ts';
import { compareXml } from '../src/bpmn/xml-compare.ts';
import { scanXml } from '../src/bpmn/xml-guard.ts';

const MIWG = MIWG_DIR;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MB = 1024 * 1024;
const SCAN_LIMITS = { maxDepth: 100, maxElements: 50_000, maxAttributeLength: 256 * 1024, maxAttributeTotal: 5 * MB, maxAttributesPerElement: 512 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown, runs = RUNS): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export interface FileResult {
  file: string;
  kb: number;
  moddle: number;
  /** The pre-parse scan alone (part of parse). */
  scan: number;
  parse: number;
  validate: number;
  exportMs: number;
  compare: number;
}

export interface HostileResult {
  name: string;
  mb: number;
  ms: number;
  message: string;
}

function hostileCorpus(): { name: string; input: string | Uint8Array; limits?: ParseLimits }[] {
  const open = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">';
  const close = '</bpmn:definitions>';
  const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  const roomy: ParseLimits = { ...DEFAULT_PARSE_LIMITS, maxBytes: 64 * MB, maxElements: 10_000_000 };
  const task = `<bpmn:task name="${'B'.repeat(64 * 1024)}"/>`;
  const valid = Buffer.from(`${open}<bpmn:process id="P">${'<bpmn:task/>'.repeat(45_000)}</bpmn:process>${close}`);
  return [
    { name: 'billion laughs', input: `<!DOCTYPE d [<!ENTITY lol0 "lol">${laughs}]>${open}<bpmn:process name="&lol9;"/>${close}` },
    { name: 'quadratic blowup (100 kB entity × 40k)', input: `<!DOCTYPE d [<!ENTITY b "${'x'.repeat(100_000)}">]>${open}<bpmn:process name="${'&b;'.repeat(40_000)}"/>${close}` },
    { name: 'external entity (file://)', input: `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${open}<bpmn:process name="&x;"/>${close}` },
    { name: 'external DTD (http://)', input: `<!DOCTYPE d SYSTEM "http://127.0.0.1:9/x.dtd">${open}${close}` },
    { name: '100k-deep nesting', input: `${open}${'<bpmn:documentation>'.repeat(100_000)}${'</bpmn:documentation>'.repeat(100_000)}${close}` },
    { name: '50 MB attribute (default limits: size)', input: `${open}<bpmn:process name="${'A'.repeat(50 * MB)}"/>${close}` },
    { name: '50 MB attribute (64 MB limit: length)', input: `${open}<bpmn:process name="${'A'.repeat(50 * MB)}"/>${close}`, limits: roomy },
    { name: '50 MB of 64 kB attributes (total)', input: `${open}<bpmn:process>${task.repeat(800)}</bpmn:process>${close}`, limits: roomy },
    { name: '100k attributes on one element', input: `${open}<bpmn:process ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/>${close}` },
    { name: '60k elements', input: `${open}<bpmn:process>${'<bpmn:task/>'.repeat(60_000)}</bpmn:process>${close}` },
    { name: 'invalid UTF-8 in the last byte', input: Buffer.concat([valid.subarray(0, valid.length - 1), Buffer.from([0xff])]) },
    { name: 'non-BPMN root', input: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' },
    { name: 'truncated (cut in half)', input: valid.subarray(0, valid.length >> 1) },
    { name: 'not XML at all', input: 'definitions: { process: yes }' },
  ];
}

export async function run(): Promise<{ files: FileResult[]; hostile: HostileResult[] }> {
  const files: FileResult[] = [];
  for (const file of readdirSync(MIWG).filter((f) => f.endsWith('.bpmn')).sort()) {
    const bytes = readFileSync(`${MIWG}/${file}`);
    const text = bytes.toString('utf8');
    const parsed = await parseBpmn(bytes);
    const out = await exportBpmn(parsed.definitions, parsed.moddle);
    for (let i = 0; i < 3; i++) await importBpmn(bytes); // warm up
    files.push({
      file,
      kb: bytes.length / 1024,
      moddle: await time(() => new BpmnModdle().fromXML(text, 'bpmn:Definitions')),
      scan: await time(() => scanXml(text, SCAN_LIMITS, { open() {} })),
      parse: await time(() => parseBpmn(bytes)),
      validate: await time(() => validateDefinitions(parsed.definitions, parsed)),
      exportMs: await time(() => exportBpmn(parsed.definitions, parsed.moddle)),
      compare: await time(() => compareXml(text, out)),
    });
  }
  console.log(`## BPMN import/export per MIWG file (median of ${RUNS} runs, ms)`);
  console.log('file        KB   moddle   scan  parse  (×moddle)  validate  export  compare');
  for (const r of files) {
    console.log(
      `${r.file.padEnd(10)} ${r.kb.toFixed(0).padStart(4)}  ${r.moddle.toFixed(2).padStart(6)} ${r.scan.toFixed(2).padStart(6)} ${r.parse.toFixed(2).padStart(6)}  (${(r.parse / r.moddle).toFixed(2)}×)` +
        `    ${r.validate.toFixed(2).padStart(6)}  ${r.exportMs.toFixed(2).padStart(6)}  ${r.compare.toFixed(2).padStart(6)}`,
    );
  }
  const sum = (pick: (r: FileResult) => number) => files.reduce((total, r) => total + pick(r), 0);
  console.log(
    `total      ${sum((r) => r.kb).toFixed(0).padStart(4)}  ${sum((r) => r.moddle).toFixed(1).padStart(6)} ${sum((r) => r.scan).toFixed(1).padStart(6)} ${sum((r) => r.parse).toFixed(1).padStart(6)}  (${(sum((r) => r.parse) / sum((r) => r.moddle)).toFixed(2)}×)` +
      `    ${sum((r) => r.validate).toFixed(1).padStart(6)}  ${sum((r) => r.exportMs).toFixed(1).padStart(6)}  ${sum((r) => r.compare).toFixed(1).padStart(6)}`,
  );

  // The biggest documents we accept are bounded by the element limit: a 16,000-task chain has 32,003.
  const n = 16_000;
  const chain =
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:startEvent id="S"/>` +
    Array.from({ length: n }, (_, i) => `<bpmn:task id="T${i}" name="Task number ${i}"/>\n`).join('') +
    Array.from({ length: n - 1 }, (_, i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="T${i}" targetRef="T${i + 1}"/>\n`).join('') +
    '</bpmn:process></bpmn:definitions>';
  const big = await importBpmn(chain);
  const bigModdle = await time(() => new BpmnModdle().fromXML(chain, 'bpmn:Definitions'), 3);
  const bigImport = await time(() => importBpmn(chain), 3);
  const bigExport = await time(() => exportBpmn(big.definitions, big.moddle), 3);
  console.log(
    `\n## Largest kind of accepted input: ${n}-task chain, ${(Buffer.byteLength(chain) / MB).toFixed(1)} MB, ${2 * n + 3} elements (median of 3)`,
  );
  console.log(`bare moddle ${bigModdle.toFixed(0)} ms   import (parse + validate + stats) ${bigImport.toFixed(0)} ms   export ${bigExport.toFixed(0)} ms`);

  const hostile: HostileResult[] = [];
  for (const { name, input, limits } of hostileCorpus()) {
    let message = 'accepted';
    const ms = await time(async () => {
      message = await importBpmn(input, limits).then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    }, 5);
    hostile.push({ name, mb: (typeof input === 'string' ? Buffer.byteLength(input) : input.length) / MB, ms, message });
  }
  console.log('\n## Hostile input: time to refusal (median of 5 runs)');
  for (const h of hostile) {
    console.log(`${h.name.padEnd(40)} ${h.mb.toFixed(2).padStart(6)} MB  ${h.ms.toFixed(1).padStart(7)} ms  ${h.message.slice(0, 90)}`);
  }
  return { files, hostile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
