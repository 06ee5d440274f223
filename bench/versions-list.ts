// Diagram versions: (1) latency of the first page of GET /api/v1/diagrams/{id}/versions against a page after
// BENCH_VERSIONS versions of ONE diagram, on SQLite and on Postgres (goal: deep/first ≤ 1.5, as for the diagram
// list); (2) bytes per version stored (brotli, see src/services/version-codec.ts) against the raw XML, for the MIWG
// files and the builtin generator's diagrams of the dev texts, with deflate beside it for the choice of codec.
//   npx tsx bench/versions-list.ts     BENCH_VERSIONS (default 1000000), BENCH_SAMPLES (300), BENCH_PARTS (depth,bytes)
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { constants, deflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { pino } from 'pino';
import { BENCH_SECRET, fixture, firstVsDeep, postgresReachable, type Fixture } from './diagrams-list.ts';
import { generatedTexts } from './generated-texts.ts';
import { CursorCodec } from '../src/api/pagination.ts';
import { createRenderPool } from '../src/bpmn/render-pool.ts';
import { generateProcess } from '../src/generate/generate.ts';
import { BuiltinProvider } from '../src/generate/providers/builtin/builtin-provider.ts';
import { buildServer } from '../src/server.ts';
import { DiagramRepository } from '../src/store/repositories/diagrams.ts';
import { DiagramVersionRepository } from '../src/store/repositories/diagram-versions.ts';
import type { DiagramVersionRow } from '../src/store/schema.ts';
import { compressXml } from '../src/services/version-codec.ts';
import { MIWG_DIR } from '../test/helpers/shared.ts';

const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 1_000_000);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'depth,bytes').split(','));
const BATCH = 1000;
const STATS = JSON.stringify({ tasks: 3, events: 2, gateways: 1, lanes: 0, pools: 0, flows: 6 });
const T0 = Date.UTC(2026, 0, 1);

export interface VersionsListResult {
  depth: { engine: string; versions: number; insertSeconds: number; firstMs: number; deepMs: number; ratio: number }[];
  bytes: { set: string; documents: number; rawBytes: number; brotliBytes: number; deflateBytes: number }[];
}

/** One diagram with `count` versions (one a second), bulk-inserted; its id. */
async function fill(f: Fixture, count: number): Promise<string> {
  const db = f.services.store.db;
  const diagramId = randomUUID();
  const bpmn = await compressXml(fs.readFileSync(`${MIWG_DIR}/A.1.0.bpmn`, 'utf8'));
  await new DiagramRepository(db).insert({
    id: diagramId, ...f.owner, folder_id: null, name: 'Many versions', bpmn_xml: '<definitions/>', version: count, source: 'imported',
    stats: STATS, created_by: f.userId, created_at: T0, updated_at: T0 + count * 1000,
  });
  for (let start = 1; start <= count; start += BATCH * 20) {
    await db.transaction().execute(async (trx) => {
      const repo = new DiagramVersionRepository(trx);
      for (let batchStart = start; batchStart < Math.min(count + 1, start + BATCH * 20); batchStart += BATCH) {
        const rows: DiagramVersionRow[] = [];
        for (let version = batchStart; version < Math.min(count + 1, batchStart + BATCH); version++) {
          rows.push({ diagram_id: diagramId, version, source: version === 1 ? 'imported' : 'edited', stats: STATS, prompt: null, bpmn_br: bpmn, created_by: f.userId, created_at: T0 + version * 1000 });
        }
        await repo.insertMany(rows);
      }
    });
  }
  if (f.services.store.engine === 'postgres') await sql`analyze diagram_versions`.execute(db);
  return diagramId;
}

