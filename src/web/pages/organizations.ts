// Organizations: create, switch the workspace (and live/test mode), members by email with roles.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MEMBERSHIP_ROLES, type Membership, type MembershipRole } from '../../services/accounts.ts';
import { DASHBOARD_ROUTES, field, safeNext, type SignedIn, type WebContext } from '../context.ts';
import type { Refill } from '../error-handler.ts';
import { PageError } from '../error-page.ts';
import { html } from '../html.ts';
import { noticeOf } from '../notices.ts';
import { selectMode, selectSpace } from '../workspace.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from './layout.ts';

export const organizationRoutes = fp(organizationPages, { name: 'jfi-organization-pages', ...DASHBOARD_ROUTES });

async function organizationPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  app.post('/space', async (request, reply) => {
    const space = field(request.body, 'space');
    const membership = request.signedIn.workspace.memberships.find((m) => m.organizationId === space);
    selectSpace(request, reply, membership ? membership.organizationId : null);
    return reply.redirect(backTo(request.headers.referer), 303);
  });

  app.post('/mode', async (request, reply) => {
    selectMode(request, reply, field(request.body, 'mode') === 'test' ? 'test' : 'live');
    return reply.redirect(backTo(request.headers.referer), 303);
  });

  app.get('/organizations', async (request, reply) => sendList(reply, request.signedIn, '', null));

  // A refused name comes back in the form, always as a 400.
  const refillCreate: Refill = (request, reply, refusal) => sendList(reply.code(400), request.signedIn, field(request.body, 'name'), refusal.message);

  app.post('/organizations', { config: { refill: refillCreate } }, async (request, reply) => {
    const organization = await services.accounts.createOrganization(request.signedIn.user.id, field(request.body, 'name'));
    selectSpace(request, reply, organization.id);
    return reply.redirect(`/app/organizations/${organization.id}?notice=created`, 303);
  });

  app.get('/organizations/:id', async (request, reply) => {
    return sendMembers(context, reply, request.signedIn, organizationIdOf(request), { notice: noticeOf(request.query, NOTICES) });
  });

  // Who may change whom is decided by the accounts service; the page only shows its answer.
  const refillAdd: Refill = (request, reply, refusal) => {
    const email = field(request.body, 'email').trim();
    const message = refusal.status === 404 && refusal.param === 'email' ? `No account uses ${email}. Ask them to sign up first, then add them.` : refusal.message;
    return sendMembers(context, reply, request.signedIn, organizationIdOf(request), { error: message, email, role: field(request.body, 'role') });
  };

  app.post('/organizations/:id/members', { config: { refill: refillAdd } }, async (request, reply) => {
    const { signedIn } = request;
    const id = organizationIdOf(request);
    requireMembership(signedIn, id);
    await services.accounts.addMember(id, field(request.body, 'email').trim(), field(request.body, 'role') as MembershipRole, { userId: signedIn.user.id });
    return reply.redirect(`/app/organizations/${id}?notice=added`, 303);
  });

  const refillMembers: Refill = (request, reply, refusal) => sendMembers(context, reply, request.signedIn, organizationIdOf(request), { error: refusal.message });

  app.post('/organizations/:id/members/role', { config: { refill: refillMembers } }, async (request, reply) => {
    const { signedIn } = request;
    const id = organizationIdOf(request);
    requireMembership(signedIn, id);
    await services.accounts.changeMemberRole(id, field(request.body, 'email'), field(request.body, 'role') as MembershipRole, { userId: signedIn.user.id });
    return reply.redirect(`/app/organizations/${id}?notice=role-changed`, 303);
  });

  app.post('/organizations/:id/members/remove', { config: { refill: refillMembers } }, async (request, reply) => {
    const { signedIn } = request;
    const id = organizationIdOf(request);
    const email = field(request.body, 'email');
    requireMembership(signedIn, id);
    await services.accounts.removeMember(id, email, { userId: signedIn.user.id });
    if (email.trim().toLowerCase() === signedIn.user.email) {
      selectSpace(request, reply, null);
      return reply.redirect('/app/organizations', 303);
    }
    return reply.redirect(`/app/organizations/${id}?notice=removed`, 303);
  });
}

function organizationIdOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

const NOTICES: Record<string, string> = {
  created: 'Organization created. You are now working in it.',
  added: 'Member added.',
  'role-changed': 'Role changed.',
  removed: 'Member removed.',
};

function backTo(referer: string | undefined): string {
  if (!referer) return '/app';
  try {
    const url = new URL(referer);
    // Pages of one resource (a diagram, a folder) may not exist in the other space or mode.
    return url.pathname.startsWith('/app/diagrams/') || url.pathname.startsWith('/app/folders/') ? '/app' : safeNext(url.pathname);
  } catch {
    return '/app';
  }
}

function requireMembership(signedIn: SignedIn, organizationId: string): Membership {
  const membership = signedIn.workspace.memberships.find((m) => m.organizationId === organizationId);
  if (!membership) throw new PageError(404, 'No such organization.');
  return membership;
}

function send(reply: FastifyReply, signedIn: SignedIn, title: string, body: ReturnType<typeof html>): FastifyReply {
  return reply
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(appPage({ title, workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'organizations' }, body));
}

