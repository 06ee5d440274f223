// jfi org create | list | members | add-member | set-role | remove-member | set-plan
import { MEMBERSHIP_ROLES, ORGANIZATION_PLANS } from '../services/accounts.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError } from './arguments.ts';
import { formatJson, formatTable, printUsage, type CliIo } from './io.ts';
import { membershipObject, organizationObject } from './objects.ts';
import { withServices } from './with-services.ts';

export const ORG_USAGE = `Usage: jfi org <command> [options]

Commands:
  create          Create an organization (its creator becomes the owner)
  list            List organizations
  members         List an organization's members
  add-member      Add an existing user to an organization
  set-role        Change a member's role (the last owner stays owner)
  remove-member   Remove a member (the last owner cannot be removed)
  set-plan        Change an organization's plan

Run "jfi org <command> --help" for a command's options.`;

const CREATE_USAGE = `Usage: jfi org create --owner EMAIL --name NAME [--plan free|team] [--json]

Creates an organization; the user with email EMAIL becomes its owner. Prints the organization id.`;

const LIST_USAGE = `Usage: jfi org list [--json]

Lists every organization, oldest first.`;

const MEMBERS_USAGE = `Usage: jfi org members --org ID [--json]

Lists the members of organization ID with their roles.`;

const ADD_MEMBER_USAGE = `Usage: jfi org add-member --org ID --email EMAIL [--role owner|admin|member] [--json]

Adds the user with email EMAIL to organization ID (role member unless given).`;

const SET_ROLE_USAGE = `Usage: jfi org set-role --org ID --email EMAIL --role owner|admin|member [--json]

Changes the role of the member with email EMAIL. The last owner cannot be given another role.`;

const REMOVE_MEMBER_USAGE = `Usage: jfi org remove-member --org ID --email EMAIL

Removes the user from the organization. Organization keys that user created stop working.`;

const SET_PLAN_USAGE = `Usage: jfi org set-plan --org ID --plan free|team [--json]

Changes an organization's plan. Organization API keys work only while the plan is team.`;

export async function runOrg(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create':
      return createOrg(rest, io);
    case 'list':
      return listOrgs(rest, io);
    case 'members':
      return listMembers(rest, io);
    case 'add-member':
      return addMember(rest, io);
    case 'set-role':
      return setRole(rest, io);
    case 'remove-member':
      return removeMember(rest, io);
    case 'set-plan':
      return setPlan(rest, io);
    case '--help':
    case '-h':
      return printUsage(io, ORG_USAGE);
    case undefined:
      throw new UsageError('Which command?', ORG_USAGE);
    default:
      throw new UsageError(`Unknown command "org ${command}".`, ORG_USAGE);
  }
}

async function createOrg(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { owner: { type: 'string' }, name: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' } }, CREATE_USAGE);
  if (parsed.help) return printUsage(io, CREATE_USAGE);
  const ownerEmail = requireFlag(parsed, 'owner', CREATE_USAGE);
  const name = requireFlag(parsed, 'name', CREATE_USAGE);
  const plan = chooseFlag(optionalFlag(parsed, 'plan') ?? 'free', ORGANIZATION_PLANS, 'plan', CREATE_USAGE);
  const org = await withServices(io, async (s) => {
    const owner = await s.accounts.getUserByEmail(ownerEmail);
    return s.accounts.createOrganization(owner.id, name, plan);
  });
  io.out(parsed.values.json ? formatJson(organizationObject(org)) : `Created organization ${org.name} (${org.plan}), id ${org.id}.`);
  return 0;
}

async function listOrgs(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { json: { type: 'boolean' } }, LIST_USAGE);
  if (parsed.help) return printUsage(io, LIST_USAGE);
  const orgs = await withServices(io, (s) => s.accounts.listOrganizations());
  if (parsed.values.json) io.out(formatJson(orgs.map(organizationObject)));
  else if (orgs.length === 0) io.out('No organizations yet. Create one with "jfi org create".');
  else io.out(formatTable(['ID', 'NAME', 'PLAN', 'CREATED'], orgs.map((o) => [o.id, o.name, o.plan, o.createdAt.toISOString()])));
  return 0;
}

