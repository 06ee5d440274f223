// Wires the services to one store: what the server, the dashboard and the CLI start from.
import type { Config } from '../config.ts';
import { openDatabase, type Store } from '../store/db.ts';
import { migrate } from '../store/migrations/index.ts';
import { AccountService } from './accounts.ts';
import { KeyService, type KeyServiceOptions } from './keys.ts';
import { DiagramRepository } from '../store/repositories/diagrams.ts';
import { IdempotencyRepository } from '../store/repositories/idempotency.ts';
import { DiagramService } from './diagrams.ts';
import { FolderService } from './folders.ts';
import { IdempotencyService } from './idempotency.ts';
import { ImageService } from './images.ts';
import { SessionService } from './sessions.ts';

export interface Services {
  store: Store;
  accounts: AccountService;
  keys: KeyService;
  sessions: SessionService;
  folders: FolderService;
  diagrams: DiagramService;
  idempotency: IdempotencyService;
  images: ImageService;
  /** Waits for pending last_used_at writes, then closes the store. */
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
  config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'bpmn' | 'renderWorkers' | 'imageCacheBytes'>>,
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
  const keys = new KeyService(store.db, options);
  const sessions = new SessionService(store.db, options.now);
  const nowMs = () => (options.now ? options.now().getTime() : Date.now());
  const images = new ImageService({ cacheBytes: config.imageCacheBytes ?? 64 * 1024 * 1024, threads: config.renderWorkers ?? 1 });
  const folders = new FolderService(store.db, store.engine, new DiagramRepository(store.db), nowMs);
  const diagrams = new DiagramService(store.db, folders, {
    now: nowMs,
    ...(config.bpmn ? { limits: config.bpmn } : {}),
    onChange: (id) => images.evict(id),
  });
  const idempotency = new IdempotencyService(new IdempotencyRepository(store.db), nowMs);
  return {
    store,
    accounts,
    keys,
    sessions,
    folders,
    diagrams,
    idempotency,
    images,
    close: async () => {
      await keys.settle();
      await images.close();
      await store.close();
    },
  };
}
