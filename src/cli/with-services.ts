// Opens what the admin commands use (accounts and keys) from the same configuration the server reads, runs one
// command, and always closes them. Not createServices: that also wires rendering and generation, whose modules
// no admin command needs and which would multiply the CLI's start-up time.
import { loadConfig } from '../config.ts';
import { AccountService } from '../services/accounts.ts';
import { KeyService } from '../services/keys.ts';
import { PasswordResetService } from '../services/password-resets.ts';
import { openDatabase } from '../store/db.ts';
import { migrate } from '../store/migrations/index.ts';
import type { CliIo } from './io.ts';

export interface AdminServices {
  accounts: AccountService;
  keys: KeyService;
  passwordResets: PasswordResetService;
}

export async function withServices<T>(io: CliIo, run: (services: AdminServices) => Promise<T>): Promise<T> {
  const store = await openDatabase(loadConfig(io.env).databaseUrl);
  try {
    await migrate(store);
    const keys = new KeyService(store.db);
    try {
      return await run({ accounts: new AccountService(store.db), keys, passwordResets: new PasswordResetService(store.db) });
    } finally {
      await keys.settle(); // pending last_used_at writes
    }
  } finally {
    await store.close();
  }
}