async function listMembers(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { org: { type: 'string' }, json: { type: 'boolean' } }, MEMBERS_USAGE);
  if (parsed.help) return printUsage(io, MEMBERS_USAGE);
  const organizationId = requireFlag(parsed, 'org', MEMBERS_USAGE);
  const members = await withServices(io, async (s) => {
    await s.accounts.getOrganization(organizationId);
    return s.accounts.listMemberships({ organizationId });
  });
  if (parsed.values.json) io.out(formatJson(members.map(membershipObject)));
  else io.out(formatTable(['USER ID', 'EMAIL', 'ROLE', 'SINCE'], members.map((m) => [m.userId, m.email, m.role, m.createdAt.toISOString()])));
  return 0;
}

async function addMember(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } }, ADD_MEMBER_USAGE);
  if (parsed.help) return printUsage(io, ADD_MEMBER_USAGE);
  const organizationId = requireFlag(parsed, 'org', ADD_MEMBER_USAGE);
  const email = requireFlag(parsed, 'email', ADD_MEMBER_USAGE);
  const role = chooseFlag(optionalFlag(parsed, 'role') ?? 'member', MEMBERSHIP_ROLES, 'role', ADD_MEMBER_USAGE);
  const membership = await withServices(io, (s) => s.accounts.addMember(organizationId, email, role, 'operator'));
  io.out(
    parsed.values.json
      ? formatJson(membershipObject(membership))
      : `Added ${membership.email} to ${membership.organizationName} as ${membership.role}.`,
  );
  return 0;
}

async function setRole(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } }, SET_ROLE_USAGE);
  if (parsed.help) return printUsage(io, SET_ROLE_USAGE);
  const organizationId = requireFlag(parsed, 'org', SET_ROLE_USAGE);
  const email = requireFlag(parsed, 'email', SET_ROLE_USAGE);
  const role = chooseFlag(requireFlag(parsed, 'role', SET_ROLE_USAGE), MEMBERSHIP_ROLES, 'role', SET_ROLE_USAGE);
  const membership = await withServices(io, (s) => s.accounts.changeMemberRole(organizationId, email, role, 'operator'));
  io.out(parsed.values.json ? formatJson(membershipObject(membership)) : `${membership.email} is now ${membership.role} of ${membership.organizationName}.`);
  return 0;
}

async function removeMember(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { org: { type: 'string' }, email: { type: 'string' } }, REMOVE_MEMBER_USAGE);
  if (parsed.help) return printUsage(io, REMOVE_MEMBER_USAGE);
  const organizationId = requireFlag(parsed, 'org', REMOVE_MEMBER_USAGE);
  const email = requireFlag(parsed, 'email', REMOVE_MEMBER_USAGE);
  await withServices(io, (s) => s.accounts.removeMember(organizationId, email, 'operator'));
  io.out(`Removed ${email.trim().toLowerCase()} from organization ${organizationId}.`);
  return 0;
}

async function setPlan(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { org: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' } }, SET_PLAN_USAGE);
  if (parsed.help) return printUsage(io, SET_PLAN_USAGE);
  const organizationId = requireFlag(parsed, 'org', SET_PLAN_USAGE);
  const plan = chooseFlag(requireFlag(parsed, 'plan', SET_PLAN_USAGE), ORGANIZATION_PLANS, 'plan', SET_PLAN_USAGE);
  const org = await withServices(io, (s) => s.accounts.setOrganizationPlan(organizationId, plan));
  io.out(parsed.values.json ? formatJson(organizationObject(org)) : `${org.name} is now on the ${org.plan} plan.`);
  return 0;
}
