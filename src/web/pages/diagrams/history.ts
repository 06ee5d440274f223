// A diagram's History: its versions newest first, a compare of two of them (the marked-up image and the list of
// changes), each version's image, and restoring one after a confirmation. The page is in history-views.ts.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DiagramVersion } from '../../../services/diagram-versions.ts';
import { DASHBOARD_ROUTES, field, type SignedIn, type WebContext } from '../../context.ts';
import type { Refill } from '../../error-handler.ts';
import { refusalOf } from '../../error-page.ts';
import { historyPage, type CompareView, type HistoryView } from './history-views.ts';
import { imageOptionsOf, sendImage } from './image-reply.ts';
import { actor, idOf } from './routes.ts';

/** Versions per page of the list. */
const PAGE = 20;

export const diagramHistoryRoutes = fp(historyPages, { name: 'jfi-diagram-history', ...DASHBOARD_ROUTES });

async function historyPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;

  app.get('/diagrams/:id/history', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const restored = versionOf(query.restored);
    return sendHistory(request, reply, { notice: restored === null ? null : `Version ${restored} restored: its content is now the current version.` });
  });

  // A stale page (someone changed the diagram since it was loaded) is told so on the page, under 409.
  const refillRestore: Refill = (request, reply, refusal) => {
    const error = refusal.code === 'version_conflict'
      ? 'This diagram changed since you opened the page, so nothing was restored. Check the versions below (the newest is current) and restore again if you still want to.'
      : refusal.message;
    return sendHistory(request, reply, { error });
  };

  app.post('/diagrams/:id/versions/:version/restore', { config: { refill: refillRestore } }, async (request, reply) => {
    const id = idOf(request);
    const version = versionOf((request.params as { version: string }).version);
    if (version === null) return reply.callNotFound();
    // The diagram version the page showed: a restore only from what the person saw.
    const expected = versionOf(field(request.body, 'expected_version'));
    await services.versions.restore(actor(request.signedIn), id, version, expected);
    return reply.redirect(`/app/diagrams/${id}/history?restored=${version}`, 303);
  });

  app.get('/diagrams/:id/versions/:version/image.:format', async (request, reply) => {
    const { version: raw, format } = request.params as { version: string; format: string };
    const query = request.query as Record<string, unknown>;
    const version = versionOf(raw);
    const options = imageOptionsOf(format, query);
    if (version === null || !options) return reply.callNotFound();
    return sendImage(request, reply, await services.versions.image(actor(request.signedIn).owner, idOf(request), version, options));
  });

  app.get('/diagrams/:id/compare/image.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    const query = request.query as Record<string, unknown>;
    const from = versionOf(query.from);
    const options = imageOptionsOf(format, query);
    if (from === null || !options) return reply.callNotFound();
    return sendImage(request, reply, await services.versions.compareImage(actor(request.signedIn).owner, idOf(request), from, versionOf(query.to), options));
  });

  async function sendHistory(request: FastifyRequest, reply: FastifyReply, messages: Pick<HistoryView, 'notice' | 'error'>): Promise<FastifyReply> {
    const { signedIn } = request;
    const { owner } = actor(signedIn);
    const id = idOf(request);
    const query = request.query as Record<string, unknown>;
    const diagram = await services.diagrams.get(owner, id);
    const before = versionOf(query.before);
    const rows = await services.versions.page(owner, id, before, PAGE + 1);
    const versions = rows.slice(0, PAGE);
    const latest = before === null ? rows.slice(0, 2) : await services.versions.page(owner, id, null, 2);
    const restoring = versionOf(query.restore);
    const compare = await compareOf(signedIn, id, versionOf(query.from) ?? latest[1]?.version ?? null, versionOf(query.to) ?? latest[0]?.version ?? null);
    const view: HistoryView = {
      ...messages,
      versions,
      current: latest[0]?.version ?? null,
      authors: await authorsOf(versions),
      before,
      older: rows.length > PAGE ? (versions[versions.length - 1]?.version ?? null) : null,
      compare,
      // Only a listed, older version is offered for restore.
      restore: versions.some((v) => v.version === restoring && v.version !== latest[0]?.version) ? restoring : null,
    };
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(historyPage(signedIn, diagram, view));
  }

  // No pair (a diagram with one version) is no compare; a version that is not there is said on the page.
  async function compareOf(signedIn: SignedIn, id: string, from: number | null, to: number | null): Promise<CompareView | null> {
    if (from === null || to === null) return null;
    try {
      return { from, to, diff: await services.versions.compare(actor(signedIn).owner, id, from, to), error: null };
    } catch (error) {
      return { from, to, diff: null, error: refusalMessage(error) };
    }
  }

  async function authorsOf(versions: DiagramVersion[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const userId of new Set(versions.map((v) => v.created_by))) {
      // An account deleted since keeps its versions (the content is the workspace's).
      const name = await services.accounts.getUserById(userId).then(
        (user) => user.name,
        (error: unknown) => {
          if (!refusalOf(error)) throw error;
          return 'a deleted account';
        },
      );
      names.set(userId, name);
    }
    return names;
  }
}

/** The message of a refusal; a fault of ours is thrown on. */
function refusalMessage(error: unknown): string {
  const refusal = refusalOf(error);
  if (!refusal) throw error;
  return refusal.message;
}

/** A version number from a path or query, or null when absent or not one. */
function versionOf(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
