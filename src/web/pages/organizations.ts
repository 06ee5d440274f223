// Organisations: create, switch the workspace (and live/test mode), members by email with roles.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError, NotFoundError } from '../../errors.ts';
import { httpStatus } from '../../api/plugins/errors.ts';
import { MEMBERSHIP_ROLES, type Membership } from '../../services/accounts.ts';
import type { MembershipRole } from '../../store/types.ts';
import { field, safeNext, signedIn, type SignedIn, type WebContext } from '../context.ts';
import { html } from '../html.ts';
import { noticeOf } from '../notices.ts';
import { selectMode, selectSpace } from '../workspace.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from './layout.ts';

export async function organizationRoutes(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  app.post('/app/space', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const space = field(request.body, 'space');
    const membership = page.workspace.memberships.find((m) => m.organizationId === space);
    selectSpace(request, reply, membership ? membership.organizationId : null);
    return reply.redirect(backTo(request.headers.referer), 303);
  });

  app.post('/app/mode', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    selectMode(request, reply, field(request.body, 'mode') === 'test' ? 'test' : 'live');
    return reply.redirect(backTo(request.headers.referer), 303);
  });

  app.get('/app/organizations', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    return sendList(reply, page, '', null);
  });

  app.post('/app/organizations', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const name = field(request.body, 'name');
    try {
      const organization = await services.accounts.createOrganization(page.user.id, name);
      selectSpace(request, reply, organization.id);
      return reply.redirect(`/app/organizations/${organization.id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendList(reply.code(400), page, name, error.message);
    }
  });

  app.get('/app/organizations/:id', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    return sendMembers(context, reply, page, (request.params as { id: string }).id, { notice: noticeOf(request.query, NOTICES) });
  });

  // Who may change whom is decided by the accounts service; the page only shows its answer.
  app.post('/app/organizations/:id/members', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = (request.params as { id: string }).id;
    const email = field(request.body, 'email').trim();
    const role = field(request.body, 'role') as MembershipRole;
    requireMembership(page, id);
    try {
      await services.accounts.addMember(id, email, role, { userId: page.user.id });
      return reply.redirect(`/app/organizations/${id}?notice=added`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const message = error instanceof NotFoundError && error.param === 'email' ? `No account uses ${email}. Ask them to sign up first, then add them.` : error.message;
      return sendMembers(context, reply.code(httpStatus(error)), page, id, { error: message, email, role });
    }
  });

  app.post('/app/organizations/:id/members/role', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = (request.params as { id: string }).id;
    requireMembership(page, id);
    try {
      await services.accounts.changeMemberRole(id, field(request.body, 'email'), field(request.body, 'role') as MembershipRole, { userId: page.user.id });
      return reply.redirect(`/app/organizations/${id}?notice=role-changed`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendMembers(context, reply.code(httpStatus(error)), page, id, { error: error.message });
    }
  });

  app.post('/app/organizations/:id/members/remove', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = (request.params as { id: string }).id;
    const email = field(request.body, 'email');
    requireMembership(page, id);
    try {
      await services.accounts.removeMember(id, email, { userId: page.user.id });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendMembers(context, reply.code(httpStatus(error)), page, id, { error: error.message });
    }
    if (email.trim().toLowerCase() === page.user.email) {
      selectSpace(request, reply, null);
      return reply.redirect('/app/organizations', 303);
    }
    return reply.redirect(`/app/organizations/${id}?notice=removed`, 303);
  });
}

const NOTICES: Record<string, string> = {
  created: 'Organisation created. You are now working in it.',
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

function requireMembership(page: SignedIn, organizationId: string): Membership {
  const membership = page.workspace.memberships.find((m) => m.organizationId === organizationId);
  if (!membership) throw new NotFoundError('No such organisation.');
  return membership;
}

function send(reply: FastifyReply, page: SignedIn, title: string, body: ReturnType<typeof html>): FastifyReply {
  return reply
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(appPage({ title, workspace: page.workspace, csrf: page.csrf, active: 'organizations' }, body));
}

function sendList(reply: FastifyReply, page: SignedIn, name: string, error: string | null): FastifyReply {
  const { memberships, organization } = page.workspace;
  const list = memberships.length
    ? html`<section class="card table-card"><h2>Your organisations</h2><div class="table-scroll"><table class="table">
  <thead><tr><th scope="col">Name</th><th scope="col">Plan</th><th scope="col">Your role</th><th scope="col">Joined</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
  <tbody>${memberships.map(
    (m) => html`<tr><td class="strong"><a href="/app/organizations/${m.organizationId}">${m.organizationName}</a>${organization?.organizationId === m.organizationId ? html` <span class="badge badge-ok">current</span>` : ''}</td>
    <td><span class="badge badge-plan">${m.organizationPlan}</span></td><td>${m.role}</td><td>${formatDate(m.createdAt)}</td>
    <td class="actions"><form method="post" action="/app/space">${csrfField(page.csrf)}<input type="hidden" name="space" value="${m.organizationId}"><button class="btn btn-small" type="submit">Switch to</button></form></td></tr>`,
  )}</tbody></table></div></section>`
    : html`<section class="card empty-state"><h2>No organisations yet</h2><p>Create one to share diagrams, folders and API keys with your team.</p></section>`;
  const body = html`${pageHeader('Organisations', 'Share diagrams and API keys with your team. Switch between your personal space and organisations in the top bar.')}
${list}
<section class="card" aria-labelledby="new-org">
  <h2 id="new-org">Create an organisation</h2>
  ${flash(error, 'error')}
  <form method="post" action="/app/organizations" class="row">
    ${csrfField(page.csrf)}
    <label class="sr-only" for="org-name">Organisation name</label>
    <input id="org-name" name="name" type="text" maxlength="200" value="${name}" placeholder="Acme Operations" required>
    <button class="btn btn-primary" type="submit">Create</button>
  </form>
  <p class="hint">New organisations start on the Free plan; an operator moves them to Team with <code>jfi org set-plan</code>.</p>
</section>
${organization ? '' : html`<section class="card"><h2>Personal space</h2><p>You are working in your personal space (plan <strong>${page.user.plan}</strong>).</p></section>`}`;
  return send(reply, page, 'Organisations', body);
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
  page: SignedIn,
  organizationId: string,
  view: MembersView,
): Promise<FastifyReply> {
  const mine = requireMembership(page, organizationId);
  const members = await context.services.accounts.listMemberships({ organizationId });
  const manage = mine.role !== 'member';
  const roles = mine.role === 'owner' ? MEMBERSHIP_ROLES : MEMBERSHIP_ROLES.filter((r) => r !== 'owner');
  const body = html`${pageHeader(mine.organizationName, html`Plan <span class="badge badge-plan">${mine.organizationPlan}</span> · your role: ${mine.role}`, html`<a class="btn" href="/app/organizations">All organisations</a>`)}
${flash(view.notice)}${flash(view.error, 'error')}
<section class="card table-card" aria-labelledby="members-title">
  <h2 id="members-title">Members</h2>
  <div class="table-scroll"><table class="table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Member since</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
  <tbody>${members.map(
    (m) => html`<tr><td class="strong">${m.userName}</td><td>${m.email}</td><td>${manage && (mine.role === 'owner' || m.role !== 'owner') ? roleForm(organizationId, page.csrf, m, roles) : html`<span class="badge badge-role">${m.role}</span>`}</td><td>${formatDate(m.createdAt)}</td>
    <td class="actions">${manage || m.userId === page.user.id ? html`<form method="post" action="/app/organizations/${organizationId}/members/remove" data-confirm="${m.userId === page.user.id ? 'Leave this organisation?' : `Remove ${m.email} from ${mine.organizationName}?`}">${csrfField(page.csrf)}<input type="hidden" name="email" value="${m.email}"><button class="btn btn-small btn-danger-ghost" type="submit">${m.userId === page.user.id ? 'Leave' : 'Remove'}</button></form>` : ''}</td></tr>`,
  )}</tbody></table></div>
</section>
${manage
  ? html`<section class="card" aria-labelledby="add-title">
  <h2 id="add-title">Add a member</h2>
  <form method="post" action="/app/organizations/${organizationId}/members" class="row">
    ${csrfField(page.csrf)}
    <div class="field grow"><label for="member-email">Email of an existing account</label><input id="member-email" name="email" type="email" value="${view.email ?? ''}" required placeholder="colleague@example.com"></div>
    <div class="field"><label for="member-role">Role</label><select id="member-role" name="role">${roles.map((r) => html`<option value="${r}"${(view.role ?? 'member') === r ? html` selected` : ''}>${r}</option>`)}</select></div>
    <button class="btn btn-primary align-end" type="submit">Add member</button>
  </form>
  <p class="hint">Owners and admins manage members; an organisation always keeps at least one owner. Members of a Team organisation can create its API keys.</p>
</section>`
  : ''}`;
  return send(reply, page, mine.organizationName, body);
}

/** A member's role as a select that submits its own small form. */
function roleForm(organizationId: string, csrf: string, member: Membership, roles: readonly MembershipRole[]): ReturnType<typeof html> {
  const id = `role-${member.userId}`;
  return html`<form method="post" action="/app/organizations/${organizationId}/members/role" class="role-form">${csrfField(csrf)}<input type="hidden" name="email" value="${member.email}"><label class="sr-only" for="${id}">Role of ${member.email}</label><select id="${id}" name="role">${roles.map((r) => html`<option value="${r}"${member.role === r ? html` selected` : ''}>${r}</option>`)}</select><button class="btn btn-small" type="submit">Change</button></form>`;
}
