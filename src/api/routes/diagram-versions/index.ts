// /diagrams/{id}/versions: a diagram's BPMN history, newest first; each version's export and image; restore; and
// /diagrams/{id}/compare: what changed between two versions, as data and as a marked-up image.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DiagramVersionService } from '../../../services/diagram-versions.ts';
import type { CursorCodec, CursorScope } from '../../pagination.ts';
import { actor, checkId, ownerKey } from '../../request-context.ts';
import { described, errorResponse, IdParams } from '../../schemas.ts';
import { contentDisposition } from '../diagrams/filename.ts';
import { expectedVersion } from '../diagrams/if-match.ts';
import { ImageResponses, replyWithImage } from '../diagrams/image-reply.ts';
import { DiagramSchema, ImageQuery } from '../diagrams/schemas.ts';
import {
  CompareImageQuery,
  CompareQuery,
  DiagramCompareSchema,
  DiagramVersionListSchema,
  DiagramVersionSchema,
  ListVersionsQuery,
  RestoreHeaders,
  VersionParams,
} from './schemas.ts';

export interface DiagramVersionRouteDependencies {
  versions: DiagramVersionService;
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
        response: { 200: described(DiagramVersionListSchema, 'A page of versions, newest first, with next_cursor.') },
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
        response: { 200: described(DiagramVersionSchema, 'The version (its content is at /export).') },
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
      return replyWithImage(request, reply as FastifyReply, request.query, (options) => versions.image(owner, diagramId, request.params.version, options));
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
          200: described(DiagramSchema, 'The diagram with the restored content, as a new version.'),
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

  app.get(
    '/diagrams/:id/compare',
    {
      schema: {
        summary: 'Compare two versions of a diagram: added, removed, changed and moved elements, keyed by element id',
        operationId: 'compareDiagramVersions',
        tags: ['versions'],
        params: IdParams,
        querystring: CompareQuery,
        response: { 200: described(DiagramCompareSchema, 'What changed between the two versions, by element id.') },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request) => versions.compare(actor(request).owner, checkId(request.params.id), request.query.from, request.query.to ?? null),
  );

  app.get(
    '/diagrams/:id/compare/image',
    {
      schema: {
        summary: 'Draw the `to` version with what changed since `from` marked: added green, changed amber, removed as red ghosts',
        operationId: 'renderDiagramCompareImage',
        tags: ['versions'],
        params: IdParams,
        querystring: CompareImageQuery,
        response: { ...ImageResponses, 200: { ...ImageResponses[200], description: 'The compare image, with a legend. ETag per pair of versions and options; If-None-Match answers 304.' } },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      const { owner } = actor(request);
      const diagramId = checkId(request.params.id);
      const { from, to, ...image } = request.query;
      return replyWithImage(request, reply as FastifyReply, image, (options) => versions.compareImage(owner, diagramId, from, to ?? null, options));
    },
  );
}
