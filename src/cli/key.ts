// jfi key create | list | revoke
import { SCOPES, type Mode, type Tenant } from '../services/auth-types.ts';
import type { ApiKeyRecord } from '../services/keys.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError, type Parsed } from './arguments.ts';
import { formatJson, formatTable, printUsage, type CliIo } from './io.ts';
import { apiKeyObject } from '../services/api-key-object.ts';
import { withServices } from './with-services.ts';

const MODES: readonly Mode[] = ['live', 'test'];

export const KEY_USAGE = `Usage: jfi key <command> [options]

Commands:
  create   Create an API key (prints the secret once)
  list     List a user's personal keys or an organization's keys
  revoke   Revoke a key

Run "jfi key <command> --help" for a command's options.`;

const CREATE_USAGE = `Usage: jfi key create --user EMAIL [--org ID] --mode live|test --scopes LIST --name NAME
                      [--expires-in-days N] [--json]

Creates an API key and prints its secret. The secret is shown this once and cannot be recovered.
Without --org the key is the user's personal key (needs the pro plan); with --org it is an
organization key created by that member (needs the team plan).
Scopes, comma-separated: ${SCOPES.join(', ')}.
--json prints the key object with its "secret" field, for scripts.`;

const LIST_USAGE = `Usage: jfi key list (--user EMAIL | --org ID) [--json]

Lists a user's personal keys, or an organization's keys, newest first (hints only, never secrets).`;

const REVOKE_USAGE = `Usage: jfi key revoke KEY_ID [--json]

Revokes the key; requests with it then fail with revoked_api_key. Revoking twice is harmless.`;

export async function runKey(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create':
      return createKey(rest, io);
    case 'list':
      return listKeys(rest, io);
    case 'revoke':
      return revokeKey(rest, io);
    case '--help':
    case '-h':
      return printUsage(io, KEY_USAGE);
    case undefined:
      throw new UsageError('Which command?', KEY_USAGE);
    default:
      throw new UsageError(`Unknown command "key ${command}".`, KEY_USAGE);
  }
}

async function createKey(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      user: { type: 'string' },
      org: { type: 'string' },
      mode: { type: 'string' },
      scopes: { type: 'string' },
      name: { type: 'string' },
      'expires-in-days': { type: 'string' },
      json: { type: 'boolean' },
    },
    CREATE_USAGE,
  );
  if (parsed.help) return printUsage(io, CREATE_USAGE);
  const email = requireFlag(parsed, 'user', CREATE_USAGE);
  const organizationId = optionalFlag(parsed, 'org') ?? null;
  const mode = chooseFlag(requireFlag(parsed, 'mode', CREATE_USAGE), MODES, 'mode', CREATE_USAGE);
  const scopes = requireFlag(parsed, 'scopes', CREATE_USAGE)
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
  for (const scope of scopes) chooseFlag(scope, SCOPES, 'scopes', CREATE_USAGE);
  const name = requireFlag(parsed, 'name', CREATE_USAGE);
  const expiresInDays = expiryDays(parsed);

  const { key, secret } = await withServices(io, async (s) => {
    const user = await s.accounts.getUserByEmail(email);
    return s.keys.createKey({ userId: user.id, organizationId, name, mode, scopes, expiresInDays });
  });
  if (parsed.values.json) {
    io.out(formatJson({ ...apiKeyObject(key), secret }));
  } else {
    io.out(
      [
        `Created ${key.mode} key "${key.name}" (${key.id}) for ${ownerLabel(key, email)}, scopes ${key.scopes.join(', ')}` +
          (key.expiresAt ? `, expires ${key.expiresAt.toISOString()}.` : '.'),
        'Secret (shown only now; store it somewhere safe):',
        secret,
      ].join('\n'),
    );
  }
  return 0;
}

async function listKeys(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { user: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' } }, LIST_USAGE);
  if (parsed.help) return printUsage(io, LIST_USAGE);
  const email = optionalFlag(parsed, 'user');
  const organizationId = optionalFlag(parsed, 'org');
  if ((email === undefined) === (organizationId === undefined)) {
    throw new UsageError('Give exactly one of --user or --org.', LIST_USAGE);
  }
  const keys = await withServices(io, async (s) => {
    const owner: Tenant =
      organizationId !== undefined
        ? { kind: 'organization', id: (await s.accounts.getOrganization(organizationId)).id }
        : { kind: 'user', id: (await s.accounts.getUserByEmail(email as string)).id };
    return s.keys.listKeys(owner);
  });
  if (parsed.values.json) io.out(formatJson(keys.map(apiKeyObject)));
  else if (keys.length === 0) io.out('No keys.');
  else {
    io.out(
      formatTable(
        ['ID', 'NAME', 'HINT', 'MODE', 'SCOPES', 'STATUS', 'LAST USED'],
        keys.map((k) => [k.id, k.name, k.hint, k.mode, k.scopes.join(','), status(k), k.lastUsedAt?.toISOString() ?? 'never']),
      ),
    );
  }
  return 0;
}

async function revokeKey(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { json: { type: 'boolean' } }, REVOKE_USAGE, 1);
  if (parsed.help) return printUsage(io, REVOKE_USAGE);
  const [id] = parsed.positionals;
  if (id === undefined) throw new UsageError('KEY_ID is required.', REVOKE_USAGE);
  const key = await withServices(io, (s) => s.keys.revokeAnyKey(id));
  io.out(parsed.values.json ? formatJson(apiKeyObject(key)) : `Revoked key "${key.name}" (${key.id}).`);
  return 0;
}

function expiryDays(parsed: Parsed): number | null {
  const raw = optionalFlag(parsed, 'expires-in-days');
  if (raw === undefined) return null;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(`--expires-in-days must be a whole number of days, got "${raw}".`, CREATE_USAGE);
  }
  return Number(raw);
}

function ownerLabel(key: ApiKeyRecord, email: string): string {
  return key.tenant.kind === 'user' ? email.trim().toLowerCase() : `organization ${key.tenant.id} (created by ${email.trim().toLowerCase()})`;
}

function status(key: ApiKeyRecord): string {
  if (key.revokedAt) return key.revokedReason === 'member_left' ? 'revoked (its creator left the organization)' : 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return 'expired';
  return key.expiresAt ? `expires ${key.expiresAt.toISOString().slice(0, 10)}` : 'active';
}
