// Settings → API keys: create (secret shown once), list, revoke with confirmation; plan_required explained.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SCOPES, type Mode, type Scope } from '../../services/auth-types.ts';
import type { ApiKeyRecord } from '../../services/keys.ts';
import { DASHBOARD_ROUTES, field, fields, type SignedIn, type WebContext } from '../context.ts';
import type { Refill } from '../error-handler.ts';
import { PageError } from '../error-page.ts';
import { html, type Html } from '../html.ts';
import { canManageOrganization, spaceName, type Workspace } from '../workspace.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from './layout.ts';
import { operatorCommand } from './operator.ts';

const SCOPE_HELP: Record<Scope, string> = {
  'diagrams:read': 'Read diagrams and render their images',
  'diagrams:write': 'Create, update and delete diagrams',
  'folders:read': 'Read folders',
  'folders:write': 'Create, update and delete folders',
  generate: 'Generate diagrams from a description',
};

interface KeyForm {
  name: string;
  mode: Mode;
  scopes: string[];
  expiresInDays: string;
}

interface KeysView {
  keys: ApiKeyRecord[];
  form: KeyForm;
  error?: { message: string; param: string | null };
  created?: { key: ApiKeyRecord; secret: string };
  notice?: string;
}

export const keyRoutes = fp(keyPages, { name: 'jfi-key-pages', ...DASHBOARD_ROUTES });

async function keyPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  app.get('/settings/keys', async (request, reply) => {
    const { signedIn } = request;
    const keys = await services.keys.listKeys(signedIn.workspace.tenant);
    // The key is looked up, never echoed: only a key of this workspace that is revoked gives a notice.
    const revokedId = (request.query as Record<string, unknown>).revoked;
    const revoked = keys.find((key) => key.id === revokedId && key.revokedAt !== null);
    const notice = revoked ? `Key ${revoked.name} was revoked. Requests with it now get 401 revoked_api_key.` : undefined;
    return sendPage(reply, signedIn, { keys, form: emptyForm(signedIn.workspace.mode), ...(notice ? { notice } : {}) });
  });

  // A refused key comes back as the form as it was filled in, the reason beside its field.
  const refillKeyForm: Refill = async (request, reply, refusal) => {
    const keys = await services.keys.listKeys(request.signedIn.workspace.tenant);
    return sendPage(reply, request.signedIn, { keys, form: keyForm(request), error: { message: refusal.message, param: refusal.param } });
  };

  app.post('/settings/keys', { config: { refill: refillKeyForm } }, async (request, reply) => {
    const { signedIn } = request;
    const { workspace } = signedIn;
    const form = keyForm(request);
    const expiresInDays = form.expiresInDays === '' ? null : Number(form.expiresInDays);
    if (expiresInDays !== null && !Number.isInteger(expiresInDays)) {
      throw new PageError(400, 'Expiry must be a whole number of days, or empty for no expiry.', 'expires_in_days');
    }
    const created = await services.keys.createKey({
      userId: workspace.user.id,
      organizationId: workspace.organization?.organizationId ?? null,
      name: form.name,
      mode: form.mode,
      scopes: form.scopes,
      expiresInDays,
    });
    return sendPage(reply, signedIn, { keys: await services.keys.listKeys(workspace.tenant), form: emptyForm(workspace.mode), created });
  });

  app.get('/settings/keys/:id/revoke', async (request, reply) => {
    const { workspace, csrf } = request.signedIn;
    const key = await findKey(context, workspace, (request.params as { id: string }).id);
    const body = html`${pageHeader('Revoke API key')}
<section class="card danger-card">
  <h2>Revoke “${key.name}”?</h2>
  <p>Key <code>${key.hint}</code> (${key.mode}) stops working at once: every request with it gets <code>401 revoked_api_key</code>. This cannot be undone.</p>
  <form method="post" action="/app/settings/keys/${key.id}/revoke" class="row">
    ${csrfField(csrf)}
    <button class="btn btn-danger" type="submit" autofocus>Revoke key</button>
    <a class="btn btn-ghost" href="/app/settings/keys">Cancel</a>
  </form>
</section>`;
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(appPage({ title: 'Revoke API key', workspace, csrf, active: 'keys' }, body));
  });

  app.post('/settings/keys/:id/revoke', async (request, reply) => {
    const { workspace, csrf } = request.signedIn;
    const key = await findKey(context, workspace, (request.params as { id: string }).id);
    if (!mayRevoke(workspace, key)) {
      return reply.code(403).type('text/html; charset=utf-8').send(appPage({ title: 'Not allowed', workspace, csrf, active: 'keys' }, html`${pageHeader('Not allowed')}${flash('Only organization owners and admins can revoke keys that other members created.', 'error')}`));
    }
    await services.keys.revokeKey(key.id, workspace.tenant);
    return reply.redirect(`/app/settings/keys?revoked=${key.id}`, 303);
  });
}

