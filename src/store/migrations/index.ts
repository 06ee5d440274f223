// Every migration, in order, listed in code (no file globbing: works the same under tsx, bundlers and tests).
//
// To add one: create `NNNN-what-it-does.ts` beside this file exporting `up(db: Kysely<unknown>)` (and `down`),
// import it below and add it to MIGRATIONS under the name `NNNN_what_it_does`. Names sort in the
// order they run; the database records that name, not the file's, so a file may be renamed but a name in
// MIGRATIONS never; never edit a migration that has shipped — add a new one.
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Store } from '../db.ts';
import * as accounts from './0001-accounts.ts';
import * as diagrams from './0002-diagrams.ts';
import * as workspaceQuota from './0003-workspace-quota.ts';
import * as diagramVersions from './0004-diagram-versions.ts';
import * as keyRevocationReason from './0005-key-revocation-reason.ts';
import * as passwordResets from './0006-password-resets.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_accounts': accounts,
  '0002_diagrams': diagrams,
  '0003_workspace_quota': workspaceQuota,
  '0004_diagram_versions': diagramVersions,
  '0005_key_revocation_reason': keyRevocationReason,
  '0006_password_resets': passwordResets,
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider,
    // Postgres: keep the bookkeeping tables in the store's own schema, so two schemas never share them.
    ...(store.engine === 'postgres' ? { migrationTableSchema: store.schema ?? 'public' } : {}),
  });
}

/** Brings the database up to the latest migration; returns the names applied now (empty when up to date). */
export async function migrate(store: Store): Promise<string[]> {
  return applied(await migratorFor(store).migrateToLatest());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(failed ? `Migration ${failed} failed: ${reason}` : `Could not migrate the database: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
