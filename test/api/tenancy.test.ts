// The tenancy matrix: {personal, org} × {live, test} keys of ONE person, each owning a folder and a diagram.
// Only the owner, in its own mode, can see or touch them; to every other key they do not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/services/auth-types.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const NO_DI = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://x">
  <process id="p"><startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/></process></definitions>`;

interface Tenant {
  label: string;
  auth: { authorization: string };
  folderId: string;
  diagramId: string;
  organizationId: string | null;
}

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object };

/** Every route that names a resource of `t` (directly, or as a folder/parent reference). */
function routesOn(t: Tenant): Call[] {
  return [
    { method: 'GET', url: `/folders/${t.folderId}` },
    { method: 'PATCH', url: `/folders/${t.folderId}`, payload: { name: 'hijacked' } },
    { method: 'DELETE', url: `/folders/${t.folderId}` },
    { method: 'POST', url: '/folders', payload: { name: 'intruder', parent_id: t.folderId } },
    { method: 'GET', url: `/diagrams/${t.diagramId}` },
    { method: 'PATCH', url: `/diagrams/${t.diagramId}`, payload: { name: 'hijacked' } },
    { method: 'DELETE', url: `/diagrams/${t.diagramId}` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/export` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/image?format=svg` },
    { method: 'POST', url: '/diagrams', payload: { bpmn_xml: NO_DI, folder_id: t.folderId } },
    { method: 'GET', url: `/diagrams/${t.diagramId}/versions` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/versions/1` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/versions/1/export` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/versions/1/image?format=svg` },
    { method: 'POST', url: `/diagrams/${t.diagramId}/versions/1/restore` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/compare?from=1` },
    { method: 'GET', url: `/diagrams/${t.diagramId}/compare/image?from=1&format=svg` },
  ];
}

describe.each(engines)('tenancy on $name', (engine) => {
  let server: TestServer;
  const tenants: Tenant[] = [];

  const call = (auth: Tenant['auth'], c: Call) =>
    server.app.inject({ method: c.method, url: `/api/v1${c.url}`, headers: auth, ...(c.payload ? { payload: c.payload } : {}) });

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' } });
    const { services } = server;
    const user = await services.accounts.createUser({ email: `tenancy-${engine.name}@example.com`, name: 'Pat', password: 'correct horse battery', plan: 'pro' });
    const org = await services.accounts.createOrganization(user.id, 'Acme', 'team');
    for (const organizationId of [null, org.id]) {
      for (const mode of ['live', 'test'] as const) {
        const { secret } = await services.keys.createKey({ userId: user.id, organizationId, name: 'k', mode, scopes: [...SCOPES] });
        const auth = bearer(secret);
        const folder = await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: { name: 'Mine' } });
        const diagram = await server.app.inject({
          method: 'POST',
          url: '/api/v1/diagrams',
          headers: auth,
          payload: { bpmn_xml: NO_DI, folder_id: folder.json().id },
        });
        expect(diagram.statusCode).toBe(201);
        tenants.push({
          label: `${organizationId ? 'org' : 'personal'}/${mode}`,
          auth,
          folderId: folder.json().id,
          diagramId: diagram.json().id,
          organizationId,
        });
      }
    }
  });
  afterAll(() => server.close());

  it('stamps each resource with its owner and mode', async () => {
    for (const t of tenants) {
      const folder = (await call(t.auth, { method: 'GET', url: `/folders/${t.folderId}` })).json();
      const diagram = (await call(t.auth, { method: 'GET', url: `/diagrams/${t.diagramId}` })).json();
      for (const resource of [folder, diagram]) {
        expect(resource.organization_id).toBe(t.organizationId);
        expect(resource.livemode).toBe(t.label.endsWith('live'));
      }
    }
  });

  it('answers 404 resource_not_found to every other key on every route, exactly like an unknown id', async () => {
    const unknown: Tenant = { ...tenants[0]!, folderId: crypto.randomUUID(), diagramId: crypto.randomUUID() };
    const unknownAnswers = await Promise.all(routesOn(unknown).map((c) => call(tenants[0]!.auth, c)));
    for (const owner of tenants) {
      for (const intruder of tenants.filter((t) => t !== owner)) {
        const answers = await Promise.all(routesOn(owner).map((c) => call(intruder.auth, c)));
        answers.forEach((res, i) => {
          const what = `${intruder.label} → ${owner.label}: ${routesOn(owner)[i]!.method} ${routesOn(owner)[i]!.url}`;
          expect(res.statusCode, what).toBe(404);
          expect(res.json().error.code, what).toBe('resource_not_found');
          // Same message shape as for an id nobody has: nothing tells "exists elsewhere" apart.
          const same = unknownAnswers[i]!.json().error.message.replace(/'[^']+'/, "'…'");
          expect(res.json().error.message.replace(/'[^']+'/, "'…'"), what).toBe(same);
        });
      }
    }
  });

  it("lists only the key's own tenant and mode, even when filtering by someone else's folder", async () => {
    for (const viewer of tenants) {
      const folders = (await call(viewer.auth, { method: 'GET', url: '/folders' })).json().data.map((f: { id: string }) => f.id);
      const diagrams = (await call(viewer.auth, { method: 'GET', url: '/diagrams' })).json().data.map((d: { id: string }) => d.id);
      expect(folders, viewer.label).toEqual([viewer.folderId]);
      expect(diagrams, viewer.label).toEqual([viewer.diagramId]);
      for (const owner of tenants.filter((t) => t !== viewer)) {
        const filtered = await call(viewer.auth, { method: 'GET', url: `/diagrams?folder_id=${owner.folderId}` });
        expect(filtered.json().data).toEqual([]);
        const children = await call(viewer.auth, { method: 'GET', url: `/folders?parent_id=${owner.folderId}` });
        expect(children.json().data).toEqual([]);
      }
    }
  });

  it('leaves every resource untouched by the intruders, while its owner still can change it', async () => {
    for (const t of tenants) {
      const folder = await call(t.auth, { method: 'GET', url: `/folders/${t.folderId}` });
      const diagram = await call(t.auth, { method: 'GET', url: `/diagrams/${t.diagramId}` });
      expect(folder.json().name).toBe('Mine');
      expect(diagram.json()).toMatchObject({ version: 1, folder_id: t.folderId });
      const versions = await call(t.auth, { method: 'GET', url: `/diagrams/${t.diagramId}/versions` });
      expect(versions.json().data.map((v: { version: number; livemode: boolean }) => [v.version, v.livemode])).toEqual([[1, t.label.endsWith('live')]]);
      const moved = await call(t.auth, { method: 'PATCH', url: `/diagrams/${t.diagramId}`, payload: { folder_id: null } });
      expect(moved.json().version).toBe(2);
      for (const other of tenants.filter((o) => o !== t)) {
        const cross = await call(t.auth, { method: 'PATCH', url: `/diagrams/${t.diagramId}`, payload: { folder_id: other.folderId } });
        expect(cross.statusCode).toBe(404);
        const crossMove = await call(t.auth, { method: 'PATCH', url: `/folders/${t.folderId}`, payload: { parent_id: other.folderId } });
        expect(crossMove.statusCode).toBe(404);
      }
    }
  });
});
