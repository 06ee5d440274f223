// jfi user create | list | set-plan | reset-password
import { USER_PLANS } from '../services/accounts.ts';
import { loadConfig } from '../config.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError } from './arguments.ts';
import { formatJson, formatTable, printUsage, type CliIo } from './io.ts';
import { userObject } from './objects.ts';
import { withServices } from './with-services.ts';

export const USER_USAGE = `Usage: jfi user <command> [options]

Commands:
  create           Create a user
  list             List users
  set-plan         Change a user's plan
  reset-password   Print a one-time link that sets a new password

Run "jfi user <command> --help" for a command's options.`;

const CREATE_USAGE = `Usage: jfi user create --email EMAIL --name NAME (--password PASSWORD | --password-stdin) [--plan free|pro] [--json]

Creates a user. The password (at least 12 characters, not a common one) is stored as an argon2id hash and never printed.
--password-stdin reads it from standard input instead of the command line (keeps it out of shell history).`;

const LIST_USAGE = `Usage: jfi user list [--json]

Lists every user, oldest first.`;

const SET_PLAN_USAGE = `Usage: jfi user set-plan --email EMAIL --plan free|pro [--json]

Changes a user's plan. Personal API keys work only while the plan is pro.`;

const RESET_USAGE = `Usage: jfi user reset-password --email EMAIL [--base-url URL] [--json]

Prints a one-time link that lets the user set a new password (there is no password mail). Hand it to them yourself.
The link works once, for 24 hours; a newer link replaces it. Using it signs the user out everywhere.
The link starts with --base-url, else PUBLIC_BASE_URL, else http://HOST:PORT of the server's configuration.`;

export async function runUser(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create':
      return createUser(rest, io);
    case 'list':
      return listUsers(rest, io);
    case 'set-plan':
      return setPlan(rest, io);
    case 'reset-password':
      return resetPassword(rest, io);
    case '--help':
    case '-h':
      return printUsage(io, USER_USAGE);
    case undefined:
      throw new UsageError('Which command?', USER_USAGE);
    default:
      throw new UsageError(`Unknown command "user ${command}".`, USER_USAGE);
  }
}

async function createUser(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      plan: { type: 'string' },
      json: { type: 'boolean' },
    },
    CREATE_USAGE,
  );
  if (parsed.help) return printUsage(io, CREATE_USAGE);
  const email = requireFlag(parsed, 'email', CREATE_USAGE);
  const name = requireFlag(parsed, 'name', CREATE_USAGE);
  const plan = chooseFlag(optionalFlag(parsed, 'plan') ?? 'free', USER_PLANS, 'plan', CREATE_USAGE);
  const fromStdin = parsed.values['password-stdin'] === true;
  const flagPassword = optionalFlag(parsed, 'password');
  if (fromStdin === (flagPassword !== undefined)) {
    throw new UsageError('Give exactly one of --password or --password-stdin.', CREATE_USAGE);
  }
  const password = fromStdin ? firstLine(await io.readStdin()) : (flagPassword as string);
  const user = await withServices(io, (s) => s.accounts.createUser({ email, name, password, plan }));
  io.out(parsed.values.json ? formatJson(userObject(user)) : `Created user ${user.email} (${user.plan}), id ${user.id}.`);
  return 0;
}

async function listUsers(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { json: { type: 'boolean' } }, LIST_USAGE);
  if (parsed.help) return printUsage(io, LIST_USAGE);
  const users = await withServices(io, (s) => s.accounts.listUsers());
  if (parsed.values.json) io.out(formatJson(users.map(userObject)));
  else if (users.length === 0) io.out('No users yet. Create one with "jfi user create".');
  else io.out(formatTable(['ID', 'EMAIL', 'NAME', 'PLAN', 'CREATED'], users.map((u) => [u.id, u.email, u.name, u.plan, u.createdAt.toISOString()])));
  return 0;
}

async function setPlan(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { email: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' } }, SET_PLAN_USAGE);
  if (parsed.help) return printUsage(io, SET_PLAN_USAGE);
  const email = requireFlag(parsed, 'email', SET_PLAN_USAGE);
  const plan = chooseFlag(requireFlag(parsed, 'plan', SET_PLAN_USAGE), USER_PLANS, 'plan', SET_PLAN_USAGE);
  const user = await withServices(io, async (s) => s.accounts.setUserPlan((await s.accounts.getUserByEmail(email)).id, plan));
  io.out(parsed.values.json ? formatJson(userObject(user)) : `${user.email} is now on the ${user.plan} plan.`);
  return 0;
}

async function resetPassword(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { email: { type: 'string' }, 'base-url': { type: 'string' }, json: { type: 'boolean' } }, RESET_USAGE);
  if (parsed.help) return printUsage(io, RESET_USAGE);
  const email = requireFlag(parsed, 'email', RESET_USAGE);
  const config = loadConfig(io.env);
  const base = (optionalFlag(parsed, 'base-url') ?? config.publicBaseUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  const link = await withServices(io, (s) => s.passwordResets.createLink(email));
  const url = `${base}/reset/${link.token}`;
  io.out(
    parsed.values.json
      ? formatJson({ email: link.email, url, expires_at: link.expiresAt.toISOString() })
      : `One-time link for ${link.email}, valid until ${link.expiresAt.toISOString()}:\n${url}\nIt works once; using it signs ${link.email} out everywhere.`,
  );
  return 0;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}
