// Diagrams: the folder tree and diagram list, a diagram's page (light/dark image, downloads), import,
// generate from a description, and the bpmn-js modeler saving back as a new version. The pages are in views.ts.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DiagramPage } from '../../../services/diagrams.ts';
import type { FolderRow } from '../../../services/folders.ts';
import { actorOf, type Actor } from '../../../services/tenancy.ts';
import { DASHBOARD_ROUTES, field, type SignedIn, type WebContext } from '../../context.ts';
import type { Refill } from '../../error-handler.ts';
import { PageError, refusalFrom } from '../../error-page.ts';
import { noticeOf } from '../../notices.ts';
import { diagramImage } from '../../../services/images.ts';
import { imageOptionsOf, sendImage } from './image-reply.ts';
import { browserPage, diagramPage, modelerPage, openPanel, PANELS, type BrowserView, type DiagramView, type GenerationAllowance, type Panel } from './views.ts';

const PAGE = 100;
const LIST_LIMIT = 500;

export const diagramRoutes = fp(diagramPages, { name: 'jfi-diagram-pages', ...DASHBOARD_ROUTES });

async function diagramPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  // '/app' itself; '/app/' stays the scope's 404 as before.
  app.get('/', { prefixTrailingSlash: 'no-slash' }, async (request, reply) => {
    const { signedIn } = request;
    const query = request.query as Record<string, unknown>;
    const notice = query.welcome ? `Welcome, ${signedIn.user.name}! Import a BPMN file or describe a process to create your first diagram.` : noticeOf(query, NOTICES);
    return sendBrowser(reply, signedIn, null, { notice, open: panelOf(query) });
  });

  app.get('/folders/:id', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sendBrowser(reply, request.signedIn, idOf(request), { notice: noticeOf(query, NOTICES), open: panelOf(query) });
  });

  const refillNewFolder: Refill = (request, reply, refusal) => {
    const values = folderForm(request);
    return sendBrowser(reply, request.signedIn, values.parent_id || null, { error: refusal.message, open: 'folder', values });
  };

  app.post('/folders', { config: { refill: refillNewFolder } }, async (request, reply) => {
    const values = folderForm(request);
    const folder = await services.folders.create(actor(request.signedIn), { name: values.name, parent_id: values.parent_id || null, context: values.context });
    return reply.redirect(`/app/folders/${folder.id}?notice=created`, 303);
  });

  const refillFolderSettings: Refill = (request, reply, refusal) =>
    sendBrowser(reply, request.signedIn, idOf(request), { error: refusal.message, open: 'edit-folder', values: folderForm(request) });

  app.post('/folders/:id', { config: { refill: refillFolderSettings } }, async (request, reply) => {
    const id = idOf(request);
    const values = folderForm(request);
    await services.folders.update(actor(request.signedIn), id, { name: values.name, parent_id: values.parent_id || null, context: values.context });
    return reply.redirect(`/app/folders/${id}?notice=saved`, 303);
  });

  const refillFolderDelete: Refill = (request, reply, refusal) =>
    sendBrowser(reply, request.signedIn, idOf(request), { error: `${refusal.message} Move or delete what is inside first.` });

  app.post('/folders/:id/delete', { config: { refill: refillFolderDelete } }, async (request, reply) => {
    const { owner } = actor(request.signedIn);
    const folder = await services.folders.get(owner, idOf(request));
    await services.folders.delete(owner, folder.id);
    return reply.redirect(folder.parent_id ? `/app/folders/${folder.parent_id}?notice=deleted` : '/app?notice=deleted', 303);
  });

  const refillImport: Refill = (request, reply, refusal) => {
    const values = importForm(request);
    return sendBrowser(reply, request.signedIn, values.folder_id || null, { error: `Import failed: ${refusal.message}`, open: 'import', values });
  };

  app.post('/diagrams/import', { config: { refill: refillImport } }, async (request, reply) => {
    const values = importForm(request);
    const xml = values.bpmn_xml;
    if (!xml.trim()) throw new PageError(422, 'Choose a .bpmn file (or paste BPMN 2.0 XML) to import.', 'bpmn_xml');
    const diagram = await services.diagrams.importXml(actor(request.signedIn), {
      bpmn_xml: xml,
      folder_id: values.folder_id || null,
      ...(values.name.trim() ? { name: values.name } : {}),
    });
    return reply.redirect(`/app/diagrams/${diagram.id}?notice=imported`, 303);
  });

  // A refused generation is shown in the form as 422, except what the user must wait for or cannot do.
  const refillGenerate: Refill = (request, reply, refusal) => {
    const values = generateForm(request);
    reply.code([403, 404, 429].includes(refusal.status) ? refusal.status : 422);
    if (refusal.retryAfter) reply.header('Retry-After', refusal.retryAfter);
    return sendBrowser(reply, request.signedIn, values.folder_id || null, { error: `Could not generate a diagram: ${refusal.message}`, open: 'generate', values });
  };

  // The same generation as POST /generations (worker pool, folder contexts, a generation record), charged to the
  // workspace: the service applies the plan rule and the dashboard quota; the burst limit is counted here.
  app.post('/diagrams/generate', { config: { refill: refillGenerate } }, async (request, reply) => {
    const { signedIn } = request;
    const values = generateForm(request);
    const folderId = values.folder_id || null;
    const burst = await context.generationBurst.hit(`${signedIn.workspace.tenant.kind}:${signedIn.workspace.tenant.id}`, context.clock.now());
    if (!burst.allowed) {
      const error = `Too many generations in a minute for this workspace. Try again in ${burst.retryAfterSeconds} seconds.`;
      reply.header('Retry-After', String(burst.retryAfterSeconds));
      return sendBrowser(reply.code(429), signedIn, folderId, { error, open: 'generate', values });
    }
    const { diagram } = await services.generations.create(actor(signedIn), null, {
      prompt: values.prompt,
      folder_id: folderId,
      ...(values.name.trim() ? { name: values.name } : {}),
    });
    return reply.redirect(`/app/diagrams/${diagram.id}?notice=generated`, 303);
  });

  app.get('/diagrams/:id', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sendDiagram(reply, request.signedIn, idOf(request), { theme: query.theme === 'dark' ? 'dark' : 'light', notice: noticeOf(query, NOTICES), page: pageOf(query) });
  });

  const refillRename: Refill = (request, reply, refusal) =>
    sendDiagram(reply, request.signedIn, idOf(request), { theme: 'light', error: refusal.message, values: { name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') } });

  app.post('/diagrams/:id', { config: { refill: refillRename } }, async (request, reply) => {
    const id = idOf(request);
    await services.diagrams.update(actor(request.signedIn), id, { name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') || null }, null);
    return reply.redirect(`/app/diagrams/${id}?notice=saved`, 303);
  });

  app.post('/diagrams/:id/delete', async (request, reply) => {
    const { owner } = actor(request.signedIn);
    const diagram = await services.diagrams.getMeta(owner, idOf(request));
    await services.diagrams.delete(owner, diagram.id);
    return reply.redirect(diagram.folder_id ? `/app/folders/${diagram.folder_id}?notice=diagram-deleted` : '/app?notice=diagram-deleted', 303);
  });

  app.get('/diagrams/:id/image.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    const query = request.query as Record<string, unknown>;
    const base = imageOptionsOf(format, query);
    if (!base) return reply.callNotFound();
    const page = pageOf(query);
    const options = { ...base, ...(page ? { page } : {}) };
    const owner = actor(request.signedIn).owner;
    const subject = await diagramImage(services, owner, idOf(request))(options);
    const download = query.download ? `${fileName((await services.diagrams.getMeta(owner, idOf(request))).name)}.${format}` : null;
    return sendImage(request, reply, subject, download);
  });

  app.get('/diagrams/:id/export.bpmn', async (request, reply) => {
    const row = await services.diagrams.getWithXml(actor(request.signedIn).owner, idOf(request));
    // Always an attachment in a sandbox: XHTML in extension elements (a script, a meta refresh) must never act
    // on the dashboard's origin. The modeler reads it with fetch, which ignores both.
    reply.header('Content-Disposition', `attachment; filename="${fileName(row.name)}.bpmn"`).header('Content-Security-Policy', 'sandbox');
    return reply.header('Cache-Control', 'no-store').header('X-Diagram-Version', String(row.version)).type('application/xml; charset=utf-8').send(row.bpmn_xml);
  });

  app.get('/diagrams/:id/edit', async (request, reply) => {
    const { owner } = actor(request.signedIn);
    const diagram = await services.diagrams.getMeta(owner, idOf(request));
    const pages = await services.diagrams.pages(owner, diagram.id);
    const page = pickPage(pages, pageOf(request.query as Record<string, unknown>));
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(modelerPage(request.signedIn, diagram, { pages, page }));
  });

  // The modeler's save (with fetch, answered in JSON): a new version only if nobody saved in between.
  const refuseSave: Refill = (_request, reply, refusal) => reply.send({ error: refusal.message, code: refusal.code });

  app.post('/diagrams/:id/xml', { config: { fetched: true, refill: refuseSave } }, async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const xml = typeof body?.bpmn_xml === 'string' ? body.bpmn_xml : '';
    const version = typeof body?.version === 'number' ? body.version : null;
    const saved = await services.diagrams.update(actor(request.signedIn), idOf(request), { bpmn_xml: xml }, version);
    return reply.send({ version: saved.version });
  });

  async function allFolders(signedIn: SignedIn): Promise<FolderRow[]> {
    const rows: FolderRow[] = [];
    for (;;) {
      const last = rows[rows.length - 1];
      const batch = await services.folders.page(actor(signedIn).owner, undefined, last ? { createdAt: last.created_at, id: last.id } : null, PAGE);
      rows.push(...batch);
      if (batch.length < PAGE || rows.length >= LIST_LIMIT) return rows;
    }
  }

  async function generationAllowance(signedIn: SignedIn): Promise<GenerationAllowance> {
    const workspace = { tenantType: signedIn.workspace.tenant.kind, tenantId: signedIn.workspace.tenant.id };
    const refusal = await refusalFrom(services.quota.requireGenerationPlan(workspace));
    if (refusal) return { refused: refusal.message };
    return services.quota.readWorkspace(workspace, new Date(context.clock.now()));
  }

  async function sendBrowser(reply: FastifyReply, signedIn: SignedIn, folderId: string | null, view: BrowserView): Promise<FastifyReply> {
    const { owner } = actor(signedIn);
    const folders = await allFolders(signedIn);
    const current = folderId ? await services.folders.get(owner, folderId) : null;
    const lineage = folderId ? await services.folders.lineage(owner, folderId) : [];
    const diagrams = await services.diagrams.page(owner, folderId, null, PAGE);
    const allowance = openPanel(view, { folders, folderId, diagrams }) === 'generate' ? await generationAllowance(signedIn) : null;
    const page = browserPage(signedIn, { folderId, folders, current, lineage, diagrams, allowance }, view);
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
  }

  async function sendDiagram(reply: FastifyReply, signedIn: SignedIn, id: string, view: DiagramView): Promise<FastifyReply> {
    const { owner } = actor(signedIn);
    const diagram = await services.diagrams.get(owner, id);
    const folders = await allFolders(signedIn);
    const lineage = diagram.folder_id ? await services.folders.lineage(owner, diagram.folder_id) : [];
    const pages = await services.diagrams.pages(owner, id);
    const page = pickPage(pages, view.page);
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(diagramPage(signedIn, diagram, { folders, lineage, pages, page }, view));
  }
}

export function actor(signedIn: SignedIn): Actor {
  return actorOf(signedIn.workspace.tenant, signedIn.workspace.mode, signedIn.user.id);
}

function folderForm(request: FastifyRequest) {
  return { name: field(request.body, 'name'), parent_id: field(request.body, 'parent_id'), context: field(request.body, 'context') };
}

function importForm(request: FastifyRequest) {
  return { name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id'), bpmn_xml: field(request.body, 'bpmn_xml') };
}

function generateForm(request: FastifyRequest) {
  return { prompt: field(request.body, 'prompt'), name: field(request.body, 'name'), folder_id: field(request.body, 'folder_id') };
}

/** The `diagram` query parameter: a page (BPMNDiagram id) of a multi-page document. */
function pageOf(query: Record<string, unknown>): string | undefined {
  return typeof query.diagram === 'string' && query.diagram !== '' ? query.diagram : undefined;
}

/** The page asked for when the document has it, else the first (what renders by default); null without pages. */
function pickPage(pages: DiagramPage[], asked: string | undefined): DiagramPage | null {
  return pages.find((page) => page.id === asked) ?? pages[0] ?? null;
}

function panelOf(query: Record<string, unknown>): Panel | undefined {
  return PANELS.find((panel) => panel === query.panel);
}

export function idOf(request: FastifyRequest): string {
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