function keyForm(request: FastifyRequest): KeyForm {
  return {
    name: field(request.body, 'name'),
    mode: field(request.body, 'mode') === 'test' ? 'test' : 'live',
    scopes: fields(request.body, 'scopes'),
    expiresInDays: field(request.body, 'expires_in_days').trim(),
  };
}

async function findKey(context: WebContext, workspace: Workspace, id: string): Promise<ApiKeyRecord> {
  const key = (await context.services.keys.listKeys(workspace.tenant)).find((k) => k.id === id);
  if (!key) throw new PageError(404, 'No such API key in this workspace.');
  return key;
}

function mayRevoke(workspace: Workspace, key: ApiKeyRecord): boolean {
  return workspace.organization === null || canManageOrganization(workspace) || key.createdBy === workspace.user.id;
}

function emptyForm(mode: Mode): KeyForm {
  return { name: '', mode, scopes: ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'], expiresInDays: '' };
}

function sendPage(reply: FastifyReply, signedIn: SignedIn, view: KeysView): FastifyReply {
  const body = html`${pageHeader('API keys', html`Keys for <strong>${spaceName(signedIn.workspace)}</strong>. Use them from your servers only — the API sends no CORS headers.`)}
${flash(view.notice)}
${view.created ? secretOnce(view.created, signedIn.baseUrl) : ''}
${eligibility(signedIn.workspace) ?? createForm(signedIn, view)}
${keyList(signedIn.workspace, view.keys)}`;
  return reply
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(appPage({ title: 'API keys', workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'keys' }, body));
}

function secretOnce(created: { key: ApiKeyRecord; secret: string }, baseUrl: string): Html {
  return html`<section class="card secret-card" aria-labelledby="secret-title">
  <h2 id="secret-title">Your new key “${created.key.name}”</h2>
  <p class="warning"><strong>Copy it now.</strong> This is the only time the secret is shown — we store only its SHA-256 hash. If you lose it, revoke it and create another.</p>
  <div class="secret-row">
    <label class="sr-only" for="new-secret">Secret key</label>
    <input id="new-secret" class="secret" type="text" readonly value="${created.secret}" data-select-on-focus>
    <button class="btn btn-primary" type="button" data-copy="#new-secret">Copy</button>
  </div>
  <p class="hint">Try it: <code>curl ${baseUrl}/api/v1/key -H "Authorization: Bearer $JFI_KEY"</code></p>
</section>`;
}

/** Why this workspace cannot create keys (plan_required), or null when it can. */
function eligibility(workspace: Workspace): Html | null {
  if (!workspace.organization) {
    if (workspace.user.plan === 'pro') return null;
    return html`<section class="card plan-card" id="plan-required">
  <h2>API keys need the Pro plan</h2>
  <p>Your personal space is on the <strong>Free</strong> plan. The API answers <code>403 plan_required</code> for free plans, so personal keys cannot be created yet.</p>
  <p>Plans are changed by an operator of this installation. Ask them to run:</p>
  ${operatorCommand(`user set-plan --email ${workspace.user.email} --plan pro`)}
  <p class="hint">Or create a key in an organization on the Team plan: switch to it in the top bar. <a href="/app/settings/billing">See billing</a>.</p>
</section>`;
  }
  if (workspace.organization.organizationPlan === 'team') return null;
  return html`<section class="card plan-card" id="plan-required">
  <h2>Organization keys need the Team plan</h2>
  <p><strong>${workspace.organization.organizationName}</strong> is on the <strong>Free</strong> plan. The API answers <code>403 plan_required</code> for free plans, so its members cannot create keys yet.</p>
  <p>Plans are changed by an operator of this installation. Ask them to run:</p>
  ${operatorCommand(`org set-plan --org ${workspace.organization.organizationId} --plan team`)}
</section>`;
}

function createForm(signedIn: SignedIn, view: KeysView): Html {
  const { form, error } = view;
  const errorFor = (param: string) => (error && error.param === param ? html`<p class="field-error" id="err-${param}">${error.message}</p>` : '');
  const general = error && !['name', 'scopes', 'expires_in_days', 'mode'].includes(error.param ?? '') ? error.message : null;
  return html`<section class="card" aria-labelledby="create-title">
  <h2 id="create-title">Create a key</h2>
  ${flash(general, 'error')}
  <form method="post" action="/app/settings/keys" class="key-form" novalidate>
    ${csrfField(signedIn.csrf)}
    <div class="grid-2">
      <div class="field${error?.param === 'name' ? ' has-error' : ''}">
        <label for="key-name">Name</label>
        <input id="key-name" name="name" type="text" maxlength="100" value="${form.name}" placeholder="e.g. CI pipeline" required${error?.param === 'name' ? html` aria-invalid="true" aria-describedby="err-name"` : ''}>
        ${errorFor('name')}
      </div>
      <div class="field${error?.param === 'expires_in_days' ? ' has-error' : ''}">
        <label for="key-expiry">Expires after (days)</label>
        <input id="key-expiry" name="expires_in_days" type="number" min="1" max="3650" inputmode="numeric" value="${form.expiresInDays}" placeholder="Never"${error?.param === 'expires_in_days' ? html` aria-invalid="true"` : ''} aria-describedby="key-expiry-hint${error?.param === 'expires_in_days' ? ' err-expires_in_days' : ''}">
        <p class="hint" id="key-expiry-hint">Optional, 1–3650. Leave empty for a key that does not expire.</p>
        ${errorFor('expires_in_days')}
      </div>
    </div>
    <fieldset class="field">
      <legend>Mode</legend>
      <div class="radio-row">
        <label class="choice"><input type="radio" name="mode" value="live"${form.mode === 'live' ? html` checked` : ''}> <span><strong>Live</strong> — production data (<code>jfi_sk_live_…</code>)</span></label>
        <label class="choice"><input type="radio" name="mode" value="test"${form.mode === 'test' ? html` checked` : ''}> <span><strong>Test</strong> — staging data (<code>jfi_sk_test_…</code>)</span></label>
      </div>
    </fieldset>
    <fieldset class="field${error?.param === 'scopes' ? ' has-error' : ''}">
      <legend>Scopes</legend>
      <div class="scope-grid">
        ${SCOPES.map(
          (scope, index) => html`<label class="choice"><input type="checkbox" name="scopes" value="${scope}"${form.scopes.includes(scope) ? html` checked` : ''}${index === 0 && error?.param === 'scopes' ? html` aria-invalid="true" aria-describedby="err-scopes"` : ''}> <span><code>${scope}</code><small>${SCOPE_HELP[scope]}</small></span></label>`,
        )}
      </div>
      ${errorFor('scopes')}
    </fieldset>
    <div class="form-actions"><button class="btn btn-primary" type="submit">Create key</button></div>
  </form>
</section>`;
}

function status(key: ApiKeyRecord): Html {
  if (key.revokedReason === 'member_left') return html`<span class="badge badge-muted">Revoked</span> <small class="hint">its creator left</small>`;
  if (key.revokedAt) return html`<span class="badge badge-muted">Revoked</span>`;
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return html`<span class="badge badge-muted">Expired</span>`;
  return html`<span class="badge badge-ok">Active</span>`;
}

function keyList(workspace: Workspace, keys: ApiKeyRecord[]): Html {
  if (keys.length === 0) {
    return html`<section class="card empty-state"><h2>No keys yet</h2><p>Keys you create for ${spaceName(workspace)} appear here with their hint, scopes and last use.</p></section>`;
  }
  return html`<section class="card table-card" aria-labelledby="keys-title">
  <h2 id="keys-title">Keys</h2>
  <div class="table-scroll"><table class="table">
    <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Mode</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
    <tbody>
    ${keys.map(
      (key) => html`<tr${key.revokedAt ? html` class="muted"` : ''}>
      <td class="strong">${key.name}</td>
      <td><code>${key.hint}</code></td>
      <td><span class="badge badge-${key.mode}">${key.mode}</span></td>
      <td class="scopes">${key.scopes.map((s) => html`<code>${s}</code> `)}</td>
      <td>${formatDate(key.createdAt)}</td>
      <td>${key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}</td>
      <td>${key.expiresAt ? formatDate(key.expiresAt) : 'Never'}</td>
      <td>${status(key)}</td>
      <td class="actions">${key.revokedAt || !mayRevoke(workspace, key) ? '' : html`<a class="btn btn-small btn-danger-ghost" href="/app/settings/keys/${key.id}/revoke" aria-label="Revoke ${key.name}">Revoke</a>`}</td>
    </tr>`,
    )}
    </tbody>
  </table></div>
</section>`;
}
