// /diagrams/{id}/versions: a diagram's BPMN history, newest first; each version's export and image; restore.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DiagramVersionService } from '../../../services/diagram-versions.ts';
import type { ImageService } from '../../../services/images.ts';
import type { CursorCodec, CursorScope } from '../../pagination.ts';
import { actor, checkId, ownerKey } from '../../request-context.ts';
import { errorResponse, IdParams } from '../../schemas.ts';
import { contentDisposition } from '../diagrams/filename.ts';
import { expectedVersion } from '../diagrams/if-match.ts';
import { ImageResponses, replyWithImage } from '../diagrams/image-reply.ts';
import { DiagramSchema, ImageQuery } from '../diagrams/schemas.ts';
import { DiagramVersionListSchema, DiagramVersionSchema, ListVersionsQuery, RestoreHeaders, VersionParams } from './schemas.ts';

export interface DiagramVersionRouteDependencies {
  versions: DiagramVersionService;
  images: ImageService;
  cursors: CursorCodec;
}

export async function diagramVersionRoutes(scope: FastifyInstance, deps: DiagramVersionRouteDependencies): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const { versions, cursors } = deps;

  app.get(
    '/diagrams/:id/versions',
    {
      schema: {
        summary: "List a diagram's versions, newest first (the first is the current content)",
        operationId: 'listDiagramVersions',
        tags: ['versions'],
        params: IdParams,
        querystring: ListVersionsQuery,
        response: { 200: DiagramVersionListSchema },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request) => {
      const { owner } = actor(request);
      const diagramId = checkId(request.params.id);
      const { limit = 20, cursor } = request.query;
      const cursorScope: CursorScope = { list: 'diagram_versions', filter: `diagram_id=${diagramId}`, owner: ownerKey(owner) };
      const before = cursor === undefined ? null : cursors.decodeKey(cursor, cursorScope);
      const page = await versions.page(owner, diagramId, before, limit + 1);
      return cursors.pageByKey(page, limit, cursorScope, (version) => version.version);
    },
  );

  app.get(
    '/diagrams/:id/versions/:version',
    {
      schema: {
        summary: 'Retrieve a version of a diagram',
        operationId: 'getDiagramVersion',
        tags: ['versions'],
        params: VersionParams,
        response: { 200: DiagramVersionSchema },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request) => versions.get(actor(request).owner, checkId(request.params.id), request.params.version),
  );

  app.get(
    '/diagrams/:id/versions/:version/export',
    {
      schema: {
        summary: 'Export a version of a diagram as BPMN 2.0 XML',
        operationId: 'exportDiagramVersion',
        tags: ['versions'],
        params: VersionParams,
        produces: ['application/xml'],
        response: {
          200: { description: 'BPMN 2.0 XML, as an attachment named after the diagram and the version.', content: { 'application/xml': { schema: { type: 'string' } } } },
        },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      const { version, name, bpmn_xml: xml } = await versions.getWithXml(actor(request).owner, checkId(request.params.id), request.params.version);
      return reply
        .type('application/xml; charset=utf-8')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', contentDisposition(`${name} v${version.version}`, '.bpmn'))
        .send(xml);
    },
  );

  app.get(
    '/diagrams/:id/versions/:version/image',
    {
      schema: {
        summary: 'Render a version of a diagram as PNG or SVG, light or dark',
        operationId: 'renderDiagramVersionImage',
        tags: ['versions'],
        params: VersionParams,
        querystring: ImageQuery,
        response: ImageResponses,
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      const { owner } = actor(request);
      const diagramId = checkId(request.params.id);
      const { version } = await versions.get(owner, diagramId, request.params.version);
      // A version's content is the diagram's at that version number: the same cache entry and ETag as its image then.
      const subject = {
        source: { id: diagramId, version },
        load: async () => ({ id: diagramId, version, bpmn_xml: (await versions.getWithXml(owner, diagramId, version)).bpmn_xml }),
      };
      return replyWithImage(request, reply as FastifyReply, deps.images, subject, request.query);
    },
  );

  app.post(
    '/diagrams/:id/versions/:version/restore',
    {
      schema: {
        summary: "Restore a version: its content becomes the diagram's, as a new version",
        operationId: 'restoreDiagramVersion',
        tags: ['versions'],
        params: VersionParams,
        headers: RestoreHeaders,
        response: {
          200: DiagramSchema,
          409: errorResponse('version_conflict: the diagram is no longer at the version given in If-Match; or an Idempotency-Key conflict.'),
        },
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      const diagram = await versions.restore(actor(request), checkId(request.params.id), request.params.version, expected);
      return reply.header('ETag', `"${diagram.version}"`).send(diagram);
    },
  );
}
