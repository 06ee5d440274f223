// Diagrams: the folder tree and diagram list, a diagram's page (light/dark image, downloads), import,
// generate from a description, and the bpmn-js modeler saving back as a new version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from '../../errors.ts';
import { httpStatus, httpHeaders } from '../../api/plugins/errors.ts';
import type { FolderRow } from '../../store/schema.ts';
import type { DiagramMeta } from '../../store/repositories/diagrams.ts';
import { actorOf, type Actor } from '../../services/tenancy.ts';
import { noticeOf } from '../notices.ts';
import { field, signedIn, type SignedIn, type WebContext } from '../context.ts';
import { html, type Html } from '../html.ts';
import { spaceName } from '../workspace.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from './layout.ts';

const PAGE = 100;
const PANELS = ['generate', 'import', 'folder', 'edit-folder'] as const;
type Panel = (typeof PANELS)[number];
const LIST_LIMIT = 500;

interface BrowserView {
  notice?: string | null;
  error?: string | null;
  /** Which panel to open after an error, with what the user typed. */
  open?: Panel | undefined;
  values?: Record<string, string>;
}

export async function diagramRoutes(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  app.get('/app', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const query = request.query as Record<string, unknown>;
    const notice = query.welcome ? `Welcome, ${page.user.name}! Import a BPMN file or describe a process to create your first diagram.` : noticeOf(query, NOTICES);
    return sendBrowser(reply, page, null, { notice, open: panelOf(query) });
  });

  app.get('/app/folders/:id', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const query = request.query as Record<string, unknown>;
    return sendBrowser(reply, page, idOf(request), { notice: noticeOf(query, NOTICES), open: panelOf(query) });
  });

  app.post('/app/folders', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const values = { name: field(request.body, 'name'), parent_id: field(request.body, 'parent_id'), context: field(request.body, 'context') };
    const parentId = values.parent_id || null;
    try {
      const folder = await services.folders.create(actor(page), { name: values.name, parent_id: parentId, context: values.context });
      return reply.redirect(`/app/folders/${folder.id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendBrowser(reply.code(httpStatus(error)), page, parentId, { error: error.message, open: 'folder', values });
    }
  });

  app.post('/app/folders/:id', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = idOf(request);
    const values = { name: field(request.body, 'name'), parent_id: field(request.body, 'parent_id'), context: field(request.body, 'context') };
    try {
      await services.folders.update(actor(page), id, { name: values.name, parent_id: values.parent_id || null, context: values.context });
      return reply.redirect(`/app/folders/${id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendBrowser(reply.code(httpStatus(error)), page, id, { error: error.message, open: 'edit-folder', values });
    }
  });

  app.post('/app/folders/:id/delete', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = idOf(request);
    const folder = await services.folders.get(actor(page).owner, id);
    try {
      await services.folders.delete(actor(page).owner, id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendBrowser(reply.code(httpStatus(error)), page, id, { error: `${error.message} Move or delete what is inside first.` });
    }
    return reply.redirect(folder.parent_id ? `/app/folders/${folder.parent_id}?notice=deleted` : '/app?notice=deleted', 303);
  });

  app.post('/app/diagrams/import', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const values = { name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') };
    const xml = field(request.body, 'bpmn_xml');
    try {
      if (!xml.trim()) throw new ValidationError('Choose a .bpmn file (or paste BPMN 2.0 XML) to import.', 'bpmn_xml');
      const diagram = await services.diagrams.importXml(actor(page), {
        bpmn_xml: xml,
        folder_id: values.folder_id || null,
        ...(values.name.trim() ? { name: values.name } : {}),
      });
      return reply.redirect(`/app/diagrams/${diagram.id}?notice=imported`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendBrowser(reply.code(httpStatus(error)), page, values.folder_id || null, { error: `Import failed: ${error.message}`, open: 'import', values });
    }
  });

  // The same generation as POST /generations (worker pool, folder contexts, a generation record), charged to the
  // workspace: the service applies the plan rule and the dashboard quota; the burst limit is counted here.
  app.post('/app/diagrams/generate', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const values = { prompt: field(request.body, 'prompt'), name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') };
    const folderId = values.folder_id || null;
    const burst = await context.generationBurst.hit(`${page.workspace.tenant.kind}:${page.workspace.tenant.id}`, context.clock.now());
    if (!burst.allowed) {
      const error = `Too many generations in a minute for this workspace. Try again in ${burst.retryAfterSeconds} seconds.`;
      reply.header('Retry-After', String(burst.retryAfterSeconds));
      return sendBrowser(reply.code(429), page, folderId, { error, open: 'generate', values });
    }
    try {
      const { diagram } = await services.generations.create(actor(page), null, {
        prompt: values.prompt,
        folder_id: folderId,
        ...(values.name.trim() ? { name: values.name } : {}),
      });
      return reply.redirect(`/app/diagrams/${diagram.id}?notice=generated`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = [403, 404, 429].includes(httpStatus(error)) ? httpStatus(error) : 422;
      if (httpHeaders(error)['Retry-After']) reply.header('Retry-After', httpHeaders(error)['Retry-After']);
      return sendBrowser(reply.code(status), page, folderId, { error: `Could not generate a diagram: ${error.message}`, open: 'generate', values });
    }
  });

  app.get('/app/diagrams/:id', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const query = request.query as Record<string, unknown>;
    return sendDiagram(reply, page, idOf(request), { theme: query.theme === 'dark' ? 'dark' : 'light', notice: noticeOf(query, NOTICES) });
  });

  app.post('/app/diagrams/:id', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const id = idOf(request);
    try {
      await services.diagrams.update(actor(page), id, { name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') || null }, null);
      return reply.redirect(`/app/diagrams/${id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendDiagram(reply.code(httpStatus(error)), page, id, { theme: 'light', error: error.message });
    }
  });

  app.post('/app/diagrams/:id/delete', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const owner = actor(page).owner;
    const diagram = await services.diagrams.getMeta(owner, idOf(request));
    await services.diagrams.delete(owner, diagram.id);
    return reply.redirect(diagram.folder_id ? `/app/folders/${diagram.folder_id}?notice=diagram-deleted` : '/app?notice=diagram-deleted', 303);
  });

  app.get('/app/diagrams/:id/image.:format', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const { format } = request.params as { format: string };
    const query = request.query as Record<string, unknown>;
    if (format !== 'svg' && format !== 'png') return reply.callNotFound();
    const row = await services.diagrams.getWithXml(actor(page).owner, idOf(request));
    const options = { format, theme: query.theme === 'dark' ? 'dark' : 'light', scale: format === 'png' ? 2 : 1 } as const;
    const etag = services.images.etag(row, options);
    reply.header('ETag', etag).header('Cache-Control', 'private, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const image = await services.images.render(row, options);
    if (query.download) reply.header('Content-Disposition', `attachment; filename="${fileName(row.name)}.${format}"`);
    return reply.type(image.contentType).send(image.body);
  });

  app.get('/app/diagrams/:id/export.bpmn', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const row = await services.diagrams.getWithXml(actor(page).owner, idOf(request));
    // Always an attachment in a sandbox: XHTML in extension elements (a script, a meta refresh) must never act
    // on the dashboard's origin. The modeler reads it with fetch, which ignores both.
    reply.header('Content-Disposition', `attachment; filename="${fileName(row.name)}.bpmn"`).header('Content-Security-Policy', 'sandbox');
    return reply.header('Cache-Control', 'no-store').header('X-Diagram-Version', String(row.version)).type('application/xml; charset=utf-8').send(row.bpmn_xml);
  });

  app.get('/app/diagrams/:id/edit', async (request, reply) => {
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const diagram = await services.diagrams.getMeta(actor(page).owner, idOf(request));
    const body = html`<div class="modeler-bar">
  <a class="btn btn-ghost btn-small" href="/app/diagrams/${diagram.id}">← Back</a>
  <h1>${diagram.name}</h1>
  <span class="save-status" id="save-status" role="status" aria-live="polite">Version ${diagram.version}</span>
  <button class="btn btn-primary" id="save" type="button" disabled>Save as new version</button>
</div>
<div class="modeler" id="modeler" data-source="/app/diagrams/${diagram.id}/export.bpmn" data-save="/app/diagrams/${diagram.id}/xml" data-version="${diagram.version}" data-csrf="${page.csrf}"></div>`;
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        appPage(
          {
            title: `Edit ${diagram.name}`,
            workspace: page.workspace,
            csrf: page.csrf,
            active: 'diagrams',
            wide: true,
            styles: ['/vendor/bpmn-js/assets/diagram-js.css', '/vendor/bpmn-js/assets/bpmn-js.css', '/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css'],
            scripts: ['/vendor/bpmn-js/bpmn-modeler.production.min.js', '/assets/modeler.js'],
          },
          body,
        ),
      );
  });

  // The modeler's save: a new version only if nobody saved in between (optimistic concurrency).
  app.post('/app/diagrams/:id/xml', async (request, reply) => {
    if (!request.webUser) return reply.code(401).send({ error: 'Your session ended. Sign in again in another tab, then save.' });
    const page = await signedIn(context, request, reply);
    if (!page) return reply;
    const body = request.body as Record<string, unknown> | undefined;
    const xml = typeof body?.bpmn_xml === 'string' ? body.bpmn_xml : '';
    const version = typeof body?.version === 'number' ? body.version : null;
    try {
      const saved = await services.diagrams.update(actor(page), idOf(request), { bpmn_xml: xml }, version);
      return reply.send({ version: saved.version });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return reply.code(httpStatus(error)).send({ error: error.message, code: error.code });
    }
  });

  function actor(page: SignedIn): Actor {
    return actorOf(page.workspace.tenant, page.workspace.mode, page.user.id);
  }

  async function allFolders(page: SignedIn): Promise<FolderRow[]> {
    const rows: FolderRow[] = [];
    for (;;) {
      const last = rows[rows.length - 1];
      const batch = await services.folders.page(actor(page).owner, undefined, last ? { createdAt: last.created_at, id: last.id } : null, PAGE);
      rows.push(...batch);
      if (batch.length < PAGE || rows.length >= LIST_LIMIT) return rows;
    }
  }

  /** What the generate form says about the workspace: how many dashboard generations are left, or why none are. */
  async function generationAllowance(page: SignedIn): Promise<Html> {
    const workspace = { tenantType: page.workspace.tenant.kind, tenantId: page.workspace.tenant.id };
    try {
      await services.quota.requireGenerationPlan(workspace);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return html`<p class="hint" id="gen-quota">${error.message} An operator sets it with <code>jfi ${page.workspace.organization ? 'org' : 'user'} set-plan</code>.</p>`;
    }
    const usage = await services.quota.readWorkspace(workspace, new Date(context.clock.now()));
    return html`<p class="hint" id="gen-quota">${usage.remaining} of ${usage.limit} generations left in this workspace (rolling ${usage.windowDays} days).</p>`;
  }

  async function sendBrowser(reply: FastifyReply, page: SignedIn, folderId: string | null, view: BrowserView): Promise<FastifyReply> {
    const owner = actor(page).owner;
    const folders = await allFolders(page);
    const current = folderId ? await services.folders.get(owner, folderId) : null;
    const lineage = folderId ? await services.folders.lineage(owner, folderId) : [];
    const diagrams = await services.diagrams.page(owner, folderId, null, PAGE);
    const children = folders.filter((f) => f.parent_id === folderId).sort((a, b) => a.name.localeCompare(b.name));
    const values = view.values ?? {};
    const title = current ? current.name : 'Diagrams';
    const crumbs = html`<nav class="breadcrumbs" aria-label="Folder path"><a href="/app">${spaceName(page.workspace)}</a>${lineage.map((f) => html` / ${f.id === folderId ? html`<span>${f.name}</span>` : html`<a href="/app/folders/${f.id}">${f.name}</a>`}`)}</nav>`;
    const here = folderId ? `/app/folders/${folderId}` : '/app';
    const empty = diagrams.length === 0 && children.length === 0;
    // An empty folder opens the generate form: the likeliest next step.
    const open: Panel | undefined = view.open ?? (empty ? 'generate' : undefined);
    const action = (panel: Panel, label: string, primary = false) =>
      html`<a class="btn${primary ? ' btn-primary' : ''}${open === panel ? ' pressed' : ''}" href="${open === panel ? here : `${here}?panel=${panel}`}" aria-expanded="${open === panel}">${label}</a>`;
    const header = pageHeader(
      title,
      current?.context ? html`<span title="Folder context steers generation">Context: ${current.context}</span>` : `${diagrams.length} diagram${diagrams.length === 1 ? '' : 's'}${children.length ? `, ${children.length} folder${children.length === 1 ? '' : 's'}` : ''} in ${page.workspace.mode} mode`,
      html`${action('generate', 'Generate', true)}${action('import', 'Import .bpmn')}${action('folder', current ? 'New sub-folder' : 'New folder')}${current ? action('edit-folder', 'Folder settings') : ''}`,
    );
    const folderOptions = (selected: string | null, exclude?: string) =>
      html`<option value="">Top level</option>${folderTreeOptions(folders, null, 0, selected, exclude)}`;
    const generation = open === 'generate' ? await generationAllowance(page) : null;
    const body = html`${crumbs}${header}
${flash(view.notice)}${flash(view.error, 'error')}
<div class="browser">
  <aside class="card tree" aria-label="Folders">
    <h2>Folders</h2>
    <ul><li><a href="/app" class="${folderId === null ? 'active' : ''}">All top-level</a></li></ul>
    ${folderTree(folders, null, folderId)}
  </aside>
  <div>
    ${open === 'generate'
      ? html`<section class="card panel" aria-labelledby="panel-generate"><h2 id="panel-generate">Generate from a description</h2><form method="post" action="/app/diagrams/generate">
        ${csrfField(page.csrf)}<input type="hidden" name="folder_id" value="${folderId ?? ''}">
        <div class="field"><label for="gen-prompt">Describe the process</label><textarea id="gen-prompt" name="prompt" required maxlength="20000" placeholder="When an order arrives, Sales checks the customer's credit. If it is approved, the warehouse ships the goods; otherwise Sales informs the customer.">${values.prompt ?? ''}</textarea>
        <p class="hint">Who does what, in order; say “if … otherwise …” for decisions and “meanwhile” for parallel work.${lineage.some((f) => f.context) ? ' The context of this folder and its parents is used.' : ''} <a href="/docs/generate">Tips</a></p></div>
        <div class="row"><div class="field grow"><label for="gen-name">Name (optional)</label><input id="gen-name" name="name" type="text" value="${values.name ?? ''}"></div><button class="btn btn-primary align-end" type="submit">Generate diagram</button></div>
        ${generation}
      </form></section>`
      : ''}
    ${open === 'import'
      ? html`<section class="card panel" aria-labelledby="panel-import"><h2 id="panel-import">Import a .bpmn file</h2><form method="post" action="/app/diagrams/import">
        ${csrfField(page.csrf)}<input type="hidden" name="folder_id" value="${folderId ?? ''}">
        <div class="field"><label for="import-file">BPMN 2.0 file</label><input id="import-file" type="file" accept=".bpmn,.xml,application/xml,text/xml" data-into="#import-xml"></div>
        <div class="field"><label for="import-xml">…or paste the XML</label><textarea id="import-xml" name="bpmn_xml" spellcheck="false" placeholder="&lt;definitions xmlns=&quot;http://www.omg.org/spec/BPMN/20100524/MODEL&quot; …"></textarea></div>
        <div class="row"><div class="field grow"><label for="import-name">Name (optional)</label><input id="import-name" name="name" type="text" value="${values.name ?? ''}"></div><button class="btn btn-primary align-end" type="submit">Import</button></div>
      </form></section>`
      : ''}
    ${open === 'folder'
      ? html`<section class="card panel" aria-labelledby="panel-folder"><h2 id="panel-folder">${current ? `New folder in ${current.name}` : 'New folder'}</h2><form method="post" action="/app/folders">
        ${csrfField(page.csrf)}<input type="hidden" name="parent_id" value="${folderId ?? ''}">
        <div class="field"><label for="folder-name">Name</label><input id="folder-name" name="name" type="text" maxlength="255" required value="${view.open === 'folder' ? values.name ?? '' : ''}"></div>
        <div class="field"><label for="folder-context">Context for generation (optional)</label><textarea id="folder-context" name="context" maxlength="4000" placeholder="We sell B2B software; lanes are Sales, Legal, Finance.">${view.open === 'folder' ? values.context ?? '' : ''}</textarea></div>
        <div class="form-actions"><button class="btn btn-primary" type="submit">Create folder</button></div>
      </form></section>`
      : ''}
    ${current && open === 'edit-folder'
      ? html`<section class="card panel" aria-labelledby="panel-edit"><h2 id="panel-edit">Folder settings</h2><form method="post" action="/app/folders/${current.id}">
        ${csrfField(page.csrf)}
        <div class="grid-2"><div class="field"><label for="edit-name">Name</label><input id="edit-name" name="name" type="text" required value="${values.name ?? current.name}"></div>
        <div class="field"><label for="edit-parent">Parent folder</label><select id="edit-parent" name="parent_id">${folderOptions(current.parent_id, current.id)}</select></div></div>
        <div class="field"><label for="edit-context">Context for generation</label><textarea id="edit-context" name="context" maxlength="4000">${values.context ?? current.context}</textarea></div>
        <div class="form-actions"><button class="btn btn-primary" type="submit">Save folder</button></div>
      </form>
      <form method="post" action="/app/folders/${current.id}/delete" data-confirm="Delete the folder “${current.name}”?">${csrfField(page.csrf)}<button class="btn btn-danger-ghost" type="submit">Delete folder</button> <span class="hint">Only empty folders can be deleted.</span></form></section>`
      : ''}
    ${children.length ? html`<div class="folder-grid">${children.map((f) => html`<a class="folder-card" href="/app/folders/${f.id}"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6h6l2 2h10v11H3z"/></svg>${f.name}</a>`)}</div>` : ''}
    ${diagrams.length
      ? html`<div class="diagram-grid">${diagrams.map(diagramCard)}</div>`
      : html`<section class="card empty-state"><svg class="empty-illustration" viewBox="0 0 84 84" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="3"><rect x="6" y="26" width="26" height="20" rx="5"/><circle cx="70" cy="36" r="8"/><path d="M32 36h30"/><path d="M19 46v20h32"/></svg><h2>No diagrams ${current ? 'in this folder' : 'yet'}</h2><p>Describe a process above and we draw it for you, or import an existing .bpmn file.${page.workspace.mode === 'test' ? ' You are in test mode: these are test data.' : ''}</p></section>`}
  </div>
</div>`;
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(appPage({ title, workspace: page.workspace, csrf: page.csrf, active: 'diagrams' }, body));
  }

  async function sendDiagram(
    reply: FastifyReply,
    page: SignedIn,
    id: string,
    view: { theme: 'light' | 'dark'; notice?: string | null; error?: string },
  ): Promise<FastifyReply> {
    const owner = actor(page).owner;
    const diagram = await services.diagrams.get(owner, id);
    const folders = await allFolders(page);
    const lineage = diagram.folder_id ? await services.folders.lineage(owner, diagram.folder_id) : [];
    const image = `/app/diagrams/${diagram.id}/image`;
    const stats = Object.entries(diagram.stats).filter(([, count]) => typeof count === 'number');
    const body = html`<nav class="breadcrumbs" aria-label="Folder path"><a href="/app">${spaceName(page.workspace)}</a>${lineage.map((f) => html` / <a href="/app/folders/${f.id}">${f.name}</a>`)}</nav>
${pageHeader(
  diagram.name,
  `Version ${diagram.version} · ${diagram.source} · updated ${formatDate(new Date(diagram.updated_at))}`,
  html`<a class="btn btn-primary" href="/app/diagrams/${diagram.id}/edit">Edit in modeler</a>
  <a class="btn" href="${image}.png?theme=${view.theme}&amp;download=1" download>PNG</a>
  <a class="btn" href="${image}.svg?theme=${view.theme}&amp;download=1" download>SVG</a>
  <a class="btn" href="/app/diagrams/${diagram.id}/export.bpmn" download>BPMN</a>`,
)}
${flash(view.notice)}${flash(view.error, 'error')}
<div class="tabs" role="group" aria-label="Theme"><a href="?theme=light" class="${view.theme === 'light' ? 'on' : ''}"${view.theme === 'light' ? html` aria-current="true"` : ''}>Light</a><a href="?theme=dark" class="${view.theme === 'dark' ? 'on' : ''}"${view.theme === 'dark' ? html` aria-current="true"` : ''}>Dark</a></div>
<div class="viewer ${view.theme}"><img src="${image}.svg?theme=${view.theme}&amp;v=${diagram.version}" alt="BPMN diagram: ${diagram.name}"></div>
<div class="grid-2 below">
  <section class="card"><h2>Details</h2>
    <table class="table"><tbody>${stats.map(([name, count]) => html`<tr><td>${name}</td><td class="strong">${String(count)}</td></tr>`)}
    <tr><td>id</td><td><code>${diagram.id}</code></td></tr></tbody></table>
  </section>
  <section class="card"><h2>Rename or move</h2>
    <form method="post" action="/app/diagrams/${diagram.id}">
      ${csrfField(page.csrf)}
      <div class="field"><label for="d-name">Name</label><input id="d-name" name="name" type="text" required value="${diagram.name}"></div>
      <div class="field"><label for="d-folder">Folder</label><select id="d-folder" name="folder_id"><option value="">Top level</option>${folderTreeOptions(folders, null, 0, diagram.folder_id)}</select></div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Save</button></div>
    </form>
    <form method="post" action="/app/diagrams/${diagram.id}/delete" data-confirm="Delete “${diagram.name}”? This cannot be undone.">${csrfField(page.csrf)}<button class="btn btn-danger-ghost" type="submit">Delete diagram</button></form>
  </section>
</div>`;
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(appPage({ title: diagram.name, workspace: page.workspace, csrf: page.csrf, active: 'diagrams' }, body));
  }
}

function panelOf(query: Record<string, unknown>): Panel | undefined {
  return PANELS.find((panel) => panel === query.panel);
}

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

const NOTICES: Record<string, string> = {
  created: 'Folder created.',
  saved: 'Saved.',
  deleted: 'Folder deleted.',
  'diagram-deleted': 'Diagram deleted.',
  imported: 'Diagram imported.',
  generated: 'Diagram generated from your description.',
};

function fileName(name: string): string {
  return name.replace(/[^\w .-]+/g, '_').trim().slice(0, 100) || 'diagram';
}

function diagramCard(diagram: DiagramMeta): Html {
  return html`<a class="diagram-card" href="/app/diagrams/${diagram.id}">
  <div class="thumb"><img src="/app/diagrams/${diagram.id}/image.svg?theme=light&amp;v=${diagram.version}" alt="" loading="lazy"></div>
  <div class="meta"><strong>${diagram.name}</strong><span>v${diagram.version} · ${diagram.source} · ${new Date(diagram.updated_at).toISOString().slice(0, 10)}</span></div>
</a>`;
}

function folderTree(folders: FolderRow[], parentId: string | null, activeId: string | null): Html {
  const children = folders.filter((f) => f.parent_id === parentId).sort((a, b) => a.name.localeCompare(b.name));
  if (children.length === 0) return html``;
  return html`<ul>${children.map(
    (f) => html`<li><a href="/app/folders/${f.id}" class="folder${f.id === activeId ? ' active' : ''}"${f.id === activeId ? html` aria-current="page"` : ''}>${f.name}</a>${folderTree(folders, f.id, activeId)}</li>`,
  )}</ul>`;
}

function folderTreeOptions(folders: FolderRow[], parentId: string | null, depth: number, selected: string | null, exclude?: string): Html {
  const children = folders.filter((f) => f.parent_id === parentId && f.id !== exclude).sort((a, b) => a.name.localeCompare(b.name));
  return html`${children.map(
    (f) => html`<option value="${f.id}"${f.id === selected ? html` selected` : ''}>${'\u00a0\u00a0'.repeat(depth)}${f.name}</option>${folderTreeOptions(folders, f.id, depth + 1, selected, exclude)}`,
  )}`;
}
