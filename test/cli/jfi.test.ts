// End to end: spawns the real bin/jfi.mjs against a temp SQLite file (and Postgres when reachable). The usage and
// help matrices call the same entry point (main) in-process: a spawned tsx process costs ~0.7 s each, 22 s for
// the 31 cases; the binary's own exit codes and streams are covered by the spawned cases around them.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { KeyService } from '../../src/services/keys.ts';
import { PasswordResetService } from '../../src/services/password-resets.ts';
import { openDatabase, type Store } from '../../src/store/db.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';
import { BIN, runNode, type Run } from './run-node.ts';

const PASSWORD = 'a long secret passphrase';

function jfi(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return runNode([BIN, ...args], { env: { LOG_LEVEL: 'silent', ...env }, stdin });
}

/** jfi's main() in this process, with buffered streams: what bin/jfi.mjs runs, without a process start. */
async function jfiInProcess(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const code = await main(args, {
    out: (text) => (stdout += line(text)),
    err: (text) => (stderr += line(text)),
    readStdin: async () => '',
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, stdout, stderr };
}

const engines = await testEngines();

describe.each(engines)('jfi on $name', (engine) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let store: Store;
  let keys: KeyService;
  const run = (...args: string[]) => jfi(args, env);
  /** Runs a --json command that must succeed; a failure shows its stderr instead of a JSON syntax error. */
  const runJson = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  beforeAll(async () => {
    database = await engine.createDatabase();
    env = { DATABASE_URL: database.url };
    const migrated = await run('migrate');
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied 0001_accounts(, \d{4}_[a-z_]+)*\.\n$/);
    store = await openDatabase(database.url);
    keys = new KeyService(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('migrates once', async () => {
    expect(await run('migrate')).toMatchObject({ code: 0, stdout: 'The database is up to date.\n', stderr: '' });
  });

  it('creates a Pro user and a key whose secret authenticates, printed once', async () => {
    const created = await run('user', 'create', '--email', 'Ada@Example.com', '--name', 'Ada', '--password', PASSWORD, '--plan', 'pro');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created user ada@example\.com \(pro\)/);
    expect(created.stdout + created.stderr).not.toContain(PASSWORD);

    const keyRun = await run(
      'key', 'create', '--user', 'ada@example.com', '--mode', 'test', '--scopes', 'diagrams:read,generate',
      '--name', 'CI', '--expires-in-days', '30', '--json',
    );
    expect(keyRun.code, keyRun.stderr).toBe(0);
    const key = JSON.parse(keyRun.stdout) as { id: string; secret: string; scopes: string[]; mode: string; expires_at: string };
    expect(key).toMatchObject({ object: 'api_key', mode: 'test', scopes: ['diagrams:read', 'generate'], name: 'CI' });
    expect(Date.parse(key.expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const lookup = await keys.authenticate(key.secret);
    expect(lookup).toMatchObject({ ok: true, key: { id: key.id, planEligible: true } });

    const listed = await run('key', 'list', '--user', 'ada@example.com', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(key.secret.slice(12, -4));
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((k) => k.id)).toContain(key.id);

    const revoked = await run('key', 'revoke', key.id);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(await keys.authenticate(key.secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: null });
  });

  it('prints the secret in human output too, with a warning that it is shown once', async () => {
    await run('user', 'create', '--email', 'human@example.com', '--name', 'H', '--password', PASSWORD, '--plan', 'pro');
    const result = await run('key', 'create', '--user', 'human@example.com', '--mode', 'live', '--scopes', 'generate', '--name', 'laptop');
    expect(result.code, result.stderr).toBe(0);
    const secret = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(secret).toMatch(/^jfi_sk_live_[0-9A-Za-z]{40}$/);
    expect(result.stdout).toContain('shown only now');
    expect((await keys.authenticate(secret)).ok).toBe(true);
  });

  it('reads the password from stdin with --password-stdin', async () => {
    const result = await jfi(['user', 'create', '--email', 'stdin@example.com', '--name', 'S', '--password-stdin', '--json'], env, `${PASSWORD}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ object: 'user', email: 'stdin@example.com', plan: 'free' });
    expect(result.stdout).not.toContain(PASSWORD);
  });

  // Thirteen CLI processes in a row: the default 30 s is too tight on a busy machine.
  it('runs the organization lifecycle: an org key stops working when its creator leaves', async () => {
    await run('user', 'create', '--email', 'owner@example.com', '--name', 'Owner', '--password', PASSWORD);
    await run('user', 'create', '--email', 'member@example.com', '--name', 'Member', '--password', PASSWORD);
    const org = await runJson<{ id: string; plan: string }>('org', 'create', '--owner', 'owner@example.com', '--name', 'Acme', '--json');
    expect(org.plan).toBe('free');
    expect((await run('org', 'add-member', '--org', org.id, '--email', 'member@example.com')).code).toBe(0);

    const refused = await run('key', 'create', '--user', 'member@example.com', '--org', org.id, '--mode', 'live', '--scopes', 'generate', '--name', 'k');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Team plan');

    expect((await run('org', 'set-plan', '--org', org.id, '--plan', 'team')).code).toBe(0);
    const created = await run('key', 'create', '--user', 'member@example.com', '--org', org.id, '--mode', 'live', '--scopes', 'generate', '--name', 'k', '--json');
    expect(created.code, created.stderr).toBe(0);
    const { secret } = JSON.parse(created.stdout) as { secret: string };
    expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { planEligible: true, tenant: { kind: 'organization', id: org.id } } });

    const members = await runJson<{ email: string; role: string }[]>('org', 'members', '--org', org.id, '--json');
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.com', 'owner'],
      ['member@example.com', 'member'],
    ]);
    expect((await run('key', 'list', '--org', org.id)).stdout).toContain('jfi_sk_live_…');
    expect(await run('org', 'set-role', '--org', org.id, '--email', 'member@example.com', '--role', 'admin')).toMatchObject({
      code: 0,
      stdout: 'member@example.com is now admin of Acme.\n',
    });
    const lastOwner = await run('org', 'set-role', '--org', org.id, '--email', 'owner@example.com', '--role', 'member');
    expect(lastOwner.code).toBe(1);
    expect(lastOwner.stderr).toContain('The last owner cannot stop being an owner');
    expect((await run('org', 'remove-member', '--org', org.id, '--email', 'member@example.com')).code).toBe(0);
    expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: 'member_left' });
  }, 180_000);

  it('prints a one-time password reset link that the reset service accepts', async () => {
    expect((await run('user', 'create', '--email', 'rita@example.com', '--name', 'Rita', '--password', PASSWORD)).code).toBe(0);
    const text = await jfi(['user', 'reset-password', '--email', 'RITA@example.com'], { ...env, PUBLIC_BASE_URL: 'https://flow.example.com/' });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^One-time link for rita@example\.com, valid until \S+Z:\nhttps:\/\/flow\.example\.com\/reset\/[A-Za-z0-9_-]{43}\nIt works once; using it signs rita@example\.com out everywhere\.\n$/);
    const json = await runJson<{ email: string; url: string; expires_at: string }>('user', 'reset-password', '--email', 'rita@example.com', '--base-url', 'http://127.0.0.1:9', '--json');
    expect(json.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(json.expires_at) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Only the newest link works, and it works once.
    const resets = new PasswordResetService(store.db);
    expect(await resets.emailFor(/\/reset\/(\S+)/.exec(text.stdout)![1]!)).toBeNull();
    const token = json.url.split('/reset/')[1]!;
    expect(await resets.resetPassword(token, 'fresh orbit lantern 77')).toEqual({ email: 'rita@example.com' });
    expect(await resets.emailFor(token)).toBeNull();
    const unknown = await run('user', 'reset-password', '--email', 'nobody@example.com');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user with email nobody@example.com.');
  });

  it('changes a user plan and lists users', async () => {
    await run('user', 'create', '--email', 'plan@example.com', '--name', 'P', '--password', PASSWORD);
    expect(await run('user', 'set-plan', '--email', 'plan@example.com', '--plan', 'pro')).toMatchObject({
      code: 0,
      stdout: 'plan@example.com is now on the pro plan.\n',
    });
    const users = await runJson<{ email: string; plan: string }[]>('user', 'list', '--json');
    expect(users.find((u) => u.email === 'plan@example.com')?.plan).toBe('pro');
  });

  it('fails with exit code 1 and a clear message on bad data', async () => {
    const unknown = await run('key', 'create', '--user', 'ghost@example.com', '--mode', 'live', '--scopes', 'generate', '--name', 'k');
    expect(unknown).toMatchObject({ code: 1, stderr: 'jfi: No user with email ghost@example.com.\n' });
    await run('user', 'create', '--email', 'dup@example.com', '--name', 'D', '--password', PASSWORD);
    const duplicate = await run('user', 'create', '--email', 'DUP@example.com', '--name', 'D', '--password', PASSWORD);
    expect(duplicate).toMatchObject({ code: 1, stderr: 'jfi: A user with this email already exists.\n' });
    const weak = await run('user', 'create', '--email', 'weak@example.com', '--name', 'W', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password must be at least 12 characters');
    expect(weak.stderr).not.toContain('short');
    expect(await run('key', 'revoke', '00000000-0000-0000-0000-000000000000')).toMatchObject({ code: 1, stderr: 'jfi: No such API key.\n' });
  });
});

describe('jfi usage', () => {
  const env = { DATABASE_URL: 'sqlite::memory:' };

  it.each([
    [['user', 'create', '--email', 'a@example.com', '--name', 'A'], 'Give exactly one of --password or --password-stdin.'],
    [['user', 'create', '--name', 'A', '--password', PASSWORD], '--email is required.'],
    [['user', 'create', '--email', 'a@example.com', '--name', 'A', '--password', PASSWORD, '--plan', 'gold'], '--plan must be one of free, pro'],
    [['key', 'create', '--user', 'a@example.com', '--mode', 'prod', '--scopes', 'generate', '--name', 'k'], '--mode must be one of live, test'],
    [['key', 'create', '--user', 'a@example.com', '--mode', 'live', '--scopes', 'generate', '--name', 'k', '--expires-in-days', 'soon'], '--expires-in-days must be'],
    [['key', 'list'], 'Give exactly one of --user or --org.'],
    [['key', 'revoke'], 'KEY_ID is required.'],
    [['user', 'reset-password'], '--email is required.'],
    [['user', 'list', '--colour'], "Unknown option '--colour'"],
    [['user', 'list', 'extra'], 'Unexpected argument "extra".'],
    [['user', 'delete'], 'Unknown command "user delete".'],
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['key'], 'Which command?'],
    [[], 'Usage: jfi <command>'],
  ])('exits 2 with usage for %j', async (args, message) => {
    const result = await jfiInProcess(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: jfi');
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(PASSWORD);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [[]],
    [['user']],
    [['key']],
    [['user', 'create']],
    [['user', 'list']],
    [['user', 'set-plan']],
    [['org']],
    [['org', 'create']],
    [['org', 'list']],
    [['org', 'members']],
    [['org', 'add-member']],
    [['org', 'set-role']],
    [['org', 'remove-member']],
    [['org', 'set-plan']],
    [['key', 'create']],
    [['key', 'list']],
    [['key', 'revoke']],
    [['migrate']],
    [['serve']],
  ])('prints help for %j --help and exits 0', async (args) => {
    const result = await jfiInProcess([...args, '--help'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: jfi/);
  });

  it('the binary exits 2 with usage on stderr for a usage error, and 0 with usage on stdout for --help', async () => {
    const usage = await jfi(['frobnicate'], env);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(usage.stderr).toContain('Unknown command "frobnicate".');
    expect(usage.stderr).toContain('Usage: jfi');
    const help = await jfi(['key', 'create', '--help'], env);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: jfi key create/);
  });

  it('exits 1 on a configuration error, naming the variable', async () => {
    const result = await jfi(['user', 'list'], { DATABASE_URL: 'mysql://localhost/db' });
    expect(result).toMatchObject({ code: 1, stderr: 'jfi: DATABASE_URL must start with sqlite: or postgres://.\n' });
  });
});

describe('jfi serve', () => {
  it('serves /healthz and exits 0 on SIGTERM', async () => {
    const database = await testEngines().then(([sqlite]) => sqlite!.createDatabase());
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATABASE_URL: database.url, PORT: String(port), RENDER_WORKERS: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      let status = 0;
      // Up to 60 s for the server to come up: a hang guard, not a speed measure (at load 17 one start took over 10 s).
      for (const until = Date.now() + 60_000; Date.now() < until && status !== 200; ) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await database.drop();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
