// Wires the services to one store: what the server, the dashboard and the CLI start from.
import type { Config } from '../config.ts';
import { openDatabase, type Store } from '../store/db.ts';
import { migrate } from '../store/migrations/index.ts';
import { AccountService } from './accounts.ts';
import { KeyService, type KeyServiceOptions } from './keys.ts';
import { DiagramRepository } from '../store/repositories/diagrams.ts';
import { IdempotencyRepository } from '../store/repositories/idempotency.ts';
import { DiagramService } from './diagrams.ts';
import { DiagramVersionService } from './diagram-versions.ts';
import { DEFAULT_PARSE_LIMITS } from '../bpmn/parse.ts';
import { FolderService } from './folders.ts';
import { createGenerationPool } from './generation-pool.ts';
import { GenerationService } from './generations.ts';
import { IdempotencyService } from './idempotency.ts';
import { ImageService } from './images.ts';
import { createRenderPool } from '../bpmn/render-pool.ts';
import { QuotaService } from './quota.ts';
import { SessionService } from './sessions.ts';
import { PasswordResetService } from './password-resets.ts';

export interface Services {
  store: Store;
  accounts: AccountService;
  keys: KeyService;
  sessions: SessionService;
  passwordResets: PasswordResetService;
  folders: FolderService;
  diagrams: DiagramService;
  versions: DiagramVersionService;
  idempotency: IdempotencyService;
  images: ImageService;
  quota: QuotaService;
  generations: GenerationService;
  /** Waits for pending last_used_at writes and running worker tasks, ends the worker threads, then closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the database named by `config.databaseUrl`, migrates it to the latest schema and builds the services.
 *
 * @example
 * const services = await createServices(loadConfig());
 * const lookup = await services.keys.authenticate(bearerToken);
 */
export async function createServices(
  config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'bpmn' | 'renderWorkers' | 'imageCacheBytes' | 'versionRetention' | 'quota' | 'generator' | 'apiKeyLimits' | 'dashboardQuota'>>,
  options: KeyServiceOptions = {},
): Promise<Services> {
  const store = await openDatabase(config.databaseUrl);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const accounts = new AccountService(store.db, options.now);
  const keys = new KeyService(store.db, { ...options, ...(config.apiKeyLimits ? { limits: config.apiKeyLimits } : {}) });
  const sessions = new SessionService(store.db, options.now);
  const nowMs = () => (options.now ? options.now().getTime() : Date.now());
  // One pool of render workers for rendering and for preparing imports (validation, layout, export); its threads
  // start on the first render, so a process that never renders never starts one.
  const renderPool = createRenderPool({ threads: config.renderWorkers ?? 1 });
  const images = new ImageService({ cacheBytes: config.imageCacheBytes ?? 64 * 1024 * 1024, pool: renderPool });
  const folders = new FolderService(store.db, store.engine, new DiagramRepository(store.db), nowMs);
  const diagrams = new DiagramService(store.db, folders, renderPool, {
    now: nowMs,
    ...(config.bpmn ? { limits: config.bpmn } : {}),
    onChange: (id) => images.evict(id),
    versionRetention: config.versionRetention ?? null,
  });
  // A stored version is at most what an import became after layout and export: 4× the import limit is ample.
  const versions = new DiagramVersionService(store.db, diagrams, images, renderPool, 4 * (config.bpmn ?? DEFAULT_PARSE_LIMITS).maxBytes);
  const idempotency = new IdempotencyService(new IdempotencyRepository(store.db), nowMs);
  const quota = new QuotaService(store.db, store.engine, config.quota ?? { max: 500, windowDays: 30 }, nowMs, config.dashboardQuota);
  const generations = new GenerationService(store.db, folders, quota, createGenerationPool({ threads: config.renderWorkers ?? 1 }), {
    engine: store.engine,
    generator: config.generator ?? { provider: 'builtin', llmBaseUrl: null, llmApiKey: null, llmModel: 'builtin-1', llmTimeoutMs: 60_000 },
    now: nowMs,
  });
  return {
    store,
    accounts,
    keys,
    sessions,
    passwordResets: new PasswordResetService(store.db, options.now),
    folders,
    diagrams,
    versions,
    idempotency,
    images,
    quota,
    generations,
    close: async () => {
      await keys.settle();
      // Both pools let running tasks finish and end every thread before the store they may write to closes.
      await Promise.all([renderPool.close(), generations.close()]);
      await store.close();
    },
  };
}