async function depth(engine: 'sqlite' | 'postgres', count: number): Promise<VersionsListResult['depth'][number]> {
  const f = await fixture(engine);
  const server = await buildServer(f.config, { services: f.services, logStream: pino.destination({ dest: '/dev/null', sync: false }) });
  try {
    const started = performance.now();
    const diagramId = await fill(f, count);
    const insertSeconds = (performance.now() - started) / 1000;
    // The cursor a client holds after paging to the last 20 versions (the server's codec and secret).
    const codec = new CursorCodec(BENCH_SECRET);
    const cursor = codec.encodeKey(21, { list: 'diagram_versions', filter: `diagram_id=${diagramId}`, owner: `user:${f.userId}:live` });
    const url = `/api/v1/diagrams/${diagramId}/versions?limit=20`;
    const { firstMs, deepMs, ratio } = await firstVsDeep(server, { authorization: `Bearer ${f.secret}` }, url, `${url}&cursor=${cursor}`);
    console.log(
      `${engine.padEnd(8)} ${count.toLocaleString('en')} versions of one diagram (inserted in ${insertSeconds.toFixed(0)} s): first page ${firstMs.toFixed(2)} ms, ` +
        `page after ${(count - 20).toLocaleString('en')} versions ${deepMs.toFixed(2)} ms, ratio ${ratio.toFixed(2)} (goal <= 1.5)`,
    );
    return { engine, versions: count, insertSeconds, firstMs, deepMs, ratio };
  } finally {
    await server.close();
    await f.cleanup();
  }
}

/** What a version stores for each document: the XML the import writes back (MIWG) or the generator's XML. */
async function bytes(): Promise<VersionsListResult['bytes']> {
  const pool = createRenderPool({ threads: 1 });
  const miwg: string[] = [];
  try {
    for (const file of fs.readdirSync(MIWG_DIR).filter((name) => name.endsWith('.bpmn')).sort()) {
      miwg.push((await pool.prepareImport(fs.readFileSync(`${MIWG_DIR}/${file}`, 'utf8'))).xml);
    }
  } finally {
    await pool.close();
  }
  const provider = new BuiltinProvider();
  const generated: string[] = [];
  for (const { text } of generatedTexts().filter((t) => t.set === 'dev')) {
    try {
      generated.push((await generateProcess({ prompt: text }, provider)).xml);
    } catch {
      // A text the generator cannot read stores no version.
    }
  }
  const result: VersionsListResult['bytes'] = [];
  for (const [set, documents] of [['MIWG (as imported)', miwg], ['generated (builtin, dev texts)', generated]] as const) {
    let rawBytes = 0;
    let brotliBytes = 0;
    let deflateBytes = 0;
    for (const xml of documents) {
      const raw = Buffer.from(xml, 'utf8');
      rawBytes += raw.byteLength;
      brotliBytes += (await compressXml(xml)).byteLength;
      deflateBytes += deflateRawSync(raw, { level: constants.Z_DEFAULT_COMPRESSION }).byteLength;
    }
    const n = documents.length;
    console.log(
      `${set.padEnd(32)} ${String(n).padStart(4)} documents: raw ${(rawBytes / n).toFixed(0)} B/version, brotli ${(brotliBytes / n).toFixed(0)} B ` +
        `(${(rawBytes / brotliBytes).toFixed(2)}× smaller), deflate ${(deflateBytes / n).toFixed(0)} B (${(rawBytes / deflateBytes).toFixed(2)}×)`,
    );
    result.push({ set, documents: n, rawBytes, brotliBytes, deflateBytes });
  }
  return result;
}

export async function run(): Promise<VersionsListResult> {
  const result: VersionsListResult = { depth: [], bytes: [] };
  if (PARTS.has('bytes')) {
    console.log('## Bytes per version: raw XML vs stored (brotli q6) and deflate');
    result.bytes = await bytes();
  }
  if (PARTS.has('depth')) {
    console.log(`## Version list latency, first page vs a page after ${VERSIONS.toLocaleString('en')} versions of one diagram (in-process inject)`);
    result.depth.push(await depth('sqlite', VERSIONS));
    if (await postgresReachable()) result.depth.push(await depth('postgres', VERSIONS));
    else console.log('postgres skipped: unreachable');
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
