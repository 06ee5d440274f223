// Wires the services to one store: what the server, the dashboard and the CLI start from.
import type { Config } from '../config.ts';
import { openDatabase, type Store } from '../store/db.ts';
import { migrate } from '../store/migrations/index.ts';
import { AccountService } from './accounts.ts';
import { KeyService, type KeyServiceOptions } from './keys.ts';
import { SessionService } from './sessions.ts';

export interface Services {
  store: Store;
  accounts: AccountService;
  keys: KeyService;
  sessions: SessionService;
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
export async function createServices(config: Pick<Config, 'databaseUrl'>, options: KeyServiceOptions = {}): Promise<Services> {
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
  return {
    store,
    accounts,
    keys,
    sessions,
    close: async () => {
      await keys.settle();
      await store.close();
    },
  };
}
