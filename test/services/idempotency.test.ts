import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import { IdempotencyRepository } from '../../src/store/repositories/idempotency.ts';
import { IDEMPOTENCY_LOCK_MS, IdempotencyService, requestHash } from '../../src/services/idempotency.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

describe('requestHash', () => {
  it('ignores object key order but not values, paths or array order', () => {
    const base = requestHash({ method: 'POST', path: '/api/v1/folders', body: { a: 1, b: { c: [1, 2] } } });
    expect(requestHash({ method: 'post', path: '/api/v1/folders', body: { b: { c: [1, 2] }, a: 1 } })).toBe(base);
    expect(requestHash({ method: 'POST', path: '/api/v1/folders', body: { a: 1, b: { c: [2, 1] } } })).not.toBe(base);
    expect(requestHash({ method: 'POST', path: '/api/v1/diagrams', body: { a: 1, b: { c: [1, 2] } } })).not.toBe(base);
    expect(requestHash({ method: 'POST', path: '/api/v1/folders', body: { a: '1', b: { c: [1, 2] } } })).not.toBe(base);
  });
});

describe('IdempotencyService.checkKey', () => {
  it('accepts 1–255 printable ASCII characters and refuses the rest', () => {
    for (const ok of ['a', 'x'.repeat(255), 'order 42/retry:1', '~!@#$%^&*()']) expect(IdempotencyService.checkKey(ok)).toBe(ok);
    for (const bad of ['', ' ', ' a', 'a ', 'x'.repeat(256), 'tab\t', 'ü', 'line\n']) {
      expect(() => IdempotencyService.checkKey(bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'idempotency_key_invalid' }));
    }
  });
});

describe.each(engines)('IdempotencyService on $name', (engine) => {
  let store: Store;
  let now: number;
  let service: IdempotencyService;
  let apiKeyId: string;

  beforeEach(async () => {
    store = await engine.openStore();
    now = Date.UTC(2026, 5, 7);
    service = new IdempotencyService(new IdempotencyRepository(store.db), () => now);
    // Records reference an API key: make the smallest valid owner chain.
    apiKeyId = 'key-1';
    await store.db.insertInto('users').values({ id: 'u1', email: 'u1@example.com', name: 'U', password_hash: 'x', plan: 'pro', created_at: now, updated_at: now }).execute();
    await store.db
      .insertInto('api_keys')
      .values({ id: apiKeyId, name: 'k', key_hash: 'h', hint: 'h', mode: 'live', scopes: '[]', user_id: 'u1', organization_id: null, expires_at: null, revoked_at: null, last_used_at: null, created_at: now })
      .execute();
  });
  afterEach(() => store.close());

  const request = (body: unknown = { name: 'A' }) => ({ apiKeyId, key: 'k1', method: 'POST', path: '/api/v1/folders', body });

  it('lets exactly one of many concurrent claims run', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => service.begin(request())));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'idempotency_key_in_progress' });
    }
  });

  it('lets exactly one of several takers take over an abandoned claim', async () => {
    await service.begin(request());
    now += IDEMPOTENCY_LOCK_MS + 1;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => service.begin(request())));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('replays a completed response and frees a released key', async () => {
    await service.begin(request());
    await service.complete(apiKeyId, 'k1', { status: 201, type: 'application/json; charset=utf-8', body: '{"id":"x"}' });
    expect(await service.begin(request())).toEqual({
      kind: 'replay',
      response: { status: 201, type: 'application/json; charset=utf-8', body: '{"id":"x"}' },
    });
    await service.release(apiKeyId, 'k1');
    expect(await service.begin(request({ name: 'B' }))).toEqual({ kind: 'run' });
  });
});
