// The list page of diagrams is written as JSON text by hand (diagram-json.ts, CursorCodec.pageJson); every other
// response goes through Fastify's schema serialiser. These hold the two to the same bytes, for any row.
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec, type CursorScope } from '../../src/api/pagination.ts';
import { diagramJsonWriter } from '../../src/api/routes/diagrams/diagram-json.ts';
import { DiagramListSchema } from '../../src/api/routes/diagrams/schemas.ts';
import { listRowPosition, toDiagram } from '../../src/services/diagrams.ts';
import type { Owner } from '../../src/services/tenancy.ts';
import type { DiagramListRow, DiagramMeta } from '../../src/store/repositories/diagrams.ts';

const codec = new CursorCodec('diagram-json test secret');
const scope: CursorScope = { list: 'diagrams', filter: 'folder_id=', owner: 'user:u:live' };

const owner = fc.record({
  tenant_type: fc.constantFrom('user' as const, 'organization' as const),
  tenant_id: fc.uuid(),
  mode: fc.constantFrom('live' as const, 'test' as const),
});

const count = fc.integer({ min: 0, max: 1_000_000 });
/** The canonical text the services store, and spellings they never write but the column could hold. */
const stats = fc.oneof(
  fc.record({ tasks: count, events: count, gateways: count, lanes: count, pools: count, flows: count }).map((s) => JSON.stringify(s)),
  fc
    .record({ flows: count, pools: count, lanes: count, gateways: count, events: count, tasks: count })
    .map((s) => JSON.stringify(s, null, 1)),
  fc.constant('{"tasks":1.5,"events":2,"gateways":0,"lanes":0,"pools":0,"flows":-3}'),
  fc.constant('{"tasks":1e3,"events":2,"gateways":0,"lanes":0,"pools":0,"flows":0}'),
);

// Names as users type them, plus everything JSON must escape: quotes, backslashes, controls, lone surrogates.
const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('"', '\\', '\u0000\u001f', '\ud800', 'a\udc00b', '\u2028\u2029', '</script>'));

const row: fc.Arbitrary<DiagramListRow> = fc.tuple(
  fc.uuid(),
  fc.option(fc.uuid(), { nil: null }),
  name,
  fc.integer({ min: 1, max: 2_147_483_647 }),
  fc.constantFrom('generated' as const, 'imported' as const),
  stats,
  fc.uuid(),
  fc.integer({ min: 0, max: 253_402_300_799_999 }),
  fc.integer({ min: 0, max: 253_402_300_799_999 }),
);

function asMeta(values: DiagramListRow, of: Owner): DiagramMeta {
  const [id, folderId, rowName, version, source, rowStats, createdBy, createdAt, updatedAt] = values;
  return { id, ...of, folder_id: folderId, name: rowName, version, source, stats: rowStats, created_by: createdBy, created_at: createdAt, updated_at: updatedAt };
}

describe('the hand-written diagram list page', () => {
  let app: FastifyInstance;
  let current: unknown;

  beforeAll(async () => {
    // The route schema the API documents and serialises other lists with: what a page must come out as.
    app = Fastify();
    app.get('/page', { schema: { response: { 200: DiagramListSchema } } }, async () => current);
    await app.ready();
  });
  afterAll(() => app.close());

  async function schemaText(page: unknown): Promise<string> {
    current = page;
    const response = await app.inject({ url: '/page' });
    expect(response.statusCode).toBe(200);
    return response.body;
  }

  it('writes the same bytes as the schema serialiser for any rows, owner and page size', async () => {
    await fc.assert(
      fc.asyncProperty(owner, fc.array(row, { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), async (of, rows, limit) => {
        const handWritten = codec.pageJson(rows, limit, scope, listRowPosition, diagramJsonWriter(of));
        const viaSchema = await schemaText(codec.page(rows.map((r) => asMeta(r, of)), limit, scope, toDiagram));
        expect(handWritten).toBe(viaSchema);
        JSON.parse(handWritten);
      }),
      { numRuns: 400 },
    );
  });

  it('cuts the page at the limit and points the cursor at its last row', () => {
    const of: Owner = { tenant_type: 'user', tenant_id: '00000000-0000-4000-8000-000000000001', mode: 'live' };
    const rows = fc.sample(row, 3);
    const page = JSON.parse(codec.pageJson(rows, 2, scope, listRowPosition, diagramJsonWriter(of)));
    expect(page.data.map((d: { id: string }) => d.id)).toEqual([rows[0]![0], rows[1]![0]]);
    expect(page.has_more).toBe(true);
    expect(codec.decode(page.next_cursor, scope)).toEqual({ createdAt: rows[1]![7], id: rows[1]![0] });
    expect(JSON.parse(codec.pageJson(rows, 3, scope, listRowPosition, diagramJsonWriter(of)))).toMatchObject({ has_more: false, next_cursor: null });
  });
});