function sendList(reply: FastifyReply, signedIn: SignedIn, name: string, error: string | null): FastifyReply {
  const { memberships, organization } = signedIn.workspace;
  const list = memberships.length
    ? html`<section class="card table-card"><h2>Your organizations</h2><div class="table-scroll"><table class="table">
  <thead><tr><th scope="col">Name</th><th scope="col">Plan</th><th scope="col">Your role</th><th scope="col">Joined</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
  <tbody>${memberships.map(
    (m) => html`<tr><td class="strong"><a href="/app/organizations/${m.organizationId}">${m.organizationName}</a>${organization?.organizationId === m.organizationId ? html` <span class="badge badge-ok">current</span>` : ''}</td>
    <td><span class="badge badge-plan">${m.organizationPlan}</span></td><td>${m.role}</td><td>${formatDate(m.createdAt)}</td>
    <td class="actions"><form method="post" action="/app/space">${csrfField(signedIn.csrf)}<input type="hidden" name="space" value="${m.organizationId}"><button class="btn btn-small" type="submit">Switch to</button></form></td></tr>`,
  )}</tbody></table></div></section>`
    : html`<section class="card empty-state"><h2>No organizations yet</h2><p>Create one to share diagrams, folders and API keys with your team.</p></section>`;
  const body = html`${pageHeader('Organizations', 'Share diagrams and API keys with your team. Switch between your personal space and organizations in the top bar.')}
${list}
<section class="card" aria-labelledby="new-org">
  <h2 id="new-org">Create an organization</h2>
  ${flash(error, 'error')}
  <form method="post" action="/app/organizations" class="row">
    ${csrfField(signedIn.csrf)}
    <label class="sr-only" for="org-name">Organization name</label>
    <input id="org-name" name="name" type="text" maxlength="200" value="${name}" placeholder="Acme Operations" required${error ? html` aria-invalid="true"` : ''}>
    <button class="btn btn-primary" type="submit">Create</button>
  </form>
  <p class="hint">New organizations start on the Free plan; an operator moves them to Team with <code>npx jfi org set-plan</code> (see <a href="/app/settings/billing">Billing</a>).</p>
</section>
${organization ? '' : html`<section class="card"><h2>Personal space</h2><p>You are working in your personal space (plan <strong>${signedIn.user.plan}</strong>).</p></section>`}`;
  return send(reply, signedIn, 'Organizations', body);
}

interface MembersView {
  notice?: string | null;
  error?: string;
  email?: string;
  role?: string;
}

async function sendMembers(
  context: WebContext,
  reply: FastifyReply,
  signedIn: SignedIn,
  organizationId: string,
  view: MembersView,
): Promise<FastifyReply> {
  const mine = requireMembership(signedIn, organizationId);
  const members = await context.services.accounts.listMemberships({ organizationId });
  const manage = mine.role !== 'member';
  const roles = mine.role === 'owner' ? MEMBERSHIP_ROLES : MEMBERSHIP_ROLES.filter((r) => r !== 'owner');
  const body = html`${pageHeader(mine.organizationName, html`Plan <span class="badge badge-plan">${mine.organizationPlan}</span> · your role: ${mine.role}`, html`<a class="btn" href="/app/organizations">All organizations</a>`)}
${flash(view.notice)}${flash(view.error, 'error')}
<section class="card table-card" aria-labelledby="members-title">
  <h2 id="members-title">Members</h2>
  <div class="table-scroll"><table class="table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Member since</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
  <tbody>${members.map(
    (m) => html`<tr><td class="strong">${m.userName}</td><td>${m.email}</td><td>${manage && (mine.role === 'owner' || m.role !== 'owner') ? roleForm(organizationId, signedIn.csrf, m, roles) : html`<span class="badge badge-role">${m.role}</span>`}</td><td>${formatDate(m.createdAt)}</td>
    <td class="actions">${manage || m.userId === signedIn.user.id ? html`<form method="post" action="/app/organizations/${organizationId}/members/remove" data-confirm="${m.userId === signedIn.user.id ? 'Leave this organization?' : `Remove ${m.email} from ${mine.organizationName}?`}">${csrfField(signedIn.csrf)}<input type="hidden" name="email" value="${m.email}"><button class="btn btn-small btn-danger-ghost" type="submit">${m.userId === signedIn.user.id ? 'Leave' : 'Remove'}</button></form>` : ''}</td></tr>`,
  )}</tbody></table></div>
</section>
${manage
  ? html`<section class="card" aria-labelledby="add-title">
  <h2 id="add-title">Add a member</h2>
  <form method="post" action="/app/organizations/${organizationId}/members" class="row">
    ${csrfField(signedIn.csrf)}
    <div class="field grow"><label for="member-email">Email of an existing account</label><input id="member-email" name="email" type="email" value="${view.email ?? ''}" required placeholder="colleague@example.com"${view.email !== undefined && view.error ? html` aria-invalid="true"` : ''}></div>
    <div class="field"><label for="member-role">Role</label><select id="member-role" name="role">${roles.map((r) => html`<option value="${r}"${(view.role ?? 'member') === r ? html` selected` : ''}>${r}</option>`)}</select></div>
    <button class="btn btn-primary align-end" type="submit">Add member</button>
  </form>
  <p class="hint">Owners and admins manage members; an organization always keeps at least one owner. Members of a Team organization can create its API keys.</p>
</section>`
  : ''}`;
  return send(reply, signedIn, mine.organizationName, body);
}

/** A member's role as a select that submits its own small form. */
function roleForm(organizationId: string, csrf: string, member: Membership, roles: readonly MembershipRole[]): ReturnType<typeof html> {
  const id = `role-${member.userId}`;
  return html`<form method="post" action="/app/organizations/${organizationId}/members/role" class="role-form">${csrfField(csrf)}<input type="hidden" name="email" value="${member.email}"><label class="sr-only" for="${id}">Role of ${member.email}</label><select id="${id}" name="role">${roles.map((r) => html`<option value="${r}"${member.role === r ? html` selected` : ''}>${r}</option>`)}</select><button class="btn btn-small" type="submit">Change</button></form>`;
}
