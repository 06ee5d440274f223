import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagramRepository } from '../../src/store/repositories/diagrams.ts';
import type { Store } from '../../src/store/db.ts';
import { FolderService } from '../../src/services/folders.ts';
import { actorOf, type Actor } from '../../src/services/tenancy.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

describe.each(engines)('FolderService on $name', (engine) => {
  let store: Store;
  let folders: FolderService;
  const actor: Actor = actorOf({ kind: 'organization', id: 'org-1' }, 'live', 'user-1');

  beforeEach(async () => {
    store = await engine.openStore();
    folders = new FolderService(store.db, store.engine, new DiagramRepository(store.db));
  });
  afterEach(() => store.close());

  it('returns a folder and its ancestors outermost first, for generation contexts', async () => {
    const a = await folders.create(actor, { name: 'A', context: 'outer' });
    const b = await folders.create(actor, { name: 'B', parent_id: a.id, context: 'middle' });
    const c = await folders.create(actor, { name: 'C', parent_id: b.id, context: 'inner' });
    expect((await folders.lineage(actor.owner, c.id)).map((f) => f.context)).toEqual(['outer', 'middle', 'inner']);
    expect(c.organization_id).toBe('org-1');
  });

  it('keeps modes apart: the same tenant in test mode sees nothing', async () => {
    const live = await folders.create(actor, { name: 'A' });
    const testOwner = { ...actor.owner, mode: 'test' as const };
    await expect(folders.get(testOwner, live.id)).rejects.toMatchObject({ code: 'resource_not_found' });
    await expect(folders.lineage(testOwner, live.id)).rejects.toMatchObject({ code: 'resource_not_found' });
    expect(await folders.page(testOwner, undefined, null, 10)).toEqual([]);
  });

  it('never lets two concurrent moves make a cycle', async () => {
    const a = await folders.create(actor, { name: 'A' });
    const b = await folders.create(actor, { name: 'B' });
    const results = await Promise.allSettled([folders.update(actor, a.id, { parent_id: b.id }), folders.update(actor, b.id, { parent_id: a.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'folder_cycle' } });
  });
});
