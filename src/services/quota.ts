// The generation quotas: at most `max` generations per API key in any rolling `windowDays` (api-v1.md §4), and
// DASHBOARD_GENERATION_QUOTA per workspace for generations from the dashboard.
// A generation reserves a ledger entry before it runs (checked and written in one transaction that holds
// the key's lock, so concurrent requests on any number of processes never overspend) and gives it back
// when it fails on our side.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PermissionError, RateLimitError } from '../errors.ts';
import type { Config } from '../config.ts';
import type { QuotaReader, QuotaUsage } from '../limits/quota-reader.ts';
import type { Engine } from '../store/db.ts';
import { QuotaRepository, type QuotaSubject } from '../store/repositories/quota.ts';
import { OrganizationRepository } from '../store/repositories/organizations.ts';
import { UserRepository } from '../store/repositories/users.ts';
import type { Database } from '../store/schema.ts';

const DAY_MS = 86_400_000;
/**
 * A reservation not attached to a generation after this long was left by a process that died mid-generation:
 * it stops counting. Longer than any generation can run (the LLM timeout is at most 10 minutes, tried twice).
 */
export const RESERVATION_TTL_MS = 60 * 60 * 1000;

/** A held ledger entry: attach it to the generation it paid for, or release it. */
export interface QuotaReservation {
  id: string;
  subject: QuotaSubject;
}

/** A workspace whose dashboard generations are counted: a user's personal space or an organization. */
export interface Workspace {
  tenantType: 'user' | 'organization';
  tenantId: string;
}

export class QuotaService implements QuotaReader {
  readonly repo: QuotaRepository;
  readonly #db: Kysely<Database>;
  readonly #limits: Config['quota'];
  readonly #dashboard: Config['dashboardQuota'];
  readonly #now: () => number;

  constructor(
    db: Kysely<Database>,
    engine: Engine,
    limits: Config['quota'],
    now: () => number = Date.now,
    dashboard: Config['dashboardQuota'] = { max: 100, windowDays: 30 },
  ) {
    this.repo = new QuotaRepository(db, engine);
    this.#db = db;
    this.#limits = limits;
    this.#dashboard = dashboard;
    this.#now = now;
  }

  get windowMs(): number {
    return this.#limits.windowDays * DAY_MS;
  }

  /** The key's usage at `now`: what GET /key shows. */
  async read(apiKeyId: string, now: Date): Promise<QuotaUsage> {
    return this.#usage(this.repo, { apiKeyId }, this.#limits, now.getTime());
  }

  /** A workspace's dashboard usage at `now`: what the dashboard's generate form shows. */
  async readWorkspace(workspace: Workspace, now: Date): Promise<QuotaUsage> {
    return this.#usage(this.repo, workspace, this.#dashboard, now.getTime());
  }

  /**
   * Counts one generation for the key, or throws 429 quota_exceeded (Retry-After: when the oldest counted
   * generation leaves the window) without writing anything.
   * @example const reservation = await quota.reserve(key.id); try { … } catch (e) { await quota.release(reservation); throw e; }
   */
  async reserve(apiKeyId: string): Promise<QuotaReservation> {
    return this.#reserve({ apiKeyId }, this.#limits, (usage) => `This API key has used its ${usage.limit} generations of the last ${usage.windowDays} days.`);
  }

  /**
   * Counts one dashboard generation for the workspace, under the plan rule of API generation (Pro for a personal
   * space, Team for an organization: 403 plan_required otherwise) and the dashboard quota (429 quota_exceeded).
   */
  async reserveForWorkspace(workspace: Workspace): Promise<QuotaReservation> {
    await this.requireGenerationPlan(workspace);
    return this.#reserve(workspace, this.#dashboard, (usage) => `This workspace has used its ${usage.limit} dashboard generations of the last ${usage.windowDays} days.`);
  }

  /** Gives a reservation back: the generation failed on our side, or was never attempted. */
  async release(reservation: QuotaReservation): Promise<void> {
    await this.repo.delete(reservation.subject, reservation.id);
  }

  async #reserve(subject: QuotaSubject, limits: Config['quota'], spent: (usage: QuotaUsage) => string): Promise<QuotaReservation> {
    return this.repo.transaction(async (repo) => {
      await repo.lock(subject);
      const now = this.#now();
      const usage = await this.#usage(repo, subject, limits, now);
      if (usage.remaining <= 0) {
        throw new RateLimitError(
          'quota_exceeded',
          `${spent(usage)} Retry after Retry-After seconds, when the oldest one leaves the window.`,
          usage.resetSeconds ?? 1,
        );
      }
      const reservation = { id: randomUUID(), subject };
      await repo.insert(subject, reservation.id, now);
      return reservation;
    });
  }

  /** The plan rule of API generation, for the dashboard: Pro for a personal space, Team for an organization. */
  async requireGenerationPlan(workspace: Workspace): Promise<void> {
    if (workspace.tenantType === 'user') {
      const user = await new UserRepository(this.#db).findUserById(workspace.tenantId);
      if (user?.plan !== 'pro') throw new PermissionError('plan_required', 'Generating diagrams needs the Pro plan for a personal space.');
    } else {
      const organization = await new OrganizationRepository(this.#db).findOrganizationById(workspace.tenantId);
      if (organization?.plan !== 'team') throw new PermissionError('plan_required', 'Generating diagrams needs the Team plan for an organization.');
    }
  }

  async #usage(repo: QuotaRepository, subject: QuotaSubject, limits: Config['quota'], now: number): Promise<QuotaUsage> {
    const { max, windowDays } = limits;
    const windowMs = windowDays * DAY_MS;
    const { used, oldest } = await repo.usageSince(subject, now - windowMs, now - RESERVATION_TTL_MS);
    return {
      limit: max,
      used,
      remaining: Math.max(0, max - used),
      windowDays,
      resetSeconds: oldest === null ? null : Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
    };
  }
}
