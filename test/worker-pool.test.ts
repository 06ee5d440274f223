// Worker threads follow the work, not the server: none until something renders, none left after close, even
// when the close lands while a thread is still loading (the teardown that crashed a vitest fork, see
// docs/reliability.md "Flakes").
import { describe, expect, it } from 'vitest';
import { createRenderPool } from '../src/bpmn/render-pool.ts';
import { BpmnParseError } from '../src/bpmn/parse.ts';
import { liveWorkerThreads, PoolClosedError } from '../src/worker-pool.ts';
import { testEngines } from './helpers/db.ts';
import { bearer, startTestServer } from './helpers/server.ts';

const [sqlite] = await testEngines();
const NO_DI = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p" name="Orders"><startEvent id="s"/><task id="t" name="Check order"/><endEvent id="e"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/></process></definitions>`;

/** Resolves once a worker thread exists (spawned, not necessarily loaded). */
async function threadSpawned(): Promise<void> {
  while (liveWorkerThreads() === 0) await new Promise((resolve) => setImmediate(resolve));
}

describe('worker threads of a server', () => {
  it('starts none for a server that serves requests without rendering', async () => {
    const server = await startTestServer(sqlite!, { env: { RENDER_WORKERS: '2' } });
    try {
      const { secret } = await server.createKey();
      const res = await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(secret) });
      expect(res.statusCode).toBe(200);
      expect(liveWorkerThreads()).toBe(0);
    } finally {
      await server.close();
    }
    expect(liveWorkerThreads()).toBe(0);
  });

  it('starts them on the first import and ends them all when the server closes', async () => {
    const server = await startTestServer(sqlite!, { env: { RENDER_WORKERS: '2' } });
    try {
      const { secret } = await server.createKey({ scopes: ['diagrams:write', 'diagrams:read'] });
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: bearer(secret), payload: { bpmn_xml: NO_DI } });
      expect(res.statusCode, res.body).toBe(201);
      expect(liveWorkerThreads()).toBe(2);
    } finally {
      await server.close();
    }
    expect(liveWorkerThreads()).toBe(0);
  });

  it('lets an import finish and leaves no thread when the server closes while the thread is still loading', async () => {
    const server = await startTestServer(sqlite!, { env: { RENDER_WORKERS: '1' } });
    const { secret } = await server.createKey({ scopes: ['diagrams:write', 'diagrams:read'] });
    const importing = server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: bearer(secret), payload: { bpmn_xml: NO_DI } });
    await threadSpawned();
    await server.close();
    expect(liveWorkerThreads()).toBe(0);
    const res = await importing;
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().stats).toMatchObject({ tasks: 1, events: 2, flows: 2 });
  });
});

describe('createRenderPool', () => {
  it('starts no thread until the first task', async () => {
    const pool = createRenderPool({ threads: 2 });
    expect(liveWorkerThreads()).toBe(0);
    await expect(pool.renderSvg('<not-bpmn', { theme: 'light' })).rejects.toBeInstanceOf(BpmnParseError);
    expect(liveWorkerThreads()).toBe(2);
    await pool.close();
    expect(liveWorkerThreads()).toBe(0);
  });

  it('closed while its threads load, finishes the running task, ends every thread and refuses later tasks', async () => {
    const pool = createRenderPool({ threads: 2 });
    const rendering = pool.renderSvg('<not-bpmn', { theme: 'light' }).catch((error: unknown) => error);
    await threadSpawned();
    await pool.close();
    expect(liveWorkerThreads()).toBe(0);
    // The task ran to its own answer: it was not cut off by a terminated thread.
    expect(await rendering).toBeInstanceOf(BpmnParseError);
    await expect(pool.renderSvg('<not-bpmn', { theme: 'light' })).rejects.toBeInstanceOf(PoolClosedError);
  });

  it('closes without ever starting a thread when it never ran a task', async () => {
    const pool = createRenderPool({ threads: 1 });
    await pool.close();
    await expect(pool.prepareImport(NO_DI)).rejects.toBeInstanceOf(PoolClosedError);
    expect(liveWorkerThreads()).toBe(0);
  });
});
