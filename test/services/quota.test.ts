// The quota ledger on its own: reserve/release, the rolling window's edges, and parallel reservations.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/errors.ts';
import { AccountService } from '../../src/services/accounts.ts';
import { KeyService } from '../../src/services/keys.ts';
import { QuotaService, RESERVATION_TTL_MS } from '../../src/services/quota.ts';
import type { Store } from '../../src/store/db.ts';
import { GenerationRepository } from '../../src/store/repositories/generations.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();
const DAY = 86_400_000;

describe.each(engines)('QuotaService on $name', (engine) => {
  let store: Store;
  let now: number;
  let keyId: string;
  const quota = (max: number) => new QuotaService(store.db, store.engine, { max, windowDays: 30 }, () => now);
  /** A reservation whose generation finished: it counts for the whole window. */
  const spend = async (service: QuotaService) => {
    const reservation = await service.reserve(keyId);
    const id = randomUUID();
    await new GenerationRepository(store.db).insert({
      id, tenant_type: 'user', tenant_id: 'u', mode: 'live', api_key_id: keyId, prompt: 'p', name: 'n', folder_id: null, diagram_id: null,
      provider: 'builtin', model: 'builtin-1', status: 'succeeded', warnings: '[]', duration_ms: 1, created_by: 'u', created_at: now,
    });
    await service.repo.attach(reservation.subject, reservation.id, id);
    return reservation;
  };

  beforeEach(async () => {
    store = await engine.openStore();
    now = Date.UTC(2026, 5, 7, 10);
    const user = await new AccountService(store.db).createUser({ email: 'q@example.com', name: 'Q', password: 'correct horse battery', plan: 'pro' });
    keyId = (await new KeyService(store.db).createKey({ userId: user.id, name: 'k', mode: 'live', scopes: ['generate'] })).key.id;
  });
  afterEach(() => store.close());

  it('reports nothing used for a fresh key', async () => {
    expect(await quota(3).read(keyId, new Date(now))).toEqual({ limit: 3, used: 0, remaining: 3, windowDays: 30, resetSeconds: null });
  });

  it('counts reservations, refuses past the limit with Retry-After, and takes releases back', async () => {
    const service = quota(2);
    const first = await service.reserve(keyId);
    now += 1000;
    await service.reserve(keyId);
    const refusal = await service.reserve(keyId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitError);
    expect((refusal as RateLimitError).code).toBe('quota_exceeded');
    expect((refusal as RateLimitError).retryAfterSeconds).toBe(30 * 86_400 - 1);
    await service.release(first);
    expect((await service.read(keyId, new Date(now))).used).toBe(1);
    await service.reserve(keyId);
  });

  it('lets an entry leave the window exactly 30 days after it was made', async () => {
    const service = quota(1);
    await spend(service);
    now += 30 * DAY - 1;
    expect(await service.read(keyId, new Date(now))).toMatchObject({ used: 1, resetSeconds: 1 });
    await expect(service.reserve(keyId)).rejects.toBeInstanceOf(RateLimitError);
    now += 1;
    expect(await service.read(keyId, new Date(now))).toMatchObject({ used: 0, remaining: 1, resetSeconds: null });
    await service.reserve(keyId);
  });

  it('never hands out more than the limit to parallel reservations', async () => {
    const service = quota(7);
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => service.reserve(keyId)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RateLimitError);
    expect((await service.read(keyId, new Date(now))).used).toBe(7);
  });

  it('stops counting a reservation a crashed process never attached to a generation', async () => {
    const service = quota(1);
    await service.reserve(keyId);
    now += RESERVATION_TTL_MS - 1;
    await expect(service.reserve(keyId)).rejects.toBeInstanceOf(RateLimitError);
    now += 1;
    // One whose generation finished keeps counting for the whole window.
    await spend(service);
    now += RESERVATION_TTL_MS * 2;
    expect((await service.read(keyId, new Date(now))).used).toBe(1);
  });

  it('charges dashboard generations to the workspace under the plan rule, apart from any key', async () => {
    const accounts = new AccountService(store.db);
    const service = new QuotaService(store.db, store.engine, { max: 5, windowDays: 30 }, () => now, { max: 2, windowDays: 7 });
    const free = await accounts.createUser({ email: 'free@example.com', name: 'F', password: 'correct horse battery' });
    await expect(service.reserveForWorkspace({ tenantType: 'user', tenantId: free.id })).rejects.toMatchObject({ type: 'permission_error', code: 'plan_required' });
    const org = await accounts.createOrganization(free.id, 'Acme');
    const workspace = { tenantType: 'organization' as const, tenantId: org.id };
    await expect(service.reserveForWorkspace(workspace)).rejects.toMatchObject({ code: 'plan_required' });
    await accounts.setOrganizationPlan(org.id, 'team');
    const first = await service.reserveForWorkspace(workspace);
    await service.reserveForWorkspace(workspace);
    await expect(service.reserveForWorkspace(workspace)).rejects.toMatchObject({ type: 'rate_limit_error', code: 'quota_exceeded' });
    expect(await service.readWorkspace(workspace, new Date(now))).toMatchObject({ limit: 2, used: 2, remaining: 0, windowDays: 7 });
    await service.release(first);
    expect((await service.readWorkspace(workspace, new Date(now))).used).toBe(1);
    expect((await service.read(keyId, new Date(now))).used).toBe(0);
    // Concurrent reservations never overspend the workspace.
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => service.reserveForWorkspace(workspace)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
