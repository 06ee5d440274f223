import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/api/pagination.ts';
import type { DiagramRow, FolderRow } from '../../src/store/schema.ts';
import { FolderRepository } from '../../src/store/repositories/folders.ts';
import type { Owner } from '../../src/services/tenancy.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const STATS = JSON.stringify({ tasks: 1, events: 2, gateways: 0, lanes: 0, pools: 0, flows: 2 });
const T0 = Date.UTC(2026, 5, 7, 10, 0, 0);

function diagramRows(owner: Owner, userId: string, count: number, createdAt: (i: number) => number, folderId: string | null = null): DiagramRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    ...owner,
    folder_id: folderId,
    name: `Diagram ${i}`,
    bpmn_xml: '<definitions/>',
    version: 1,
    source: 'imported' as const,
    stats: STATS,
    created_by: userId,
    created_at: createdAt(i),
    updated_at: createdAt(i),
  }));
}

/** Newest first, ties broken by id descending: the order every page must follow. */
function expectedOrder(rows: { id: string; created_at: number }[]): string[] {
  return [...rows].sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
}

describe('CursorCodec', () => {
  const codec = new CursorCodec('secret');
  const scope = { list: 'diagrams', filter: 'folder_id=', owner: 'user:u:live' };
  const position = { createdAt: T0, id: '3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f' };

  it('round-trips a position for the same list, filter and owner', () => {
    expect(codec.decode(codec.encode(position, scope), scope)).toEqual(position);
  });

  it('refuses a cursor for another list, filter, owner, secret, or with any character changed', () => {
    const cursor = codec.encode(position, scope);
    const invalid = (run: () => unknown) => expect(run).toThrow(expect.objectContaining({ code: 'invalid_cursor', type: 'invalid_request_error' }));
    invalid(() => codec.decode(cursor, { ...scope, list: 'folders' }));
    invalid(() => codec.decode(cursor, { ...scope, filter: 'folder_id=none' }));
    invalid(() => codec.decode(cursor, { ...scope, owner: 'user:u:test' }));
    invalid(() => new CursorCodec('other').decode(cursor, scope));
    for (let i = 0; i < cursor.length; i++) {
      const swapped = cursor[i] === 'A' ? 'B' : 'A';
      invalid(() => codec.decode(cursor.slice(0, i) + swapped + cursor.slice(i + 1), scope));
    }
    for (const garbage of ['', '.', 'abc', 'a.b.c', `${cursor}.x`, cursor.slice(0, -2)]) invalid(() => codec.decode(garbage, scope));
  });
});

describe.each(engines)('keyset pagination on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let owner: Owner;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' } });
  });
  afterAll(() => server.close());

  async function freshKey(mode: 'live' | 'test' = 'live'): Promise<void> {
    const key = await server.createKey({ scopes: ['diagrams:read', 'folders:read', 'folders:write'], mode });
    auth = bearer(key.secret);
    userId = key.userId;
    owner = { tenant_type: 'user', tenant_id: key.userId, mode };
  }

  async function insertDiagrams(rows: DiagramRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await server.services.diagrams.repo.insertMany(rows.slice(i, i + 500));
  }

  async function walk(url: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res: { statusCode: number; body: string; json(): any } = await server.app.inject({
        url: `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        headers: auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      const page: { data: { id: string }[]; has_more: boolean; next_cursor: string | null } = res.json();
      expect(page.data.length).toBeLessThanOrEqual(limit);
      expect(page.has_more).toBe(page.next_cursor !== null);
      if (page.has_more) expect(page.data).toHaveLength(limit);
      ids.push(...page.data.map((d) => d.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor !== null);
    return { ids, pages };
  }

  it('walks 3,000 diagrams with one shared timestamp: every row once, in (created_at, id) descending order', async () => {
    await freshKey();
    const rows = diagramRows(owner, userId, 3000, () => T0);
    await insertDiagrams(rows);
    const { ids, pages } = await walk('/api/v1/diagrams', 100);
    expect(pages).toBe(30);
    expect(ids).toEqual(expectedOrder(rows));
  });

  it('pages mixed timestamps with ties, and the default limit is 20', async () => {
    await freshKey();
    const rows = diagramRows(owner, userId, 250, (i) => T0 + (i % 7) * 1000);
    await insertDiagrams(rows);
    const firstPage = (await server.app.inject({ url: '/api/v1/diagrams', headers: auth })).json().data as { id: string }[];
    expect(firstPage.length).toBe(20);
    // The list writes its JSON by hand; each item must be exactly what retrieving it answers.
    for (const item of firstPage.slice(0, 3)) {
      expect(item).toEqual((await server.app.inject({ url: `/api/v1/diagrams/${item.id}`, headers: auth })).json());
    }
    const { ids } = await walk('/api/v1/diagrams', 33);
    expect(ids).toEqual(expectedOrder(rows));
  });

  it('filters by folder_id and none, and a cursor only works with the filter it came from', async () => {
    await freshKey();
    const folder = (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: { name: 'F' } })).json();
    const inFolder = diagramRows(owner, userId, 120, () => T0, folder.id);
    const topLevel = diagramRows(owner, userId, 80, () => T0);
    await insertDiagrams([...inFolder, ...topLevel]);
    expect((await walk(`/api/v1/diagrams?folder_id=${folder.id}`, 50)).ids).toEqual(expectedOrder(inFolder));
    expect((await walk('/api/v1/diagrams?folder_id=none', 50)).ids).toEqual(expectedOrder(topLevel));
    expect((await walk('/api/v1/diagrams', 50)).ids).toHaveLength(200);

    const first = (await server.app.inject({ url: `/api/v1/diagrams?folder_id=${folder.id}&limit=10`, headers: auth })).json();
    for (const url of [
      `/api/v1/diagrams?cursor=${first.next_cursor}`,
      `/api/v1/diagrams?folder_id=none&cursor=${first.next_cursor}`,
      `/api/v1/folders?cursor=${first.next_cursor}`,
      `/api/v1/diagrams?folder_id=${folder.id}&cursor=${first.next_cursor.replace(/^./, (c: string) => (c === 'W' ? 'X' : 'W'))}`,
      '/api/v1/diagrams?cursor=not-a-cursor',
    ]) {
      const res = await server.app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_cursor', param: 'cursor' });
    }
  });

  it("refuses another tenant's or another mode's cursor", async () => {
    await freshKey();
    await insertDiagrams(diagramRows(owner, userId, 5, () => T0));
    const cursor = (await server.app.inject({ url: '/api/v1/diagrams?limit=2', headers: auth })).json().next_cursor;
    await freshKey('test');
    const res = await server.app.inject({ url: `/api/v1/diagrams?limit=2&cursor=${cursor}`, headers: auth });
    expect(res.json().error.code).toBe('invalid_cursor');
  });

  it('walks folders with equal timestamps and the parent_id filter', async () => {
    await freshKey();
    const repo = new FolderRepository(server.services.store.db);
    const parent = randomUUID();
    const make = (i: number, parentId: string | null): FolderRow => ({
      id: i === -1 ? parent : randomUUID(),
      ...owner,
      parent_id: parentId,
      name: `F${i}`,
      context: '',
      created_by: userId,
      created_at: T0,
      updated_at: T0,
    });
    const top = [make(-1, null), ...Array.from({ length: 150 }, (_, i) => make(i, null))];
    const children = Array.from({ length: 130 }, (_, i) => make(i, parent));
    await repo.insertMany(top);
    await repo.insertMany(children);
    expect((await walk('/api/v1/folders?parent_id=none', 40)).ids).toEqual(expectedOrder(top));
    expect((await walk(`/api/v1/folders?parent_id=${parent}`, 40)).ids).toEqual(expectedOrder(children));
    expect((await walk('/api/v1/folders', 100)).ids).toEqual(expectedOrder([...top, ...children]));
  });
});
